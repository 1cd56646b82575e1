package dev.svcalias.realit;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Binds docs/rbac.yaml's ClusterRole and Roles (already created) to a user, in the namespaces they are for. */
final class LeastPrivilegeBindings {
    private LeastPrivilegeBindings() {}

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
