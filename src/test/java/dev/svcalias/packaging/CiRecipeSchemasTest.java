package dev.svcalias.packaging;

import static dev.svcalias.packaging.CiRecipeDocs.blockWith;
import static dev.svcalias.packaging.CiRecipeDocs.find;
import static dev.svcalias.packaging.CiRecipeDocs.list;
import static dev.svcalias.packaging.CiRecipeDocs.map;
import static dev.svcalias.packaging.CiRecipeDocs.path;
import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * docs/ci.md's recipes are valid for the systems that run them: every Kubernetes object has only fields its type
 * knows (what `kubectl apply --validate=strict` refuses, fabric8's model finds), and the Tekton Task, the Argo
 * Workflows WorkflowTemplate and the GitLab CI files are valid for their projects' schemas
 * (src/test/resources/ci-schemas, README.md there says where each comes from).
 */
class CiRecipeSchemasTest {
    private static final KubernetesSerialization KUBERNETES = new KubernetesSerialization();
    private static final Set<String> BUILT_IN_API_VERSIONS = Set.of("v1", "batch/v1", "rbac.authorization.k8s.io/v1");

    @Test
    void everyKubernetesObjectHasOnlyFieldsItsTypeKnows() {
        int checked = 0;
        for (List<Map<String, Object>> block : CiRecipeDocs.blocks()) {
            for (Map<String, Object> object : block) {
                if (object.get("apiVersion") instanceof String version && BUILT_IN_API_VERSIONS.contains(version)) {
                    assertThat(unknownFields(object)).as(object.get("kind") + " " + path(object, "metadata", "name"))
                            .isEmpty();
                    checked++;
                }
            }
        }
        // the Job recipe's 9 objects and the PreSync hook's 2
        assertThat(checked).isGreaterThanOrEqualTo(11);
    }

    @Test
    void aMisspeltKubernetesFieldIsFound() {
        Map<String, Object> job = copy(find(blockWith("Job", "svcalias-aliases"), "Job", "svcalias-aliases"));
        Map<String, Object> pod = map(path(job, "spec", "template", "spec"));
        pod.put("serviceAcountName", pod.remove("serviceAccountName"));
        map(list(pod.get("containers")).get(0)).put("arg", List.of("verify"));
        assertThat(unknownFields(job)).containsExactlyInAnyOrder("spec.template.spec.serviceAcountName",
                "spec.template.spec.containers[0].arg");
    }

    @Test
    void theTektonTaskIsValidForTektonsSchemaAndAMisspeltKeyIsNot() {
        Map<String, Object> task = find(blockWith("Task", "svcalias-aliases"), "Task", "svcalias-aliases");
        assertThat(validate("tekton-task-v1.json", task)).isEmpty();
        Map<String, Object> wrong = copy(task);
        map(list(path(wrong, "spec", "steps")).get(1)).put("argz", List.of("verify"));
        assertThat(validate("tekton-task-v1.json", wrong)).isNotEmpty();
    }

    @Test
    void theArgoWorkflowTemplateIsValidForArgosSchemaAndAMisspeltKeyIsNot() {
        Map<String, Object> template =
                find(blockWith("WorkflowTemplate", "svcalias-aliases"), "WorkflowTemplate", "svcalias-aliases");
        assertThat(validate("argo-workflowtemplate.json", template)).isEmpty();
        Map<String, Object> wrong = copy(template);
        map(path(wrong, "spec")).put("serviceAccount", "svcalias");
        assertThat(validate("argo-workflowtemplate.json", wrong)).isNotEmpty();
    }

    @Test
    void everyGitlabCiFileIsValidForGitlabsSchemaAndAMisspeltKeyIsNot() {
        List<Map<String, Object>> files = CiRecipeDocs.blocks().stream().flatMap(List::stream)
                .filter(document -> document.containsKey("stages")).toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(2);
        for (Map<String, Object> file : files) {
            assertThat(validate("gitlab-ci.json", file)).as(file.toString()).isEmpty();
        }
        Map<String, Object> wrong = copy(files.get(files.size() - 1));
        map(wrong.get("apply-aliases")).put("scripts", List.of("svcalias version"));
        assertThat(validate("gitlab-ci.json", wrong)).isNotEmpty();
    }

    /** The paths of the fields fabric8's model of the object's kind does not know. */
    static List<String> unknownFields(Map<String, Object> object) {
        Object typed = KUBERNETES.unmarshal(KUBERNETES.asJson(object));
        assertThat(typed).as("a built-in kind").isNotInstanceOf(GenericKubernetesResource.class);
        List<String> unknown = new ArrayList<>();
        collectUnknown(typed, "", unknown);
        return unknown;
    }

    /** fabric8's model keeps what it does not know in each object's additionalProperties. */
    private static void collectUnknown(Object node, String at, List<String> unknown) {
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, at + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node == null || !node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class || getter.isDefault()) {
                continue;
            }
            Object value = invoke(getter, node);
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            String here = at.isEmpty() ? field : at + "." + field;
            if (field.equals("additionalProperties")) {
                map(value).keySet().forEach(key -> unknown.add((at.isEmpty() ? "" : at + ".") + key));
            } else {
                collectUnknown(value, here, unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object on) {
        try {
            return getter.invoke(on);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new AssertionError(getter + ": " + e, e);
        }
    }

    private static List<?> validate(String schemaFile, Map<String, Object> document) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(
                CiRecipeDocs.read(Path.of("src/test/resources/ci-schemas", schemaFile)), InputFormat.JSON);
        return schema.validate(new JsonMapper().writeValueAsString(document), InputFormat.JSON);
    }

    private static Map<String, Object> copy(Map<String, Object> object) {
        return map(new Yaml().load(new Yaml().dump(object)));
    }
}
