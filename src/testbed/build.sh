#!/usr/bin/env bash
# Builds the real servers the *RealIT tests run, from their Go modules, at the versions pinned in versions.env,
# into a cache that later runs reuse: $SVCALIAS_TESTBED_CACHE (default ~/.cache/svcalias-testbed)/<component>-<version>/
# with a stamp file `ok`. A cached component costs nothing; only a missing one (or one whose recipe revision
# below changed) is built. Usage: build.sh [component...]
#   components: kubernetes etcd coredns coredns-istio coredns-proxy istio-plugin-fake pilot-discovery
#               istio-dns-proxy pause node-images (default: all)
# kubernetes is kube-apiserver, kubectl and the node's binaries (kubelet, kube-proxy, kube-scheduler,
# kube-controller-manager), built by one `go build` so that the packages they share compile once.
# node-images are the image tarballs the node imports (pause, busybox from Debian's busybox-static, CoreDNS,
# and istiocoredns's CoreDNS 1.6.2 and the fake plugin).
# kube-apiserver, kubectl, etcd, the current CoreDNS, the fake plugin, istiod (pilot-discovery) and the Istio DNS
# proxy client must build (exit 1 otherwise). The two old CoreDNS
# releases are best effort: when one cannot be built, its FAILED file says why and the tests fall back (see
# docs/testbed.md).
# Only the Go toolchain and the module proxy are used; sources are fetched into Go's module cache at build time.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.env
source "$HERE/versions.env"
CACHE="${SVCALIAS_TESTBED_CACHE:-$HOME/.cache/svcalias-testbed}"
command -v go > /dev/null || { echo "build.sh needs the Go toolchain (go) on PATH" >&2; exit 1; }
export GOFLAGS=-mod=mod CGO_ENABLED=0
mkdir -p "$CACHE"

