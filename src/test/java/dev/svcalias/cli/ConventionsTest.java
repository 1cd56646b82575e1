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

    /** Issue 17, item 18: colour is decided per stream, so a redirected stderr gets none from a terminal stdout. */
    @Test
    void colourIsDecidedPerStream() {
        CliRun stderrToAFile = CliRun.onTerminals(true, false, Map.of(), BAD);
        assertThat(stderrToAFile.err()).startsWith("error: ").doesNotContain(ESC);
        assertThat(CliRun.onTerminals(true, false, Map.of(), "--help").out()).contains(ESC);
        CliRun stdoutToAFile = CliRun.onTerminals(false, true, Map.of(), BAD);
        assertThat(stdoutToAFile.err()).contains(ESC);
        assertThat(CliRun.onTerminals(false, true, Map.of(), "--help").out()).doesNotContain(ESC);
        assertThat(CliRun.onTerminals(false, true, Map.of("NO_COLOR", "1"), BAD).err()).doesNotContain(ESC);
        assertThat(CliRun.onTerminals(true, true, Map.of("NO_COLOR", "1"), "--help").out()).doesNotContain(ESC);
    }

    @Test
    void aStreamIsATerminalWhenItIsATerminalDevice() {
        assertThat(Environment.terminalDevice("/dev/pts/3")).isTrue();
        assertThat(Environment.terminalDevice("/dev/tty1")).isTrue();
        assertThat(Environment.terminalDevice("/dev/null")).isFalse();
        assertThat(Environment.terminalDevice("pipe:[81234]")).isFalse();
        assertThat(Environment.terminalDevice("/tmp/err.log")).isFalse();
        assertThat(Environment.terminalDevice("/dev/ttyfile.log")).isFalse();
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
