package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The self-contained archive's AOT cache is used only when the jar keeps the modification time it was trained
 * with: launcher.sh sets project.build.outputTimestamp, and jreleaser.yml (archive entries, the deb's postinst)
 * must name the same time, or every installed launcher silently runs without its cache.
 */
class LauncherTimestampTest {
    @Test
    void jreleaserUsesThePomsOutputTimestamp() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<project.build.outputTimestamp>(.*)</project.build.outputTimestamp>").matcher(pom);
        assertThat(m.find()).isTrue();
        String timestamp = m.group(1);
        String jreleaser = Files.readString(Path.of("jreleaser.yml"), StandardCharsets.UTF_8);
        List<String> named = new ArrayList<>();
        Matcher t = Pattern.compile("(?m)^\\s*(?:timestamp|jarTimestamp): '([^']*)'").matcher(jreleaser);
        while (t.find()) {
            named.add(t.group(1));
        }
        assertThat(named).hasSize(2).containsOnly(timestamp);
        assertThat(Files.readString(Path.of("src/dist/launcher.sh"))).contains("project.build.outputTimestamp");
    }
}
