import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import org.cyclonedx.Version;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Hash;
import org.cyclonedx.model.Metadata;
import org.cyclonedx.model.Property;
import org.cyclonedx.parsers.JsonParser;

/**
 * Writes the CycloneDX SBOM of svcalias's container image with CycloneDX's Java library: the jar's own SBOM (the
 * cyclonedx-maven-plugin's, target/svcalias-sbom.cdx.json) with the image's other parts added, the Debian packages of
 * the base and the jlink Java runtime. Run by src/dist/image.sh as a single-file program:
 * <pre>java -cp CLASSPATH ImageSbom.java key=value...</pre>
 * keys: jar-sbom, packages (name TAB version TAB architecture TAB sha256 of the .deb, a line each), distro
 * (debian-12), runtime-release (the runtime's release file), digest (the image's), version, timestamp, output. The
 * serial number is derived from the digest and the timestamp is the build's, so the same image gives the same SBOM
 * byte for byte.
 */
public final class ImageSbom {
    public static void main(String[] args) throws Exception {
        Map<String, String> in = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            in.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String digest = in.get("digest");
        Bom jar = new JsonParser().parse(new File(in.get("jar-sbom")));

        Component image = new Component();
        image.setType(Component.Type.CONTAINER);
        image.setName("svcalias");
        image.setVersion(in.get("version"));
        image.setBomRef("svcalias-image");
        TreeMap<String, String> tag = new TreeMap<>(Map.of("tag", in.get("version")));
        image.setPurl(new PackageURL("oci", null, "svcalias", digest, tag, null).canonicalize());

        List<Component> components = new ArrayList<>();
        components.add(jar.getMetadata().getComponent());
        if (jar.getComponents() != null) {
            components.addAll(jar.getComponents());
        }
        components.add(runtime(Path.of(in.get("runtime-release"))));
        for (String line : Files.readAllLines(Path.of(in.get("packages")), StandardCharsets.UTF_8)) {
            components.add(debianPackage(line.split("\t"), in.get("distro")));
        }

        Bom bom = new Bom();
        bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(digest.getBytes(StandardCharsets.UTF_8)));
        Metadata metadata = new Metadata();
        metadata.setTimestamp(Date.from(Instant.parse(in.get("timestamp"))));
        metadata.setComponent(image);
        bom.setMetadata(metadata);
        bom.setComponents(components);
        Files.writeString(Path.of(in.get("output")),
                BomGeneratorFactory.createJson(Version.VERSION_15, bom).toJsonString() + "\n");
        System.out.println("image SBOM: " + components.size() + " components (" + in.get("output") + ")");
    }

    /** The jlink runtime, named by its release file (JAVA_VERSION, MODULES). */
    static Component runtime(Path release) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1).replace("\"", ""));
            }
        }
        Component runtime = new Component();
        runtime.setType(Component.Type.PLATFORM);
        runtime.setBomRef("java-runtime");
        runtime.setName("java-runtime (jlink)");
        runtime.setVersion(fields.get("JAVA_VERSION"));
        runtime.addProperty(new Property("modules", fields.get("MODULES")));
        return runtime;
    }

    /** A Debian package of the given release: name, version, architecture, sha256 of its .deb. */
    static Component debianPackage(String[] fields, String distro) throws MalformedPackageURLException {
        Component deb = new Component();
        deb.setType(Component.Type.LIBRARY);
        deb.setName(fields[0]);
        deb.setVersion(fields[1]);
        String purl = new PackageURL("deb", "debian", fields[0], fields[1],
                new TreeMap<>(Map.of("arch", fields[2], "distro", distro)), null).canonicalize();
        deb.setPurl(purl);
        deb.setBomRef(purl);
        deb.addHash(new Hash(Hash.Algorithm.SHA_256, fields[3]));
        return deb;
    }
}
