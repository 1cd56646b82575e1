package dev.svcalias.aliasfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.svcalias.error.SvcaliasException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/aliases.schema.json and svcalias's parser agree: every example file in docs/apply.md is valid for both,
 * and files with one mistake each are refused by both.
 */
class AliasFileSchemaTest {
    static final Schema SCHEMA = schema();

    @Test
    void everyExampleInTheDocsIsValidForTheSchemaAndTheParser() throws IOException {
        List<String> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
        for (String example : examples) {
            assertThat(SCHEMA.validate(json(example), InputFormat.JSON)).as(example).isEmpty();
            assertThat(AliasFileParser.parse("example", example).aliases()).as(example).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "aliases: [{name: a}]",                                              // no target
        "domain: internal\naliases: [{name: a, target: b}]",                 // target without namespace
        "domain: internal\naliases: [{name: A, target: b.c}]",               // upper case
        "domain: internal\naliases: [{name: a, alias: a.internal, target: b.c}]", // both name and alias
        "domain: internal\naliases: [{name: a, target: b.c, colour: red}]",  // unknown key
        "domain: internal\naliases: [{name: a, target: b.c, ports: [{number: 70000}]}]",
        "domain: internal\naliases: [{name: a, target: b.c, ports: [{number: 80, protocol: tcp}]}]",
        "domain: internal\nextra: 1\naliases: []",
        "domain: Internal\naliases: []",
    })
    void aFileWithOneMistakeIsRefusedByBoth(String file) {
        assertThat(SCHEMA.validate(json(file), InputFormat.JSON)).as(file).isNotEmpty();
        assertThatThrownBy(() -> AliasFileParser.parse("f.yaml", file)).isInstanceOf(SvcaliasException.class)
                .hasMessageStartingWith("f.yaml:");
    }

    /** The parser also refuses what a schema cannot express: a name without any domain, a host twice. */
    @Test
    void theParserAlsoRefusesMissingDomainsAndDuplicates() {
        assertThatThrownBy(() -> AliasFileParser.parse("f.yaml", "aliases: [{name: a, target: b.c}]"))
                .hasMessage("f.yaml:1: aliases[0] has no domain");
        assertThatThrownBy(() -> AliasFileParser.parse("f.yaml", "domain: internal\naliases:\n- {name: a, target: b.c}\n"
                + "- {alias: a.internal, target: d.e}\n"))
                .hasMessage("f.yaml:4: alias a.internal is declared twice (first at f.yaml:3)");
    }

    private static List<String> examples() throws IOException {
        String doc = Files.readString(Path.of("docs/apply.md"));
        Matcher m = Pattern.compile("```(yaml|json)\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(2));
        }
        return found;
    }

    private static String json(String yaml) {
        return new tools.jackson.databind.json.JsonMapper().writeValueAsString(new Yaml().load(yaml));
    }

    private static Schema schema() {
        try {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(Files.readString(Path.of("docs/aliases.schema.json")), InputFormat.JSON);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
