package dev.svcalias.packaging;

import static dev.svcalias.packaging.CiRecipeDocs.blockWith;
import static dev.svcalias.packaging.CiRecipeDocs.find;
import static dev.svcalias.packaging.CiRecipeDocs.list;
import static dev.svcalias.packaging.CiRecipeDocs.map;
import static dev.svcalias.packaging.CiRecipeDocs.path;
import static org.assertj.core.api.Assertions.assertThat;

import dev.svcalias.aliasfile.AliasFileParser;
import dev.svcalias.cli.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * docs/ci.md's in-cluster recipes run svcalias with least privilege: the Job's ServiceAccount is bound to exactly
 * the ClusterRole and Roles of docs/rbac.yaml, each in its namespace; every pod runs as that account, non-root,
 * with a read-only root file system, on this version's image, with no kubeconfig (in-cluster configuration); the Job
 * applies the alias file of its ConfigMap, then verifies the same file; every svcalias step parses.
 */
class CiJobRecipeTest {
    static final String NAMESPACE = "svcalias-ci";
    static final String ACCOUNT = "svcalias";
    static final String JOB = "svcalias-aliases";

    @Test
    void theServiceAccountIsBoundToExactlyTheRolesOfRbacYaml() {
        Set<String> roles = new HashSet<>();
        for (Map<String, Object> object : CiRecipeDocs.documents(CiRecipeDocs.read(Path.of("docs/rbac.yaml")))) {
            switch (String.valueOf(object.get("kind"))) {
                case "ClusterRole" -> roles.add("ClusterRole " + path(object, "metadata", "name"));
                case "Role" -> roles.add("Role " + path(object, "metadata", "namespace") + "/"
                        + path(object, "metadata", "name"));
                default -> { }
            }
        }
        assertThat(roles).hasSizeGreaterThanOrEqualTo(5);

        List<Map<String, Object>> recipe = blockWith("Job", JOB);
        assertThat(find(recipe, "ServiceAccount", ACCOUNT)).isNotNull();
        assertThat(path(find(recipe, "ServiceAccount", ACCOUNT), "metadata", "namespace")).isEqualTo(NAMESPACE);
        List<String> bound = new ArrayList<>();
        for (Map<String, Object> object : recipe) {
            String kind = String.valueOf(object.get("kind"));
            if (!kind.endsWith("Binding")) {
                continue;
            }
            assertThat(list(object.get("subjects"))).as("the binding's only subject is the Job's ServiceAccount")
                    .containsExactly(Map.of("kind", "ServiceAccount", "name", ACCOUNT, "namespace", NAMESPACE));
            Map<String, Object> ref = map(object.get("roleRef"));
            assertThat(ref.get("apiGroup")).isEqualTo("rbac.authorization.k8s.io");
            bound.add(kind.equals("ClusterRoleBinding") ? "ClusterRole " + ref.get("name")
                    : ref.get("kind") + " " + path(object, "metadata", "namespace") + "/" + ref.get("name"));
        }
        assertThat(bound).as("bound once each, and nothing rbac.yaml does not grant")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(roles);
    }

    @Test
    void theJobAppliesThenVerifiesItsConfigMapsFileAsTheServiceAccountReadOnlyAndNonRoot() {
        checkJob(blockWith("Job", JOB), JOB);
        checkJob(blockWith("Job", JOB + "-presync"), JOB + "-presync");
    }

