#!/usr/bin/env bash
# A local cluster to try svcalias on, without a cluster: a real kube-apiserver + etcd, kube-dns and istiocoredns
# (real CoreDNS) and a stand-in for Istio's CoreDNS plugin, all on 127.0.0.1, seeded like the recipe's cluster
# (istio-system/istiocoredns, micro-shake-factory/fruits-api-service 10.103.1.1).
#   sandbox.sh start   start it (the first start builds the servers, see docs/testbed.md) and print the env
#   sandbox.sh stop    stop it
#   sandbox.sh demo    start it, then run the recipe with svcalias: init, alias add, verify, status
set -euo pipefail
cd "$(dirname "$0")/../.."
STATE="${SVCALIAS_SANDBOX_DIR:-${TMPDIR:-/tmp}/svcalias-sandbox}"
mkdir -p "$STATE"

start() {
  if [ -f "$STATE/pid" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then
    cat "$STATE/env"; return 0
  fi
  bash src/testbed/build.sh >&2
  mvn -q -DskipTests test-compile >&2
  mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$STATE/classpath" >&2
  rm -f "$STATE/env"
  nohup java -cp "target/test-classes:target/classes:$(cat "$STATE/classpath")" dev.svcalias.testbed.Sandbox \
    "$STATE" > "$STATE/sandbox.log" 2>&1 &
  echo $! > "$STATE/pid"
  for _ in $(seq 1 180); do
    if [ -f "$STATE/env" ]; then cat "$STATE/env"; return 0; fi
    if ! kill -0 "$(cat "$STATE/pid")" 2>/dev/null; then
      echo "sandbox failed to start:" >&2; tail -n 30 "$STATE/sandbox.log" >&2; return 1
    fi
    sleep 1
  done
  echo "sandbox did not start within 3 minutes; see $STATE/sandbox.log" >&2; return 1
}

stop() {
  if [ -f "$STATE/pid" ]; then kill "$(cat "$STATE/pid")" 2>/dev/null || true; rm -f "$STATE/pid" "$STATE/env"; fi
  echo "sandbox stopped"
}

demo() {
  start > /dev/null
  # shellcheck disable=SC1091
  source "$STATE/env"
  [ -f target/svcalias.jar ] || mvn -q -DskipTests package
  run() { echo "\$ svcalias $*"; java -jar target/svcalias.jar "$@"; echo; }
  run init --domain internal
  run alias add my-fruits fruits-api-service.micro-shake-factory
  run verify --nameserver "$SVCALIAS_SANDBOX_DNS" --wait --timeout 60s
  run status
  echo "The sandbox keeps running: source $STATE/env, try more commands, then: bash src/testbed/sandbox.sh stop"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  demo) demo ;;
  *) echo "usage: sandbox.sh start|stop|demo" >&2; exit 2 ;;
esac
