package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The help printed without the command model is byte for byte what picocli prints, with and without colour. */
class StaticHelpTest {
    /** Every command path a run can name, aliases included. */
    private static List<List<String>> paths() {
        List<List<String>> paths = new ArrayList<>();
        collect(Cli.model(), new ArrayList<>(), paths);
        return paths;
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> next = new ArrayList<>(path);
            next.add(name);
            collect(sub, next, paths);
        });
    }

    private static String[] args(String first, List<String> path, String last) {
        List<String> args = new ArrayList<>();
        if (first != null) {
            args.add(first);
        }
        args.addAll(path);
        args.add(last);
        return args.toArray(String[]::new);
    }

    @Test
    void everyCommandsHelpIsWhatPicocliPrints() {
        List<List<String>> paths = paths();
        assertThat(paths).hasSizeGreaterThan(20);
        for (List<String> path : paths) {
            assertThat(StaticHelp.text(false, args(null, path, "--help"))).as("%s", path).isPresent();
            // a global option in front makes it picocli's run, with the whole model
            CliRun picocli = CliRun.run(args("--no-color", path, "--help"));
            for (String flag : List.of("--help", "-h")) {
                CliRun fast = CliRun.run(args(null, path, flag));
                assertThat(fast.exitCode()).as("%s %s", path, flag).isZero();
                assertThat(fast.out()).as("%s %s", path, flag).isEqualTo(picocli.out()).isNotEmpty();
                assertThat(fast.err()).isEqualTo(picocli.err()).isEmpty();
            }
        }
    }

    @Test
    void colourFollowsTheOutputsRuleOnBothPaths() {
        // "--verbose" in front makes it picocli's run
        for (List<String> prefix : List.of(List.<String>of(), List.of("--verbose"))) {
            String[] help = args(prefix.isEmpty() ? null : prefix.get(0), List.of("alias", "add"), "--help");
            CliRun terminal = CliRun.onTerminal(Map.of(), help);
            assertThat(terminal.out()).as("%s", prefix).contains("\u001b[");
            assertThat(CliRun.onTerminal(Map.of("NO_COLOR", ""), help).out()).as("empty NO_COLOR").contains("\u001b[");
            String plain = CliRun.run(help).out();
            assertThat(plain).doesNotContain("\u001b[").isNotEmpty();
            assertThat(CliRun.onTerminal(Map.of("TERM", "dumb"), help).out()).as("TERM=dumb").isEqualTo(plain);
            assertThat(CliRun.onTerminal(Map.of("NO_COLOR", "1"), help).out()).as("NO_COLOR=1").isEqualTo(plain);
        }
        assertThat(CliRun.onTerminal(Map.of(), "--no-color", "alias", "add", "--help").out())
                .isEqualTo(CliRun.run("alias", "add", "--help").out());
        assertThat(CliRun.onTerminal(Map.of(), "alias", "add", "--help").out())
                .isEqualTo(CliRun.onTerminal(Map.of(), "--verbose", "alias", "add", "--help").out());
    }

    @Test
    void anythingButAPathAndHelpIsLeftToPicocli() {
        assertThat(StaticHelp.text(false, "alias", "add", "my-fruits", "--help")).isEmpty();
        assertThat(StaticHelp.text(false, "nosuch", "--help")).isEmpty();
        assertThat(StaticHelp.text(false, "--help", "alias")).isEmpty();
        assertThat(StaticHelp.text(false, "alias", "--verbose", "--help")).isEmpty();
        assertThat(StaticHelp.text(false)).isEmpty();
    }
}