    private static void checkJob(List<Map<String, Object>> objects, String name) {
        Map<String, Object> job = find(objects, "Job", name);
        assertThat(path(job, "metadata", "namespace")).isEqualTo(NAMESPACE);
        assertThat(path(job, "spec", "backoffLimit")).as("a failed run is not retried into a second change")
                .isEqualTo(0);
        Map<String, Object> pod = map(path(job, "spec", "template", "spec"));
        assertThat(pod.get("serviceAccountName")).isEqualTo(ACCOUNT);
        assertThat(pod.get("automountServiceAccountToken")).as("the in-cluster login needs the token")
                .isNotEqualTo(false);
        assertThat(path(pod, "securityContext", "runAsNonRoot")).isEqualTo(true);

        Map<String, Object> apply = map(list(pod.get("initContainers")).get(0));
        Map<String, Object> verify = map(list(pod.get("containers")).get(0));
        String file = aliasFilePath(pod, apply);
        assertThat(aliasFilePath(pod, verify)).isEqualTo(file);
        assertThat(list(apply.get("args"))).containsExactly("apply", "-f", file);
        assertThat(list(verify.get("args"))).startsWith("verify", "-f", file);
        for (Map<String, Object> container : List.of(apply, verify)) {
            assertThat(container.get("image")).isEqualTo(CiRecipeDocs.image());
            assertThat(container).as("the image's entrypoint is svcalias").doesNotContainKey("command");
            assertThat(path(container, "securityContext", "readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(path(container, "securityContext", "allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(String.valueOf(container)).as("in-cluster configuration, no kubeconfig")
                    .doesNotContainIgnoringCase("kubeconfig");
        }

        // the file the containers read is the ConfigMap's key, and a valid alias file
        String volume = String.valueOf(map(list(apply.get("volumeMounts")).get(0)).get("name"));
        Map<String, Object> source = map(list(pod.get("volumes")).stream().map(CiRecipeDocs::<String, Object>map)
                .filter(v -> volume.equals(v.get("name"))).findFirst().orElseThrow().get("configMap"));
        Map<String, Object> configMap = find(objects, "ConfigMap", String.valueOf(source.get("name")));
        assertThat(configMap).as("the ConfigMap is in the recipe").isNotNull();
        assertThat(path(configMap, "metadata", "namespace")).isEqualTo(NAMESPACE);
        String key = file.substring(file.lastIndexOf('/') + 1);
        String aliases = String.valueOf(path(configMap, "data", key));
        assertThat(AliasFileParser.parse(key, aliases).aliases()).isNotEmpty();
    }

    /** The path of the alias file in a container: its volume's mount path and the ConfigMap key. */
    private static String aliasFilePath(Map<String, Object> pod, Map<String, Object> container) {
        Map<String, Object> mount = map(list(container.get("volumeMounts")).get(0));
        String file = String.valueOf(list(container.get("args")).get(2));
        assertThat(file).startsWith(mount.get("mountPath") + "/");
        return file;
    }

    @Test
    void everyPipelineStepRunsAsTheServiceAccountOnThisVersionsImage() {
        Map<String, Object> taskRun = find(blockWith("TaskRun", null), "TaskRun", null);
        assertThat(path(taskRun, "spec", "serviceAccountName")).isEqualTo(ACCOUNT);
        assertThat(path(taskRun, "metadata", "namespace")).isEqualTo(NAMESPACE);
        Map<String, Object> task = find(blockWith("Task", JOB), "Task", JOB);
        assertThat(list(path(task, "spec", "params")).stream().map(CiRecipeDocs::<String, Object>map)
                .filter(p -> "image".equals(p.get("name"))).findFirst().orElseThrow().get("default"))
                .isEqualTo(CiRecipeDocs.image());
        Map<String, Object> workflow = find(blockWith("WorkflowTemplate", JOB), "WorkflowTemplate", JOB);
        assertThat(path(workflow, "spec", "serviceAccountName")).isEqualTo(ACCOUNT);
        assertThat(path(workflow, "metadata", "namespace")).isEqualTo(NAMESPACE);
        Map<String, Object> gitlab = CiRecipeDocs.blocks().stream().flatMap(List::stream)
                .filter(file -> file.containsKey("stages") && path(file, "apply-aliases", "image") instanceof Map)
                .findFirst().orElseThrow();
        assertThat(path(gitlab, "apply-aliases", "image", "name")).isEqualTo(CiRecipeDocs.image());
        assertThat(path(gitlab, "apply-aliases", "image", "entrypoint")).as("GitLab runs the script with the shell")
                .isEqualTo(List.of(""));
    }

    @Test
    void everySvcaliasStepsArgumentsParseAgainstTheCommandModel() {
        List<List<String>> steps = new ArrayList<>();
        CiRecipeDocs.blocks().forEach(block -> CiRecipeDocs.eachMap(block, node -> {
            boolean svcalias = String.valueOf(node.get("image")).startsWith("svcalias:")
                    || List.of("/opt/svcalias/bin/svcalias").equals(node.get("command"));
            if (svcalias && node.get("args") instanceof List<?> args) {
                // Tekton's $(...) substitutions stand for a word each
                steps.add(args.stream().map(a -> String.valueOf(a).replaceAll("\\$\\([^)]*\\)", "x")).toList());
            }
        }));
        // the Job's and the hook's two containers, the Task's two steps, the WorkflowTemplate's two
        assertThat(steps).hasSize(8);
        for (List<String> args : steps) {
            try {
                Cli.model().parseArgs(args.toArray(String[]::new));
            } catch (CommandLine.ParameterException e) {
                throw new AssertionError("docs/ci.md: svcalias " + String.join(" ", args) + ": " + e.getMessage(), e);
            }
        }
    }
}
