package dev.svcalias.cli;

import picocli.CommandLine;

/** --version: one line, "svcalias VERSION" (the version command has the commit and build date). */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BuildInfo.load().version();
        return new String[] {"svcalias " + ("unknown".equals(version) ? "dev" : version)};
    }
}
