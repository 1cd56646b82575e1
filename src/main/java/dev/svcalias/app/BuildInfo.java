package dev.svcalias.app;

import dev.svcalias.output.Printable;
import dev.svcalias.output.Style;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What was built, from which commit, when: read from dev/svcalias/build.properties, which the build fills in.
 * The date is the commit's time, so that a rebuild of the same commit gives the same jar (reproducible builds).
 * Run from classes without a build, or from a source tree without git, the fields say "unknown".
 */
public record BuildInfo(String version, String commit, String date, String javaVersion) implements Printable {
    static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "/dev/svcalias/build.properties";

    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new BuildInfo(value(p, "version"), value(p, "commit"), value(p, "date"),
                System.getProperty("java.version", UNKNOWN));
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
