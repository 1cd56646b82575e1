package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.svcalias.tools.GeneratedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed completions and docs are what the command model generates now: a changed flag or description
 * without a refresh fails here, with the command that refreshes them.
 */
class GeneratedFilesDriftTest {
    private static final Path REPO = Path.of("").toAbsolutePath();

    @Test
    void committedCopiesMatchTheCommandModel() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> file : GeneratedFiles.all().entrySet()) {
            Path committed = REPO.resolve(file.getKey());
            if (!Files.exists(committed)) {
                problems.add(file.getKey() + " is missing");
            } else {
                String difference = firstDifference(Files.readString(committed, StandardCharsets.UTF_8), file.getValue());
                if (difference != null) {
                    problems.add(file.getKey() + " differs from the command model, " + difference);
                }
            }
        }
        failIfAny(problems);
    }

    @Test
    void generatedFoldersHoldNothingElse() throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, String> generated = GeneratedFiles.all();
        for (String dir : GeneratedFiles.GENERATED_DIRS) {
            for (String file : GeneratedFiles.filesIn(REPO, dir)) {
                if (!generated.containsKey(file)) {
                    problems.add(file + " is not generated any more (a removed or renamed command?)");
                }
            }
        }
        failIfAny(problems);
    }

    private static void failIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            fail("stale generated files; refresh them with `" + GeneratedFiles.REFRESH_COMMAND + "` and commit:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Null when equal, else where the first difference is, both sides quoted. */
    static String firstDifference(String committed, String generated) {
        if (committed.equals(generated)) {
            return null;
        }
        String[] a = committed.split("\n", -1);
        String[] b = generated.split("\n", -1);
        int line = 0;
        while (line < a.length && line < b.length && a[line].equals(b[line])) {
            line++;
        }
        return "first at line " + (line + 1) + ": committed " + quote(a, line) + ", generated " + quote(b, line);
    }

    private static String quote(String[] lines, int index) {
        return index < lines.length ? "\"" + lines[index] + "\"" : "(end of file)";
    }

    @Test
    void firstDifferenceNamesTheLineAndBothSides() {
        assertThat(firstDifference("a\nb\n", "a\nb\n")).isNull();
        assertThat(firstDifference("a\nb\n", "a\nc\n")).isEqualTo("first at line 2: committed \"b\", generated \"c\"");
        assertThat(firstDifference("a\n", "a\nb\n")).isEqualTo("first at line 2: committed \"\", generated \"b\"");
    }
}
