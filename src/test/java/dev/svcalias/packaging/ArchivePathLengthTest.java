package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The release archives carry docs/ under a versioned directory (svcalias-VERSION-linux-x86_64/), and JReleaser's
 * tar refuses a name over 100 bytes (longFileMode ERROR): a long decision record's file name failed the release
 * assembly in .ci/run. Every docs path stays within 100 bytes with a prefix of up to 32 characters (svcalias-0.1.0-linux-x86_64/ is 28).
 */
class ArchivePathLengthTest {
    static final int PREFIX = 32;

    @Test
    void everyDocsPathFitsATarNameUnderTheArchivesDirectory() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("docs"))) {
            List<String> tooLong = files.filter(Files::isRegularFile).map(Path::toString)
                    .filter(p -> PREFIX + p.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 100).toList();
            assertThat(tooLong).as("shorten these file names (tar names are at most 100 bytes)").isEmpty();
        }
    }
}
