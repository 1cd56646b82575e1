package dev.svcalias.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.PlatformEdits;
import dev.svcalias.testing.PlatformSeeds;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Corefile pieces platforms need, over the platforms' real files. */
class PlatformEditsTest {
    private static final UnaryOperator<String> STUB = t -> Corefiles.addStubDomain(t, "internal", "10.96.100.53");

    @Test
    void managedCorefilesNameTheirServerImports() {
        assertThat(PlatformEdits.topLevelImports(PlatformSeeds.file("aks-default.corefile")))
                .containsExactly("custom/*.server");
        assertThat(PlatformEdits.topLevelImports(PlatformSeeds.file("k3s-default.corefile")))
                .containsExactly("/etc/coredns/custom/*.server");
        assertThat(PlatformEdits.topLevelImports(PlatformSeeds.file("k3s-v1.21-no-custom-import.corefile"))).isEmpty();
    }

    @Test
    void theImportedServerFileIsTheBlockAloneAndParsesOnItsOwn() {
        String aks = PlatformSeeds.file("aks-default.corefile");
        String file = PlatformEdits.importedServerFile(aks, "internal", STUB);
        assertThat(file).startsWith("# svcalias:begin zone=internal").endsWith("# svcalias:end zone=internal\n")
                .contains("internal:53 {").contains("forward . 10.96.100.53");
        assertThat(Corefiles.managedZones(file)).hasSize(1);
        assertThat(Corefiles.rootPorts(aks + file)).containsExactly(53);
    }

    @ParameterizedTest
    @ValueSource(strings = {"k8s-nodelocaldns-raw.corefile", "rke2-nodelocaldns.corefile"})
    void nodeLocalZoneMirrorsTheRootBindAndIsReversible(String name) {
        String raw = PlatformSeeds.file(name);
        String forward = NodeLocalDns.clusterForward(raw);
        assertThat(forward).isEqualTo(NodeLocalDns.CLUSTER_DNS_PLACEHOLDER);
        String edited = PlatformEdits.addNodeLocalZone(raw, "internal", forward);
        String bind = name.startsWith("k8s") ? "bind __PILLAR__LOCAL__DNS__ __PILLAR__DNS__SERVER__"
                : "bind 169.254.20.10 10.43.0.10";
        assertThat(edited).startsWith(raw).contains("internal:53 {\n    errors\n    cache 30\n    " + bind + "\n"
                + "    forward . __PILLAR__CLUSTER__DNS__ {\n        force_tcp\n    }\n}");
        assertThat(PlatformEdits.addNodeLocalZone(edited, "internal", forward)).isEqualTo(edited);
        assertThat(Corefiles.removeZone(edited, "internal")).isEqualTo(raw);
    }

    @Test
    void aNodeLocalCorefileWithKubeDnsIpWrittenOutForwardsThere() {
        String rendered = PlatformSeeds.file("k8s-nodelocaldns-raw.corefile")
                .replace("__PILLAR__CLUSTER__DNS__", "10.96.0.10");
        assertThat(NodeLocalDns.clusterForward(rendered)).isEqualTo("10.96.0.10");
    }

    @Test
    void eksAddonValuesCarryTheCorefileAsOneJsonString() {
        assertThat(EksPlatform.configurationValues(".:53 {\n\tforward . \"x\"\\\n}"))
                .isEqualTo("{\"corefile\":\".:53 {\\n\\tforward . \\\"x\\\"\\\\\\n}\"}");
    }
}
