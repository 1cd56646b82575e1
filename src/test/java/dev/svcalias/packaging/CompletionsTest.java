package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The completion scripts know the whole command model, and bash really completes with them. */
class CompletionsTest {
    private static final String BASH = GeneratedFiles.all().get("completions/svcalias");

    @Test
    void everyCommandAndOptionIsCompleted() {
        assertEveryWordOf(Cli.model());
    }

    private static void assertEveryWordOf(CommandLine command) {
        for (String name : command.getSubcommands().keySet()) {
            assertThat(BASH).as("subcommand of %s", command.getCommandName()).contains(name);
        }
        for (OptionSpec option : command.getCommandSpec().options()) {
            if (option.hidden()) {
                continue;
            }
            for (String name : option.names()) {
                assertThat(BASH).as("option of %s", command.getCommandName()).contains("'" + name + "'");
            }
        }
        command.getSubcommands().values().forEach(CompletionsTest::assertEveryWordOf);
    }

    @Test
    void zshVariantIsTheBashScriptForFpathOrSource() {
        String zsh = GeneratedFiles.all().get("completions/_svcalias");
        assertThat(zsh).startsWith("#compdef svcalias\n");
        assertThat(zsh).contains(BASH.substring(BASH.indexOf('\n') + 1)); // all but the shebang
        assertThat(zsh).contains("_bash_complete -F _complete_svcalias -o default");
    }

    @Test
    void bashCompletesSubcommandsAndFlags(@TempDir Path dir) throws Exception {
        assertThat(complete(dir, "svcalias", "al")).containsExactly("alias");
        assertThat(complete(dir, "svcalias", "alias", "")).contains("add", "list", "remove", "rm");
        assertThat(complete(dir, "svcalias", "corefile", "istio", "--core")).containsExactly("--coredns-version");
        assertThat(complete(dir, "svcalias", "verify", "--name")).containsExactly("--nameserver");
    }

    /** COMPREPLY of picocli's completion function for the words typed so far, the last one being completed. */
    private static List<String> complete(Path dir, String... words) throws IOException, InterruptedException {
        Path script = dir.resolve("complete.sh");
        // compopt only works while bash itself runs a completion function
        Files.writeString(script, BASH + "\ncompopt() { :; }\nCOMP_WORDS=(\"$@\"); COMP_CWORD=$(( $# - 1 )); "
                + "COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_svcalias; printf '%s\\n' \"${COMPREPLY[@]}\"\n", StandardCharsets.UTF_8);
        String[] command = new String[words.length + 2];
        command[0] = "bash";
        command[1] = script.toString();
        System.arraycopy(words, 0, command, 2, words.length);
        Process bash = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.exitValue()).as(out).isZero();
        return out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
