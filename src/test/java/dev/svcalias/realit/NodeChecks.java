package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testbed.NodeCluster;
import dev.svcalias.testing.CliRun;
import java.util.List;

/** What every node scenario checks the same way: plain verify with its probe pod, the nudge that restarted nothing. */
final class NodeChecks {
    private NodeChecks() {}

    static String kc(NodeCluster cluster) {
        return "--kubeconfig=" + cluster.adminKubeconfig();
    }

    static Replicas replicas(NodeCluster cluster) {
        return new Replicas(cluster.corednsPodIps());
    }

    /** Plain {@code svcalias verify} (probe pod, every replica, no --nameserver) passes and deletes its probe pod. */
    static CliRun plainVerifyPasses(NodeCluster cluster, String... shown) {
        CliRun verify = CliRun.run("verify", kc(cluster));
        assertThat(verify.exitCode()).as(verify + cluster.logs()).isZero();
        assertThat(verify.out()).contains(shown);
        assertThat(cluster.client().pods().inNamespace("default").list().getItems()).as("the probe pod is deleted")
                .isEmpty();
        return verify;
    }

    /** Each pod with the label carries svcalias's nudge and none of its containers restarted. */
    static void nudgedWithoutRestart(NodeCluster cluster, String namespace, String label, String value) {
        List<io.fabric8.kubernetes.api.model.Pod> pods = cluster.client().pods().inNamespace(namespace)
                .withLabel(label, value).list().getItems();
        assertThat(pods).isNotEmpty();
        for (var p : pods) {
            assertThat(p.getMetadata().getAnnotations()).as(p.getMetadata().getName())
                    .containsKey("svcalias.dev/config-written-at");
            assertThat(p.getStatus().getContainerStatuses()).allMatch(s -> s.getRestartCount() == 0);
        }
    }
}