log() { printf '[testbed %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# One build at a time per cache (two test JVMs, or CI and a developer, may start this together).
exec 9>"$CACHE/.lock"
if ! flock -n 9; then
  log "another build holds $CACHE/.lock; waiting"
  flock 9
fi

# build NAME VERSION RECIPE_REVISION FUNCTION: runs FUNCTION VERSION OUTDIR in a scratch dir unless
# CACHE/NAME-VERSION/ok names the same recipe revision (stamps without one count as revision 1).
build() {
  local name=$1 version=$2 recipe=$3 fn=$4 out="$CACHE/$1-$2"
  if [ -f "$out/ok" ]; then
    local have; have=$(sed -n 's/^recipe //p' "$out/ok"); have=${have:-1}
    if [ "$have" = "$recipe" ]; then log "$name $version: cached"; return 0; fi
    log "$name $version: cached with recipe $have, rebuilding with recipe $recipe"
  fi
  mkdir -p "$out"; rm -f "$out/FAILED" "$out/ok"
  local work; work=$(mktemp -d)
  local start=$SECONDS
  log "$name $version: building (the first build of a component takes minutes; log: $out/build.log)"
  # a fresh bash, so that errexit stops the recipe at its first failing command (bash ignores set -e in
  # functions called from a condition, as build is)
  if (cd "$work" && bash -euo pipefail -c '"$@"' recipe "$fn" "$version" "$out") > "$out/build.log" 2>&1; then
    printf 'recipe %s\nbuilt in %ss with %s\n' "$recipe" "$((SECONDS - start))" "$(go env GOVERSION)" > "$out/ok"
    log "$name $version: built in $((SECONDS - start))s"
    rm -rf "$work"
  else
    grep -v '^go: downloading' "$out/build.log" | tail -n 40 > "$out/FAILED"
    log "$name $version: FAILED after $((SECONDS - start))s (see $out/FAILED)"
    rm -rf "$work"
    return 1
  fi
}

modfield() { # MODULE@VERSION FIELD: a field (Dir, GoMod) of go mod download -json; fails with go's error
  local json
  json=$(go mod download -json "$1") || { echo "go mod download $1 failed: $json" >&2; return 1; }
  sed -n "s/.*\"$2\": \"\(.*\)\".*/\1/p" <<< "$json"
}

gobuild() { # OUT PACKAGE [EXTRA_LDFLAGS]
  go build -trimpath -ldflags="-s -w ${3:-}" -o "$1" "$2"
}

kubernetes_module() { # VERSION MODULE_NAME: a module requiring k8s.io/kubernetes@VERSION; prints the -ldflags
  # k8s.io/kubernetes requires its staging modules (k8s.io/api, k8s.io/apimachinery, ...) at v0.0.0 and replaces
  # them with ./staging paths, which only work inside its own repository. Our module replaces each of them
  # with its published v0.<minor>.<patch> release instead (v1.34.4 -> v0.34.4).
  local v=$1 staging="v0.${1#v1.}"
  go mod init "$2" >&2
  local modfile; modfile=$(modfield "k8s.io/kubernetes@$v" GoMod)
  [ -f "$modfile" ]
  local m
  for m in $(sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/.*#\1#p' "$modfile" | sort -u); do
    go mod edit -replace "$m=$m@$staging"
  done
  go mod edit -require "k8s.io/kubernetes@$v"
  cat go.mod >&2
  # the version stamps Kubernetes' own build (hack/lib/version.sh) sets; without them /version says v0.0.0-master
  local minor=${v#v1.} x p ldflags=""
  minor=${minor%%.*}
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    for x in gitVersion=$v gitMajor=1 gitMinor=$minor gitTreeState=clean; do ldflags="$ldflags -X $p.$x"; done
  done
  echo "$ldflags"
}

kubernetes_binaries() {
  # kube-apiserver, kubectl (svcalias's plugin check, benchmarks) and a node's binaries (kubelet, kube-proxy,
  # kube-scheduler, kube-controller-manager) from one module in ONE go build: the packages they share (client-go,
  # api, apimachinery, ...) compile once, and the build runs as many packages in parallel as there are cores
  local ldflags; ldflags=$(kubernetes_module "$1" svcalias.dev/testbed/kubernetes)
  local c pkgs=()
  for c in kube-apiserver kubectl kubelet kube-proxy kube-scheduler kube-controller-manager; do
    pkgs+=("k8s.io/kubernetes/cmd/$c")
  done
  go build -trimpath -ldflags="-s -w $ldflags" -o "$2/" "${pkgs[@]}"
  "$2/kube-apiserver" --version
  "$2/kubectl" version --client
  "$2/kubelet" --version
}

etcd() {
  # etcd's go.mod files replace their sibling modules with ../paths: pin every sibling at the same version
  go mod init svcalias.dev/testbed/etcd
  local m
  for m in server/v3 api/v3 client/pkg/v3 client/v3 pkg/v3; do
    go mod edit -require "go.etcd.io/etcd/$m@$1"
  done
  gobuild "$2/etcd" go.etcd.io/etcd/server/v3
}

coredns_current() {
  go mod init svcalias.dev/testbed/coredns
  go get "github.com/coredns/coredns@$1"
  gobuild "$2/coredns" github.com/coredns/coredns
}

coredns_istio() {
  # CoreDNS 1.6.2 built as its own main module, so its go.mod (requires, its miekg/dns replace) and go.sum
  # decide every dependency version, exactly as its release was built. A go 1.12 module graph is not pruned,
  # so every version it names must be downloadable; the one the module proxy does not serve is replaced by
  # the next release (a transitive dependency of go-autorest's tracing; not compiled into CoreDNS).
  local src; src=$(modfield "github.com/coredns/coredns@$1" Dir)
  [ -f "$src/go.mod" ]
  cp -r "$src/." . && chmod -R u+w .
  go mod edit -replace github.com/census-instrumentation/opencensus-proto@v0.1.0-0.20181214143942-ba49f56771b8=github.com/census-instrumentation/opencensus-proto@v0.2.0
  gobuild "$2/coredns" .
  "$2/coredns" -version
}

coredns_proxy() {
  # CoreDNS 1.1.2 predates Go modules: coredns-1.1.2/ holds our main package (its plugins but four whose
  # dependencies the module proxy does not serve) and a go.mod pinning what its Makefile and Gopkg.lock used
  cp "$HERE/coredns-1.1.2/main.go" "$HERE/coredns-1.1.2/go.mod" "$HERE/coredns-1.1.2/go.sum" .
  grep -q "github.com/coredns/coredns $1\$" go.mod || { echo "coredns-1.1.2/go.mod does not pin $1"; return 1; }
  gobuild "$2/coredns" .
  "$2/coredns" -version
}

istio_plugin_fake() {
  cp -r "$HERE/istio-plugin-fake/." .
  gobuild "$2/istio-plugin-fake" .
}

pilot_discovery() {
  # istiod, istio.io/istio's own main package. Our module requires only istio.io/istio, which has no replace
  # directives, so minimal version selection picks exactly the versions of its go.mod.
  go mod init svcalias.dev/testbed/pilot-discovery
  go mod edit -require "istio.io/istio@$1"
  gobuild "$2/pilot-discovery" istio.io/istio/pilot/cmd/pilot-discovery "-X istio.io/istio/pkg/version.buildVersion=$1"
  # the CRDs this istiod watches, as its module ships them (the base chart's crd-all.gen.yaml)
  local src; src=$(modfield "istio.io/istio@$1" Dir)
  cp "$src/manifests/charts/base/files/crd-all.gen.yaml" "$2/crd-all.gen.yaml"
  chmod u+w "$2/crd-all.gen.yaml"
  "$2/pilot-discovery" version --short
}

istio_dns_proxy() {
  # a thin main around Istio's DNS proxy (pkg/dns/client) and ADS client (pkg/adsc), at the pinned istio.io/istio
  cp "$HERE/istio-dns-proxy/main.go" "$HERE/istio-dns-proxy/go.mod" "$HERE/istio-dns-proxy/go.sum" .
  grep -q "istio.io/istio $ISTIO_VERSION\$" go.mod || { echo "istio-dns-proxy/go.mod does not pin istio.io/istio $ISTIO_VERSION"; return 1; }
  gobuild "$2/istio-dns-proxy" .
}

pause() {
  cp "$HERE/pause/main.go" "$HERE/pause/go.mod" .
  gobuild "$2/pause" .
}

# image_tar OUT REPO:TAG ROOTFS ENTRYPOINT_JSON: a docker-archive image (manifest.json, config, one layer) that
# `ctr images import` reads; every tar is written with fixed owners, order and times, so the same inputs give the
# same bytes (and the same image ID)
image_tar() {
  local out=$1 tag=$2 rootfs=$3 entry=$4 d; d=$(mktemp -d)
  local tarflags=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu)
  tar "${tarflags[@]}" -C "$rootfs" -cf "$d/layer.tar" .
  local diff cfg; diff=$(sha256sum "$d/layer.tar" | cut -d' ' -f1)
  printf '{"architecture":"%s","os":"linux","config":{"Entrypoint":%s,"Env":["PATH=/bin"]},"rootfs":{"type":"layers","diff_ids":["sha256:%s"]}}' \
    "$(go env GOARCH)" "$entry" "$diff" > "$d/config.json"
  cfg=$(sha256sum "$d/config.json" | cut -d' ' -f1)
  mv "$d/config.json" "$d/$cfg.json"; mkdir "$d/$diff"; mv "$d/layer.tar" "$d/$diff/layer.tar"
  printf '[{"Config":"%s.json","RepoTags":["%s"],"Layers":["%s/layer.tar"]}]' "$cfg" "$tag" "$diff" > "$d/manifest.json"
  tar "${tarflags[@]}" -C "$d" -cf "$out" manifest.json "$cfg.json" "$diff"
  rm -rf "$d"
}

node_images() {
  # the images a node runs, from local files only (there is no registry): names without a registry host, as
  # Docker Hub's short names, so `busybox:1.36` is svcalias verify's default probe image
  local busybox=${SVCALIAS_BUSYBOX:-/bin/busybox} r
  [ -x "$busybox" ] && ! ldd "$busybox" > /dev/null 2>&1 || { echo "$busybox is not a static busybox (apt-get install busybox-static)"; return 1; }
  r=$(mktemp -d); mkdir -p "$r/pause"; cp "$OURS_PAUSE" "$r/pause/pause"
  image_tar "$2/pause.tar" "svcalias-testbed/pause:1" "$r/pause" '["/pause"]'
  mkdir -p "$r/busybox/bin" "$r/busybox/tmp"; cp "$busybox" "$r/busybox/bin/busybox"
  local a
  for a in $("$busybox" --list); do [ "$a" = busybox ] || ln -s busybox "$r/busybox/bin/$a"; done
  image_tar "$2/busybox.tar" "busybox:1.36" "$r/busybox" '["/bin/sh"]'
  mkdir -p "$r/coredns"; cp "$CACHE/coredns-$COREDNS_VERSION/coredns" "$r/coredns/coredns"
  image_tar "$2/coredns.tar" "coredns/coredns:${COREDNS_VERSION#v}" "$r/coredns" '["/coredns"]'
  # istiocoredns of Istio 1.4-1.8 as pods: its CoreDNS (best effort, like its build) and the fake plugin beside it
  if [ -x "$CACHE/coredns-$COREDNS_ISTIO_VERSION/coredns" ]; then
    mkdir -p "$r/coredns-istio"; cp "$CACHE/coredns-$COREDNS_ISTIO_VERSION/coredns" "$r/coredns-istio/coredns"
    image_tar "$2/coredns-istio.tar" "coredns/coredns:${COREDNS_ISTIO_VERSION#v}" "$r/coredns-istio" '["/coredns"]'
  fi
  mkdir -p "$r/istio-plugin-fake"; cp "$OURS_PLUGIN" "$r/istio-plugin-fake/istio-plugin-fake"
  image_tar "$2/istio-plugin-fake.tar" "svcalias-testbed/istio-plugin-fake:1" "$r/istio-plugin-fake" '["/istio-plugin-fake"]'
  rm -rf "$r"
  sha256sum "$2"/*.tar
}

export HERE ISTIO_VERSION CACHE COREDNS_VERSION COREDNS_ISTIO_VERSION
export -f modfield gobuild kubernetes_module kubernetes_binaries pause image_tar node_images etcd coredns_current coredns_istio coredns_proxy istio_plugin_fake \
  pilot_discovery istio_dns_proxy

# ours_version NAME: the version of a component of ours, a hash of its sources (its go.mod pins what it builds against)
ours_version() {
  (cd "$HERE/$1" && cat go.mod go.sum ./*.go | sha1sum | cut -c1-12)
}

# build_ours NAME FUNCTION: a component of ours in $HERE/NAME at ours_version; the stable link NAME -> NAME-<version>
# is what the tests start
build_ours() {
  local version; version=$(ours_version "$1")
  build "$1" "$version" 1 "$2" || return 1
  local link="$CACHE/$1"
  [ -d "$link" ] && [ ! -L "$link" ] && rm -rf "$link"
  ln -sfnT "$1-$version" "$link"
}

main() {
  components=("$@")
  want() { [ ${#components[@]} -eq 0 ] && return 0; local c; for c in "${components[@]}"; do [ "$c" = "$1" ] && return 0; done; return 1; }

  status=0
  total=$SECONDS
  want istio-plugin-fake && { build_ours istio-plugin-fake istio_plugin_fake || status=1; }
  want etcd && { build etcd "$ETCD_VERSION" 1 etcd || status=1; }
  want coredns && { build coredns "$COREDNS_VERSION" 1 coredns_current || status=1; }
  want kubernetes && { build kubernetes "$KUBERNETES_VERSION" 1 kubernetes_binaries || status=1; }
  want pilot-discovery && { build pilot-discovery "$ISTIO_VERSION" 1 pilot_discovery || status=1; }
  want istio-dns-proxy && { build_ours istio-dns-proxy istio_dns_proxy || status=1; }
  want pause && { build_ours pause pause || status=1; }
  # best effort: the tests fall back when an old CoreDNS cannot be built with today's Go (see docs/testbed.md)
  want coredns-istio && { build coredns "$COREDNS_ISTIO_VERSION" 2 coredns_istio || true; }
  want coredns-proxy && { build coredns "$COREDNS_PROXY_VERSION" 3 coredns_proxy || true; }
  if want node-images; then # versioned by what goes into them: the programs, busybox, the CoreDNSes, the recipe
    # our programs at this checkout's versions, not through their links (another checkout re-points those)
    OURS_PAUSE="$CACHE/pause-$(ours_version pause)/pause"
    OURS_PLUGIN="$CACHE/istio-plugin-fake-$(ours_version istio-plugin-fake)/istio-plugin-fake"
    export OURS_PAUSE OURS_PLUGIN
    local images; images=$( (cat "$OURS_PAUSE" "${SVCALIAS_BUSYBOX:-/bin/busybox}" \
      "$CACHE/coredns-$COREDNS_VERSION/coredns" "$CACHE/coredns-$COREDNS_ISTIO_VERSION/coredns" \
      "$OURS_PLUGIN"; declare -f image_tar node_images) 2>/dev/null | sha1sum | cut -c1-12)
    build node-images "$images" 2 node_images || status=1
    ln -sfnT "node-images-$images" "$CACHE/node-images"
  fi
  log "done in $((SECONDS - total))s (cache: $CACHE)"
  exit $status
}

# the whole script is read before it runs, so editing it while a build runs cannot change that build
main "$@"
exit $?
