package dev.svcalias.realit;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** docs/rbac.yaml's ClusterRole and Roles, created in a cluster and bound to a user in the namespaces they are for. */
final class LeastPrivilegeBindings {
    private LeastPrivilegeBindings() {}

    /** Creates (or updates) every object of docs/rbac.yaml as written. */
    static void installRbacYaml(KubernetesClient client) {
        try (java.io.InputStream in = new java.io.FileInputStream("docs/rbac.yaml")) {
            for (io.fabric8.kubernetes.api.model.HasMetadata item : client.load(in).items()) {
                client.resource(item).createOr(io.fabric8.kubernetes.client.dsl.NonDeletingOperation::update);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void bind(KubernetesClient client, String user) {
        client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                .withName("svcalias-" + user).endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole").withName("svcalias").endRoleRef().addNewSubject().withKind("User")
                .withName(user).withApiGroup("rbac.authorization.k8s.io").endSubject().build()).create();
        for (String[] nsRole : new String[][] {{"kube-system", "svcalias-kube-dns"},
                {"istio-system", "svcalias-istiocoredns"}, {"default", "svcalias-verify"},
                {"svcalias-aliases", "svcalias-aliases"}}) {
            client.rbac().roleBindings().inNamespace(nsRole[0]).resource(new RoleBindingBuilder()
                    .withNewMetadata().withName(nsRole[1] + "-" + user).withNamespace(nsRole[0]).endMetadata()
                    .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(nsRole[1])
                    .endRoleRef().addNewSubject().withKind("User").withName(user)
                    .withApiGroup("rbac.authorization.k8s.io").endSubject().build()).create();
        }
    }
}
