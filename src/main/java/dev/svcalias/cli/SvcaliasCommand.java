package dev.svcalias.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command; its subcommands are added by {@link Subcommands}, only the one a run names. */
@Command(name = "svcalias",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Stable, location-independent DNS names for Kubernetes Services (CoreDNS + Istio).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:internal error (a bug: rerun with --verbose and report it)",
                "2:usage error or invalid input",
                "3:verify (or init/alias add --wait) found aliases that do not resolve as expected",
                "4:cluster unreachable, unauthenticated or forbidden",
                "5:cluster state prevents the change (missing component, conflict, conflicts after retries)",
                "6:could not write the output (disk full, file-size limit, closed pipe)",
                "7:apply/diff/verify -f: some aliases or clusters failed, the others went through",
                "8:changed, but a manager may revert it (EKS add-on, Helm): see the warning"},
        footer = {"%nGet started:  svcalias init --domain internal",
                "              svcalias alias add my-fruits fruits-api-service.micro-shake-factory",
                "              svcalias verify"})
final class SvcaliasCommand implements Runnable {
    SvcaliasCommand(CliContext context) {
        if (context != null) {
            context.root = this;
        }
    }

    // fields, not setters: reflection returns fields in declaration order, so help and completions are stable
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Print details and, on failure, the stack trace.")
    boolean verbose;

    @Option(names = "--no-color", scope = ScopeType.INHERIT,
            description = "No colour (also with a non-empty NO_COLOR, with TERM=dumb, or when stdout is not a terminal).")
    boolean noColor;

    @Mixin ClusterOptions cluster;
    @Mixin OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: try 'svcalias --help'");
    }
}
