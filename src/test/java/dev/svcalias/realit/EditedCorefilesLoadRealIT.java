package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.testbed.CorednsConfigCheck;
import dev.svcalias.testbed.RealCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every corpus Corefile that real CoreDNS loads as it is still loads after each svcalias edit. */
class EditedCorefilesLoadRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    @Test
    void editsNeverBreakALoadableCorefile() throws IOException {
        List<String> loadable = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/corefiles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".corefile")).sorted().toList()) {
                String original = Files.readString(file);
                try {
                    Corefiles.parse(original);
                } catch (CorefileException unparsable) {
                    continue; // broken on purpose; svcalias never edits it (CorpusTest checks where it fails)
                }
                if (!CLUSTER.corednsLoads(original).started()) {
                    continue; // CoreDNS refuses it as it is (broken on purpose, proxy, placeholders, fragments)
                }
                loadable.add(file.getFileName().toString());
                List<String> edited = List.of(
                        Corefiles.addStubDomain(original, "internal", RealCluster.ISTIOCOREDNS_IP),
                        Corefiles.addIstioRoute(original, "internal", CoreDnsVersion.parse("1.6.2")));
                for (String text : edited) {
                    CorednsConfigCheck.Outcome outcome = CLUSTER.corednsLoads(text);
                    if (!outcome.started()) {
                        failures.add(file.getFileName() + ":\n" + outcome.log());
                    }
                }
            }
        }
        assertThat(loadable).as("corpus files current CoreDNS loads").hasSizeGreaterThan(8);
        assertThat(failures).as("edited Corefiles CoreDNS refused").isEmpty();
    }
}
