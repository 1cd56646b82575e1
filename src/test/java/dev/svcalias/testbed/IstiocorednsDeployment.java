package dev.svcalias.testbed;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * istiocoredns as Istio 1.4's chart deployed it, run by the node: the Deployment istio-system/istiocoredns (one
 * replica, as the chart had) with two containers, CoreDNS 1.6.2 reading the ConfigMap istio-system/coredns (Istio
 * 1.4's Corefile: {@code grpc global 127.0.0.1:8053}) through a volume, and the istio-coredns-plugin, played by the
 * testbed's fake (src/testbed/istio-plugin-fake) on 127.0.0.1:8053 of the pod, answering from the API server's
 * ServiceEntries; the Service istiocoredns at {@value NodeNetwork#ISTIOCOREDNS_IP}, which kube-proxy makes real. The
 * fake logs in with a client certificate (all it understands) from a Secret, as a user bound to the chart's
 * ClusterRole istiocoredns (get, list, watch on networking.istio.io).
 */
final class IstiocorednsDeployment {
    static final String NS = "istio-system";
    static final String USER = FakeIstioPlugin.USER;
    /** The image tarballs of build.sh's node-images it runs. */
    static final List<String> IMAGES = List.of("coredns-istio.tar", "istio-plugin-fake.tar");
    static final Map<String, String> LABELS = Map.of("app", "istiocoredns");

    private IstiocorednsDeployment() {}

    static void create(KubernetesClient client, LocalApiServer apiServer, String corefile) {
        for (String image : IMAGES) {
            Testbed.nodeImage(image); // fails with build.sh's reason when one could not be built
        }
        FakeIstioPlugin.bindPluginUser(client);
        Path[] cert = apiServer.pki.client(USER);
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: node
                  cluster:
                    server: https://%s:%d
                    certificate-authority: ca.crt
                users:
                - name: %s
                  user:
                    client-certificate: tls.crt
                    client-key: tls.key
                contexts:
                - name: node
                  context:
                    cluster: node
                    user: %s
                current-context: node
                """.formatted(NodeNetwork.GATEWAY, apiServer.port, USER, USER);
        client.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("istiocoredns-plugin")
                .withNamespace(NS).endMetadata().addToStringData("kubeconfig", kubeconfig)
                .addToStringData("ca.crt", read(apiServer.pki.caCert)).addToStringData("tls.crt", read(cert[0]))
                .addToStringData("tls.key", read(cert[1])).build()).create();
        client.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("coredns")
                .withNamespace(NS).addToLabels("app", "istiocoredns").endMetadata().addToData("Corefile", corefile)
                .build()).create();
        client.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName("istiocoredns")
                .withNamespace(NS).addToLabels(LABELS).endMetadata().withNewSpec()
                .withClusterIP(NodeNetwork.ISTIOCOREDNS_IP).withSelector(LABELS)
                .addNewPort().withName("dns").withPort(53).withProtocol("UDP").withTargetPort(new IntOrString(53)).endPort()
                .addNewPort().withName("dns-tcp").withPort(53).withProtocol("TCP").withTargetPort(new IntOrString(53))
                .endPort().endSpec().build()).create();
        var coredns = new ContainerBuilder().withName("coredns").withImage("coredns/coredns:"
                        + Testbed.COREDNS_ISTIO_VERSION.substring(1)).withImagePullPolicy("IfNotPresent")
                .withArgs("-conf", "/etc/coredns/Corefile")
                .addNewVolumeMount().withName("config-volume").withMountPath("/etc/coredns").withReadOnly(true)
                .endVolumeMount()
                .addNewPort().withName("dns").withContainerPort(53).withProtocol("UDP").endPort()
                .addNewPort().withName("dns-tcp").withContainerPort(53).withProtocol("TCP").endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/health").withPort(new IntOrString(8080))
                .endHttpGet().withPeriodSeconds(2).endReadinessProbe()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withAdd("NET_BIND_SERVICE").withDrop("ALL").endCapabilities().endSecurityContext()
                .build();
        var plugin = new ContainerBuilder().withName("istio-coredns-plugin")
                .withImage("svcalias-testbed/istio-plugin-fake:1").withImagePullPolicy("IfNotPresent")
                .withArgs("-listen", "127.0.0.1:8053", "-kubeconfig", "/etc/istio-plugin/kubeconfig")
                .addNewVolumeMount().withName("plugin-login").withMountPath("/etc/istio-plugin").withReadOnly(true)
                .endVolumeMount()
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withRunAsUser(65532L).withRunAsNonRoot(true).withNewCapabilities().withDrop("ALL").endCapabilities()
                .endSecurityContext().build();
        client.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder().withNewMetadata()
                .withName("istiocoredns").withNamespace(NS).addToLabels(LABELS).endMetadata().withNewSpec()
                .withReplicas(1).withNewSelector().addToMatchLabels(LABELS).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels(LABELS).endMetadata().withNewSpec()
                .withDnsPolicy("Default").withAutomountServiceAccountToken(false).withContainers(coredns, plugin)
                .addNewVolume().withName("config-volume").withNewConfigMap().withName("coredns").addNewItem()
                .withKey("Corefile").withPath("Corefile").endItem().endConfigMap().endVolume()
                .addNewVolume().withName("plugin-login").withNewSecret().withSecretName("istiocoredns-plugin")
                .withDefaultMode(0444).endSecret().endVolume()
                .endSpec().endTemplate().endSpec().build()).create();
    }

    /** Waits until the istiocoredns pod is Ready (its CoreDNS's /health answers). */
    static Pod awaitReady(KubernetesClient client, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            List<Pod> ready = pods(client).stream().filter(CoreDnsDeployment::ready).toList();
            if (ready.size() == 1) {
                return ready.get(0);
            }
            LocalApiServer.sleep(250);
        }
        throw new IllegalStateException("istiocoredns: not Ready within " + timeout.toSeconds() + "s: "
                + pods(client).stream().map(p -> p.getMetadata().getName() + " " + p.getStatus()).toList());
    }

    static List<Pod> pods(KubernetesClient client) {
        return client.pods().inNamespace(NS).withLabels(LABELS).list().getItems().stream()
                .filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
