package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.error.ExitCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/exit-codes.md has a row for every exit code, with the meaning the CLI uses. */
class ExitCodesDocTest {
    @Test
    void everyExitCodeIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/exit-codes.md"), StandardCharsets.UTF_8);
        for (ExitCode code : ExitCode.values()) {
            assertThat(doc).contains("| " + code.code() + " | `" + code.name() + "` | " + code.meaning() + " |");
        }
    }
}
