package dev.svcalias.cli;

import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.cluster.Fabric8ClusterConnector;
import dev.svcalias.dns.DnsClient;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.error.ExitCode;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/** The one CommandLine factory: Main and the tests both go through here. */
public final class Cli {
    /** Wide enough that example commands in --help stay on one line. */
    private static final int USAGE_WIDTH = 100;

    private Cli() {}

    /**
     * Runs with the process's streams and environment. The file descriptors are used directly, not System.out,
     * because a PrintStream swallows write errors (see {@link CheckedOutput}).
     */
    public static int run(String... args) {
        return execute(new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err),
                Environment.system(), new Fabric8ClusterConnector(), new DnsjavaClient(), args);
    }

    /**
     * Runs one command with its output checked: when a write to {@code stdout} failed, the exit code is
     * {@link ExitCode#OUTPUT_FAILED} and stderr says so, whatever the command returned.
     */
    public static int execute(OutputStream stdout, OutputStream stderr, Environment env, ClusterConnector connector,
                              DnsClient dns, String... args) {
        CheckedOutput checked = new CheckedOutput(stdout);
        PrintWriter out = new PrintWriter(checked, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
        CliContext context = new CliContext(out, checked, err, env, connector, dns);
        // help text follows the same colour rule as output (picocli's own would colour on TERM=dumb, with --no-color)
        boolean colour = CliContext.colour(env, Arrays.asList(args).contains("--no-color"));
        Optional<String> help = StaticHelp.text(colour, args);
        help.ifPresent(out::print);
        int code = help.isPresent() ? 0 : commandLine(context, colour, args).execute(args);
        out.flush();
        if (out.checkError() || checked.failure() != null) {
            IOException failure = checked.failure();
            err.println("error: could not write the output to standard output"
                    + (failure == null || failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")")
                    + ", so it is incomplete" + (code == 0 ? "" : " (the command also failed with exit " + code + ")")
                    + (context.written().isEmpty() ? "" : "; the cluster was already changed, the result was: "
                    + String.join("; ", context.written()))
                    + "; fix: " + (context.written().isEmpty() ? "" : "the change stands (see it with 'svcalias "
                    + "status' or 'svcalias alias list'); ") + (closedPipe(failure) ? "the program reading svcalias's output stopped reading "
                    + "(e.g. '| head'); let it read all of it, or narrow the output (-o, NAME)"
                    : "free space or raise the file-size limit where stdout goes, then run the command again"));
            err.flush();
            return ExitCode.OUTPUT_FAILED.code();
        }
        return code;
    }

    /** A reader that went away (EPIPE) is not a full disk: the advice differs. */
    private static boolean closedPipe(IOException failure) {
        return failure != null && failure.getMessage() != null
                && failure.getMessage().toLowerCase(java.util.Locale.ROOT).contains("pipe");
    }

    private static CommandLine commandLine(CliContext context, boolean colour, String... args) {
        ContextFactory factory = new ContextFactory(context);
        CommandLine cl = new CommandLine(SvcaliasCommand.class, factory);
        Subcommands.add(cl, factory, args);
        withVersion(cl);
        cl.setOut(context.out);
        cl.setErr(context.err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(USAGE_WIDTH);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(colour ? Ansi.ON : Ansi.OFF));
        ExitCodes handler = new ExitCodes(context);
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        cl.setExitCodeExceptionMapper(handler);
        return cl;
    }

    /** A bare command model (no handlers), for generators of completions and docs. */
    public static CommandLine model() {
        ContextFactory factory = new ContextFactory(null);
        CommandLine cl = new CommandLine(SvcaliasCommand.class, factory);
        Subcommands.add(cl, factory);
        withVersion(cl);
        cl.setUsageHelpWidth(USAGE_WIDTH);
        return cl;
    }

    /** -V on a subcommand would print nothing and exit 0 (an empty Corefile in a pipeline): every command gets it. */
    private static CommandLine withVersion(CommandLine cl) {
        cl.getCommandSpec().versionProvider(new VersionProvider());
        cl.getSubcommands().values().forEach(Cli::withVersion);
        return cl;
    }
}
