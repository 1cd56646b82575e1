package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.dns.DnsjavaClient;
import dev.svcalias.dns.Nameserver;
import dev.svcalias.dns.RecordType;
import dev.svcalias.testbed.CorednsConfigCheck;
import dev.svcalias.testbed.MountedCoreDns;
import dev.svcalias.testbed.MountedCoreDns.Volume;
import dev.svcalias.testbed.OpenShiftCorefile;
import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.PlatformSeeds;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OpenShift: the DNS operator's CRD from openshift/api, installed in the real API server, validates svcalias's
 * spec.servers entry; the Corefile the operator renders from the resource loads in real CoreDNS and, served
 * from openshift-dns/dns-default, answers the alias through istiocoredns.
 */
class OpenShiftDnsOperatorRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    private final DnsjavaClient dns = new DnsjavaClient(Duration.ofSeconds(2));

    @Test
    void theServersEntryPassesTheCrdAndTheRenderedCorefileAnswersTheAlias() {
        PlatformSeeds seeds = new PlatformSeeds(CLUSTER.client());
        seeds.openshift();
        CLUSTER.awaitServed("operator.openshift.io/v1", "dnses");
        seeds.openshiftDefault();
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();

        CliRun status = CliRun.run("status", kc);
        assertThat(status.out()).as(status.toString()).contains("Platform:       openshift")
                .contains("serves dnses.operator.openshift.io/v1");
        CliRun init = CliRun.run("init", "--domain", "internal", kc);
        assertThat(init.exitCode()).as(init.toString()).isZero();
        GenericKubernetesResource dnsDefault = get();
        List<Map<String, Object>> servers = servers(dnsDefault);
        assertThat(servers).hasSize(2);
        assertThat(servers.get(0)).containsEntry("name", "corp");
        assertThat(servers.get(1)).containsEntry("name", "svcalias-internal").containsEntry("zones", List.of("internal"))
                .containsEntry("forwardPlugin", Map.of("upstreams", List.of(RealCluster.ISTIOCOREDNS_IP),
                        "policy", "Random"));
        // the schema is enforced: the API server defaulted policy above and refuses a value outside its enum
        GenericKubernetesResource bad = get();
        servers(bad).get(1).put("forwardPlugin", Map.of("upstreams", List.of("1.2.3.4"), "policy", "Bogus"));
        assertThatThrownBy(() -> CLUSTER.client().genericKubernetesResources(PlatformSeeds.DNS).resource(bad)
                .update()).isInstanceOf(KubernetesClientException.class).hasMessageContaining("Bogus");

        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();

        // what the operator would render into openshift-dns/dns-default
        List<OpenShiftCorefile.Server> rendered = new ArrayList<>();
        for (Map<String, Object> s : servers(get())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> fp = (Map<String, Object>) s.get("forwardPlugin");
            @SuppressWarnings("unchecked")
            List<String> zones = (List<String>) s.get("zones");
            @SuppressWarnings("unchecked")
            List<String> upstreams = (List<String>) fp.get("upstreams");
            rendered.add(new OpenShiftCorefile.Server((String) s.get("name"), zones, upstreams));
        }
        String corefile = OpenShiftCorefile.render(rendered, "cluster.local");
        CorednsConfigCheck.Outcome loads = CLUSTER.runCoreDnsConfigCheck(corefile);
        assertThat(loads.started()).as(loads.log()).isTrue();
        var cm = CLUSTER.client().configMaps().inNamespace("openshift-dns").withName("dns-default").get();
        cm.getData().put("Corefile", corefile);
        CLUSTER.client().configMaps().inNamespace("openshift-dns").resource(cm).update();
        MountedCoreDns dnsDefaultPod = CLUSTER.startMountedCoreDns("openshift-dns-default",
                List.of(new Volume("openshift-dns", "dns-default", "")),
                Map.of(RealCluster.ISTIOCOREDNS_IP, CLUSTER.istiocorednsAddress()), UnaryOperator.identity());
        Nameserver ns = Nameserver.parse(dnsDefaultPod.address());
        DnsAnswer a = RecipeScenarioRealIT.eventually(() -> dns.query("my-fruits.internal", RecordType.A, ns),
                x -> x.addresses().contains(RealCluster.FRUITS_IP));
        assertThat(a.addresses()).as(dnsDefaultPod.logTail()).containsExactly(RealCluster.FRUITS_IP);
        // the operator's block only forwards; istiocoredns's route answers AAAA with NOERROR and no records
        DnsAnswer aaaa = dns.query("my-fruits.internal", RecordType.AAAA, ns);
        assertThat(aaaa.rcode()).as(dnsDefaultPod.logTail()).isEqualTo("NOERROR");
        assertThat(aaaa.addresses()).isEmpty();
        assertThat(dns.query("my-fruits.internal", RecordType.A, ns).addresses()).containsExactly(RealCluster.FRUITS_IP);

        CliRun reset = CliRun.run("reset", "--aliases", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(servers(get())).hasSize(1);
        assertThat(servers(get()).get(0)).containsEntry("name", "corp");
        assertThat(get().getAdditionalProperties().get("spec")).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("logLevel", "Normal");
    }

    private static GenericKubernetesResource get() {
        return CLUSTER.client().genericKubernetesResources(PlatformSeeds.DNS).withName("default").get();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> servers(GenericKubernetesResource dns) {
        return (List<Map<String, Object>>) ((Map<String, Object>) dns.getAdditionalProperties().get("spec"))
                .get("servers");
    }
}
