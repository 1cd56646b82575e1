package dev.svcalias.testing;

import dev.svcalias.cli.Cli;
import dev.svcalias.cli.Environment;
import dev.svcalias.cluster.Fabric8ClusterConnector;
import dev.svcalias.dns.DnsjavaClient;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Runs svcalias through the production CommandLine wiring and captures exit code, stdout and stderr. Its
 * toString shows all three, so a failed assertion prints what the command said.
 */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun run(String... args) {
        return runWith(Map.of(), "", args);
    }

    public static CliRun runWith(Map<String, String> env, String stdin, String... args) {
        return runWith(new Fabric8ClusterConnector(), env, stdin, args);
    }

    public static CliRun runWith(dev.svcalias.cluster.ClusterConnector connector, Map<String, String> env,
                                 String stdin, String... args) {
        return run(connector, env, stdin, false, args);
    }

    /** As if stdout were a terminal: colour and spinners allowed unless NO_COLOR or --no-color. */
    public static CliRun onTerminal(Map<String, String> env, String... args) {
        return run(new Fabric8ClusterConnector(), env, "", true, args);
    }

    private static CliRun run(dev.svcalias.cluster.ClusterConnector connector, Map<String, String> env,
                              String stdin, boolean terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Environment environment = new Environment(env,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal);
        int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true), environment,
                connector, new DnsjavaClient(Duration.ofMillis(800))).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
