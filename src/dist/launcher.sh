#!/usr/bin/env bash
# Builds the self-contained svcalias for linux-x86_64: a jlink Java runtime (JDK 25) with the shaded jar and an
# AOT cache trained on the common commands (aot-training.txt), the launchers bin/svcalias and
# bin/kubectl-svcalias, man pages, completions and docs. No Java needs to be installed to run it.
#   bash src/dist/launcher.sh            after mvn package; output: target/launcher/svcalias-VERSION-linux-x86_64/
# The JDK: $SVCALIAS_JDK25, else Temurin 25 under /usr/lib/jvm or /opt. The cluster commands are trained against
# $SVCALIAS_TRAINING_KUBECONFIG when set (e.g. the sandbox's), else against an address where nothing listens.
set -euo pipefail
cd "$(dirname "$0")/../.."
log() { printf '[launcher %s] %s\n' "$(date +%H:%M:%S)" "$*"; }

jdk=${SVCALIAS_JDK25:-}
if [ -z "$jdk" ]; then
  for candidate in /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* /opt/*jdk*25* /opt/java/*25*; do
    [ -x "$candidate/bin/jlink" ] && { jdk=$candidate; break; }
  done
fi
[ -n "$jdk" ] && [ -x "$jdk/bin/jlink" ] || { echo "error: no JDK 25 found; fix: set SVCALIAS_JDK25 to a JDK 25 home" >&2; exit 1; }
"$jdk/bin/java" -version 2>&1 | grep -q 'version "25' || { echo "error: $jdk is not JDK 25" >&2; exit 1; }
[ -f target/svcalias.jar ] || { echo "error: target/svcalias.jar is missing; fix: mvn -DskipTests package" >&2; exit 1; }

version=$(unzip -p target/svcalias.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
name="svcalias-$version-linux-x86_64"
out="target/launcher/$name"
rm -rf "$out"; mkdir -p "$out/lib" "$out/man/man1"
start=$SECONDS

# the modules jdeps finds in the shaded jar (jdeps --print-module-deps --ignore-missing-deps --multi-release 25:
# java.base java.desktop java.naming java.net.http java.sql), plus the EC and DNS providers for TLS and dnsjava
modules=java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,jdk.crypto.ec,jdk.naming.dns
log "jlink runtime ($modules) from $jdk"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --output "$out/runtime"

cp target/svcalias.jar "$out/lib/svcalias.jar"
# the JVM uses the AOT cache only for a jar with the size and modification time it was trained with: give the jar
# a fixed time, project.build.outputTimestamp, which the archive (jreleaser.yml options.timestamp) and the deb's
# postinst give it again after unpacking
timestamp=$(sed -n 's:.*<project.build.outputTimestamp>\(.*\)</project.build.outputTimestamp>.*:\1:p' pom.xml)
touch -d "$timestamp" "$out/lib/svcalias.jar"
mkdir -p "$out/bin"; install -m 755 src/dist/bin/svcalias src/dist/bin/kubectl-svcalias "$out/bin/"
cp docs/man/*.1 "$out/man/man1/"
mkdir -p "$out/completions" "$out/docs"
cp completions/svcalias completions/_svcalias completions/svcalias.fish "$out/completions/"
cp -r docs/reference docs/exit-codes.md docs/rbac.md docs/rbac.yaml "$out/docs/"
[ -f docs/ci.md ] && cp docs/ci.md "$out/docs/"
cp README.md "$out/"
[ -f CHANGELOG.md ] && cp CHANGELOG.md "$out/"
[ -f target/svcalias-sbom.cdx.json ] && cp target/svcalias-sbom.cdx.json "$out/"

# training: one JVM runs every command of aot-training.txt and writes the cache when it exits
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
kubeconfig=${SVCALIAS_TRAINING_KUBECONFIG:-}
if [ -z "$kubeconfig" ]; then
  kubeconfig=$work/kubeconfig
  cat > "$kubeconfig" <<'KUBECONFIG'
apiVersion: v1
kind: Config
clusters: [{name: none, cluster: {server: "https://127.0.0.1:9", insecure-skip-tls-verify: true}}]
users: [{name: none, user: {token: training}}]
contexts: [{name: none, context: {cluster: none, user: none}}]
current-context: none
KUBECONFIG
fi
printf 'domain: internal\naliases:\n  - {name: my-fruits, target: fruits-api-service.micro-shake-factory}\n' > "$work/aliases.yaml"
sed -e "s#@COREFILE@#src/test/resources/corefiles/kubeadm-1.28.corefile#" \
    -e "s#@ALIASES@#$work/aliases.yaml#" \
    -e "s#@ISTIO_COREFILE@#src/test/resources/corefiles/istio-1.4-istiocoredns.corefile#" \
    -e "s#@KUBECONFIG@#$kubeconfig#" src/dist/aot-training.txt > "$work/commands"
log "AOT training ($(grep -cv '^#' "$work/commands") commands, cluster: $kubeconfig)"
# the same JVM options as bin/svcalias: the cache is only used with a matching GC
# (the commands' own output goes to a log; the exit codes are shown)
"$out/runtime/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m \
  -XX:AOTCacheOutput="$out/lib/svcalias.aot" -Xlog:aot=error -Xlog:cds=error \
  -cp "$out/lib/svcalias.jar" dev.svcalias.AotTraining "$work/commands" > "$work/training.log" 2>&1 \
  || { tail -n 40 "$work/training.log" >&2; echo "error: the AOT training failed" >&2; exit 1; }
grep '^trained: ' "$work/training.log"
[ -s "$out/lib/svcalias.aot" ] || { echo "error: no AOT cache was written" >&2; exit 1; }

# the cache must really be used: with -XX:AOTMode=on the JVM refuses to start when it cannot use it (bin/svcalias
# runs with AOTMode's default, auto, and silently without a cache that does not match), and most classes of a
# trained command must come from it ("source: shared objects file" in the class-loading log)
for check in "--help" "alias add --help"; do
  # shellcheck disable=SC2086
  "$out/runtime/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss1m -XX:AOTCache="$out/lib/svcalias.aot" \
    -XX:AOTMode=on -Xlog:class+load=info:file="$work/aot-check.log" -jar "$out/lib/svcalias.jar" $check >/dev/null \
    || { echo "error: the JVM cannot use the AOT cache (-XX:AOTMode=on failed for '$check')" >&2; exit 1; }
  cached=$(grep -c 'source: shared objects file' "$work/aot-check.log" || true)
  total=$(grep -c 'source: ' "$work/aot-check.log" || true)
  log "AOT cache in use for '$check': $cached of $total classes loaded from it"
  [ "$cached" -gt $((total * 3 / 4)) ] || { echo "error: only $cached of $total classes came from the AOT cache" >&2; exit 1; }
done

[ "$("$out/bin/svcalias" --version)" = "svcalias $version" ]
log "built $out in $((SECONDS - start))s ($(du -sh "$out" | cut -f1); runtime $(du -sh "$out/runtime" | cut -f1), AOT cache $(du -sh "$out/lib/svcalias.aot" | cut -f1))"
