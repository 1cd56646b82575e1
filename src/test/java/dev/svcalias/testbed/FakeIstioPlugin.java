package dev.svcalias.testbed;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;

/**
 * The istio-coredns-plugin sidecar of istiocoredns, played by src/testbed/istio-plugin-fake: a gRPC DnsService on
 * 127.0.0.1:PORT that answers from the API server's ServiceEntries, as a user with the RBAC Istio's chart gave the
 * plugin (ClusterRole istiocoredns: get/list/watch on networking.istio.io).
 */
final class FakeIstioPlugin implements AutoCloseable {
    static final String USER = "istio-coredns-plugin";
    final int port;
    private final LocalProcess process;

    FakeIstioPlugin(LocalApiServer apiServer, KubernetesClient admin, Path dir, int port) {
        this.port = port;
        bindPluginUser(admin);
        Path kubeconfig = apiServer.kubeconfig(USER, apiServer.pki.client(USER));
        this.process = new LocalProcess("istio-plugin-fake", List.of(Testbed.istioPluginFake().toString(),
                "-listen", "127.0.0.1:" + port, "-kubeconfig", kubeconfig.toString()),
                dir.resolve("istio-plugin-fake.log"));
    }

    /** Istio's chart's ClusterRole istiocoredns (get, list, watch on networking.istio.io), bound to {@value #USER}. */
    static void bindPluginUser(KubernetesClient admin) {
        admin.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("istiocoredns")
                .endMetadata().addNewRule().withApiGroups("networking.istio.io").withResources("*")
                .withVerbs("get", "watch", "list").endRule().build()).create();
        admin.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                .withName("istio-istiocoredns-role-binding-istio-system").endMetadata()
                .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "istiocoredns")
                .addNewSubject().withApiGroup("rbac.authorization.k8s.io").withKind("User").withName(USER).endSubject()
                .build()).create();
    }

    @Override
    public void close() {
        process.close();
    }
}
