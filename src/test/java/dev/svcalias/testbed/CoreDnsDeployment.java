package dev.svcalias.testbed;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * CoreDNS as kubeadm deploys it, run by the node: the coredns ServiceAccount with the system:coredns ClusterRole,
 * the coredns ConfigMap (mounted at /etc/coredns; {@code customVolume} adds AKS's and k3s's optional coredns-custom
 * ConfigMap at /etc/coredns/custom), a Deployment with {@value #REPLICAS} replicas of the testbed's CoreDNS image,
 * and the kube-dns Service at its ClusterIP, which kube-proxy makes real.
 */
final class CoreDnsDeployment {
    static final int REPLICAS = 2;
    static final String NS = "kube-system";
    static final Map<String, String> LABELS = Map.of("k8s-app", "kube-dns");

    private CoreDnsDeployment() {}

    static void create(KubernetesClient client, String corefile, boolean customVolume) {
        client.serviceAccounts().inNamespace(NS).resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("coredns").withNamespace(NS).endMetadata().build()).create();
        client.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("system:coredns")
                .endMetadata().withRules(
                        new PolicyRuleBuilder().withApiGroups("").withResources("endpoints", "services", "pods",
                                "namespaces").withVerbs("list", "watch").build(),
                        new PolicyRuleBuilder().withApiGroups("discovery.k8s.io").withResources("endpointslices")
                                .withVerbs("list", "watch").build()).build()).create();
        client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                .withName("system:coredns").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole").withName("system:coredns").endRoleRef().addNewSubject()
                .withKind("ServiceAccount").withName("coredns").withNamespace(NS).endSubject().build()).create();
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("coredns")
                .withNamespace(NS).endMetadata().addToData("Corefile", corefile).build()).create();
        client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("kube-dns")
                .withNamespace(NS).addToLabels(LABELS).endMetadata().withNewSpec().withClusterIP(NodeNetwork.KUBE_DNS_IP)
                .withSelector(LABELS)
                .addNewPort().withName("dns").withPort(53).withProtocol("UDP").withTargetPort(new IntOrString(53)).endPort()
                .addNewPort().withName("dns-tcp").withPort(53).withProtocol("TCP").withTargetPort(new IntOrString(53))
                .endPort()
                .addNewPort().withName("metrics").withPort(9153).withProtocol("TCP").endPort().endSpec().build()).create();
        var container = new io.fabric8.kubernetes.api.model.ContainerBuilder().withName("coredns")
                .withImage("coredns/coredns:" + Testbed.COREDNS_VERSION.substring(1)).withImagePullPolicy("IfNotPresent")
                .withArgs("-conf", "/etc/coredns/Corefile")
                .addNewVolumeMount().withName("config-volume").withMountPath("/etc/coredns").withReadOnly(true)
                .endVolumeMount()
                .addNewPort().withName("dns").withContainerPort(53).withProtocol("UDP").endPort()
                .addNewPort().withName("dns-tcp").withContainerPort(53).withProtocol("TCP").endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString(8181)).endHttpGet()
                .withPeriodSeconds(2).endReadinessProbe()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withAdd("NET_BIND_SERVICE").withDrop("ALL").endCapabilities().endSecurityContext();
        var pod = new io.fabric8.kubernetes.api.model.PodSpecBuilder().withServiceAccountName("coredns")
                .withDnsPolicy("Default")
                .addNewVolume().withName("config-volume").withNewConfigMap().withName("coredns").addNewItem()
                .withKey("Corefile").withPath("Corefile").endItem().endConfigMap().endVolume();
        if (customVolume) {
            container.addNewVolumeMount().withName("custom-config-volume").withMountPath("/etc/coredns/custom")
                    .withReadOnly(true).endVolumeMount();
            pod.addNewVolume().withName("custom-config-volume").withNewConfigMap().withName("coredns-custom")
                    .withOptional(true).endConfigMap().endVolume();
        }
        pod.withContainers(container.build());
        client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata()
                .withName("coredns").withNamespace(NS).addToLabels(LABELS).endMetadata().withNewSpec()
                .withReplicas(REPLICAS).withNewSelector().addToMatchLabels(LABELS).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels(LABELS).endMetadata().withSpec(pod.build())
                .endTemplate().endSpec().build()).create();
    }

    /** Waits until every replica is Ready (its /ready answers: the kubernetes plugin has synced). */
    static List<Pod> awaitReady(KubernetesClient client, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Pod> ready = pods(client).stream().filter(CoreDnsDeployment::ready).toList();
            if (ready.size() == REPLICAS) {
                return ready;
            }
            LocalApiServer.sleep(250);
        }
        throw new IllegalStateException("CoreDNS: not " + REPLICAS + " Ready replicas within " + timeout.toSeconds()
                + "s: " + pods(client).stream().map(p -> p.getMetadata().getName() + " " + p.getStatus()).toList());
    }

    static List<Pod> pods(KubernetesClient client) {
        return client.pods().inNamespace(NS).withLabels(LABELS).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    static boolean ready(Pod p) {
        return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
