package dev.svcalias.cli;

import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.cluster.Fabric8ClusterConnector;
import dev.svcalias.dns.DnsClient;
import dev.svcalias.dns.DnsjavaClient;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The one CommandLine factory: Main and the tests both go through here. */
public final class Cli {
    /** Wide enough that example commands in --help stay on one line. */
    private static final int USAGE_WIDTH = 100;

    private Cli() {}

    /** Runs with the process's streams and environment. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return commandLine(out, err, Environment.system(), new Fabric8ClusterConnector(), new DnsjavaClient())
                .execute(args);
    }

    public static CommandLine commandLine(PrintWriter out, PrintWriter err, Environment env,
                                          ClusterConnector connector, DnsClient dns) {
        CliContext context = new CliContext(out, err, env, connector, dns);
        CommandLine cl = new CommandLine(SvcaliasCommand.class, new ContextFactory(context));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(USAGE_WIDTH);
        ExitCodes handler = new ExitCodes(context);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setExitCodeExceptionMapper(handler);
        return cl;
    }

    /** A bare command model (no handlers), for generators of completions and docs. */
    public static CommandLine model() {
        CommandLine cl = new CommandLine(SvcaliasCommand.class, new ContextFactory(null));
        cl.setUsageHelpWidth(USAGE_WIDTH);
        return cl;
    }
}
