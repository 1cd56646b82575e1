package dev.svcalias.app.write;

import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.Plan;
import java.util.List;

/**
 * After a Corefile write, each CoreDNS pod's kubelet would copy the ConfigMap into the pod's volume at its next
 * periodic sync (syncFrequency, 1 minute by default, plus jitter). A change to the pod is a sync at once: the kubelet
 * (pkg/kubelet: HandlePodUpdates, then syncPod's WaitForAttachAndMount, whose ReprocessPod remounts ConfigMap
 * volumes) refreshes the volume within about a second. So svcalias touches one annotation on each pod of the
 * Deployment whose Corefile it wrote; no container restarts and no query is dropped. reload then reads the file within
 * its own interval (30 s +- 7.5 s by default). Without the RBAC for it (patch pods in kube-system), nothing is
 * touched and the kubelet's own sync follows. The nudge only hastens what the kubelet does anyway, so it never fails
 * the command: the writes have landed, and a nudge the API server refuses or garbles becomes a warning that says so.
 */
public final class KubeletNudge {
    private KubeletNudge() {}

    /** Nudges the pods of each Deployment whose Corefile the plan wrote; a failed nudge is added to {@code warnings}. */
    public static void afterWrites(Cluster cluster, ClusterLayout layout, Plan plan, List<String> warnings) {
        for (Change c : plan.effective().changes()) {
            if (c instanceof CorefileChange cc) {
                if (cc.before().ref().equals(layout.kubeDnsCorefile())) {
                    nudge(cluster, layout.kubeDnsNamespace(), layout.kubeDnsDeployment(), warnings);
                } else if (cc.before().ref().equals(layout.istioCorefile())) {
                    nudge(cluster, layout.istioNamespace(), layout.istioCorednsDeployment(), warnings);
                }
            }
        }
    }

    private static void nudge(Cluster cluster, String namespace, String deployment, List<String> warnings) {
        try {
            cluster.services().nudgePods(namespace, deployment);
        } catch (RuntimeException e) { // the write is done; only its haste is lost
            warnings.add("the change is written, but the kubelet could not be nudged to refresh the pods of deployment "
                    + namespace + "/" + deployment + " (" + e.getMessage() + "): it takes effect at the kubelet's next "
                    + "sync and CoreDNS's reload, usually within 2 minutes (svcalias verify --wait shows when)");
        }
    }
}
