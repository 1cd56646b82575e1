#!/bin/sh
# svcalias deb: commands and man pages on the standard paths; safe to run again (upgrade, reinstall).
set -e

# The launcher's AOT cache is used only when the jar has the modification time it was trained with; dpkg gives
# every file the time the package was made, so put the training time back (project.build.outputTimestamp).
touch -d '{{debJarTimestamp}}' {{debInstallationPath}}/lib/svcalias.jar

ln -sf {{debInstallationPath}}/bin/svcalias /usr/local/bin/svcalias
ln -sf {{debInstallationPath}}/bin/kubectl-svcalias /usr/local/bin/kubectl-svcalias
mkdir -p /usr/local/share/man/man1
for page in {{debInstallationPath}}/man/man1/*.1; do
  ln -sf "$page" /usr/local/share/man/man1/
done
