package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Against a CRD that serves only v1alpha3 and v1beta1 (Istio 1.5-1.8), as istiocoredns-era clusters did. */
class IstiocorednsEraCrdRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.ISTIOCOREDNS_ERA, RealCluster.Era.GRPC);

    @Test
    void aliasesUseTheServedVersionAndTheRealSchemaAcceptsThem() {
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();
        assertThat(CliRun.run("init", "--domain", "internal", kc).exitCode()).isZero();
        CliRun add = CliRun.run("add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        List<GenericKubernetesResource> stored = CLUSTER.client()
                .genericKubernetesResources("networking.istio.io/v1alpha3", "ServiceEntry")
                .inNamespace("micro-shake-factory").list().getItems();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getApiVersion()).isEqualTo("networking.istio.io/v1alpha3");
        assertThat(stored.get(0).getMetadata().getName()).isEqualTo("my-fruits.internal");
        CliRun verify = CliRun.run("verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--wait", "--timeout", "60s",
                "--interval", "1s", kc);
        assertThat(verify.exitCode()).as(verify + CLUSTER.logs()).isZero();
    }
}
