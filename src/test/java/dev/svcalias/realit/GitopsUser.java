package dev.svcalias.realit;

import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * A CI identity for the declarative RealITs: it may read what apply/diff read (the DNS chain with its platform and
 * mode, every Service, ServiceEntry and the aliases namespace) and write only what a test grants it, so a forbidden
 * write is a real per-alias failure from the real API server's RBAC.
 */
final class GitopsUser {
    static final String NAME = "gitops-bot";

    private GitopsUser() {}

    static void mayRead(KubernetesClient client) {
        client.rbac().clusterRoles().resource(new ClusterRoleBuilder().withNewMetadata().withName("alias-reader")
                .endMetadata().withRules(
                        new PolicyRuleBuilder().withApiGroups("").withResources("services", "configmaps", "namespaces",
                                "nodes").withVerbs("get", "list").build(),
                        new PolicyRuleBuilder().withApiGroups("apps").withResources("deployments", "daemonsets")
                                .withVerbs("get", "list").build(),
                        new PolicyRuleBuilder().withApiGroups("operator.openshift.io").withResources("dnses")
                                .withVerbs("get").build(),
                        new PolicyRuleBuilder().withApiGroups("networking.istio.io").withResources("serviceentries")
                                .withVerbs("get", "list").build()).build()).create();
        client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                .withName("alias-reader").endMetadata().withNewRoleRef().withApiGroup("rbac.authorization.k8s.io")
                .withKind("ClusterRole").withName("alias-reader").endRoleRef().addNewSubject().withKind("User")
                .withName(NAME).withApiGroup("rbac.authorization.k8s.io").endSubject().build()).create();
    }

    /** Grants {@code rules} in {@code namespace} under the role {@code role} (replaced if it exists). */
    static void grant(KubernetesClient client, String namespace, String role, PolicyRule... rules) {
        client.rbac().roles().inNamespace(namespace).resource(new RoleBuilder().withNewMetadata().withName(role)
                .withNamespace(namespace).endMetadata().withRules(rules).build()).createOr(r -> r.update());
        client.rbac().roleBindings().inNamespace(namespace).resource(new RoleBindingBuilder().withNewMetadata()
                .withName(role).withNamespace(namespace).endMetadata().withNewRoleRef()
                .withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName(role).endRoleRef()
                .addNewSubject().withKind("User").withName(NAME).withApiGroup("rbac.authorization.k8s.io").endSubject()
                .build()).createOr(r -> r.update());
    }
}
