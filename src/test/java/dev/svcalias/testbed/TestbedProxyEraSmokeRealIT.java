package dev.svcalias.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The proxy era (Istio 1.1-1.3): istiocoredns runs CoreDNS 1.1.2 with Istio's proxy-form Corefile, the
 * istiocoredns-era CRD is served, and `proxy global 127.0.0.1:8053 { protocol grpc insecure }` reaches the fake
 * plugin. Fails (never skips) when build.sh could not build CoreDNS 1.1.2.
 */
class TestbedProxyEraSmokeRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.ISTIOCOREDNS_ERA, RealCluster.Era.PROXY);

    @Test
    void coreDns112ProxiesToThePluginOverGrpc() {
        assertThat(CLUSTER.istiocorednsVersion()).as(Testbed.failure(Testbed.COREDNS_PROXY_VERSION).orElse(""))
                .isEqualTo(Testbed.COREDNS_PROXY_VERSION);
        CLUSTER.client().genericKubernetesResources(TestbedSmokeRealIT.SERVICE_ENTRIES)
                .inNamespace("micro-shake-factory").resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("networking.istio.io/v1alpha3").withKind("ServiceEntry")
                        .withNewMetadata().withName("proxy-smoke").withNamespace("micro-shake-factory").endMetadata()
                        .addToAdditionalProperties("spec", Map.of("hosts", List.of("proxy-smoke.global"),
                                "addresses", List.of("10.103.6.6"), "location", "MESH_INTERNAL",
                                "resolution", "STATIC"))
                        .build()).create();
        Dns istiocoredns = new Dns(CLUSTER.istiocorednsAddress());
        var a = istiocoredns.eventually("proxy-smoke.global", Type.A, x -> x.addresses().contains("10.103.6.6"));
        assertThat(a.addresses()).as(CLUSTER.logs()).containsExactly("10.103.6.6");
        assertThat(istiocoredns.query("proxy-smoke.global", Type.AAAA).rcode()).isEqualTo(Rcode.NXDOMAIN);

        var old = CLUSTER.runCoreDnsConfigCheck(Testbed.COREDNS_PROXY_VERSION, CLUSTER.seededIstioCorefile());
        assertThat(old.started()).as(old.log()).isTrue();
        var current = CLUSTER.runCoreDnsConfigCheck(CLUSTER.seededIstioCorefile());
        assertThat(current.started()).isFalse();
        assertThat(current.log()).contains("Unknown directive 'proxy'");
    }
}
