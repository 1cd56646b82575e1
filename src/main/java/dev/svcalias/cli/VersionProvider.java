package dev.svcalias.cli;

import picocli.CommandLine;

/** Version from the jar manifest (set by the build), "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"svcalias " + (version == null ? "dev" : version)};
    }
}
