package dev.svcalias.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "alias", mixinStandardHelpOptions = true,
        description = "Manage aliases: NAME.ZONE names that resolve to a Service's ClusterIP.",
        subcommands = {AliasAddCommand.class, AliasListCommand.class, AliasRemoveCommand.class})
final class AliasCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: add, list or remove");
    }
}
