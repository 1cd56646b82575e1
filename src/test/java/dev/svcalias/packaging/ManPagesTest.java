package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.svcalias.cli.Cli;
import dev.svcalias.tools.GeneratedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** One man page per command, each naming every option; man renders them without a warning (.ci/run installs man-db). */
class ManPagesTest {
    private static final Map<String, String> PAGES = new TreeMap<>();

    static {
        GeneratedFiles.all().forEach((path, content) -> {
            if (path.startsWith("docs/man/")) {
                PAGES.put(path.substring("docs/man/".length()), content);
            }
        });
    }

    @Test
    void onePagePerCommandWithEveryOption() {
        assertPages(Cli.model(), "svcalias");
        assertThat(PAGES).containsKey("svcalias.1");
    }

    private static void assertPages(CommandLine command, String name) {
        String page = PAGES.get(name + ".1");
        assertThat(page).as(name).isNotNull().contains(".TH \"" + name.toUpperCase(java.util.Locale.ROOT).replace("-", "\\-") + "\" 1");
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            for (String flag : option.names()) {
                assertThat(page).as(name).contains("\\fB" + flag.replace("-", "\\-") + "\\fR");
            }
        }
        command.getSubcommands().forEach((key, sub) -> {
            if (key.equals(sub.getCommandName())) {
                assertPages(sub, name + "-" + key);
            }
        });
    }

    @Test
    void manRendersEveryPageWithoutWarnings(@TempDir Path dir) throws Exception {
        assumeThat(FishCompletionTest.onPath("man")).as("man-db is installed (.ci/run installs it)").isTrue();
        for (Map.Entry<String, String> page : PAGES.entrySet()) {
            Path file = dir.resolve(page.getKey());
            Files.writeString(file, page.getValue(), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder("man", "--warnings", "-E", "ascii", "-l", file.toString());
            builder.environment().put("MANWIDTH", "100");
            builder.environment().put("MAN_DISABLE_SECCOMP", "1");
            Path err = dir.resolve(page.getKey() + ".err");
            Process man = builder.redirectError(err.toFile()).start();
            String out = new String(man.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(man.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(man.exitValue()).as(page.getKey() + ": " + Files.readString(err)).isZero();
            assertThat(Files.readString(err)).as(page.getKey()).isEmpty();
            String command = page.getKey().replaceFirst("\\.1$", "");
            assertThat(out).as(page.getKey()).contains("NAME", "SYNOPSIS", "OPTIONS", "EXIT STATUS")
                    .containsPattern(Pattern.quote(command) + " +- +\\S");
        }
    }
}
