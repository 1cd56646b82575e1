#!/usr/bin/env bash
# A local cluster to try svcalias on, without a cluster: a real kube-apiserver + etcd, kube-dns and istiocoredns
# (real CoreDNS) and a stand-in for Istio's CoreDNS plugin, all on 127.0.0.1, seeded like the recipe's cluster
# (istio-system/istiocoredns, micro-shake-factory/fruits-api-service 10.103.1.1). See docs/testbed.md.
#   sandbox.sh start [grpc|proxy|coredns|istio]  start it (the first start builds the servers) and print the
#                                  environment; proxy: istiocoredns as Istio 1.1-1.3 ran it (CoreDNS 1.1.2, proxy
#                                  plugin); coredns: no istiocoredns (Istio 1.9+ or no Istio), svcalias's coredns mode;
#                                  istio: no istiocoredns, a real istiod and a meshed pod's DNS (Istio's DNS proxy)
#   sandbox.sh start --node        a real one-node cluster instead (root only): containerd, kubelet, kube-proxy,
#                                  scheduler and controllers on this machine, CoreDNS as a 2-replica Deployment
#                                  behind kube-dns's ClusterIP; plain `svcalias verify` runs its probe pod
#   sandbox.sh stop                stop it (every process, and its temp dir)
#   sandbox.sh status              print the environment if it runs
#   sandbox.sh demo                start it, then run the recipe with svcalias: init, alias add, verify, status
set -euo pipefail
cd "$(dirname "$0")/../.."
STATE="${SVCALIAS_SANDBOX_DIR:-${TMPDIR:-/tmp}/svcalias-sandbox}"
mkdir -p "$STATE"

running() { [ -f "$STATE/pid" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null; }

print_env() {
  cat "$STATE/env"
  # shellcheck disable=SC1091
  source "$STATE/env"
  cat <<EOF
# kube-dns (CoreDNS fed from kube-system/coredns):  $SVCALIAS_SANDBOX_DNS
# istiocoredns (CoreDNS fed from istio-system/coredns): $SVCALIAS_SANDBOX_ISTIOCOREDNS
# istio: a meshed pod's DNS (Istio's DNS proxy fed by istiod): ${SVCALIAS_SANDBOX_MESH_DNS:-none}; istiod: ${SVCALIAS_SANDBOX_ISTIOD:-none}
# Paste the exports above into your shell, or: source $STATE/env
# Try: svcalias init --domain internal; svcalias alias add my-fruits fruits-api-service.micro-shake-factory;
#      svcalias verify --nameserver \$SVCALIAS_SANDBOX_DNS --wait   (with --node: plain svcalias verify --wait)
# Stop: bash src/testbed/sandbox.sh stop
EOF
}

start() {
  if running; then print_env; return 0; fi
  bash src/testbed/build.sh >&2
  mvn -q -DskipTests test-compile >&2
  mvn -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$STATE/classpath" >&2
  rm -f "$STATE/env"
  nohup java -cp "target/test-classes:target/classes:$(cat "$STATE/classpath")" dev.svcalias.testbed.Sandbox \
    "$STATE" "${1:-grpc}" > "$STATE/sandbox.log" 2>&1 &
  echo $! > "$STATE/pid"
  for _ in $(seq 1 180); do
    if [ -f "$STATE/env" ]; then print_env; return 0; fi
    if ! running; then
      echo "sandbox failed to start:" >&2; tail -n 40 "$STATE/sandbox.log" >&2; rm -f "$STATE/pid"; return 1
    fi
    sleep 1
  done
  echo "sandbox did not start within 3 minutes; see $STATE/sandbox.log" >&2; return 1
}

stop() {
  if running; then
    local pid; pid=$(cat "$STATE/pid")
    kill "$pid"   # the JVM's shutdown hook stops every server process and removes their temp dir
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
  fi
  rm -f "$STATE/pid" "$STATE/env"
  echo "sandbox stopped"
}

demo() {
  start "${1:-grpc}" > /dev/null
  # shellcheck disable=SC1091
  source "$STATE/env"
  [ -f target/svcalias.jar ] || mvn -q -DskipTests package
  run() { echo "\$ svcalias $*"; java -jar target/svcalias.jar "$@"; echo; }
  run init --domain internal
  run alias add my-fruits fruits-api-service.micro-shake-factory
  if [ -n "${SVCALIAS_SANDBOX_MESH_DNS:-}" ]; then
    run verify --nameserver "$SVCALIAS_SANDBOX_DNS" --meshed --proxy-nameserver "$SVCALIAS_SANDBOX_MESH_DNS" --wait --timeout 60s
  else
    run verify --nameserver "$SVCALIAS_SANDBOX_DNS" --wait --timeout 60s
  fi
  run status
  echo "The sandbox keeps running: source $STATE/env, try more commands, then: bash src/testbed/sandbox.sh stop"
}

case "${1:-}" in
  start) if [ "${2:-}" = --node ]; then start node; else start "${2:-grpc}"; fi ;;
  stop) stop ;;
  status) if running; then print_env; else echo "sandbox not running"; exit 1; fi ;;
  demo) demo "${2:-grpc}" ;;
  *) echo "usage: sandbox.sh start [grpc|proxy|coredns|istio|--node] | stop | status | demo [grpc|proxy|coredns|istio]" >&2; exit 2 ;;
esac
