package dev.svcalias.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, item 11: SIGTERM during apply (a real svcalias process against the mock API server) stops starting
 * aliases, lets the one in flight finish, names on stderr what was written, and exits 143, as the signal says; the
 * cluster then holds exactly the aliases it names.
 */
class ApplyInterruptedTest extends RecipeClusterCase {
    static final int ALIASES = 3000;

    private int serviceEntries() {
        return cluster.client.genericKubernetesResources("networking.istio.io/v1", "ServiceEntry")
                .inNamespace("micro-shake-factory").list().getItems().size();
    }

    @Test
    void sigtermStopsStartingAliasesNamesWhatWasWrittenAndExits143() throws Exception {
        run(0, "init", "--domain", "internal");
        StringBuilder file = new StringBuilder("domain: internal\naliases:\n");
        for (int i = 0; i < ALIASES; i++) {
            file.append("  - name: a").append(i).append("\n    target: fruits-api-service.micro-shake-factory\n");
        }
        Path aliases = Files.writeString(dir.resolve("aliases.yaml"), file);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.svcalias.Main", "apply", "-f", aliases.toString(), "--parallel", "1", kc)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null")).start();
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (p.isAlive() && serviceEntries() < 5 && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertThat(p.isAlive()).as("apply still writing; stderr: " + Files.readString(err)).isTrue();
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor()).isZero();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("apply ended after SIGTERM").isTrue();
            String stderr = Files.readString(err);
            assertThat(p.exitValue()).as(stderr).isEqualTo(143);
            Matcher m = Pattern.compile("^error: interrupted: (\\d+) of " + ALIASES + " alias changes were written "
                    + "\\((.*)\\); fix: run the same svcalias apply again", Pattern.MULTILINE).matcher(stderr);
            assertThat(m.find()).as(stderr).isTrue();
            int written = Integer.parseInt(m.group(1));
            assertThat(written).isBetween(5, ALIASES - 1);
            assertThat(m.group(2)).startsWith("a0.internal created; a1.internal created");
            assertThat(m.group(2).split("; ")).hasSize(written);
            assertThat(serviceEntries()).as("the cluster holds exactly the aliases named").isEqualTo(written);
        } finally {
            p.destroyForcibly();
        }
    }
}
