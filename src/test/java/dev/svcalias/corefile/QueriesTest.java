package dev.svcalias.corefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The read-only questions the rest of svcalias asks. */
class QueriesTest {
    @ParameterizedTest
    @CsvSource({"kubeadm-1.28.corefile,cluster.local", "k3s-default.corefile,cluster.local",
            "openshift-4.1.corefile,cluster.local", "eks-1.11-proxy.corefile,cluster.local",
            "rke2-coredns.corefile,cluster.local", "istio-1.4-istiocoredns.corefile,"})
    void clusterDomainOfTheCorpus(String name, String domain) {
        assertThat(Corefiles.clusterDomain(Corpus.read(name)).orElse(null)).isEqualTo(domain);
    }

    @Test
    void clusterDomainIsTheRootBlocksFirstKubernetesZoneNormalised() {
        String text = "other:53 {\n    kubernetes other.local\n}\n.:53 {\n    kubernetes Cluster.Example. in-addr.arpa {\n"
                + "        pods insecure\n    }\n}\n";
        assertThat(Corefiles.clusterDomain(text)).hasValue("cluster.example");
        assertThat(Corefiles.clusterDomain(".:53 {\n    kubernetes\n}\n")).isEmpty();
        assertThat(Corefiles.clusterDomain("cluster.local:53 {\n    kubernetes\n}\n")).hasValue("cluster.local");
        assertThat(Corefiles.clusterDomain(".:53 {\n    forward . 1.1.1.1\n}\n")).isEmpty();
    }

    @Test
    void clusterDomainAndReloadThroughASnippet() {
        String text = "(k8s) {\n    kubernetes my.cluster in-addr.arpa\n    reload 10s\n}\n.:53 {\n    import k8s\n}\n";
        assertThat(Corefiles.clusterDomain(text)).hasValue("my.cluster");
        assertThat(Corefiles.hasReload(text)).isTrue();
        // a snippet defined after the import is a file path to CoreDNS, not this snippet
        String late = ".:53 {\n    import k8s\n}\n(k8s) {\n    reload\n}\n";
        assertThat(Corefiles.hasReload(late)).isFalse();
    }

    @Test
    void reloadAnywhereCounts() {
        assertThat(Corefiles.hasReload(Corpus.read("kubeadm-1.28.corefile"))).isTrue();
        assertThat(Corefiles.hasReload(Corpus.read("istio-1.4-istiocoredns.corefile"))).isTrue();
        assertThat(Corefiles.hasReload(Corpus.read("aks-custom-stubdomains.server.corefile"))).isFalse();
        assertThat(Corefiles.hasReload(".:53 {\n    errors\n}\nx:53 {\n    reload\n}\n")).isTrue();
        // hosts' own reload option is not the reload plugin
        assertThat(Corefiles.hasReload(".:53 {\n    hosts {\n        reload 15s\n    }\n}\n")).isFalse();
    }

    @Test
    void rootPortsOfTheCorpus() {
        assertThat(Corefiles.rootPorts(Corpus.read("openshift-4.1.corefile"))).containsExactly(5353);
        assertThat(Corefiles.rootPorts(Corpus.read("kubeadm-1.28.corefile"))).containsExactly(53);
        assertThat(Corefiles.rootPorts("dns://.:1053 . .:5353 {\n}\n")).containsExactly(1053, 53, 5353);
    }

    @Test
    void routesDomain() {
        String text = ".:53 {\n    proxy global 127.0.0.1:8053 {\n        protocol grpc insecure\n    }\n"
                + "    forward . /etc/resolv.conf {\n        except internal\n    }\n}\nExample.org:1053 {\n}\n";
        assertThat(Corefiles.routesDomain(text, "global")).isTrue();
        assertThat(Corefiles.routesDomain(text, "example.org")).isTrue();
        assertThat(Corefiles.routesDomain(text, "internal")).isFalse();
        assertThat(Corefiles.routesDomain(Corpus.read("istio-1.4-multicluster-kube-system-global.corefile"), "global"))
                .isTrue();
    }
}
