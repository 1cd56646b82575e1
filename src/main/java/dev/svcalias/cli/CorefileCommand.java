package dev.svcalias.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "corefile", mixinStandardHelpOptions = true,
        description = {"Offline Corefile edits for GitOps: read --file (or stdin), write the result to stdout.",
                "Nothing else is printed on success; the same engine as init and reset."},
        subcommands = {CorefileStubDomainCommand.class, CorefileIstioCommand.class, CorefileRemoveCommand.class,
                CorefileCheckCommand.class})
final class CorefileCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: stub-domain, istio, remove or check");
    }
}
