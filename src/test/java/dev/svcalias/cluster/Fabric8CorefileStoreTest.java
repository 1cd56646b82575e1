package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reads and conditional writes against the CRUD mock; assertions are on what the server stored. */
class Fabric8CorefileStoreTest {
    private static final String ORIGINAL = ".:53 {\n    errors\n\tforward . /etc/resolv.conf   # odd spacing kept\n}";
    private static final ConfigMapRef REF = new ConfigMapRef("kube-system", "coredns");
    private MockApi api;
    private CorefileStore store;

    @BeforeEach
    void start() {
        api = MockApi.crud();
        api.namespaces("kube-system");
        api.admin.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("coredns").withNamespace("kube-system").addToLabels("k8s-app", "kube-dns")
                .addToAnnotations("owner", "platform-team").endMetadata()
                .addToData("Corefile", ORIGINAL).addToData("extra.server", "example.org {\n}\n").build()).create();
        store = api.cluster.corefiles();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private ConfigMap stored() {
        return api.admin.configMaps().inNamespace("kube-system").withName("coredns").get();
    }

    @Test
    void writeThenReadRoundTripsAndKeepsEverythingElse() {
        CorefileSnapshot read = store.read(REF).orElseThrow();
        assertThat(read.corefile()).isEqualTo(ORIGINAL);
        assertThat(read.backup()).isEmpty();
        assertThat(read.resourceVersion()).isEqualTo(stored().getMetadata().getResourceVersion());

        CorefileSnapshot written = store.write(read, ORIGINAL + "\ninternal:53 {\n}\n", false);

        ConfigMap cm = stored();
        assertThat(cm.getData()).containsExactlyInAnyOrderEntriesOf(Map.of("Corefile", ORIGINAL
                + "\ninternal:53 {\n}\n", "extra.server", "example.org {\n}\n"));
        assertThat(cm.getMetadata().getLabels()).containsExactlyEntriesOf(Map.of("k8s-app", "kube-dns"));
        assertThat(cm.getMetadata().getAnnotations()).containsExactlyInAnyOrderEntriesOf(Map.of("owner",
                "platform-team", CorefileStore.BACKUP_ANNOTATION, ORIGINAL));
        assertThat(written.resourceVersion()).isEqualTo(cm.getMetadata().getResourceVersion())
                .isNotEqualTo(read.resourceVersion());
        assertThat(written.backup()).contains(ORIGINAL);
        assertThat(store.read(REF).orElseThrow()).isEqualTo(written);
    }

    @Test
    void backupIsTakenBeforeTheFirstEditOnlyAndDroppedOnRequest() {
        CorefileSnapshot first = store.write(store.read(REF).orElseThrow(), "edit one\n", false);
        CorefileSnapshot second = store.write(store.read(REF).orElseThrow(), "edit two\n", false);
        assertThat(second.backup()).contains(ORIGINAL);
        assertThat(stored().getMetadata().getAnnotations()).containsEntry(CorefileStore.BACKUP_ANNOTATION, ORIGINAL);

        CorefileSnapshot reset = store.write(second, ORIGINAL, true);

        ConfigMap cm = stored();
        assertThat(cm.getData()).containsEntry("Corefile", ORIGINAL).containsEntry("extra.server", "example.org {\n}\n");
        assertThat(cm.getMetadata().getAnnotations()).containsExactlyEntriesOf(Map.of("owner", "platform-team"));
        assertThat(reset.backup()).isEmpty();
        assertThat(first.resourceVersion()).isNotEqualTo(second.resourceVersion());
    }

    @Test
    void aWriteBasedOnAStaleReadIsRejectedAndChangesNothing() {
        CorefileSnapshot read = store.read(REF).orElseThrow();
        // someone else edits the ConfigMap between svcalias's read and its write
        api.admin.configMaps().inNamespace("kube-system").withName("coredns")
                .edit(cm -> new ConfigMapBuilder(cm).addToData("Corefile", "theirs\n").build());

        assertThatThrownBy(() -> store.write(read, "ours\n", false)).isInstanceOf(ConflictException.class);

        ConfigMap cm = stored();
        assertThat(cm.getData()).containsEntry("Corefile", "theirs\n");
        assertThat(cm.getMetadata().getAnnotations()).doesNotContainKey(CorefileStore.BACKUP_ANNOTATION);
    }

    @Test
    void aConfigMapDeletedAfterTheReadIsAConflict() {
        CorefileSnapshot read = store.read(REF).orElseThrow();
        api.admin.configMaps().inNamespace("kube-system").withName("coredns").delete();

        assertThatThrownBy(() -> store.write(read, "ours\n", false)).isInstanceOf(ConflictException.class);
        assertThat(stored()).isNull();
    }

    @Test
    void aMissingConfigMapIsEmpty() {
        assertThat(store.read(new ConfigMapRef("istio-system", "coredns"))).isEmpty();
        assertThat(store.read(new ConfigMapRef("kube-system", "coredns-custom"))).isEmpty();
    }

    @Test
    void aConfigMapWithoutTheKeyIsExit5() {
        assertThatThrownBy(() -> store.read(new ConfigMapRef("kube-system", "coredns", "Corefile.override")))
                .isInstanceOfSatisfying(SvcaliasException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CLUSTER_STATE);
                    assertThat(e.getMessage()).isEqualTo("configmap kube-system/coredns has no key 'Corefile.override'");
                    assertThat(e.hint()).contains("kubectl get configmap -n kube-system coredns -o yaml");
                });
    }
}
