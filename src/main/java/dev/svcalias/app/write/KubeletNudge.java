package dev.svcalias.app.write;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.plan.AliasServiceDelete;
import dev.svcalias.plan.AliasServicePut;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ChartValuesChange;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.CorefileChange;
import dev.svcalias.plan.NamespaceCreate;
import dev.svcalias.plan.NamespaceDelete;
import dev.svcalias.plan.OperatorServerChange;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryDelete;
import dev.svcalias.plan.ServiceEntryPut;
import dev.svcalias.plan.VirtualServiceDelete;
import dev.svcalias.plan.VirtualServicePut;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * After a ConfigMap write, each pod that mounts the ConfigMap would see it only at its kubelet's next periodic sync
 * (syncFrequency, 1 minute by default, plus jitter). A change to the pod is a sync at once: the kubelet
 * (pkg/kubelet: HandlePodUpdates, then syncPod's WaitForAttachAndMount, whose ReprocessPod remounts ConfigMap
 * volumes) refreshes the volume within about a second. So svcalias touches one annotation on each pod that mounts a
 * ConfigMap it wrote (a Corefile, AKS's and k3s's coredns-custom, kube-dns's stubDomains); no container restarts and
 * no query is dropped. CoreDNS's reload then reads the file within its own interval (30 s +- 7.5 s by default).
 * Without the RBAC for it (list and patch pods), nothing is touched and the kubelet's own sync follows. The nudge
 * only hastens what the kubelet does anyway, so it never fails the command: the writes have landed, and a nudge the
 * API server refuses or garbles becomes a warning that says so.
 */
public final class KubeletNudge {
    private KubeletNudge() {}

    /** Nudges the pods mounting each ConfigMap the plan wrote; a failed nudge is added to {@code warnings}. */
    public static void afterWrites(Cluster cluster, Plan plan, List<String> warnings) {
        for (ConfigMapRef written : writtenConfigMaps(plan)) {
            try {
                cluster.services().nudgePodsMounting(written.namespace(), written.name());
            } catch (RuntimeException e) { // the write is done; only its haste is lost
                warnings.add("the change is written, but the kubelet could not be nudged to refresh the pods "
                        + "mounting " + written + " (" + e.getMessage() + "): it takes effect at the kubelet's next "
                        + "sync and CoreDNS's reload, usually within 2 minutes (svcalias verify --wait shows when)");
            }
        }
    }

    /** Each ConfigMap the plan writes, once (whatever its key), in the plan's order. */
    static Set<ConfigMapRef> writtenConfigMaps(Plan plan) {
        Set<ConfigMapRef> written = new LinkedHashSet<>();
        for (Change c : plan.effective().changes()) {
            c.accept(WRITTEN_CONFIG_MAP).ifPresent(ref -> written.add(new ConfigMapRef(ref.namespace(), ref.name())));
        }
        return written;
    }

    /**
     * Which ConfigMap a kind of change writes, the ConfigMap a pod mounts: Corefiles and ConfigMap keys. The other
     * kinds write objects no pod mounts (an operator's or helm-controller's ConfigMap follows later, from their
     * reconcile, which svcalias cannot hasten).
     */
    private static final Change.Visitor<Optional<ConfigMapRef>> WRITTEN_CONFIG_MAP = new Change.Visitor<>() {
        @Override
        public Optional<ConfigMapRef> corefile(CorefileChange change) {
            return Optional.of(change.before().ref());
        }

        @Override
        public Optional<ConfigMapRef> configMapKey(ConfigMapKeyChange change) {
            return Optional.of(change.before().ref());
        }

        @Override
        public Optional<ConfigMapRef> chartValues(ChartValuesChange change) {
            return Optional.empty();
        }

        @Override
        public Optional<ConfigMapRef> operatorServer(OperatorServerChange change) {
            return Optional.empty();
        }

        @Override
        public Optional<ConfigMapRef> serviceEntryPut(ServiceEntryPut change) {
            return Optional.empty();
        }

        @Override
        public Optional<ConfigMapRef> serviceEntryDelete(ServiceEntryDelete change) {
            return Optional.empty();
        }

        @Override
        public Optional<ConfigMapRef> aliasServicePut(AliasServicePut change) {
            return Optional.empty();
        }

        @Override
        public Optional<ConfigMapRef> aliasServiceDelete(AliasServiceDelete change) {
            return Optional.empty();
        }

        @Override
        public Optional<ConfigMapRef> virtualServicePut(VirtualServicePut change) {
            return Optional.empty();
        }

        @Override
        public Optional<ConfigMapRef> virtualServiceDelete(VirtualServiceDelete change) {
            return Optional.empty();
        }

        @Override
        public Optional<ConfigMapRef> namespaceCreate(NamespaceCreate change) {
            return Optional.empty();
        }

        @Override
        public Optional<ConfigMapRef> namespaceDelete(NamespaceDelete change) {
            return Optional.empty();
        }
    };
}
