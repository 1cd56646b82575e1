package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
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
            assertThat(StaticHelp.text(args(null, path, "--help"))).as("%s", path).isPresent();
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
    void colourFollowsPicocli() {
        String before = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true");
        try {
            CliRun fast = CliRun.run("alias", "add", "--help");
            assertThat(fast.out()).contains("\u001b[").isEqualTo(CliRun.run("--no-color", "alias", "add", "--help")
                    .out());
        } finally {
            if (before == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", before);
            }
        }
    }

    @Test
    void anythingButAPathAndHelpIsLeftToPicocli() {
        assertThat(StaticHelp.text("alias", "add", "my-fruits", "--help")).isEmpty();
        assertThat(StaticHelp.text("nosuch", "--help")).isEmpty();
        assertThat(StaticHelp.text("--help", "alias")).isEmpty();
        assertThat(StaticHelp.text("alias", "--verbose", "--help")).isEmpty();
        assertThat(StaticHelp.text()).isEmpty();
    }
}
