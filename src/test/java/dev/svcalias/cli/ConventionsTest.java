package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kubectl conventions: colour only on a terminal and never with NO_COLOR or --no-color; stack traces with -v. */
class ConventionsTest {
    private static final String ESC = "\u001b[";
    private static final String[] BAD = {"corefile", "stub-domain", "--domain", "Bad", "--forward-to", "10.0.0.1"};

    @Test
    void colourOnlyOnATerminal() {
        assertThat(CliRun.onTerminal(Map.of(), BAD).err()).contains(ESC);
        assertThat(CliRun.run(BAD).err()).doesNotContain(ESC);
        // issue 9, defect 15: no-color.org: only a non-empty NO_COLOR turns colour off; TERM=dumb has no colour
        assertThat(CliRun.onTerminal(Map.of("NO_COLOR", ""), BAD).err()).contains(ESC);
        assertThat(CliRun.onTerminal(Map.of("NO_COLOR", "1"), BAD).err()).doesNotContain(ESC);
        assertThat(CliRun.onTerminal(Map.of("TERM", "dumb"), BAD).err()).doesNotContain(ESC);
        assertThat(CliRun.onTerminal(Map.of("TERM", "xterm-256color"), BAD).err()).contains(ESC);
        String[] noColor = {"--no-color", "corefile", "stub-domain", "--domain", "Bad", "--forward-to", "10.0.0.1"};
        assertThat(CliRun.onTerminal(Map.of(), noColor).err()).doesNotContain(ESC);
    }

    @Test
    void verboseAddsTheStackTraceAndOnlyThen() {
        CliRun quiet = CliRun.run(BAD);
        assertThat(quiet.exitCode()).isEqualTo(2);
        assertThat(quiet.err()).hasLineCount(1);
        String[] loud = {"corefile", "stub-domain", "-v", "--domain", "Bad", "--forward-to", "10.0.0.1"};
        CliRun verbose = CliRun.run(loud);
        assertThat(verbose.exitCode()).isEqualTo(2);
        assertThat(verbose.err()).contains("SvcaliasException").contains("\tat ");
    }

    @Test
    void usageErrorsAreExit2WithAPointerToHelp() {
        CliRun run = CliRun.run("alias", "add", "only-one-arg");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("TARGET").contains("svcalias alias add --help").hasLineCount(1);
        CliRun bare = CliRun.run();
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("missing command");
    }
}
