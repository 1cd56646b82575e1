package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.svcalias.cli.Cli;
import dev.svcalias.tools.GeneratedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** fish completion knows every command and option, and fish itself completes with it (.ci/run installs fish). */
class FishCompletionTest {
    private static final String FISH = GeneratedFiles.all().get("completions/svcalias.fish");

    @Test
    void everyCommandAndOptionIsThere() {
        assertEveryWordOf(Cli.model());
    }

    private static void assertEveryWordOf(CommandLine command) {
        command.getSubcommands().keySet().forEach(name -> assertThat(FISH).contains("-a '" + name + "'"));
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            for (String name : option.names()) {
                assertThat(FISH).contains(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
            }
        }
        command.getSubcommands().values().forEach(FishCompletionTest::assertEveryWordOf);
    }

    @Test
    void fishCompletesCommandsOptionsAndValues(@TempDir Path dir) throws Exception {
        assumeThat(onPath("fish")).as("fish is installed (.ci/run installs it)").isTrue();
        Path script = dir.resolve("svcalias.fish");
        Files.writeString(script, FISH, StandardCharsets.UTF_8);
        assertThat(complete(script, "svcalias al")).containsExactly("alias");
        assertThat(complete(script, "svcalias alias ")).contains("add", "list", "remove", "rm")
                .doesNotContain("init");
        assertThat(complete(script, "svcalias alias add --dom")).containsExactly("--domain");
        assertThat(complete(script, "svcalias --no-color alias rm --dry")).containsExactly("--dry-run");
        assertThat(complete(script, "svcalias status -o ")).containsExactly("json", "table", "yaml");
        assertThat(complete(script, "svcalias corefile istio --core")).containsExactly("--coredns-version");
        assertThat(complete(script, "svcalias verify --name")).containsExactly("--nameserver");
    }

    /** The candidates fish offers for the command line typed so far (descriptions cut off). */
    private static List<String> complete(Path script, String line) throws IOException, InterruptedException {
        Process fish = new ProcessBuilder("fish", "--no-config", "-c",
                "source " + script + "; complete -C '" + line + "'").redirectErrorStream(true).start();
        String out = new String(fish.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(fish.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(fish.exitValue()).as(out).isZero();
        return out.lines().map(l -> l.split("\t", -1)[0]).toList();
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
