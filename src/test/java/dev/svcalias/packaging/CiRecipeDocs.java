package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** docs/ci.md's YAML blocks and the objects in them, as the recipe tests read them. */
public final class CiRecipeDocs {
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
    private static final Pattern PROJECT_VERSION =
            Pattern.compile("<artifactId>svcalias</artifactId>\\s*<version>([^<]+)</version>");

    private CiRecipeDocs() {}

    /** The text of each YAML block of docs/ci.md. */
    static List<String> texts() {
        List<String> texts = new ArrayList<>();
        Matcher m = YAML_BLOCK.matcher(read(Path.of("docs/ci.md")));
        while (m.find()) {
            texts.add(m.group(1));
        }
        return texts;
    }

    /** Each YAML block of docs/ci.md as its list of documents (a block may hold several objects). */
    static List<List<Map<String, Object>>> blocks() {
        return texts().stream().map(CiRecipeDocs::documents).toList();
    }

    static List<Map<String, Object>> documents(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(yaml)) {
            documents.add(map(document));
        }
        return documents;
    }

    /** The objects of the block that holds the object of this kind and name. */
    static List<Map<String, Object>> blockWith(String kind, String name) {
        return blocks().stream().filter(block -> find(block, kind, name) != null).findFirst()
                .orElseThrow(() -> new AssertionError("docs/ci.md has no " + kind + " " + name));
    }

    /** The object of this kind and name (any name when null), or null. */
    static Map<String, Object> find(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && (name == null || name.equals(path(o, "metadata", "name"))))
                .findFirst().orElse(null);
    }

    /** The YAML block of docs/ci.md whose first line is {@code # FILE} (the recipe of that file name), as text. */
    public static String recipe(String file) {
        return texts().stream().filter(t -> t.startsWith("# " + file + "\n")).findFirst()
                .orElseThrow(() -> new AssertionError("docs/ci.md has no block # " + file));
    }

    /** The image the recipes name: svcalias:VERSION, the project's version. */
    public static String image() {
        Matcher m = PROJECT_VERSION.matcher(read(Path.of("pom.xml")));
        assertThat(m.find()).isTrue();
        return "svcalias:" + m.group(1);
    }

    /** Every map anywhere under {@code node}, depth first. */
    static void eachMap(Object node, Consumer<Map<String, Object>> action) {
        if (node instanceof Map<?, ?> m) {
            action.accept(map(m));
            m.values().forEach(v -> eachMap(v, action));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> eachMap(v, action));
        }
    }

    static Object path(Map<String, Object> node, String... keys) {
        Object at = node;
        for (String key : keys) {
            if (!(at instanceof Map<?, ?> m)) {
                return null;
            }
            at = m.get(key);
        }
        return at;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<K, V>) Objects.requireNonNull(o);
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<T>) Objects.requireNonNull(o);
    }
}
