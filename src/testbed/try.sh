#!/usr/bin/env bash
# The README's first command: run the recipe (init, alias add, verify) with the jar the build just made, and end
# with the verified alias.
#   bash src/testbed/try.sh [--yes] [ALIAS TARGET]      (default: my-fruits fruits-api-service.micro-shake-factory)
# - With a current kube context it works on that cluster, and without --yes it changes NOTHING: it shows what
#   init and alias add would write (--dry-run diffs) and stops. With --yes it applies them, verifies, and prints
#   the two commands that undo everything byte for byte (alias remove, reset).
# - Without a kube context it uses the sandbox (src/testbed/sandbox.sh: a real kube-apiserver, etcd and CoreDNS
#   on 127.0.0.1, built from their Go modules on the first run, about 15-20 minutes on 2 cores, with progress),
#   applies the recipe there and leaves the sandbox running for you (stop: bash src/testbed/sandbox.sh stop).
# SVCALIAS_TRY_DOMAIN sets the zone (default internal); SVCALIAS_TRY_SANDBOX=1 uses the sandbox even with a context.
set -euo pipefail
cd "$(dirname "$0")/../.."

yes=false
if [ "${1:-}" = "--yes" ]; then yes=true; shift; fi
alias_name=${1:-my-fruits}
target=${2:-fruits-api-service.micro-shake-factory}
domain=${SVCALIAS_TRY_DOMAIN:-internal}
jar=target/svcalias.jar
[ -f "$jar" ] || { echo "error: $jar is missing; fix: mvn -q -DskipTests package" >&2; exit 2; }
say() { printf '\n== %s\n' "$*"; }
svcalias() { echo "\$ svcalias $*"; java -jar "$jar" "$@"; }

# a current context, as kubectl would find it: $KUBECONFIG (first file naming one), else ~/.kube/config
current_context() {
  local files=${KUBECONFIG:-$HOME/.kube/config} file
  IFS=: read -r -a list <<< "$files"
  for file in "${list[@]}"; do
    [ -f "$file" ] || continue
    sed -n 's/^current-context: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$file" | head -n 1
    return 0
  done
}

verified() { # the verify table's row for the alias: "NAME EXPECTED A ..." -> one closing line
  local row; row=$(grep -E "^$alias_name\.$domain " "$1" | head -n 1 || true)
  echo
  echo "verified: $alias_name.$domain -> $target ($(awk '{print $2}' <<< "$row")), checked by svcalias verify (exit 0)"
}

context=$(current_context || true)
if [ -n "$context" ] && [ "${SVCALIAS_TRY_SANDBOX:-}" != 1 ]; then
  say "kube context '$context': the recipe against your cluster"
  if ! $yes; then
    echo "Nothing is changed without --yes; this is what it would do:"
    svcalias init --domain "$domain" --dry-run
    svcalias alias add "$alias_name" "$target" --domain "$domain" --dry-run
    say "to apply, verify and print the alias: bash src/testbed/try.sh --yes $alias_name $target"
    echo "   (undo afterwards, byte for byte: svcalias alias remove $alias_name --domain $domain; svcalias reset)"
    exit 0
  fi
  svcalias init --domain "$domain"
  svcalias alias add "$alias_name" "$target" --domain "$domain"
  out=$(mktemp); trap 'rm -f "$out"' EXIT
  svcalias verify --domain "$domain" --wait --timeout 180s | tee "$out"
  verified "$out"
  echo "undo, byte for byte: java -jar $jar alias remove $alias_name --domain $domain && java -jar $jar reset"
  exit 0
fi

say "no kube context: the recipe against the sandbox (real kube-apiserver, etcd and CoreDNS on 127.0.0.1)"
cache=${SVCALIAS_TESTBED_CACHE:-$HOME/.cache/svcalias-testbed}
if ! bash src/testbed/sandbox.sh status > /dev/null 2>&1; then
  if ! compgen -G "$cache/kubernetes-*/ok" > /dev/null; then
    echo "The first run builds the sandbox's servers from their Go modules (kube-apiserver, etcd, CoreDNS; about"
    echo "15-20 minutes on 2 cores, then cached in $cache). Progress:"
  fi
  bash src/testbed/sandbox.sh start > /dev/null
fi
# shellcheck disable=SC1091
source "${SVCALIAS_SANDBOX_DIR:-${TMPDIR:-/tmp}/svcalias-sandbox}/env"
echo "sandbox running: $KUBECONFIG"
svcalias init --domain "$domain"
svcalias alias add "$alias_name" "$target" --domain "$domain"
out=$(mktemp); trap 'rm -f "$out"' EXIT
# the sandbox's kube-dns listens on a loopback port; in a cluster verify asks kube-dns from a probe pod
svcalias verify --domain "$domain" --nameserver "$SVCALIAS_SANDBOX_DNS" --wait --timeout 120s | tee "$out"
verified "$out"
echo "The sandbox keeps running; to use it from your shell: source ${SVCALIAS_SANDBOX_DIR:-${TMPDIR:-/tmp}/svcalias-sandbox}/env"
echo "  bash src/testbed/sandbox.sh stop"
