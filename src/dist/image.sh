#!/usr/bin/env bash
# Builds svcalias's container image, offline and reproducibly, from the self-contained launcher:
#   mvn -DskipTests package && bash src/dist/launcher.sh && bash src/dist/image.sh
# Output in target/image/: svcalias-VERSION-image-linux-x86_64.tar (an OCI image layout tarball: load it with
# `skopeo copy oci-archive:FILE ...`, `podman load -i FILE`, `ctr image import FILE`), its .digest, and its CycloneDX
# SBOM (-image-linux-x86_64.cdx.json). The image: the Debian base of src/dist/image/base.sh, the launcher under
# /opt/svcalias, entrypoint /opt/svcalias/bin/svcalias, user 65532 (nonroot), OCI labels; built by Jib (jib-core)
# from the base tarball, no daemon, no registry. The same commit gives the same digest: every file and the image
# carry project.build.outputTimestamp, and Jib writes layers in a fixed order with sorted entries.
# Needs: apt-get download (Debian), dpkg-deb, umoci and skopeo (apt-get install umoci skopeo), Maven, Java 17+.
set -euo pipefail
cd "$(dirname "$0")/../.."
log() { printf '[image %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { echo "error: $1; fix: $2" >&2; exit 1; }

for tool in apt-get dpkg-deb umoci skopeo; do
  command -v "$tool" >/dev/null || fail "$tool is not installed" "apt-get install umoci skopeo (on Debian)"
done
[ -f target/svcalias.jar ] || fail "target/svcalias.jar is missing" "mvn -DskipTests package"
version=$(unzip -p target/svcalias.jar META-INF/MANIFEST.MF | sed -n 's/^Implementation-Version: *//p' | tr -d '\r')
launcher=target/launcher/svcalias-$version-linux-x86_64
[ -x "$launcher/bin/svcalias" ] || fail "$launcher is missing" "bash src/dist/launcher.sh"
timestamp=$(sed -n 's:.*<project.build.outputTimestamp>\(.*\)</project.build.outputTimestamp>.*:\1:p' pom.xml)
license=$(sed -n 's/^  license: *//p' jreleaser.yml)
revision=$(git rev-parse HEAD 2>/dev/null || echo unknown)
out=target/image
name=svcalias-$version-image-linux-x86_64
mkdir -p "$out"
start=$SECONDS

log "tools: jib-core and cyclonedx-core-java (src/dist/image/pom.xml)"
mvn -q -B -f src/dist/image/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/$out/tools.classpath" >/dev/null
classpath=$(cat "$out/tools.classpath")

log "base: Debian packages of src/dist/image/debian-packages.txt, unpacked (umoci, skopeo)"
bash src/dist/image/base.sh "$out"

log "image: Jib from tar://$out/base.tar"
# a fresh layer cache each time: a cached layer would hide a build that is not reproducible
rm -rf "$out/jib-cache" "$out/$name.tar"
java -cp "$classpath" src/dist/image/ImageBuild.java base="$out/base.tar" launcher="$launcher" \
  output="$out/$name.tar" digest="$out/$name.digest" cache="$out/jib-cache" version="$version" \
  revision="$revision" source=https://github.com/svcalias/svcalias licenses="$license" timestamp="$timestamp"
rm -rf "$out/jib-cache"

log "SBOM: the jar's (CycloneDX), the Java runtime and the Debian packages"
for deb in "$out"/debs/*.deb; do
  printf '%s\t%s\n' "$(dpkg-deb -f "$deb" Package Version Architecture | cut -d' ' -f2 | paste -sd '\t')" \
    "$(sha256sum "$deb" | cut -d' ' -f1)"
done > "$out/debian-packages.tsv"
distro=$(dpkg-deb --fsys-tarfile "$out"/debs/base-files_*.deb | tar -xO ./usr/lib/os-release | sed -n 's/^VERSION_ID="\(.*\)"/\1/p')
java -cp "$classpath" src/dist/image/ImageSbom.java jar-sbom=target/svcalias-sbom.cdx.json \
  packages="$out/debian-packages.tsv" distro="debian-$distro" runtime-release="$launcher/runtime/release" \
  digest="$(cat "$out/$name.digest")" version="$version" timestamp="$timestamp" output="$out/$name.cdx.json"

log "built $out/$name.tar in $((SECONDS - start))s ($(du -h "$out/$name.tar" | cut -f1)), digest $(cat "$out/$name.digest")"
