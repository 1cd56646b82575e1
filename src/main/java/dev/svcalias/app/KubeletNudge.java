package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.Plan;

/**
 * After a Corefile write, each CoreDNS pod's kubelet would copy the ConfigMap into the pod's volume at its next
 * periodic sync (syncFrequency, 1 minute by default, plus jitter). A change to the pod is a sync at once: the kubelet
 * (pkg/kubelet: HandlePodUpdates, then syncPod's WaitForAttachAndMount, whose ReprocessPod remounts ConfigMap
 * volumes) refreshes the volume within about a second. So svcalias touches one annotation on each pod of the
 * Deployment whose Corefile it wrote; no container restarts and no query is dropped. reload then reads the file within
 * its own interval (30 s +- 7.5 s by default). Without the RBAC for it (patch pods in kube-system), nothing is
 * touched and the kubelet's own sync follows.
 */
final class KubeletNudge {
    private KubeletNudge() {}

    static void afterWrites(Cluster cluster, ClusterLayout layout, Plan plan) {
        for (Change c : plan.effective().changes()) {
            if (c instanceof CorefileChange cc) {
                if (cc.before().ref().equals(layout.kubeDnsCorefile())) {
                    cluster.services().nudgePods(layout.kubeDnsNamespace(), layout.kubeDnsDeployment());
                } else if (cc.before().ref().equals(layout.istioCorefile())) {
                    cluster.services().nudgePods(layout.istioNamespace(), layout.istioCorednsDeployment());
                }
            }
        }
    }
}
