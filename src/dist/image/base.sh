#!/usr/bin/env bash
# Assembles the image's base from Debian packages, distroless-style, and writes it as the tarball Jib builds on:
#   bash src/dist/image/base.sh OUT_DIR      writes OUT_DIR/base.tar (docker-archive) and OUT_DIR/debs/*.deb
# No registry is involved: the .debs come from apt (apt-get download), are unpacked with dpkg-deb, and umoci (the OCI
# project's image tool) turns the tree into an OCI image; skopeo copies that into the docker-archive form that Jib's
# tar:// base reads. Every file gets the same time (project.build.outputTimestamp), so the base is reproducible.
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=${1:?usage: base.sh OUT_DIR}
timestamp=$(sed -n 's:.*<project.build.outputTimestamp>\(.*\)</project.build.outputTimestamp>.*:\1:p' pom.xml)
work=$out/base-work
rm -rf "$work" "$out/debs" "$out/base.tar"; mkdir -p "$work" "$out/debs"

mapfile -t packages < <(grep -v '^\s*\(#\|$\)' src/dist/image/debian-packages.txt)
# apt-get download writes into the current directory; _apt cannot write into a root-owned one, so it is opened up
chmod 777 "$out/debs"
# a stale package list names versions the mirror no longer has: then read the lists anew, once
(cd "$out/debs" && { apt-get download -q "${packages[@]}" >/dev/null 2>&1 \
  || { apt-get update -qq && apt-get download -q "${packages[@]}" >/dev/null; }; })
chmod 755 "$out/debs"

umoci init --layout "$work/oci"
umoci new --image "$work/oci:base"
umoci unpack --image "$work/oci:base" "$work/bundle" >/dev/null
rootfs=$work/bundle/rootfs
mkdir -p "$rootfs/var/lib/dpkg/status.d"
for deb in "$out"/debs/*.deb; do
  dpkg-deb -x "$deb" "$rootfs"
  # what scanners read to know the image's packages (as distroless images have it)
  dpkg-deb -f "$deb" > "$rootfs/var/lib/dpkg/status.d/$(dpkg-deb -f "$deb" Package)"
done
# documentation other than the licences is left out
rm -rf "$rootfs"/usr/share/{man,info,lintian}
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
find "$rootfs/usr/share/doc" -depth -type d -empty -delete
# what the maintainer scripts would have made: the CA bundle (update-ca-certificates concatenates the same files)
mkdir -p "$rootfs/etc/ssl/certs"
find "$rootfs/usr/share/ca-certificates" -name '*.crt' | LC_ALL=C sort | xargs cat > "$rootfs/etc/ssl/certs/ca-certificates.crt"
# a user that is not root (65532, distroless's nonroot), its home, a /tmp, name lookups from files then DNS
printf 'root:x:0:0:root:/root:/usr/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/usr/sbin/nologin\n' \
  > "$rootfs/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$rootfs/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files dns\n' > "$rootfs/etc/nsswitch.conf"
install -d -m 700 -o 65532 -g 65532 "$rootfs/home/nonroot"
install -d -m 700 "$rootfs/root"
install -d -m 1777 "$rootfs/tmp"
find "$rootfs" -exec touch -h -d "$timestamp" {} +

umoci repack --image "$work/oci:base" --history.created "$timestamp" --history.author svcalias \
  --history.created_by "src/dist/image/base.sh: ${packages[*]}" "$work/bundle" >/dev/null
umoci config --image "$work/oci:base" --no-history --created "$timestamp" --os linux --architecture amd64 \
  --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
umoci gc --layout "$work/oci"
skopeo --insecure-policy copy -q "oci:$work/oci:base" "docker-archive:$out/base.tar:svcalias-base:latest"
rm -rf "$work"
