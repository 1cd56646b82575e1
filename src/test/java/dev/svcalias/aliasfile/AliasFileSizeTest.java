package dev.svcalias.aliasfile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 17, item 16: a valid file over snakeyaml's default 3 MiB limit (17,000 aliases as alias list -o yaml). */
class AliasFileSizeTest {
    @Test
    void seventeenThousandAliasesAsAliasListWritesThemAreRead() {
        StringBuilder yaml = new StringBuilder("aliases:\n");
        for (int i = 0; i < 17_000; i++) {
            yaml.append("- alias: alias-number-").append(i).append(".internal\n")
                    .append("  target: fruits-api-service-with-a-long-name.micro-shake-factory\n")
                    .append("  address: 10.103.").append(i / 250).append('.').append(i % 250).append('\n')
                    .append("  namespace: micro-shake-factory\n")
                    .append("  targetClusterIP: 10.103.").append(i / 250).append('.').append(i % 250).append('\n')
                    .append("  inSync: true\n");
        }
        assertThat(yaml.length()).isGreaterThan(3 * 1024 * 1024);
        AliasFile file = AliasFileParser.parse("big.yaml", yaml.toString());
        assertThat(file.aliases()).hasSize(17_000);
        assertThat(file.aliases().get(16_999).host()).isEqualTo("alias-number-16999.internal");
    }
}
