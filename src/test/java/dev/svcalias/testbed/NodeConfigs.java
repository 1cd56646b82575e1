package dev.svcalias.testbed;

import java.nio.file.Path;

/**
 * The kubelet's and kube-proxy's config files. The kubelet keeps Kubernetes' defaults where svcalias's timing
 * depends on them (syncFrequency 1m, the ConfigMap cache) and differs only where this machine kind needs it
 * (cgroup v1 with cgroupfs, swap, no CAP_SYS_RESOURCE) or where a default would reach off the machine or across
 * the host (listen addresses, pod logs, cgroup root, image garbage collection of images no registry can restore).
 */
final class NodeConfigs {
    private NodeConfigs() {}

    static String kubelet(Path dir, Path containerdSocket, Path resolvConf) {
        return """
                apiVersion: kubelet.config.k8s.io/v1beta1
                kind: KubeletConfiguration
                address: %1$s
                port: 10250
                readOnlyPort: 0
                healthzPort: 0
                containerRuntimeEndpoint: unix://%2$s
                podLogsDir: %3$s/pod-logs
                authentication:
                  anonymous: {enabled: true}
                  webhook: {enabled: false}
                authorization: {mode: AlwaysAllow}
                cgroupDriver: cgroupfs
                cgroupRoot: /%4$s
                failCgroupV1: false
                failSwapOn: false
                oomScoreAdj: 0
                clusterDNS: [%5$s]
                clusterDomain: cluster.local
                resolvConf: %6$s
                imageGCHighThresholdPercent: 100
                imageGCLowThresholdPercent: 99
                evictionHard: {memory.available: "1Mi", nodefs.available: "1%%", imagefs.available: "1%%"}
                serializeImagePulls: false
                """.formatted(NodeNetwork.GATEWAY, containerdSocket, dir, NodeLeftovers.CGROUP_ROOT,
                NodeNetwork.KUBE_DNS_IP, resolvConf);
    }

    /** iptables mode; no node ports on other addresses, no conntrack sysctls changed, no masquerade of anything. */
    static String kubeProxy(Path kubeconfig, String nodeName) {
        return """
                apiVersion: kubeproxy.config.k8s.io/v1alpha1
                kind: KubeProxyConfiguration
                mode: iptables
                clientConnection: {kubeconfig: %1$s}
                hostnameOverride: %2$s
                bindAddress: %3$s
                healthzBindAddress: 127.0.0.1:10256
                metricsBindAddress: 127.0.0.1:10249
                nodePortAddresses: ["%3$s/32"]
                iptables: {masqueradeAll: false, localhostNodePorts: false}
                conntrack: {maxPerCore: 0, min: 0, tcpEstablishedTimeout: 0s, tcpCloseWaitTimeout: 0s}
                """.formatted(kubeconfig, nodeName, NodeNetwork.GATEWAY);
    }
}
