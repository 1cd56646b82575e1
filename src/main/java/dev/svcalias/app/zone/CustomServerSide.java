package dev.svcalias.app.zone;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.KeySnapshot;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.Corefiles;
import dev.svcalias.corefile.ManagedZone;
import dev.svcalias.corefile.PlatformEdits;
import dev.svcalias.corefile.PlatformMarks;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.plan.Change;
import dev.svcalias.plan.ConfigMapKeyChange;
import dev.svcalias.plan.KeyEdit;
import dev.svcalias.platform.PlatformId;
import dev.svcalias.platform.ZoneTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * AKS, k3s (and RKE2 set up to import it): svcalias's server block as the key {@code svcalias-<zone>.server} of
 * kube-system/coredns-custom, which the managed Corefile imports. The managed Corefile is read, never written:
 * the block listens on its root ports, follows its indentation and must not collide with its zones or with
 * another imported {@code *.server} key.
 */
final class CustomServerSide implements KubeDnsSide {
    private final Cluster cluster;
    private final ZoneTarget.CustomServerKey target;
    private final CorefileSnapshot managed;
    private final Map<String, String> customData;
    private final PlatformId platform;

    CustomServerSide(Cluster cluster, ZoneTarget.CustomServerKey target, CorefileSnapshot managed,
                     Map<String, String> customData, PlatformId platform) {
        this.platform = platform;
        this.cluster = cluster;
        this.target = target;
        this.managed = managed;
        this.customData = customData;
    }

    @Override
    public String describe() {
        return target.custom().toString();
    }

    @Override
    public List<ManagedZone> zones() {
        List<ManagedZone> zones = new ArrayList<>();
        customData.forEach((key, text) -> {
            if (key.startsWith("svcalias-") && key.endsWith(".server")) {
                zones.addAll(Corefiles.managedZones(text));
            }
        });
        return zones;
    }

    @Override
    public String text() {
        return managed.corefile();
    }

    @Override
    public Change put(UnaryOperator<String> edit, String summary) {
        String domain = EditedZone.of(managed.corefile(), edit, managed.ref().toString()).domain();
        ConfigMapRef ref = keyRef(domain);
        checkNoOtherKeyServes(domain, ref.key());
        String file;
        try {
            file = PlatformMarks.record(PlatformEdits.importedServerFile(managed.corefile(), domain, edit),
                    platform.flag());
        } catch (CorefileException e) {
            throw SvcaliasException.state(managed.ref() + ": " + e.getMessage(), "fix the Corefile by hand, then "
                    + "run svcalias init again");
        }
        KeySnapshot read = cluster.configMapKeys().read(ref);
        read.value().filter(v -> PlatformEdits.region(v, domain).isEmpty()).ifPresent(v -> {
            throw SvcaliasException.state(ref + " already has a key " + ref.key() + " that svcalias did not write",
                    "rename or remove that key, or pick another --domain");
        });
        return new ConfigMapKeyChange(read, new KeyEdit(Optional.of(file), Map.of()),
                fresh -> new KeyEdit(Optional.of(file), Map.of()), summary + " (key " + ref.key()
                + ", imported by " + managed.ref() + ")");
    }

    @Override
    public List<Change> remove(String domain, List<String> notes) {
        List<Change> changes = new ArrayList<>();
        for (ManagedZone z : zones()) {
            if (domain == null || z.domain().equals(domain)) {
                KeySnapshot read = cluster.configMapKeys().read(keyRef(z.domain()));
                if (read.value().isPresent()) {
                    changes.add(new ConfigMapKeyChange(read, new KeyEdit(Optional.empty(), Map.of()),
                            fresh -> new KeyEdit(Optional.empty(), Map.of()), "removed zone " + z.domain()
                            + " (key " + read.ref().key() + ")"));
                }
            }
        }
        return changes;
    }

    private ConfigMapRef keyRef(String domain) {
        return new ConfigMapRef(target.custom().namespace(), target.custom().name(),
                ZoneTarget.CustomServerKey.keyFor(domain));
    }

    /** Two imported files serving one zone make CoreDNS refuse the whole Corefile. */
    private void checkNoOtherKeyServes(String domain, String ownKey) {
        customData.forEach((key, text) -> {
            if (!key.equals(ownKey) && key.endsWith(".server") && servesSafely(text, domain)) {
                throw SvcaliasException.state(target.custom() + " key " + key + " already serves zone " + domain,
                        "pick another --domain, or remove that key");
            }
        });
    }

    private static boolean servesSafely(String text, String domain) {
        try {
            return Corefiles.routesDomain(text, domain);
        } catch (CorefileException e) {
            return false; // not ours to judge; CoreDNS reports it
        }
    }
}
