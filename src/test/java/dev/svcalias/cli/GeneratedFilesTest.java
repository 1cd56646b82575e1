package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.error.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed completions and command reference match the command model; refresh with -Dregen=true. */
class GeneratedFilesTest {
    private static final String REFRESH = "stale generated file: run mvn -q test -Dtest=GeneratedFilesTest -Dregen=true";

    @Test
    void committedCopiesMatchTheCommandModel() throws IOException {
        Map<String, String> files = ReferenceGenerator.files();
        if (Boolean.getBoolean("regen")) {
            ReferenceGenerator.main(new String[] {"."});
        }
        ReferenceGenerator.main(new String[] {"target/generated-reference"}); // to diff against on failure
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path committed = Path.of(e.getKey());
            assertThat(committed).as(REFRESH + " (%s missing)", committed).exists();
            assertThat(Files.readString(committed)).as(REFRESH + " (%s)", committed).isEqualTo(e.getValue());
        }
    }

    @Test
    void completionsKnowEveryCommandAndFlag() {
        String bash = ReferenceGenerator.files().get("completions/svcalias.bash");
        for (String word : new String[] {"init", "alias", "add", "list", "remove", "verify", "status", "reset",
                "corefile", "stub-domain", "--kubeconfig", "--context", "--dry-run", "--nameserver", "--coredns-version"}) {
            assertThat(bash).contains(word);
        }
    }

    @Test
    void helpListsEveryExitCode() {
        String help = Cli.model().getUsageMessage(picocli.CommandLine.Help.Ansi.OFF);
        for (ExitCode code : ExitCode.values()) {
            assertThat(help).contains(code.code() + "   " + code.meaning());
        }
    }
}
