package dev.svcalias.app.alias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.naming.TargetRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ServiceEntry's ports: one per number, as Istio's CRD demands, found on the node aliasing kube-dns. */
class ServiceEntryManifestTest {
    private static List<Object> ports(List<ServiceInfo.PortInfo> servicePorts, ServiceEntryShape shape) {
        ServiceInfo kubeDns = new ServiceInfo("kube-system", "kube-dns", "ClusterIP", "198.19.0.10", null, servicePorts);
        Map<String, Object> manifest = ServiceEntryManifest.build("v1", "my-dns.internal", "my-dns", "internal",
                new TargetRef("kube-dns", "kube-system"), kubeDns, "cluster.local", shape);
        @SuppressWarnings("unchecked")
        List<Object> ports = (List<Object>) ((Map<?, ?>) manifest.get("spec")).get("ports");
        return ports;
    }

    @Test
    void aNumberOnUdpAndTcpKeepsTheTcpPortOnce() {
        List<ServiceInfo.PortInfo> kubeDns = List.of(new ServiceInfo.PortInfo("dns", 53, "UDP"),
                new ServiceInfo.PortInfo("dns-tcp", 53, "TCP"), new ServiceInfo.PortInfo("metrics", 9153, "TCP"));
        assertThat(ports(kubeDns, ServiceEntryShape.FIXED_ADDRESS)).containsExactly(
                Map.of("number", 53, "name", "dns-tcp", "protocol", "TCP"),
                Map.of("number", 9153, "name", "metrics", "protocol", "TCP"));
        assertThat(ports(List.of(new ServiceInfo.PortInfo("dns-tcp", 53, "TCP"), new ServiceInfo.PortInfo("dns", 53,
                "UDP")), ServiceEntryShape.FIXED_ADDRESS)).hasSize(1);
        // istio mode declares only the ports Istio routes by Host: kube-dns's none
        assertThat(ports(kubeDns, ServiceEntryShape.BY_NAME)).isNull();
    }

    @Test
    void distinctNumbersAreEachKeptInTheServicesOrder() {
        assertThat(ports(List.of(new ServiceInfo.PortInfo("syslog", 514, "UDP"), new ServiceInfo.PortInfo("http", 80,
                "TCP")), ServiceEntryShape.FIXED_ADDRESS)).containsExactly(Map.of("number", 514, "name", "syslog", "protocol", "UDP"),
                Map.of("number", 80, "name", "http", "protocol", "TCP"));
    }
}
