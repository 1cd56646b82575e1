#!/usr/bin/env bash
# Writes the krew plugin manifest (kind: Plugin) for the self-contained archive(s) JReleaser assembled, with each
# archive's sha256. krew has no JReleaser packager, hence this script; .ci/run runs it after jreleaser:assemble.
#   bash src/dist/krew-manifest.sh VERSION ARCHIVE... > svcalias.yaml
# Each ARCHIVE is svcalias-VERSION-<os>-<arch>.tar.gz as the archive assembler names it; its platform is read from
# the name. Download URLs: $SVCALIAS_RELEASE_URL/v$VERSION/<archive> (default: the GitHub release of jreleaser.yml).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: krew-manifest.sh VERSION ARCHIVE..." >&2; exit 2; }
version=$1; shift
base=${SVCALIAS_RELEASE_URL:-https://github.com/svcalias/svcalias/releases/download}

cat <<YAML
apiVersion: krew.googlecontainertools.github.com/v1alpha2
kind: Plugin
metadata:
  name: svcalias
spec:
  version: v$version
  homepage: https://svcalias.dev
  shortDescription: Stable DNS aliases for Services (CoreDNS + Istio)
  description: |
    Gives Kubernetes Services stable, location-independent DNS names (my-fruits.internal) through kube-dns
    (CoreDNS) and Istio's istiocoredns: validated, conditional, reversible Corefile edits and ServiceEntries.
    kubectl svcalias init --domain internal
    kubectl svcalias alias add my-fruits fruits-api-service.micro-shake-factory
    kubectl svcalias verify
  caveats: |
    svcalias does not read kubectl's global flags: pass --kubeconfig/--context to svcalias itself
    (the defaults are kubectl's: \$KUBECONFIG, then ~/.kube/config, and the current context).
  platforms:
YAML
for archive in "$@"; do
  file=$(basename "$archive")
  platform=${file#svcalias-"$version"-}; platform=${platform%.tar.gz}
  case $platform in
    linux-x86_64) os=linux; arch=amd64 ;;
    linux-aarch_64) os=linux; arch=arm64 ;;
    osx-x86_64) os=darwin; arch=amd64 ;;
    osx-aarch_64) os=darwin; arch=arm64 ;;
    *) echo "error: no krew platform for $file; fix: name it svcalias-$version-<linux|osx>-<x86_64|aarch_64>.tar.gz" >&2; exit 2 ;;
  esac
  sha=$(sha256sum "$archive" | cut -d' ' -f1)
  cat <<YAML
  - selector:
      matchLabels:
        os: $os
        arch: $arch
    uri: $base/v$version/$file
    sha256: $sha
    files:
    - from: svcalias-$version-$platform/*
      to: .
    bin: bin/kubectl-svcalias
YAML
done
