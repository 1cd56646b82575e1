package dev.svcalias.testing;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The recipe's cluster, for the mock API server and the real one alike: kube-dns and istiocoredns Corefiles,
 * their Services and Deployments, micro-shake-factory/fruits-api-service (10.103.1.1) and Istio's CRD.
 */
public final class RecipeSeed {
    public static final String ISTIOCOREDNS_IP = "10.96.100.53";
    public static final String KUBE_DNS_IP = "10.96.0.10";
    public static final String FRUITS_IP = "10.103.1.1";

    private final KubernetesClient client;

    public RecipeSeed(KubernetesClient client) {
        this.client = client;
    }

    public void seed(String kubeDnsCorefile, String istioCorefile, String istioCorednsVersion, String crdResource) {
        for (String ns : new String[] {"default", "kube-system", "istio-system", "micro-shake-factory"}) {
            if (client.namespaces().withName(ns).get() == null) {
                client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata()
                        .build()).create();
            }
        }
        configMap("kube-system", kubeDnsCorefile);
        configMap("istio-system", istioCorefile);
        service("kube-system", "kube-dns", KUBE_DNS_IP, 53, "dns", "UDP");
        service("istio-system", "istiocoredns", ISTIOCOREDNS_IP, 53, "dns", "UDP");
        service("micro-shake-factory", "fruits-api-service", FRUITS_IP, 80, "http", "TCP");
        deployment("kube-system", "coredns", "coredns/coredns:1.11.1", false);
        deployment("istio-system", "istiocoredns", "coredns/coredns:" + istioCorednsVersion, true);
        installCrd(crdResource);
        installCrd("/istio/virtualservices.crd.yaml"); // istio mode routes each alias with a VirtualService
    }

    public void installCrd(String resourcePath) {
        try (InputStream in = RecipeSeed.class.getResourceAsStream(resourcePath)) {
            CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().load(in).item();
            client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void configMap(String ns, String corefile) {
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("coredns")
                .withNamespace(ns).endMetadata().addToData("Corefile", corefile).build()).create();
    }

    public void service(String ns, String name, String ip, int port, String portName, String protocol) {
        client.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName(name)
                .withNamespace(ns).endMetadata().withNewSpec().withType("ClusterIP").withClusterIP(ip)
                .addNewPort().withName(portName.isEmpty() ? null : portName).withPort(port).withProtocol(protocol)
                .endPort().endSpec().build()).create();
    }

    /**
     * A headless Service (a StatefulSet's) with an "http" port 80 and one ready pod at {@code podIp}: the
     * EndpointSlice is written as the controller manager would write it, for clusters that run none.
     */
    public void headlessService(String ns, String name, String podIp) {
        client.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName(name)
                .withNamespace(ns).endMetadata().withNewSpec().withClusterIP("None").addNewPort().withName("http")
                .withPort(80).endPort().endSpec().build()).create();
        client.discovery().v1().endpointSlices().inNamespace(ns).resource(new EndpointSliceBuilder()
                .withNewMetadata().withName(name + "-1").addToLabels("kubernetes.io/service-name", name).endMetadata()
                .withAddressType("IPv4").addNewEndpoint().withAddresses(podIp).withNewConditions().withReady(true)
                .endConditions().endEndpoint().addNewPort().withName("http").withPort(80).endPort().build()).create();
    }

    /** A CoreDNS Deployment; istiocoredns's also has the plugin sidecar, so the container name matters. */
    public void deployment(String ns, String name, String image, boolean withIstioPlugin) {
        var pod = new PodSpecBuilder().addNewContainer().withName("coredns").withImage(image).endContainer();
        if (withIstioPlugin) {
            pod.addNewContainer().withName("istio-coredns-plugin").withImage("istio/coredns-plugin:0.2-istio-1.1")
                    .endContainer();
        }
        client.apps().deployments().inNamespace(ns).resource(new DeploymentBuilder().withNewMetadata().withName(name)
                .withNamespace(ns).endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", name)
                .endSelector().withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withSpec(pod.build()).endTemplate().endSpec().build()).create();
    }
}
