package dev.svcalias.cli;

import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.dns.DnsClient;
import dev.svcalias.output.Format;
import dev.svcalias.output.Printable;
import dev.svcalias.output.Printer;
import dev.svcalias.output.Style;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Shared by all commands of one invocation: streams, environment, collaborators and the global flags. */
final class CliContext {
    final PrintWriter out;
    /** The bytes under {@code out}, for output that must be byte-exact (Corefiles); flush {@code out} first. */
    final java.io.OutputStream stdout;
    final PrintWriter err;
    final Environment env;
    final ClusterConnector connector;
    final DnsClient dns;
    /** The top command, which holds the global flags (inherited by every subcommand). */
    SvcaliasCommand root;

    CliContext(PrintWriter out, java.io.OutputStream stdout, PrintWriter err, Environment env, ClusterConnector connector, DnsClient dns) {
        this.out = out;
        this.stdout = stdout;
        this.err = err;
        this.env = env;
        this.connector = connector;
        this.dns = dns;
    }

    /**
     * Colour on stdout only when stdout is a terminal that can show it (not TERM=dumb), never with --no-color or
     * a non-empty NO_COLOR (no-color.org: "when present and not an empty string").
     */
    Style style() {
        return colour(env, root.noColor) ? Style.ansi() : Style.plain();
    }

    /** The same rule for stderr, judged on stderr: errors, warnings and the progress line. */
    Style errStyle() {
        return colour(env, env.stderrTerminal(), root != null && root.noColor) ? Style.ansi() : Style.plain();
    }

    /** Whether stderr may carry a progress line that rewrites itself (a terminal, whatever stdout is). */
    boolean progressOnStderr() {
        return env.stderrTerminal();
    }

    /** The rule above for stdout, for output and for help text alike. */
    static boolean colour(Environment env, boolean noColorFlag) {
        return colour(env, env.interactive(), noColorFlag);
    }

    private static boolean colour(Environment env, boolean terminal, boolean noColorFlag) {
        String noColor = env.get("NO_COLOR");
        return terminal && !noColorFlag && (noColor == null || noColor.isEmpty()) && !"dumb".equals(env.get("TERM"));
    }

    /** Connects with the global --kubeconfig/--context; call it after every input is validated. */
    dev.svcalias.cluster.Cluster connect() {
        return connector.connect(root.cluster.kubeconfig, root.cluster.context);
    }

    dev.svcalias.output.Format format() {
        return root.output.format;
    }

    boolean verbose() {
        return root != null && root.verbose;
    }

    /** What the cluster writes of this run did, one line per result, for a failed output to name (issue 17, item 11). */
    private final List<String> written = new ArrayList<>();

    /**
     * Records a result whose writes to the cluster are done, before it is printed: if printing then fails (exit
     * 6), the error line says what was changed, since stdout no longer can.
     */
    void wrote(String where, Printable result) {
        StringWriter table = new StringWriter();
        Printer.print(result, Format.table, Style.plain(),
                new PrintWriter(table));
        String rows = String.join("; ", table.toString().lines().map(l -> l.strip().replaceAll("\\s{2,}", " "))
                .filter(l -> !l.isEmpty()).toList());
        written.add(where.isEmpty() ? rows : where + ": " + rows);
    }

    /** The results recorded by {@link #wrote}, empty when the run wrote nothing (or printed nothing yet). */
    List<String> written() {
        return List.copyOf(written);
    }

    void warn(String message) {
        err.println(errStyle().warning("warning: ") + message);
        err.flush();
    }
}
