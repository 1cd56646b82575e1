package dev.svcalias.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cli.Cli;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/**
 * docs/ci.md's pipelines work as written: every YAML block parses, has the keys its system requires, and every
 * svcalias command in it parses against the real command model.
 */
class CiRecipesTest {
    private static final Pattern SVCALIAS_COMMAND = Pattern.compile("(?m)^(?:\\s*-\\s+|\\s*run:\\s+|\\s+)(svcalias\\s[^\n`]*)");

    @Test
    void everyBlockIsOneOfTheKnownKindsWithItsRequiredKeys() {
        List<String> blocks = CiRecipeDocs.texts();
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(6);
        List<String> kinds = new ArrayList<>();
        for (String block : blocks) {
            // a block may hold several objects, as `kubectl apply -f` takes them
            for (Object document : new Yaml().loadAll(block)) {
                assertThat(document).as(block).isNotNull();
                kinds.add(checkKind(CiRecipeDocs.map(document), block));
            }
        }
        assertThat(kinds).contains("github-actions", "gitlab-ci", "kubernetes", "alias-file");
    }

    private static String checkKind(Map<Object, Object> doc, String block) {
        if (doc.containsKey("jobs")) {
            // YAML 1.1 reads the key `on` as the boolean true
            assertThat(doc.containsKey("on") || doc.containsKey(true)).as("on: in\n" + block).isTrue();
            Map<String, Map<String, Object>> jobs = CiRecipeDocs.map(doc.get("jobs"));
            assertThat(jobs).as(block).isNotEmpty();
            jobs.forEach((name, job) -> {
                assertThat(job).as("job " + name).containsKeys("runs-on", "steps");
                for (Object item : CiRecipeDocs.<Object>list(job.get("steps"))) {
                    Map<String, Object> step = CiRecipeDocs.map(item);
                    assertThat(step.containsKey("run") || step.containsKey("uses")).as("step " + step).isTrue();
                }
            });
            return "github-actions";
        }
        if (doc.containsKey("stages")) {
            List<String> stages = CiRecipeDocs.list(doc.get("stages"));
            int jobs = 0;
            for (Map.Entry<Object, Object> entry : doc.entrySet()) {
                String key = entry.getKey().toString();
                if (key.startsWith(".") || List.of("stages", "variables", "default", "include", "workflow").contains(key)) {
                    continue;
                }
                Map<String, Object> job = CiRecipeDocs.map(entry.getValue());
                assertThat(job).as("job " + key).containsKeys("stage", "script");
                assertThat(stages).as("stage of " + key).contains((String) job.get("stage"));
                jobs++;
            }
            assertThat(jobs).as(block).isPositive();
            return "gitlab-ci";
        }
        if (doc.containsKey("kind")) {
            assertThat(doc).as(block).containsKeys("apiVersion", "kind", "metadata");
            Map<String, Object> metadata = CiRecipeDocs.map(doc.get("metadata"));
            assertThat(metadata.containsKey("name") || metadata.containsKey("generateName")).as(block).isTrue();
            return "kubernetes";
        }
        assertThat(doc).as("an alias file, or an unknown kind of block:\n" + block).containsKeys("domain", "aliases");
        for (Object item : CiRecipeDocs.<Object>list(doc.get("aliases"))) {
            Map<String, Object> alias = CiRecipeDocs.map(item);
            assertThat(alias).containsKeys("name", "target");
        }
        return "alias-file";
    }

    @Test
    void everySvcaliasCommandParsesAgainstTheCommandModel() {
        List<String> commands = new ArrayList<>();
        for (String block : CiRecipeDocs.texts()) {
            Matcher m = SVCALIAS_COMMAND.matcher(block);
            while (m.find()) {
                commands.add(m.group(1));
            }
        }
        assertThat(commands).as("svcalias commands in docs/ci.md").hasSizeGreaterThanOrEqualTo(10);
        for (String command : commands) {
            // up to a redirection or the next command; no quoting in these recipes
            String words = command.split("\\s[>|;]|\\s&&", -1)[0].strip();
            String[] args = Arrays.copyOfRange(words.split("\\s+"), 1, words.split("\\s+").length);
            try {
                Cli.model().parseArgs(args);
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("docs/ci.md: `" + words + "` does not parse: " + e.getMessage(), e);
            }
        }
    }
}
