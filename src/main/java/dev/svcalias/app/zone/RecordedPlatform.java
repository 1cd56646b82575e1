package dev.svcalias.app.zone;

import dev.svcalias.app.Parallel;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ObjectFacts;
import dev.svcalias.corefile.PlatformMarks;
import dev.svcalias.platform.ClusterFacts;
import dev.svcalias.platform.DnsLayout;
import dev.svcalias.platform.Evidence;
import dev.svcalias.platform.PlatformId;
import dev.svcalias.platform.WellKnown;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The platform init recorded, read back instead of detected (init and status detect; alias, verify, reset read
 * this): the marker of svcalias's block in the Corefile or in a coredns-custom key, or the annotation on
 * kube-dns's ConfigMap. One round of parallel GETs of the objects that can hold the record, which are also the
 * objects the platforms' writes need; no node list, no discovery. Empty for a cluster set up by an older
 * svcalias (or OpenShift, whose servers[] entry has no room for it): the caller detects then.
 */
final class RecordedPlatform {
    static final String ANNOTATION = "svcalias.dev/platform";

    record Found(PlatformId id, Evidence evidence, ClusterFacts facts) {}

    private RecordedPlatform() {}

    static Optional<Found> read(Cluster cluster, DnsLayout layout) {
        List<WellKnown.Ref> refs = List.of(
                new WellKnown.Ref(WellKnown.CONFIG_MAP, layout.corefile().namespace(), layout.corefile().name()),
                new WellKnown.Ref(WellKnown.CONFIG_MAP, WellKnown.KUBE_SYSTEM, WellKnown.COREDNS_CUSTOM),
                new WellKnown.Ref(WellKnown.CONFIG_MAP, WellKnown.KUBE_SYSTEM, WellKnown.KUBE_DNS),
                new WellKnown.Ref(WellKnown.CONFIG_MAP, WellKnown.KUBE_SYSTEM, WellKnown.RKE2_COREDNS),
                new WellKnown.Ref(WellKnown.CONFIG_MAP, WellKnown.KUBE_SYSTEM, WellKnown.NODE_LOCAL_DNS),
                new WellKnown.Ref(WellKnown.DAEMON_SET, WellKnown.KUBE_SYSTEM, WellKnown.NODE_LOCAL_DNS));
        List<ObjectFacts> objects = Parallel.map(refs, refs.size(), r -> cluster.inventory().get(r.kind(),
                r.namespace(), r.name())).stream().flatMap(Optional::stream).toList();
        ClusterFacts facts = new ClusterFacts(objects, List.of(), Set.of(), Set.of());
        for (ObjectFacts o : objects) {
            Optional<Found> found = record(o, layout).flatMap(p -> PlatformId.fromFlag(p)).map(id -> new Found(id,
                    new Evidence(o.ref(), "platform " + id.flag() + " recorded by svcalias init"), facts));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> record(ObjectFacts o, DnsLayout layout) {
        if (!o.kind().equals(WellKnown.CONFIG_MAP)) {
            return Optional.empty();
        }
        if (o.namespace().equals(layout.corefile().namespace()) && o.name().equals(layout.corefile().name())) {
            return Optional.ofNullable(o.data().get(layout.corefile().key())).flatMap(PlatformMarks::recorded);
        }
        if (o.name().equals(WellKnown.COREDNS_CUSTOM)) {
            return o.data().entrySet().stream().filter(e -> e.getKey().startsWith("svcalias-")
                    && e.getKey().endsWith(".server")).map(Map.Entry::getValue).map(PlatformMarks::recorded)
                    .flatMap(Optional::stream).findFirst();
        }
        return o.name().equals(WellKnown.KUBE_DNS) ? o.annotation(ANNOTATION) : Optional.empty();
    }
}
