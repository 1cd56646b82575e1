package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.testbed.RealCluster;
import dev.svcalias.testing.CliRun;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/rbac.yaml is enough for the whole workflow, and each permission in it is needed. */
class LeastPrivilegeRealIT {
    @RegisterExtension
    static final RealCluster CLUSTER = RealCluster.of(RealCluster.Crd.CURRENT, RealCluster.Era.GRPC);
    static final String USER = "ci-bot";

    @Test
    void theDocumentedRbacRunsTheWorkflowAndOneMissingVerbIsExit4() throws Exception {
        LeastPrivilegeBindings.installRbacYaml(CLUSTER.client());
        bind();
        Path kubeconfig = CLUSTER.userKubeconfig(USER);
        String kc = "--kubeconfig=" + kubeconfig;

        run(0, "init", "--domain", "internal", kc);
        run(0, "alias", "add", "my-fruits", "fruits-api-service.micro-shake-factory", kc);
        CliRun list = run(0, "alias", "list", kc);
        assertThat(list.out()).contains("my-fruits.internal");
        run(0, "status", kc);
        run(0, "verify", "--nameserver", CLUSTER.kubeDnsAddress(), "--wait", "--timeout", "60s", "--interval", "1s", kc);
        run(0, "alias", "remove", "my-fruits", kc);
        run(0, "reset", "--aliases", kc);
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());

        // take "update" on istiocoredns's ConfigMap away: init must stop with exit 4 and name it, leaving nothing
        Role role = CLUSTER.client().rbac().roles().inNamespace("istio-system").withName("svcalias-istiocoredns").get();
        for (PolicyRule rule : role.getRules()) {
            if (rule.getResources().contains("configmaps")) {
                rule.setVerbs(List.of("get"));
            }
        }
        CLUSTER.client().rbac().roles().inNamespace("istio-system").resource(role).update();
        CliRun denied = run(4, "init", "--domain", "internal", kc);
        assertThat(denied.err()).contains("update").contains("configmaps").contains("istio-system")
                .contains(USER).hasLineCount(1);
        assertThat(CLUSTER.corefile("kube-system")).isEqualTo(CLUSTER.seededKubeDnsCorefile());
        assertThat(CLUSTER.corefile("istio-system")).isEqualTo(CLUSTER.seededIstioCorefile());
    }

    private static CliRun run(int expected, String... args) {
        CliRun run = CliRun.run(args);
        assertThat(run.exitCode()).as(run + CLUSTER.logs()).isEqualTo(expected);
        return run;
    }

    private static void bind() {
        LeastPrivilegeBindings.bind(CLUSTER.client(), USER);
    }
}
