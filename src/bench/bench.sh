#!/usr/bin/env bash
# svcalias beside kubectl and dig, measured side by side in one run on the testbed (a real kube-apiserver, etcd and
# CoreDNS on 127.0.0.1; see docs/testbed.md). Prints one table; docs/performance.md holds a measured copy.
#   bash src/bench/bench.sh                  everything (about 5 minutes on 2 cores once the testbed is built)
# Settings (environment): BENCH_ALIASES (1000), BENCH_REPEAT (5, runs of the small commands; the median counts),
# BENCH_REPEAT_BIG (3, runs of the 1,000-alias commands), SVCALIAS (the command to measure; default: the
# jlink+AOT launcher when src/dist/launcher.sh can build it, else java -jar target/svcalias.jar), KUBECTL.
# Needs: go and openssl (testbed), /usr/bin/time (apt-get install time), dig (apt-get install dnsutils), python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${BENCH_ALIASES:-1000}
REPEAT=${BENCH_REPEAT:-5}
REPEAT_BIG=${BENCH_REPEAT_BIG:-3}
OUT=${BENCH_OUT:-target/bench}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
need() { command -v "$1" >/dev/null || { echo "error: $1 is missing; fix: $2" >&2; exit 2; }; }
need dig "apt-get install dnsutils"
need python3 "apt-get install python3"
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing; fix: apt-get install time" >&2; exit 2; }

# --- the tools -------------------------------------------------------------------------------------------------
bash src/testbed/build.sh kubernetes etcd coredns coredns-istio istio-plugin-fake >&2
KUBECTL=${KUBECTL:-$(ls -d "${SVCALIAS_TESTBED_CACHE:-$HOME/.cache/svcalias-testbed}"/kubernetes-v*/kubectl | head -n 1)}
[ -x "$KUBECTL" ] || { echo "error: no kubectl; fix: bash src/testbed/build.sh kubernetes" >&2; exit 2; }
mvn -q -o -DskipTests package >&2 || mvn -q -DskipTests package >&2

