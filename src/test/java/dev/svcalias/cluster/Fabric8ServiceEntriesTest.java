package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ServiceEntries as generic resources against the CRUD mock, with Istio's real CRD registered. */
class Fabric8ServiceEntriesTest {
    private MockApi api;
    private ServiceEntries entries;

    @BeforeEach
    void start() {
        api = MockApi.crud();
        api.namespaces("shop", "other");
        entries = api.cluster.serviceEntries();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Istio's ServiceEntry CRD (v1, v1beta1, v1alpha3), optionally serving only some versions. */
    private void installCrd(Set<String> served) {
        try (InputStream in = getClass().getResourceAsStream("/istio/serviceentries.crd.yaml")) {
            CustomResourceDefinition crd = api.admin.apiextensions().v1().customResourceDefinitions().load(in).item();
            for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
                v.setServed(served.contains(v.getName()));
                v.setStorage(v.getName().equals(served.iterator().next()));
            }
            crd.getSpec().getVersions().removeIf(v -> !served.contains(v.getName()));
            api.admin.apiextensions().v1().customResourceDefinitions().resource(crd).create();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> manifest(String ns, String name, String host, String address, boolean managed) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", ns);
        if (managed) {
            metadata.put("labels", Map.of("app.kubernetes.io/managed-by", "svcalias"));
            metadata.put("annotations", Map.of("svcalias.dev/target", "fruits.shop.svc.cluster.local"));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("hosts", List.of(host));
        spec.put("addresses", List.of(address));
        spec.put("location", "MESH_INTERNAL");
        spec.put("resolution", "DNS");
        spec.put("ports", List.of(Map.of("number", 80, "name", "http", "protocol", "HTTP")));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "networking.istio.io/v1alpha3");
        m.put("kind", "ServiceEntry");
        m.put("metadata", metadata);
        m.put("spec", spec);
        return m;
    }

    private GenericKubernetesResource stored(String version, String ns, String name) {
        return api.admin.genericKubernetesResources(new ResourceDefinitionContext.Builder()
                .withGroup("networking.istio.io").withVersion(version).withKind("ServiceEntry")
                .withPlural("serviceentries").withNamespaced(true).build()).inNamespace(ns).withName(name).get();
    }

    @Test
    void withoutIstioTheApiIsNotServedExit5() {
        assertThatThrownBy(entries::servedVersion).isInstanceOfSatisfying(SvcaliasException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_STATE);
            assertThat(e.getMessage()).isEqualTo("Istio's ServiceEntry API (networking.istio.io) is not served by "
                    + "this cluster");
            assertThat(e.hint()).contains("install Istio");
        });
    }

    @Test
    void aRealServerAnswers404ForAnUnknownGroup() {
        try (MockApi mock = MockApi.expectations()) { // answers 404 to everything, like kube-apiserver without Istio
            assertThatThrownBy(mock.cluster.serviceEntries()::servedVersion)
                    .isInstanceOfSatisfying(SvcaliasException.class, e -> assertThat(e.getMessage())
                            .isEqualTo("Istio's ServiceEntry API (networking.istio.io) is not served by this cluster"));
        }
    }

    @Test
    void onlyVersionsTheGroupDocumentListsAsServedAreUsed() {
        try (MockApi mock = MockApi.expectations()) {
            mock.server.expect().get().withPath("/apis/networking.istio.io").andReturn(200, new APIGroupBuilder()
                    .withName("networking.istio.io").addNewVersion().withGroupVersion("networking.istio.io/v1beta1")
                    .withVersion("v1beta1").endVersion().addNewVersion().withGroupVersion("networking.istio.io/v1alpha3")
                    .withVersion("v1alpha3").endVersion().build()).always();
            mock.server.expect().get().withPath("/apis/networking.istio.io/v1beta1").andReturn(200,
                    new APIResourceListBuilder().withGroupVersion("networking.istio.io/v1beta1").addNewResource()
                            .withName("serviceentries").withKind("ServiceEntry").withNamespaced(true).endResource()
                            .build()).always();
            assertThat(mock.cluster.serviceEntries().servedVersion()).isEqualTo("v1beta1");
        }
    }

    @Test
    void prefersV1WhenServed() {
        installCrd(Set.of("v1", "v1beta1", "v1alpha3"));
        assertThat(entries.servedVersion()).isEqualTo("v1");
    }

    @Test
    void istiocorednsEraClustersServeV1alpha3Only() {
        installCrd(Set.of("v1alpha3"));
        assertThat(entries.servedVersion()).isEqualTo("v1alpha3");
    }

    @Test
    void createListUpdateDeleteRoundTrip() {
        installCrd(Set.of("v1", "v1beta1", "v1alpha3"));
        ServiceEntryRecord created = entries.apply(manifest("shop", "my-fruits", "my-fruits.internal", "10.103.1.1",
                true), null);
        entries.apply(manifest("other", "theirs", "legacy.internal", "10.0.0.9", false), null);

        GenericKubernetesResource server = stored("v1", "shop", "my-fruits");
        assertThat(server.getApiVersion()).isEqualTo("networking.istio.io/v1");
        assertThat(server.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "svcalias");
        assertThat(server.<List<String>>get("spec", "hosts")).containsExactly("my-fruits.internal");
        assertThat(server.<String>get("spec", "location")).isEqualTo("MESH_INTERNAL");
        assertThat(created.resourceVersion()).isEqualTo(server.getMetadata().getResourceVersion());
        assertThat(created.hosts()).containsExactly("my-fruits.internal");
        assertThat(created.addresses()).containsExactly("10.103.1.1");
        assertThat(created.annotations()).containsEntry("svcalias.dev/target", "fruits.shop.svc.cluster.local");

        assertThat(entries.listAll()).extracting(ServiceEntryRecord::name).containsExactlyInAnyOrder("my-fruits",
                "theirs");
        assertThat(entries.listManaged()).extracting(ServiceEntryRecord::name).containsExactly("my-fruits");

        ServiceEntryRecord updated = entries.apply(manifest("shop", "my-fruits", "my-fruits.internal", "10.103.9.9",
                true), created.resourceVersion());
        assertThat(stored("v1", "shop", "my-fruits").<List<String>>get("spec", "addresses"))
                .containsExactly("10.103.9.9");
        assertThat(updated.resourceVersion()).isNotEqualTo(created.resourceVersion());

        entries.delete("shop", "my-fruits");
        assertThat(stored("v1", "shop", "my-fruits")).isNull();
        assertThat(entries.listManaged()).isEmpty();
        entries.delete("shop", "my-fruits"); // already gone: nothing to do, no error
    }

    @Test
    void creatingWhatExistsIsAConflict() {
        installCrd(Set.of("v1"));
        entries.apply(manifest("shop", "my-fruits", "my-fruits.internal", "10.103.1.1", true), null);
        assertThatThrownBy(() -> entries.apply(manifest("shop", "my-fruits", "my-fruits.internal", "10.9.9.9", true),
                null)).isInstanceOf(ConflictException.class);
        assertThat(stored("v1", "shop", "my-fruits").<List<String>>get("spec", "addresses"))
                .containsExactly("10.103.1.1");
    }

    @Test
    void anUpdateBasedOnAStaleReadIsAConflictAndChangesNothing() {
        installCrd(Set.of("v1"));
        ServiceEntryRecord read = entries.apply(manifest("shop", "my-fruits", "my-fruits.internal", "10.103.1.1",
                true), null);
        // someone else changes it after svcalias read it
        entries.apply(manifest("shop", "my-fruits", "my-fruits.internal", "10.7.7.7", true), read.resourceVersion());

        assertThatThrownBy(() -> entries.apply(manifest("shop", "my-fruits", "my-fruits.internal", "10.9.9.9", true),
                read.resourceVersion())).isInstanceOf(ConflictException.class);
        assertThat(stored("v1", "shop", "my-fruits").<List<String>>get("spec", "addresses"))
                .containsExactly("10.7.7.7");
    }

    @Test
    void anUpdateOfADeletedEntryIsAConflict() {
        installCrd(Set.of("v1"));
        ServiceEntryRecord read = entries.apply(manifest("shop", "my-fruits", "my-fruits.internal", "10.103.1.1",
                true), null);
        entries.delete("shop", "my-fruits");
        assertThatThrownBy(() -> entries.apply(manifest("shop", "my-fruits", "my-fruits.internal", "10.9.9.9", true),
                read.resourceVersion())).isInstanceOf(ConflictException.class);
        assertThat(stored("v1", "shop", "my-fruits")).isNull();
    }
}
