package dev.svcalias.cli;

import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What was built, from which commit, when: read from dev/svcalias/build.properties and build-git.properties, which
 * the build writes.
 * The date is the commit's time, so that a rebuild of the same commit gives the same jar (reproducible builds).
 * Run from classes without a build, or from a source tree without git, the fields say "unknown".
 */
public record BuildInfo(String version, String commit, String date, String javaVersion) implements Printable {
    static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "/dev/svcalias/build.properties";
    /** Written by git during the build: commit=..., date=... (a line "fatal: ..." outside a git checkout). */
    private static final String GIT_RESOURCE = "/dev/svcalias/build-git.properties";

    public static BuildInfo load() {
        Properties p = new Properties();
        read(RESOURCE, p);
        read(GIT_RESOURCE, p);
        return new BuildInfo(value(p, "version"), value(p, "commit"), value(p, "date"),
                System.getProperty("java.version", UNKNOWN));
    }

    private static void read(String resource, Properties into) {
        try (InputStream in = BuildInfo.class.getResourceAsStream(resource)) {
            if (in != null) {
                into.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A property the build did not fill in still reads ${...}: unknown, not the placeholder. */
    static String value(Properties p, String key) {
        String v = p.getProperty(key, "").trim();
        return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
    }

    @Override
    public Object toData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("version", version);
        data.put("gitCommit", commit);
        data.put("buildDate", date);
        data.put("javaVersion", javaVersion);
        return data;
    }

    @Override
    public String toText(Style style) {
        return "Version:    " + version + "\n"
                + "Git commit: " + commit + "\n"
                + "Build date: " + date + "\n"
                + "Java:       " + javaVersion + "\n";
    }
}