# --- the testbed: its own sandbox, stopped on exit ---------------------------------------------------------------
export SVCALIAS_SANDBOX_DIR="$OUT/sandbox"
bash src/testbed/sandbox.sh stop >/dev/null 2>&1 || true
bash src/testbed/sandbox.sh start grpc >/dev/null
trap 'bash src/testbed/sandbox.sh stop >/dev/null 2>&1 || true' EXIT
# shellcheck disable=SC1091
source "$SVCALIAS_SANDBOX_DIR/env"
AUDIT=$SVCALIAS_SANDBOX_AUDIT_LOG
DNS_HOST=${SVCALIAS_SANDBOX_DNS%:*}
DNS_PORT=${SVCALIAS_SANDBOX_DNS##*:}

if [ -z "${SVCALIAS:-}" ]; then
  if [ -f src/dist/launcher.sh ] && SVCALIAS_TRAINING_KUBECONFIG=$KUBECONFIG bash src/dist/launcher.sh >"$OUT/launcher.log" 2>&1; then
    SVCALIAS=$(ls -d target/launcher/svcalias-*/bin/svcalias | head -n 1)
  else
    log "no launcher (see $OUT/launcher.log): measuring java -jar target/svcalias.jar"
    SVCALIAS="java -jar target/svcalias.jar"
  fi
fi
JAR="java -jar target/svcalias.jar"
log "svcalias: $SVCALIAS; kubectl: $KUBECTL ($("$KUBECTL" version --client 2>/dev/null | head -n 1))"

# shellcheck disable=SC2086
# --- measuring ---------------------------------------------------------------------------------------------------
# measure NAME CMD...: one run; appends "NAME seconds maxRSS-KiB api-requests exit" to $OUT/runs.txt. API requests
# are the audit log lines the run added with kubectl's or svcalias's user agent (the testbed's own CoreDNS, Istio
# plugin stand-in and ConfigMap poller read the API server too, under their own user agents).
measure() {
  local name=$1; shift
  local before; before=$(wc -l < "$AUDIT")
  local rc=0 start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%e %M' -o "$OUT/time.txt" "$@" >"$OUT/last.out" 2>"$OUT/last.err" || rc=$?
  end=$(date +%s.%N)
  sleep 0.3 # the audit line of the last response is written just after it
  tail -n +"$((before + 1))" "$AUDIT" | grep -E '"userAgent":"(kubectl|svcalias)/' > "$OUT/requests.json" || true
  local requests; requests=$(wc -l < "$OUT/requests.json")
  echo "$name $(tail -n 1 "$OUT/time.txt") $requests $rc" >> "$OUT/runs.txt"
  # where the time goes: process start -> first request received, first -> last response, last -> exit
  python3 src/bench/timeline.py "$name" "$start" "$end" "$OUT/requests.json" >> "$OUT/timeline.txt"
}
# shellcheck disable=SC2086
sv() { $SVCALIAS "$@"; }
kc() { "$KUBECTL" "$@"; }
# one deletecollection request (kubectl delete --all would delete, then wait for, each object in turn)
delete_entries() { kc delete --raw /apis/networking.istio.io/v1/namespaces/micro-shake-factory/serviceentries >/dev/null; }
delete_services() { kc delete --raw "/api/v1/namespaces/svcalias-aliases/services?labelSelector=svcalias.dev%2Fdomain%3Dcdmode" >/dev/null; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
: > "$OUT/runs.txt"
: > "$OUT/timeline.txt"

python3 - "$N" "$OUT" <<'EOF'
import sys
n, out = int(sys.argv[1]), sys.argv[2]
def entry(name):
    host = name + ".internal"
    return f"""apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: {host}
  namespace: micro-shake-factory
  labels:
    app.kubernetes.io/managed-by: svcalias
    svcalias.dev/alias: {name}
    svcalias.dev/domain: internal
  annotations:
    svcalias.dev/target: fruits-api-service.micro-shake-factory
spec:
  hosts:
  - {host}
  addresses:
  - 10.103.1.1
  ports:
  - number: 80
    name: http
    protocol: TCP
  location: MESH_INTERNAL
  resolution: DNS
  endpoints:
  - address: fruits-api-service.micro-shake-factory.svc.cluster.local
"""
def cd_service(name):
    return f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: svcalias-aliases
  labels:
    app.kubernetes.io/managed-by: svcalias
    svcalias.dev/domain: cdmode
  annotations:
    svcalias.dev/target: fruits-api-service.micro-shake-factory
    svcalias.dev/zone: cdmode
spec:
  type: ExternalName
  externalName: fruits-api-service.micro-shake-factory.svc.cluster.local
"""
names = [f"bench-{i:04d}" for i in range(n)]
open(f"{out}/cd-one.yaml", "w").write(cd_service("bench-one"))
open(f"{out}/cd-services.yaml", "w").write("---\n".join(cd_service(x) for x in names))
open(f"{out}/cd-aliases.yaml", "w").write("domain: cdmode\naliases:\n" + "".join(
    f"- {{name: {x}, target: fruits-api-service.micro-shake-factory}}\n" for x in names))
open(f"{out}/one.yaml", "w").write(entry("bench-one"))
open(f"{out}/entries.yaml", "w").write("---\n".join(entry(x) for x in names))
open(f"{out}/aliases.yaml", "w").write("domain: internal\naliases:\n" + "".join(
    f"- {{name: {x}, target: fruits-api-service.micro-shake-factory}}\n" for x in names))
EOF
awk -v h="$DNS_HOST" -v p="$DNS_PORT" '/^- \{name: /{n=$3; sub(",", "", n); print "@" h " -p " p " +tries=1 +time=2 " n ".internal A"; print "@" h " -p " p " +tries=1 +time=2 " n ".internal AAAA"}' \
  "$OUT/aliases.yaml" > "$OUT/queries.txt"

log "init"
sv init --domain internal >/dev/null

log "--help x$REPEAT"
for _ in $(seq "$REPEAT"); do
  measure help.svcalias $SVCALIAS --help
  measure help.jar $JAR --help
  measure help.kubectl "$KUBECTL" --help
done

log "one alias x$REPEAT"
for _ in $(seq "$REPEAT"); do
  measure one.svcalias $SVCALIAS alias add bench-one fruits-api-service.micro-shake-factory
  delete_entries
  measure one.kubectl "$KUBECTL" apply -f "$OUT/one.yaml"
  delete_entries
done

log "$N aliases x$REPEAT_BIG"
for i in $(seq "$REPEAT_BIG"); do
  measure many.kubectl "$KUBECTL" apply -f "$OUT/entries.yaml"
  if [ "$i" = 1 ]; then # the same objects: svcalias sees nothing to change in what kubectl wrote
    measure many.svcalias-diff-after-kubectl $SVCALIAS diff -f "$OUT/aliases.yaml"
  fi
  delete_entries
  measure many.svcalias $SVCALIAS apply -f "$OUT/aliases.yaml"
  [ "$i" = "$REPEAT_BIG" ] || delete_entries
done
measure many.svcalias-unchanged $SVCALIAS apply -f "$OUT/aliases.yaml"
delete_entries
measure many.svcalias-parallel-8 $SVCALIAS apply --parallel 8 -f "$OUT/aliases.yaml"
delete_entries
measure many.svcalias-parallel-1 $SVCALIAS apply --parallel 1 -f "$OUT/aliases.yaml"

log "verify of $N aliases: waiting until DNS answers them all"
sv verify --nameserver "$SVCALIAS_SANDBOX_DNS" --wait --timeout 120s >/dev/null
for _ in $(seq "$REPEAT_BIG"); do
  measure verify.svcalias $SVCALIAS verify --nameserver "$SVCALIAS_SANDBOX_DNS"
  measure verify.dig dig -f "$OUT/queries.txt"
done
measure verify-file.svcalias $SVCALIAS verify -f "$OUT/aliases.yaml" --nameserver "$SVCALIAS_SANDBOX_DNS"

log "coredns mode (zone cdmode: ExternalName Services): one alias x$REPEAT, $N aliases x$REPEAT_BIG"
sv init --domain cdmode --mode coredns >/dev/null
for _ in $(seq "$REPEAT"); do
  measure one-cd.svcalias $SVCALIAS alias add bench-one fruits-api-service.micro-shake-factory --domain cdmode
  delete_services
  measure one-cd.kubectl "$KUBECTL" apply -f "$OUT/cd-one.yaml"
  delete_services
done
for i in $(seq "$REPEAT_BIG"); do
  measure many-cd.kubectl "$KUBECTL" apply -f "$OUT/cd-services.yaml"
  if [ "$i" = 1 ]; then
    measure many-cd.svcalias-diff-after-kubectl $SVCALIAS diff -f "$OUT/cd-aliases.yaml"
  fi
  delete_services
  measure many-cd.svcalias $SVCALIAS apply -f "$OUT/cd-aliases.yaml"
  delete_services
done

# --- the table ---------------------------------------------------------------------------------------------------
python3 - "$OUT/runs.txt" "$N" "$SVCALIAS" <<'EOF'
import sys, statistics
runs, n, launcher = sys.argv[1], sys.argv[2], sys.argv[3]
data = {}
for line in open(runs):
    name, secs, rss, req, rc = line.split()
    data.setdefault(name, []).append((float(secs), int(rss), int(req), int(rc)))
def med(name, i):
    return statistics.median(r[i] for r in data[name])
def exits(name):
    return ",".join(sorted({str(r[3]) for r in data[name]}))
def row(what, a, b, target, ratio_max, unit="s"):
    ta, tb = med(a, 0), med(b, 0)
    ratio = ta / tb if tb else float("inf")
    met = "met" if ratio <= ratio_max else f"missed ({ratio / ratio_max:.1f}x over)"
    print(f"| {what} | {ta:.2f} s | {tb:.3f} s | {ratio:.2f}x | <= {target} | {met} |")
def rss(what, a, b):
    ra, rb = med(a, 1) / 1024, med(b, 1) / 1024
    ratio = ra / rb
    print(f"| peak RSS, {what} | {ra:.0f} MiB | {rb:.0f} MiB | {ratio:.2f}x | <= 2x | {'met' if ratio <= 2 else f'missed ({ratio / 2:.1f}x over)'} |")
print(f"svcalias = {launcher}; medians; exit codes: " + "; ".join(f"{k} {exits(k)}" for k in sorted(data)))
print()
print("| what | svcalias | kubectl / dig | ratio | target | |")
print("|---|---|---|---|---|---|")
row("`--help`", "help.svcalias", "help.kubectl", "3x", 3)
row("one alias (`alias add` / `kubectl apply -f`)", "one.svcalias", "one.kubectl", "2x", 2)
row(f"{n} aliases (`apply -f` / `kubectl apply -f`)", "many.svcalias", "many.kubectl", "0.5x", 0.5)
row(f"verify {n} aliases (`verify` / `dig -f`)", "verify.svcalias", "verify.dig", "2x", 2)
rss("`--help`", "help.svcalias", "help.kubectl")
rss("one alias", "one.svcalias", "one.kubectl")
rss(f"{n} aliases", "many.svcalias", "many.kubectl")
print()
print("coredns mode (ExternalName Services in svcalias-aliases, against kubectl apply of the same Services):")
print()
print("| what | svcalias | kubectl | ratio | target | |")
print("|---|---|---|---|---|---|")
row("one alias (`alias add` / `kubectl apply -f`)", "one-cd.svcalias", "one-cd.kubectl", "2x", 2)
row(f"{n} aliases (`apply -f` / `kubectl apply -f`)", "many-cd.svcalias", "many-cd.kubectl", "0.5x", 0.5)
rss("one alias", "one-cd.svcalias", "one-cd.kubectl")
rss(f"{n} aliases", "many-cd.svcalias", "many-cd.kubectl")
print()
print("| command | wall (median) | peak RSS | API requests |")
print("|---|---|---|---|")
labels = {
    "help.svcalias": "svcalias --help", "help.jar": "java -jar svcalias.jar --help (JDK 17)",
    "help.kubectl": "kubectl --help",
    "one.svcalias": "svcalias alias add", "one.kubectl": "kubectl apply -f (1 ServiceEntry)",
    "many.svcalias": f"svcalias apply -f ({n} new)", "many.kubectl": f"kubectl apply -f ({n} ServiceEntries)",
    "many.svcalias-unchanged": f"svcalias apply -f ({n} unchanged)",
    "many.svcalias-parallel-8": f"svcalias apply --parallel 8 -f ({n} new)",
    "many.svcalias-parallel-1": f"svcalias apply --parallel 1 -f ({n} new)",
    "many.svcalias-diff-after-kubectl": f"svcalias diff -f after kubectl apply (exit 0 = same objects)",
    "verify.svcalias": f"svcalias verify ({n} aliases, --nameserver)", "verify.dig": f"dig -f ({2 * int(n)} queries)",
    "verify-file.svcalias": f"svcalias verify -f ({n} aliases, --nameserver)",
    "one-cd.svcalias": "svcalias alias add (coredns mode)", "one-cd.kubectl": "kubectl apply -f (1 ExternalName Service)",
    "many-cd.svcalias": f"svcalias apply -f ({n} new, coredns mode)",
    "many-cd.kubectl": f"kubectl apply -f ({n} ExternalName Services)",
    "many-cd.svcalias-diff-after-kubectl": "svcalias diff -f after kubectl apply, coredns mode (exit 0 = same objects)",
}
for k, label in labels.items():
    if k in data:
        print(f"| {label} | {med(k, 0):.3f} s | {med(k, 1) / 1024:.0f} MiB | {med(k, 2):.0f} |")
EOF
echo
echo "Where the time goes (medians, s): process start -> first API request | first request -> last response | last response -> exit"
python3 src/bench/timeline.py --summary "$OUT/timeline.txt"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo), $(sed -n 's/^model name\t: //p' /proc/cpuinfo | head -n 1); load average (1, 5, 15 min) at the start $LOAD_START, at the end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "Runs: $OUT/runs.txt (name seconds maxRSS-KiB api-requests exit)"
