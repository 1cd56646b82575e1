package dev.svcalias.platform;

import dev.svcalias.cluster.ObjectFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;

/**
 * EKS: CoreDNS reads kube-system/coredns as on kubeadm, but when CoreDNS is an EKS managed add-on, an add-on
 * update (or a conflict resolution of OVERWRITE) puts the add-on's Corefile back. svcalias still writes the
 * Corefile, says so, and prints the add-on configuration that carries the same Corefile, so it survives.
 */
final class EksPlatform implements Platform {
    static final String EKS_PREFIX = "eks.amazonaws.com/";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /**
     * The field manager EKS uses when it server-side applies a managed add-on: AWS's add-on configuration guide
     * shows it on {@code deployment/coredns} ("Both types of fields are tagged with manager: eks"); sources in
     * src/test/resources/platforms/SOURCES.md.
     */
    static final String ADDON_FIELD_MANAGER = "eks";

    @Override
    public PlatformId id() {
        return PlatformId.EKS;
    }

    @Override
    public List<Evidence> evidence(ClusterFacts facts, DnsLayout layout) {
        List<Evidence> found = new ArrayList<>();
        facts.deployment(layout.corefile().namespace(), layout.deployment()).ifPresent(d -> {
            d.metadataWithPrefix(EKS_PREFIX).ifPresent(m -> found.add(new Evidence(d.ref(), m)));
            d.containers().stream().filter(c -> c.image().contains(".amazonaws.com/eks/coredns")).findFirst()
                    .ifPresent(c -> found.add(new Evidence(d.ref(), "image " + c.image())));
        });
        facts.nodeWithLabelPrefix(EKS_PREFIX).ifPresent(found::add);
        if (found.isEmpty()) {
            return List.of();
        }
        facts.nodeWithProvider("aws://").ifPresent(found::add);
        addonMarker(facts, layout).ifPresent(found::add);
        return found;
    }

    @Override
    public ZoneTarget target(ClusterFacts facts, DnsLayout layout) {
        return new ZoneTarget.CorefileBlock(layout.corefile());
    }

    @Override
    public List<String> caveats(ClusterFacts facts, DnsLayout layout) {
        if (addonMarker(facts, layout).isEmpty()) {
            return List.of();
        }
        return List.of("CoreDNS is an EKS managed add-on: the next add-on update puts its own Corefile back and "
                + "drops svcalias's block; run the printed 'aws eks update-addon' command to make the add-on "
                + "carry the edited Corefile");
    }

    @Override
    public Optional<String> keepCommand(ClusterFacts facts, String written) {
        return Optional.of("aws eks update-addon --cluster-name <cluster> --addon-name coredns "
                + "--resolve-conflicts PRESERVE --configuration-values '"
                + configurationValues(written).replace("'", "'\\''") + "'");
    }

    /** The add-on's configuration values holding the Corefile: {"corefile":"..."} (the add-on schema's key). */
    static String configurationValues(String corefile) {
        return JSON.writeValueAsString(Map.of("corefile", corefile));
    }

    /** The managed add-on shows as the field manager "eks" on the Deployment or the ConfigMap. */
    static Optional<Evidence> addonMarker(ClusterFacts facts, DnsLayout layout) {
        List<ObjectFacts> objects = new ArrayList<>();
        facts.deployment(layout.corefile().namespace(), layout.deployment()).ifPresent(objects::add);
        facts.configMap(layout.corefile().namespace(), layout.corefile().name()).ifPresent(objects::add);
        for (ObjectFacts o : objects) {
            if (o.fieldManagers().contains(ADDON_FIELD_MANAGER)) {
                return Optional.of(new Evidence(o.ref(), "managed add-on (field manager '" + ADDON_FIELD_MANAGER
                        + "')"));
            }
        }
        return Optional.empty();
    }
}
