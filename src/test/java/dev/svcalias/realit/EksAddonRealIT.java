package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.PlatformSeeds;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * EKS's CoreDNS managed add-on, as the real API server records it: the add-on's objects server-side applied with
 * field manager {@code eks} (as AWS's add-on guide shows them). status names EKS and the managed add-on from
 * managedFields, and init writes the Corefile but never reports plain success: exit 8 with the
 * {@code aws eks update-addon --configuration-values} command carrying the edited Corefile.
 */
class EksAddonRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);

    @Test
    void theEksFieldManagerIsFoundInManagedFieldsAndInitExits8WithTheAddonCommand() {
        String corefile = PlatformSeeds.file("eks-addon-v1.13.2-eksbuild.1.corefile");
        Map<String, String> labels = Map.of("eks.amazonaws.com/component", "coredns", "k8s-app", "kube-dns");
        ConfigMap cm = new ConfigMapBuilder().withNewMetadata().withName("coredns").withNamespace("kube-system")
                .withLabels(labels).endMetadata().addToData("Corefile", corefile).build();
        CLUSTER.client().configMaps().inNamespace("kube-system").resource(cm).fieldManager("eks").forceConflicts()
                .serverSideApply();
        // the add-on's Deployment replaces the testbed's (a selector cannot change in place)
        CLUSTER.client().apps().deployments().inNamespace("kube-system").withName("coredns").delete();
        Deployment d = new DeploymentBuilder().withNewMetadata().withName("coredns").withNamespace("kube-system")
                .withLabels(labels).endMetadata().withNewSpec().withReplicas(2).withNewSelector()
                .addToMatchLabels("k8s-app", "kube-dns").endSelector().withNewTemplate().withNewMetadata()
                .addToLabels("k8s-app", "kube-dns").endMetadata().withNewSpec().addNewContainer().withName("coredns")
                .withImage("602401143452.dkr.ecr.us-east-1.amazonaws.com/eks/coredns:v1.13.2-eksbuild.1")
                .endContainer().endSpec().endTemplate().endSpec().build();
        CLUSTER.client().apps().deployments().inNamespace("kube-system").resource(d).fieldManager("eks")
                .forceConflicts().serverSideApply();
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns").get().getMetadata()
                .getManagedFields()).extracting(ManagedFieldsEntry::getManager).contains("eks");
        String kc = "--kubeconfig=" + CLUSTER.adminKubeconfig();

        CliRun status = CliRun.run("status", kc);
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).as(status.toString()).contains("Platform:       eks")
                .contains("managed add-on (field manager 'eks')");

        CliRun init = CliRun.run("init", "--domain", "svc.example", kc);
        assertThat(init.exitCode()).as(init.toString()).isEqualTo(8);
        assertThat(init.err()).contains("EKS managed add-on").contains("aws eks update-addon")
                .contains("--configuration-values '{\"corefile\":\"");
        String written = CLUSTER.corefile("kube-system");
        assertThat(written).startsWith(corefile).contains("# svcalias:begin zone=svc.example");

        // svcalias's update took data.Corefile from the eks manager; the add-on's other fields (labels) and the
        // Deployment still carry it, so a re-run still warns (exit 0: it wrote nothing, as on every platform)
        assertThat(CLUSTER.client().configMaps().inNamespace("kube-system").withName("coredns").get().getMetadata()
                .getManagedFields()).extracting(ManagedFieldsEntry::getManager).contains("eks");
        CliRun again = CliRun.run("init", "--domain", "svc.example", kc);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("unchanged");
        assertThat(again.err()).contains("warning: CoreDNS is an EKS managed add-on");
        CliRun add = CliRun.run("alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        assertThat(add.exitCode()).as(add.toString()).isZero();
        CliRun reset = CliRun.run("reset", kc);
        assertThat(reset.exitCode()).as(reset.toString()).isZero();
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(corefile);
    }
}
