package dev.svcalias.cli;

import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.dns.DnsClient;
import dev.svcalias.output.Style;
import java.io.PrintWriter;

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

    void warn(String message) {
        err.println(errStyle().warning("warning: ") + message);
        err.flush();
    }
}
