#!/bin/sh
# svcalias deb: remove what postinst linked; nothing else.
set -e

rm -f /usr/local/bin/svcalias /usr/local/bin/kubectl-svcalias
for page in /usr/local/share/man/man1/svcalias*.1; do
  [ -L "$page" ] && rm -f "$page"
done
exit 0
