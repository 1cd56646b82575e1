#!/usr/bin/env bash
# Builds the real servers the *RealIT tests run, from their Go modules, pinned, into a cache that later runs
# reuse (a stamp file per component; a cached component takes no time). Usage: build.sh [component...]
#   components: coredns coredns-1.6.2 etcd kube-apiserver istio-plugin-fake (default: all)
# A component that cannot be built with today's Go (old CoreDNS) is recorded in its FAILED file, not fatal,
# unless it is one the tests cannot do without.
set -euo pipefail

COREDNS_VERSION=v1.14.7
COREDNS_OLD_VERSION=v1.6.2        # what Istio 1.4-1.8's istiocoredns shipped
ETCD_VERSION=v3.6.16
KUBERNETES_VERSION=v1.34.4        # staging modules are v0.34.4

CACHE="${SVCALIAS_TESTBED_CACHE:-$HOME/.cache/svcalias-testbed}"
HERE="$(cd "$(dirname "$0")" && pwd)"
export GOFLAGS=-mod=mod CGO_ENABLED=0
mkdir -p "$CACHE"

log() { printf '[testbed %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# build NAME VERSION FUNCTION: runs FUNCTION in a scratch module dir unless CACHE/NAME-VERSION/ok exists
build() {
  local name=$1 version=$2 fn=$3 out="$CACHE/$1-$2"
  if [ -f "$out/ok" ]; then log "$name $version: cached"; return 0; fi
  mkdir -p "$out"; rm -f "$out/FAILED"
  local work; work=$(mktemp -d)
  local start=$SECONDS
  log "$name $version: building (first time; this takes a while)"
  if (cd "$work" && "$fn" "$version" "$out") > "$out/build.log" 2>&1; then
    echo "$((SECONDS - start))s" > "$out/ok"
    log "$name $version: built in $((SECONDS - start))s"
  else
    tail -n 30 "$out/build.log" > "$out/FAILED"
    log "$name $version: FAILED after $((SECONDS - start))s (see $out/FAILED)"
    rm -rf "$work"
    return 1
  fi
  rm -rf "$work"
}

coredns_current() {
  go mod init svcalias.dev/testbed/coredns >/dev/null
  go get "github.com/coredns/coredns@$1"
  go build -trimpath -ldflags='-s -w' -o "$2/coredns" github.com/coredns/coredns
  "$2/coredns" -version | grep -q "CoreDNS-${1#v}"
}

coredns_old() {
  # Built as the main module from its own source, so its go.mod (and its miekg/dns replace) decide every
  # dependency version; as a dependency of another module, MVS would upgrade them (and CoreDNS itself).
  local src; src=$(go mod download -json "github.com/coredns/coredns@$1" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
  cp -r "$src/." . && chmod -R u+w .
  # one pseudo-version it pins is no longer served by the module proxy (403): take the first release after it
  go mod edit -replace github.com/census-instrumentation/opencensus-proto@v0.1.0-0.20181214143942-ba49f56771b8=github.com/census-instrumentation/opencensus-proto@v0.2.0
  go build -trimpath -ldflags='-s -w' -o "$2/coredns" .
  "$2/coredns" -version | grep -q "CoreDNS-${1#v}"
}

etcd() {
  # etcd's go.mod files replace their sibling modules with ../paths: pin every sibling at the same version
  go mod init svcalias.dev/testbed/etcd >/dev/null
  local v=$1
  for m in server/v3 api/v3 client/pkg/v3 client/v3 pkg/v3; do
    go mod edit -require "go.etcd.io/etcd/$m@$v"
  done
  go build -trimpath -ldflags='-s -w' -o "$2/etcd" go.etcd.io/etcd/server/v3
}

kube_apiserver() {
  # k8s.io/kubernetes requires its staging modules at v0.0.0 and replaces them with ./staging paths;
  # our module maps each of them to its published v0.x release instead.
  local v=$1 staging="v0.${1#v1.}"
  go mod init svcalias.dev/testbed/apiserver >/dev/null
  local modfile; modfile=$(go mod download -json "k8s.io/kubernetes@$v" | sed -n 's/.*"GoMod": "\(.*\)".*/\1/p')
  sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' "$modfile" | sort -u | while read -r m; do
    go mod edit -replace "$m=$m@$staging"
  done
  go mod edit -require "k8s.io/kubernetes@$v"
  go build -trimpath -ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$v" \
    -o "$2/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver
}

istio_plugin_fake() {
  cp -r "$HERE/istio-plugin-fake/." .
  go build -trimpath -ldflags='-s -w' -o "$2/istio-plugin-fake" .
}

components=("$@")
has() { [ ${#components[@]} -eq 0 ] && return 0; local c; for c in "${components[@]}"; do [ "$c" = "$1" ] && return 0; done; return 1; }

status=0
has coredns && { build coredns "$COREDNS_VERSION" coredns_current || status=1; }
if has istio-plugin-fake; then
  # cached by a hash of its sources; the stable link is what the tests start
  plugin_version=$(cd "$HERE/istio-plugin-fake" && cat go.mod go.sum main.go | sha1sum | cut -c1-12)
  build istio-plugin-fake "$plugin_version" istio_plugin_fake && ln -sfn "istio-plugin-fake-$plugin_version" "$CACHE/istio-plugin-fake" || status=1
fi
has etcd && { build etcd "$ETCD_VERSION" etcd || status=1; }
has kube-apiserver && { build kube-apiserver "$KUBERNETES_VERSION" kube_apiserver || status=1; }
# the old CoreDNS is best effort: the tests fall back to the current parser when it cannot be built
has coredns-1.6.2 && { build coredns "$COREDNS_OLD_VERSION" coredns_old || log "coredns $COREDNS_OLD_VERSION unavailable: $(tail -n 3 "$CACHE/coredns-$COREDNS_OLD_VERSION/FAILED" | tr '\n' ' ')"; }
exit $status
