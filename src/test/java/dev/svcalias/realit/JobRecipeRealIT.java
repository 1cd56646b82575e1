package dev.svcalias.realit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.packaging.CiRecipeDocs;
import dev.svcalias.testbed.NodeCluster;
import dev.svcalias.testbed.SvcaliasImage;
import dev.svcalias.testing.CliRun;
import dev.svcalias.testing.RecipeSeed;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * svcalias as a pipeline step inside the cluster, on the real node: svcalias's own image (the release's tarball,
 * imported into the node's containerd) runs docs/ci.md's Kubernetes Job recipe as written, with its ServiceAccount
 * bound to exactly the Roles of docs/rbac.yaml and in-cluster configuration (no kubeconfig). The Job applies the
 * alias file of its ConfigMap (init container {@code apply}), then verifies it ({@code verify}, with its probe pod);
 * the aliases then resolve from another pod. Without one of rbac.yaml's bindings the Job fails, and its log's error
 * names the verb and the resource in the same line svcalias prints outside the cluster for that account.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JobRecipeRealIT {
    @RegisterExtension
    static final NodeCluster CLUSTER = NodeCluster.kubeadm();
    static final String NS = "svcalias-ci";
    static final String JOB = "svcalias-aliases";
    static final String ACCOUNT = "svcalias";
    static final String JUICE_IP = "198.19.1.3";
    static final Duration JOB_LIMIT = Duration.ofMinutes(5);

    static KubernetesClient client() {
        return CLUSTER.client();
    }

    @BeforeAll
    static void imageRbacAndZone() throws IOException {
        String image = CiRecipeDocs.image();
        Path tarball = SvcaliasImage.tarball(image.substring(image.indexOf(':') + 1));
        long start = System.nanoTime();
        CLUSTER.importImage(tarball, image);
        Until.figure("node: svcalias's image imported into containerd", (System.nanoTime() - start) / 1_000_000);
        new RecipeSeed(client()).service("micro-shake-factory", "juice-api", JUICE_IP, 80, "http", "TCP");
        LeastPrivilegeBindings.installRbacYaml(client());
        // the zone is set up once, by a cluster admin; the pipeline's Job then owns the aliases
        CliRun init = CliRun.run("init", "--domain", "internal", "--wait", "--timeout", "3m",
                "--kubeconfig=" + CLUSTER.adminKubeconfig());
        assertThat(init.exitCode()).as(init + CLUSTER.logs()).isZero();
    }

    @Test
    @Order(1)
    void theJobAppliesAndVerifiesItsAliasFileAsItsServiceAccountAndTheAliasesResolveFromAnotherPod() {
        long start = System.nanoTime();
        createRecipe(aliases -> aliases, item -> true);
        Job job = awaitFinished();
        Until.figure("node: the Job recipe (apply, then verify with its probe pod) from create to Complete",
                (System.nanoTime() - start) / 1_000_000);
        Pod pod = jobPod();
        String apply = log(pod, "apply");
        String verify = log(pod, "verify");
        assertThat(job.getStatus().getSucceeded()).as("the Job succeeded:\napply:\n" + apply + "\nverify:\n" + verify
                + "\n" + job.getStatus()).isEqualTo(1);
        // the plan: one row per alias, each created, and the summary
        assertThat(apply.lines().filter(l -> l.contains("my-fruits.internal") || l.contains("my-juices.internal"))
                .filter(l -> l.contains("create")).count()).as(apply).isEqualTo(2);
        // the verify table: each alias, resolved to its target's ClusterIP
        assertThat(verify.lines().filter(l -> l.contains("my-fruits.internal")).findFirst().orElse(""))
                .as(verify).contains(NodeCluster.FRUITS_IP);
        assertThat(verify.lines().filter(l -> l.contains("my-juices.internal")).findFirst().orElse(""))
                .as(verify).contains(JUICE_IP);

        assertThat(resolveFromAPod("my-fruits.internal")).contains(NodeCluster.FRUITS_IP);
        assertThat(resolveFromAPod("my-juices.internal")).contains(JUICE_IP);

        // in-cluster configuration: the Job's requests were the ServiceAccount's, and it wrote the aliases
        String user = "\"username\":\"system:serviceaccount:" + NS + ":" + ACCOUNT + "\"";
        List<String> audit = auditLines(user);
        assertThat(audit).as("the ServiceAccount created the alias Services")
                .anyMatch(l -> l.contains("\"verb\":\"create\"") && l.contains("\"resource\":\"services\"")
                        && l.contains("\"namespace\":\"svcalias-aliases\"") && l.contains("\"code\":201"));
        assertThat(audit).as("and verify's probe pod").anyMatch(l -> l.contains("\"verb\":\"create\"")
                && l.contains("\"resource\":\"pods\"") && l.contains("\"namespace\":\"default\""));
    }

    @Test
    @Order(2)
    void withoutOneOfRbacYamlsBindingsTheJobFailsNamingTheVerbAndResourceAsOutsideTheCluster() throws IOException {
        deleteJob();
        client().rbac().roleBindings().inNamespace("svcalias-aliases").withName("svcalias-ci").delete();
        // a new alias in the file: apply must create its Service in svcalias-aliases, which that binding granted
        createRecipe(aliases -> aliases + "  - name: my-kube\n    target: kubernetes.default\n",
                item -> !(item instanceof RoleBinding b && "svcalias-aliases".equals(b.getMetadata().getNamespace())));
        Job job = awaitFinished();
        Pod pod = jobPod();
        String apply = log(pod, "apply");
        assertThat(job.getStatus().getFailed()).as("the Job failed:\n" + apply).isEqualTo(1);
        var applyState = pod.getStatus().getInitContainerStatuses().get(0).getState().getTerminated();
        assertThat(applyState.getExitCode()).as("exit 7, incomplete: the other aliases went through "
                + "(docs/exit-codes.md)\n" + apply).isEqualTo(7);
        assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getTerminated())
                .as("verify never ran").isNull();
        List<String> inCluster = forbidden(apply);
        assertThat(String.join("\n", inCluster)).as(apply)
                .contains("forbidden: cannot create services in namespace svcalias-aliases")
                .contains("system:serviceaccount:" + NS + ":" + ACCOUNT).contains("nothing was changed");

        // the same account, the same file, from outside the cluster (a token from the TokenRequest API)
        Path file = Files.createTempFile("aliases", ".yaml");
        Files.writeString(file, client().configMaps().inNamespace(NS).withName(JOB).get().getData()
                .get("aliases.yaml"));
        CliRun outside = CliRun.run("apply", "-f", file.toString(),
                "--kubeconfig=" + CLUSTER.serviceAccountKubeconfig(NS, ACCOUNT));
        assertThat(outside.exitCode()).as(outside.toString()).isEqualTo(7);
        assertThat(forbidden(outside.out() + outside.err())).isEqualTo(inCluster);
    }

    /**
     * docs/ci.md's svcalias-job.yaml: each object it {@code keep}s, as written but the alias file's text
     * {@code edit}ed (the ConfigMap is written before the Job).
     */
    private static void createRecipe(UnaryOperator<String> edit, Predicate<HasMetadata> keep) {
        byte[] yaml = CiRecipeDocs.recipe("svcalias-job.yaml").getBytes(StandardCharsets.UTF_8);
        for (HasMetadata item : client().load(new ByteArrayInputStream(yaml)).items().stream().filter(keep).toList()) {
            if (item instanceof ConfigMap aliases) {
                aliases.getData().put("aliases.yaml", edit.apply(aliases.getData().get("aliases.yaml")));
            }
            client().resource(item).createOr(NonDeletingOperation::update);
        }
    }

    private static Job awaitFinished() {
        Instant deadline = Instant.now().plus(JOB_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            Job job = client().batch().v1().jobs().inNamespace(NS).withName(JOB).get();
            if (job != null && job.getStatus() != null && job.getStatus().getConditions() != null
                    && job.getStatus().getConditions().stream().anyMatch(c -> "True".equals(c.getStatus())
                            && ("Complete".equals(c.getType()) || "Failed".equals(c.getType())))) {
                return job;
            }
            Replicas.sleep(500);
        }
        throw new AssertionError("the Job did not finish within " + JOB_LIMIT.toMinutes() + " minutes: "
                + client().batch().v1().jobs().inNamespace(NS).withName(JOB).get().getStatus() + "\n"
                + client().pods().inNamespace(NS).list().getItems().stream().map(Pod::getStatus).toList()
                + CLUSTER.logs());
    }

    private static void deleteJob() {
        client().batch().v1().jobs().inNamespace(NS).withName(JOB).withPropagationPolicy(
                io.fabric8.kubernetes.api.model.DeletionPropagation.FOREGROUND).delete();
        client().batch().v1().jobs().inNamespace(NS).withName(JOB).waitUntilCondition(j -> j == null, 2,
                TimeUnit.MINUTES);
        client().pods().inNamespace(NS).withLabel("job-name", JOB).waitUntilCondition(p -> p == null, 2,
                TimeUnit.MINUTES);
    }

    private static Pod jobPod() {
        List<Pod> pods = client().pods().inNamespace(NS).withLabel("job-name", JOB).list().getItems();
        assertThat(pods).as("one pod: backoffLimit 0").hasSize(1);
        return pods.get(0);
    }

    private static String log(Pod pod, String container) {
        return client().pods().inNamespace(NS).withName(pod.getMetadata().getName()).inContainer(container).getLog();
    }

    /** The lines of svcalias's output that say what was forbidden. */
    private static List<String> forbidden(String output) {
        return output.lines().filter(l -> l.contains("forbidden")).toList();
    }

    /** What a pod in another namespace gets for NAME: busybox's nslookup, through kube-dns's ClusterIP. */
    private static String resolveFromAPod(String name) {
        String podName = "client-" + name.replace('.', '-');
        client().pods().inNamespace("micro-shake-factory").resource(new PodBuilder().withNewMetadata()
                .withName(podName).endMetadata().withNewSpec().withRestartPolicy("Never").addNewContainer()
                .withName("nslookup").withImage("busybox:1.36").withCommand("nslookup", name).endContainer()
                .endSpec().build()).create();
        Pod done = client().pods().inNamespace("micro-shake-factory").withName(podName).waitUntilCondition(
                p -> p != null && List.of("Succeeded", "Failed").contains(p.getStatus().getPhase()), 2,
                TimeUnit.MINUTES);
        String out = client().pods().inNamespace("micro-shake-factory").withName(podName).getLog();
        assertThat(done.getStatus().getPhase()).as(name + " from a pod:\n" + out).isEqualTo("Succeeded");
        return out;
    }

    private static List<String> auditLines(String user) {
        try {
            return Files.readAllLines(CLUSTER.auditLog()).stream().filter(l -> l.contains(user)).toList();
        } catch (IOException e) {
            throw new AssertionError("cannot read the audit log: " + e.getMessage(), e);
        }
    }
}
