package dev.svcalias.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs svcalias's Main in a child JVM (the test classpath) under bash, for what only a real process shows:
 * stdout on /dev/full, a file-size limit (ulimit -f), a closed stdin.
 */
public final class JvmProcess {
    private JvmProcess() {}

    public record Result(int exitCode, String stderr) {}

    /**
     * Runs svcalias in a fresh JVM under bash.
     *
     * @param shellPrefix bash run before the JVM, e.g. "ulimit -f 2;"
     * @param redirections bash redirections for the JVM, e.g. "> /dev/full"
     */
    public static Result run(String shellPrefix, String redirections, String... args)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder command = new StringBuilder(shellPrefix).append(" exec ").append(quote(java))
                .append(" -Xshare:auto -XX:TieredStopAtLevel=1 -cp ")
                .append(quote(System.getProperty("java.class.path"))).append(" dev.svcalias.Main");
        for (String a : args) {
            command.append(' ').append(quote(a));
        }
        command.append(' ').append(redirections);
        Path err = Files.createTempFile("svcalias-stderr", ".txt");
        try {
            List<String> bash = new ArrayList<>(List.of("bash", "-c", command.toString()));
            Process p = new ProcessBuilder(bash).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("svcalias did not end within 60 s: " + command);
            }
            return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
