package dev.svcalias.app.zone;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.KeySnapshot;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.KeyEdit;
import dev.svcalias.platform.PlatformId;
import dev.svcalias.platform.StubDomainsJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * kube-dns (GKE): the zone is an entry of the JSON map {@code stubDomains} in kube-system/kube-dns. JSON has no
 * comments, so ownership is an annotation listing svcalias's zones; before the first edit the original value is
 * kept in another annotation (absent when the key was absent), so reset gives back the original bytes.
 */
final class StubDomainsSide extends ForwardingSide {
    static final String ZONES = "svcalias.dev/stub-domains";
    static final String ORIGINAL = "svcalias.dev/original-stub-domains";
    /** kube-dns (dnsmasq) listens on 53 and has no Corefile: a mode's edit is read back against this. */
    static final String BARE_ROOT = ".:53 {\n}\n";
    private final ConfigMapRef ref;
    private final KeySnapshot read;
    private final PlatformId platform;

    StubDomainsSide(Cluster cluster, ConfigMapRef ref, PlatformId platform) {
        super(BARE_ROOT);
        this.platform = platform;
        this.ref = ref;
        this.read = cluster.configMapKeys().read(ref);
    }

    @Override
    public String describe() {
        return ref + " (stubDomains)";
    }

    @Override
    public List<ManagedZone> zones() {
        Map<String, List<String>> entries = read.value().map(StubDomainsJson::entries).orElse(Map.of());
        List<ManagedZone> zones = new ArrayList<>();
        for (String zone : owned(read)) {
            List<String> ips = entries.getOrDefault(zone, List.of());
            if (!ips.isEmpty()) {
                zones.add(new ManagedZone(zone, ManagedZone.Kind.STUB_DOMAIN, ips.get(0), 0));
            }
        }
        return zones;
    }

    @Override
    Change forward(String domain, String forwardTo, String summary) {
        return new ConfigMapKeyChange(read, add(read, domain, forwardTo, platform), fresh -> add(fresh, domain,
                forwardTo, platform),
                summary + " (stubDomains entry)");
    }

    @Override
    public List<Change> remove(String domain, List<String> notes) {
        Set<String> owned = owned(read);
        List<String> zones = owned.stream().filter(z -> domain == null || z.equals(domain)).toList();
        if (zones.isEmpty()) {
            return List.of();
        }
        KeyEdit edit = drop(read, zones, notes);
        return List.of(new ConfigMapKeyChange(read, edit, fresh -> drop(fresh, zones, new ArrayList<>()),
                "removed zone " + String.join(", ", zones) + " (stubDomains entry)"));
    }

    private static KeyEdit add(KeySnapshot snap, String domain, String forwardTo, PlatformId platform) {
        Set<String> owned = owned(snap);
        Map<String, List<String>> entries = snap.value().map(StubDomainsJson::entries).orElse(Map.of());
        if (entries.containsKey(domain) && !owned.contains(domain)) {
            throw SvcaliasException.state(snap.ref() + " already has a stubDomains entry for " + domain
                    + " that svcalias did not write (" + entries.get(domain) + ")", "remove it, or pick another "
                    + "--domain");
        }
        Map<String, Optional<String>> notes = new HashMap<>();
        if (owned.isEmpty()) {
            notes.put(ORIGINAL, snap.value()); // empty: the key was absent, so reset removes it again
        }
        owned.add(domain);
        notes.put(ZONES, Optional.of(String.join(",", owned)));
        notes.put(RecordedPlatform.ANNOTATION, Optional.of(platform.flag()));
        return new KeyEdit(Optional.of(StubDomainsJson.put(snap.value(), domain, List.of(forwardTo))), notes);
    }

    private static KeyEdit drop(KeySnapshot snap, List<String> zones, List<String> notes) {
        String text = snap.value().orElse("{}");
        for (String zone : zones) {
            text = StubDomainsJson.remove(text, zone);
        }
        Set<String> owned = owned(snap);
        zones.forEach(owned::remove);
        Map<String, Optional<String>> annotations = new HashMap<>();
        Optional<String> value = Optional.of(text);
        if (owned.isEmpty()) {
            annotations.put(ZONES, Optional.empty());
            annotations.put(ORIGINAL, Optional.empty());
            annotations.put(RecordedPlatform.ANNOTATION, Optional.empty());
            Optional<String> original = Optional.ofNullable(snap.annotations().get(ORIGINAL));
            if (original.isEmpty() && StubDomainsJson.entries(text).isEmpty()) {
                value = Optional.empty(); // svcalias added the key: take it away again
            } else if (original.isPresent() && !original.get().equals(text)) {
                notes.add(snap.ref() + " stubDomains differs from the value svcalias found before its first edit "
                        + "because of changes svcalias did not make; they were kept");
            }
        } else {
            annotations.put(ZONES, Optional.of(String.join(",", owned)));
        }
        return new KeyEdit(value, annotations);
    }

    private static Set<String> owned(KeySnapshot snap) {
        String list = snap.annotations().getOrDefault(ZONES, "");
        Set<String> owned = new LinkedHashSet<>();
        Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(owned::add);
        return owned;
    }
}
