package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.error.ExitCode;
import org.junit.jupiter.api.Test;

/** --help lists every documented exit code (completions and docs drift: see dev.svcalias.packaging). */
class GeneratedFilesTest {
    @Test
    void helpListsEveryExitCode() {
        String help = Cli.model().getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
        for (ExitCode code : ExitCode.values()) {
            assertThat(help).contains(code.code() + "   " + code.meaning());
        }
    }
}
