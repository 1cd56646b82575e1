import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Builds svcalias's container image with Jib (jib-core): the self-contained launcher (src/dist/launcher.sh's
 * directory) on the Debian base tarball (src/dist/image/base.sh), as an OCI image layout tarball. Run by
 * src/dist/image.sh as a single-file program on jib-core's classpath:
 * <pre>java -cp JIB_CLASSPATH ImageBuild.java key=value...</pre>
 * keys: base (tarball), launcher (directory), output (tarball), digest (file to write the digest to), cache,
 * version, revision, source, licenses, timestamp (ISO-8601; the image's creation time and every file's time).
 * Every input that changes the bytes is one of these, so the same inputs give the same digest.
 */
public final class ImageBuild {
    static final AbsoluteUnixPath HOME = AbsoluteUnixPath.get("/opt/svcalias");
    /** distroless's nonroot user, made by base.sh */
    static final String USER = "65532:65532";
    /** the base's PATH (base.sh), after /opt/svcalias/bin */
    static final String BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static void main(String[] args) throws Exception {
        Map<String, String> in = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            in.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Path launcher = Path.of(in.get("launcher"));
        Instant time = Instant.parse(in.get("timestamp"));
        String version = in.get("version");

        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "svcalias");
        labels.put("org.opencontainers.image.description",
                "Stable DNS aliases for Kubernetes Services (CoreDNS + Istio)");
        labels.put("org.opencontainers.image.version", version);
        labels.put("org.opencontainers.image.revision", in.get("revision"));
        labels.put("org.opencontainers.image.source", in.get("source"));
        labels.put("org.opencontainers.image.licenses", in.get("licenses"));
        labels.put("org.opencontainers.image.created", time.toString());

        Path runtime = launcher.resolve("runtime");
        JibContainer built = Jib.from("tar://" + Path.of(in.get("base")).toAbsolutePath())
                // the runtime changes with the JDK, the rest with every build: two layers
                .addFileEntriesLayer(layer("runtime", launcher, time, path -> path.startsWith(runtime)))
                .addFileEntriesLayer(layer("svcalias", launcher, time, path -> !path.startsWith(runtime)))
                .setEntrypoint(HOME.resolve("bin/svcalias").toString())
                .setProgramArguments(List.of())
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get("/home/nonroot"))
                .addEnvironmentVariable("PATH", HOME.resolve("bin") + ":" + BASE_PATH)
                .setLabels(labels)
                .setCreationTime(time)
                .setFormat(ImageFormat.OCI)
                .containerize(Containerizer.to(TarImage.at(Path.of(in.get("output"))).named("svcalias:" + version))
                        .setBaseImageLayersCache(Path.of(in.get("cache")))
                        .setApplicationLayersCache(Path.of(in.get("cache")))
                        .setOfflineMode(true)
                        .setToolName("jib-core")
                        .addEventHandler(LogEvent.class, ImageBuild::log));
        Files.writeString(Path.of(in.get("digest")), built.getDigest() + "\n");
        System.out.println("image " + built.getTargetImage() + " digest " + built.getDigest() + " (config "
                + built.getImageId() + ")");
    }

    /** The launcher directory's files for which {@code include} holds, under /opt/svcalias, with their own modes. */
    static FileEntriesLayer layer(String name, Path launcher, Instant time, Predicate<Path> include)
            throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        try (Stream<Path> files = Files.walk(launcher)) {
            files.filter(path -> !path.equals(launcher) && include.test(path)).sorted().forEach(path -> layer.addEntry(
                    path, HOME.resolve(launcher.relativize(path).toString()), permissions(path), time));
        }
        return layer.build();
    }

    static FilePermissions permissions(Path path) {
        try {
            return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void log(LogEvent event) {
        if (event.getLevel().compareTo(LogEvent.Level.WARN) <= 0) {
            System.err.println("jib: " + event.getLevel() + ": " + event.getMessage());
        }
    }
}
