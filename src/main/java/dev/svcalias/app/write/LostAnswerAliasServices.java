package dev.svcalias.app.write;

import dev.svcalias.app.write.LostAnswers.Found;
import dev.svcalias.cluster.AliasService;
import dev.svcalias.cluster.AliasServices;
import dev.svcalias.cluster.ConflictException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** ExternalName alias Services and their namespace, every write read back after a lost answer. */
final class LostAnswerAliasServices implements AliasServices {
    private final AliasServices services;

    LostAnswerAliasServices(AliasServices services) {
        this.services = services;
    }

    @Override
    public List<AliasService> list(String namespace) {
        return services.list(namespace);
    }

    @Override
    public AliasService apply(AliasService service, String expectedResourceVersion) {
        return LostAnswers.write(target(service.namespace(), service.name()),
                () -> services.apply(service, expectedResourceVersion),
                () -> LostAnswers.afterPut(find(service.namespace(), service.name()), s -> written(s, service),
                        AliasService::resourceVersion, expectedResourceVersion));
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        LostAnswers.run(target(namespace, name), () -> services.delete(namespace, name, expectedResourceVersion),
                () -> LostAnswers.afterDelete(find(namespace, name), AliasService::resourceVersion,
                        expectedResourceVersion));
    }

    @Override
    public Optional<Map<String, String>> namespaceLabels(String namespace) {
        return services.namespaceLabels(namespace);
    }

    @Override
    public void createNamespace(String namespace, Map<String, String> labels) {
        LostAnswers.run("namespace " + namespace, () -> services.createNamespace(namespace, labels), () -> {
            Optional<Map<String, String>> now = services.namespaceLabels(namespace);
            if (now.isEmpty()) {
                return Found.unchanged();
            }
            return now.get().entrySet().containsAll(labels.entrySet()) ? Found.landed(Boolean.TRUE)
                    : Found.other("exists without svcalias's labels (created by someone else meanwhile)");
        });
    }

    /**
     * Gone = done. A namespace is deleted asynchronously (it terminates first), so one still there may be a lost
     * delete or one that never arrived; the delete is sent again: it is idempotent, and a 409 says the namespace
     * is already terminating.
     */
    @Override
    public void deleteNamespace(String namespace) {
        LostAnswers.run("namespace " + namespace, () -> services.deleteNamespace(namespace), () -> {
            if (services.namespaceLabels(namespace).isEmpty()) {
                return Found.landed(Boolean.TRUE);
            }
            try {
                services.deleteNamespace(namespace);
            } catch (ConflictException terminating) {
                // being deleted already: the first delete landed
            }
            return Found.landed(Boolean.TRUE);
        });
    }

    /** What svcalias wrote is there: the same externalName, and its labels and annotations among the object's. */
    private static boolean written(AliasService now, AliasService wanted) {
        return Objects.equals(now.externalName(), wanted.externalName())
                && now.labels().entrySet().containsAll(wanted.labels().entrySet())
                && now.annotations().entrySet().containsAll(wanted.annotations().entrySet());
    }

    private Optional<AliasService> find(String namespace, String name) {
        return services.list(namespace).stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private static String target(String namespace, String name) {
        return "service " + namespace + "/" + name;
    }
}
