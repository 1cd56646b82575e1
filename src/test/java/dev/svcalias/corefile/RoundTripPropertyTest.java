package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * remove(add(x)) == x, add(add(x)) == add(x) and add(add(x, a), b) == add(x, b) over many mutated corpus files:
 * random line endings, trailing whitespace and blank lines, leading comments, tabs for indentation.
 */
class RoundTripPropertyTest {
    private static final List<String> TAILS = List.of("", "\n", "\n\n", "\r\n", " ", "\t", "\n  \t", "   \n", "\n\n\n ",
            "\r\n\r\n", "# trailing comment", "\n# trailing comment\n", "\r");

    private static final CoreDnsVersion ISTIO_VERSION = CoreDnsVersion.parse("1.14.0");

    static Stream<String> editable() {
        return CorpusTest.editable();
    }

    private static boolean takesIstioRoute(String text) {
        try {
            Corefiles.checkPluginsAvailable(text, ISTIO_VERSION);
            return true;
        } catch (UnsupportedPluginException e) {
            return false; // proxy-era files: the stub-domain part still runs
        }
    }

    @ParameterizedTest
    @MethodSource("editable")
    void addThenRemoveIsTheIdentity(String name) {
        Random random = new Random(name.hashCode());
        String base = Corpus.read(name).stripTrailing();
        for (int i = 0; i < 40; i++) {
            String x = mutate(base, random);
            String a = Corefiles.addStubDomain(x, "internal", "10.96.100.53");
            assertThat(Corefiles.parse(a).text()).isEqualTo(a);
            assertThat(Corefiles.removeZone(a, "internal")).as("remove(add(x)) for variant %d of %s", i, name)
                    .isEqualTo(x);
            assertThat(Corefiles.addStubDomain(a, "internal", "10.96.100.53")).as("idempotent %d", i).isEqualTo(a);
            String b = Corefiles.addStubDomain(a, "internal", "10.0.0.7");
            assertThat(b).as("re-pointed %d", i).isEqualTo(Corefiles.addStubDomain(x, "internal", "10.0.0.7"));
            if (!takesIstioRoute(x)) {
                continue;
            }
            String istio = Corefiles.addIstioRoute(x, "mesh.example", ISTIO_VERSION);
            String both = Corefiles.addStubDomain(istio, "internal", "10.96.100.53");
            boolean removeIstioFirst = random.nextBoolean();
            String first = Corefiles.removeZone(both, removeIstioFirst ? "mesh.example" : "internal");
            assertThat(Corefiles.removeZone(first, removeIstioFirst ? "internal" : "mesh.example"))
                    .as("two regions removed in either order, variant %d, istio first %s", i, removeIstioFirst)
                    .isEqualTo(x);
        }
    }

    private static String mutate(String base, Random random) {
        String x = base;
        if (random.nextInt(3) == 0) {
            x = x.replace("\n", "\r\n");
        }
        if (random.nextInt(4) == 0) {
            x = x.replaceAll("(?m)^    ", "\t");
        }
        if (random.nextInt(4) == 0) {
            x = "# svcalias test header\n\n" + x;
        }
        if (random.nextInt(5) == 0) {
            x = x.replaceAll("(?m)$", random.nextBoolean() ? " " : "\t");
        }
        return x + TAILS.get(random.nextInt(TAILS.size())) + TAILS.get(random.nextInt(TAILS.size()));
    }
}
