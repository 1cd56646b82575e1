package dev.svcalias.app.alias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.app.write.PlanApplier;
import dev.svcalias.cluster.ServiceInfo;
import dev.svcalias.naming.TargetRef;
import dev.svcalias.plan.Plan;
import dev.svcalias.plan.ServiceEntryPut;
import dev.svcalias.testing.InMemoryCluster;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster as apply read it once: the backends plan over it with their ordinary code and no request per alias,
 * writes through it are refused, and a change made after the read is a conflict when the plan is applied.
 */
class ObservedClusterTest {
    private final InMemoryCluster live = new InMemoryCluster()
            .service("micro-shake-factory", "fruits-api-service", "10.103.1.1")
            .service("juice-bar", "juice-api", "10.103.2.2");

    private ResolvedAlias alias(ObservedCluster observed, String name, String target) {
        TargetRef ref = TargetRef.parse(target, null, "cluster.local");
        ServiceInfo service = observed.services().service(ref.namespace(), ref.name()).orElseThrow();
        return new ResolvedAlias(name, "internal", name + ".internal", ref, service, "cluster.local");
    }

    @Test
    void everyKindIsListedOnceAndThenServedFromMemory() {
        ObservedCluster observed = ObservedCluster.read(live);
        long listsAfterRead = live.calls().stream().filter(c -> c.equals("list services")).count();
        assertThat(listsAfterRead).isEqualTo(1);
        ServiceEntryAliases backend = new ServiceEntryAliases(observed);
        for (int i = 0; i < 50; i++) {
            backend.put(alias(observed, "alias-" + i, "fruits-api-service.micro-shake-factory"), true);
        }
        assertThat(observed.services().listAll()).hasSize(2);
        assertThat(live.calls()).filteredOn(c -> c.equals("list services")).hasSize(1);
        assertThat(observed.services().service("juice-bar", "juice-api")).map(ServiceInfo::clusterIP)
                .contains("10.103.2.2");
    }

    @Test
    void writesThroughTheObservedViewAreRefused() {
        ObservedCluster observed = ObservedCluster.read(live);
        assertThatThrownBy(() -> observed.serviceEntries().apply(Map.of(), null)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> observed.aliasServices().deleteNamespace(ExternalNameAliases.NAMESPACE))
                .isInstanceOf(RuntimeException.class);
        assertThat(live.serviceEntryList()).isEmpty();
    }

    @Test
    void aPlanMadeOverAnOldReadConflictsInsteadOfOverwritingALaterChange() {
        new PlanApplier(live).apply(new ServiceEntryAliases(live).put(alias(ObservedCluster.read(live), "my-fruits",
                "fruits-api-service.micro-shake-factory"), false).plan());
        ObservedCluster observed = ObservedCluster.read(live);
        Plan repoint = new ServiceEntryAliases(observed).put(alias(observed, "my-fruits",
                "fruits-api-service.micro-shake-factory"), true).plan();
        assertThat(repoint.isEmpty()).as("nothing to change over the read").isTrue();

        // someone re-points it after the read; the plan over the read (an update) must not overwrite that
        Plan overOldRead = new ServiceEntryAliases(observed).put(alias(observed, "my-fruits",
                "juice-api.juice-bar"), true).plan();
        var current = live.serviceEntryList().get(0);
        Map<String, Object> edited = new java.util.LinkedHashMap<>(current.manifest());
        edited.put("spec", Map.of("hosts", current.hosts(), "addresses", List.of("10.9.9.9")));
        new PlanApplier(live).apply(Plan.of(new ServiceEntryPut(edited, current, "by someone else")));
        assertThatThrownBy(() -> new PlanApplier(live).apply(overOldRead)).hasMessageContaining("serviceentry");
        assertThat(live.serviceEntryList()).extracting(e -> e.addresses().get(0)).containsExactly("10.9.9.9");
    }
}
