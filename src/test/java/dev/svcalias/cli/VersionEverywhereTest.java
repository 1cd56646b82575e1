package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Issue 9, defect 8: -V/--version prints the version on every command, never an empty stdout with exit 0. */
class VersionEverywhereTest {
    @Test
    void everyCommandPrintsTheVersion() {
        List<List<String>> paths = new ArrayList<>();
        collect(Cli.model(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(10);
        String top = CliRun.run("--version").out();
        assertThat(top).startsWith("svcalias ");
        for (List<String> path : paths) {
            for (String flag : new String[] {"-V", "--version"}) {
                List<String> args = new ArrayList<>(path);
                args.add(flag);
                CliRun run = CliRun.run(args.toArray(String[]::new));
                assertThat(run.exitCode()).as(args + "\n" + run).isZero();
                assertThat(run.out()).as(args.toString()).isEqualTo(top);
            }
        }
    }

    private static void collect(CommandLine cl, List<String> prefix, List<List<String>> into) {
        for (var e : cl.getSubcommands().entrySet()) {
            if (!e.getKey().equals(e.getValue().getCommandName())) {
                continue; // an alias of a command already listed
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            into.add(path);
            collect(e.getValue(), path, into);
        }
    }
}
