package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testing.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** `svcalias version -o json` carries what the build filled in: the pom's version, git's HEAD and its time. */
class VersionCommandTest {
    @Test
    void jsonNamesTheVersionTheCommitAndTheBuildDate() throws Exception {
        CliRun run = CliRun.run("version", "-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, Object> json = new Yaml().load(run.out()); // JSON is YAML
        assertThat(json).containsOnlyKeys("version", "gitCommit", "buildDate", "javaVersion");
        assertThat((String) json.get("version")).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        String head = git("rev-parse", "HEAD");
        if (head != null) { // a source tarball has no git: then the build says unknown
            assertThat(json.get("gitCommit")).isEqualTo(head);
            assertThat(json.get("buildDate")).isEqualTo(git("show", "-s", "--format=%cd",
                    "--date=format-local:%Y-%m-%dT%H:%M:%SZ", "HEAD"));
        }
        assertThat(json.get("javaVersion")).isEqualTo(System.getProperty("java.version"));
    }

    @Test
    void versionFlagIsOneLine() {
        CliRun run = CliRun.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).matches("svcalias \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n");
    }

    /** git's answer, or null without git or a repository. */
    private static String git(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TZ", "UTC");
        Process git;
        try {
            git = builder.start();
        } catch (IOException noGit) {
            return null;
        }
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
    }
}
