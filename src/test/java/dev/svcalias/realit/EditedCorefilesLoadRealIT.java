package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.corefile.CoreDnsVersion;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.testbed.CorednsConfigCheck;
import dev.svcalias.testbed.RealCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** Every corpus Corefile that real CoreDNS loads as it is still loads after each svcalias edit. */
class EditedCorefilesLoadRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    @Test
    void editsNeverBreakALoadableCorefile() throws IOException {
        List<String> loadable = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int edited = 0;
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
                List<Supplier<String>> edits = List.of(
                        () -> Corefiles.addStubDomain(original, "internal", RealCluster.ISTIOCOREDNS_IP),
                        () -> Corefiles.addIstioRoute(original, "internal", CoreDnsVersion.parse("1.14.7")));
                for (Supplier<String> edit : edits) {
                    String text;
                    try {
                        text = edit.get();
                    } catch (CorefileException refused) {
                        continue; // e.g. no root block (a coredns-custom fragment): svcalias writes nothing
                    }
                    edited++;
                    CorednsConfigCheck.Outcome outcome = CLUSTER.corednsLoads(text);
                    if (!outcome.started()) {
                        failures.add(file.getFileName() + ":\n" + outcome.log());
                    }
                }
            }
        }
        assertThat(loadable).as("corpus files current CoreDNS loads").hasSizeGreaterThan(8);
        assertThat(edited).as("edited Corefiles checked").isGreaterThan(16);
        assertThat(failures).as("edited Corefiles CoreDNS refused").isEmpty();
    }

    /** Issue 9, defect 5: what svcalias's check refuses for duplicate keys and brace-less blocks, CoreDNS refuses. */
    @Test
    void checkRefusesWhatCorednsRefuses() {
        List<String> refusedByBoth = List.of(
                ".:53 {\n    whoami\n}\n. {\n    whoami\n}\n",
                ".:53 {\n    whoami\n}\ninternal:53 {\n    whoami\n}\nInternal.:53 {\n    whoami\n}\n",
                ".:53 {\n    whoami\n}\ninternal:53 dns://internal.:53 {\n    whoami\n}\n",
                ".:53\nwhoami\nextra {\n}\n");
        for (String text : refusedByBoth) {
            assertThat(CLUSTER.corednsLoads(text).started()).as("CoreDNS loads\n" + text).isFalse();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Corefiles.check(text)).as(text)
                    .isInstanceOf(CorefileException.class);
        }
        String fine = ".:53 {\n    whoami\n}\ninternal:53 {\n    whoami\n}\n";
        assertThat(CLUSTER.corednsLoads(fine).started()).isTrue();
        Corefiles.check(fine);
    }

    /**
     * Issue 9: the two brace shapes Caddy's parser accepts load in every CoreDNS the testbed has (1.14.7, 1.6.2,
     * 1.1.2), so check accepts them (with a warning); an edit is refused, because appending svcalias's block to the
     * open one would not load, and a '}' closing a brace-less block probably means a '{' was lost.
     */
    @Test
    void checkAcceptsTheLenientBraceShapesEveryCorednsLoadsAndNoEditTouchesThem() {
        String bracelessClosed = ".:53 # {\n    whoami\n}\nother:53 {\n    whoami\n}\n";
        String openAtEnd = ".:53 {\n    whoami\n    forward . 127.0.0.1:1053 {\n        max_fails 2\n    }\n";
        for (String text : List.of(bracelessClosed, openAtEnd)) {
            for (String version : List.of("v1.14.7", "v1.6.2", "v1.1.2")) {
                if (RealCluster.coreDnsAvailable(version)) {
                    CorednsConfigCheck.Outcome loads = CLUSTER.runCoreDnsConfigCheck(version, text);
                    assertThat(loads.started()).as("CoreDNS " + version + " loads\n" + text + "\n" + loads.log())
                            .isTrue();
                }
            }
            assertThat(Corefiles.leniencies(Corefiles.checkLoadable(text))).as(text).hasSize(1);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Corefiles.addStubDomain(text, "internal",
                    RealCluster.ISTIOCOREDNS_IP)).isInstanceOf(CorefileException.class);
        }
        String appended = openAtEnd + "internal:53 {\n    whoami\n}\n";
        assertThat(CLUSTER.runCoreDnsConfigCheck(appended).started()).as("a block appended to the open one").isFalse();
        String mismatched = ".:53 {\n    whoami\n    forward . 127.0.0.1:1053 {\n        max_fails 2\n";
        assertThat(CLUSTER.runCoreDnsConfigCheck(mismatched).started()).as("last token not a '}'").isFalse();
    }

    /**
     * Issue 17, item 4: with {@code bind 127.0.0.2} in the root block, CoreDNS gives every query to 127.0.0.2 to the
     * root block unless svcalias's block binds there too. Run as written (no loopback translation, which would
     * put every block on 127.0.0.1 and hide the defect): an AAAA query for a name of the zone, sent to 127.0.0.2,
     * must get the zone block's own answer (NOERROR with the zone's SOA), not the root block's whoami.
     */
    @Test
    void theZoneBlockAnswersWhereTheRootBlockBinds() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.2"))) {
            port = probe.getLocalPort();
        }
        String root = ".:" + port + " {\n    bind 127.0.0.2\n    whoami\n}\n";
        // the zone's forward target is never asked: the template answers AAAA itself
        String edited = Corefiles.addStubDomain(root, "internal", "127.0.0.1");
        assertThat(edited).contains("internal:" + port + " {\n    bind 127.0.0.2\n");
        Path dir = Files.createTempDirectory("bind-");
        Path file = dir.resolve("Corefile");
        Files.writeString(file, edited);
        Process coredns = new ProcessBuilder(CLUSTER.corednsBinary().toString(), "-conf", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("coredns.log").toFile()).start();
        try {
            SimpleResolver resolver = new SimpleResolver("127.0.0.2");
            resolver.setPort(port);
            resolver.setTimeout(Duration.ofSeconds(1));
            Message answer = null;
            for (int i = 0; i < 50 && answer == null; i++) {
                try {
                    answer = resolver.send(Message.newQuery(Record.newRecord(
                            Name.fromString("x.internal."), Type.AAAA,
                            DClass.IN)));
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(answer).as(Files.readString(dir.resolve("coredns.log"))).isNotNull();
            assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(answer.getSection(Section.AUTHORITY)).as(answer.toString())
                    .anyMatch(r -> r.getType() == Type.SOA && r.getName().toString().equals("internal."));
        } finally {
            coredns.destroy();
            coredns.waitFor();
        }
    }
}
