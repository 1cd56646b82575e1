package dev.svcalias.testing;

import dev.svcalias.cli.Cli;
import dev.svcalias.cli.Environment;
import dev.svcalias.cluster.ClusterConnector;
import dev.svcalias.cluster.Fabric8ClusterConnector;
import dev.svcalias.dns.DnsjavaClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * Runs svcalias through the production wiring ({@link Cli#execute}, as Main does) and captures exit code, stdout
 * and stderr. Its toString shows all three, so a failed assertion prints what the command said.
 */
public record CliRun(int exitCode, String out, String err, byte[] outBytes) {

    public static CliRun run(String... args) {
        return runWith(Map.of(), "", args);
    }

    /** Runs and asserts the exit code, printing stdout and stderr when it differs. */
    public static CliRun expect(int exitCode, String... args) {
        CliRun run = run(args);
        org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        return run;
    }

    public static CliRun runWith(Map<String, String> env, String stdin, String... args) {
        return runWith(new Fabric8ClusterConnector(), env, stdin, args);
    }

    public static CliRun runWith(ClusterConnector connector, Map<String, String> env, String stdin, String... args) {
        return run(connector, env, stdin.getBytes(StandardCharsets.UTF_8), false, new ByteArrayOutputStream(), args);
    }

    /** Standard input as bytes (not necessarily UTF-8); {@link #outBytes} has stdout's bytes. */
    public static CliRun withStdinBytes(byte[] stdin, String... args) {
        return run(new Fabric8ClusterConnector(), Map.of(), stdin, false, new ByteArrayOutputStream(), args);
    }

    /** Standard output goes to {@code stdout} (e.g. one that fails); {@link #out} is then empty. */
    public static CliRun toStdout(OutputStream stdout, String... args) {
        return run(new Fabric8ClusterConnector(), Map.of(), new byte[0], false, stdout, args);
    }

    /** As if stdout were a terminal: colour and spinners allowed unless NO_COLOR or --no-color. */
    public static CliRun onTerminal(Map<String, String> env, String... args) {
        return run(new Fabric8ClusterConnector(), env, new byte[0], true, new ByteArrayOutputStream(), args);
    }

    /** Each stream a terminal or not on its own, e.g. stdout on a terminal and stderr redirected to a file. */
    public static CliRun onTerminals(boolean stdoutTerminal, boolean stderrTerminal, Map<String, String> env,
                                     String... args) {
        return run(new Fabric8ClusterConnector(), env, new byte[0], stdoutTerminal, stderrTerminal,
                new ByteArrayOutputStream(), args);
    }

    private static CliRun run(ClusterConnector connector, Map<String, String> env, byte[] stdin, boolean terminal,
                              OutputStream stdout, String... args) {
        return run(connector, env, stdin, terminal, terminal, stdout, args);
    }

    private static CliRun run(ClusterConnector connector, Map<String, String> env, byte[] stdin, boolean terminal,
                              boolean stderrTerminal, OutputStream stdout, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Environment environment = new Environment(env, new ByteArrayInputStream(stdin), terminal, stderrTerminal);
        int code = Cli.execute(stdout, err, environment, connector, new DnsjavaClient(Duration.ofMillis(800)), args);
        byte[] out = stdout instanceof ByteArrayOutputStream b ? b.toByteArray() : new byte[0];
        return new CliRun(code, new String(out, StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
