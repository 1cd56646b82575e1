package dev.svcalias.app.write;

import dev.svcalias.app.alias.ServiceEntryAliases;
import dev.svcalias.cluster.ServiceEntries;
import dev.svcalias.cluster.ServiceEntryRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ServiceEntry creates, replaces and deletes read back after a lost answer. */
final class LostAnswerServiceEntries implements ServiceEntries {
    private final ServiceEntries entries;

    LostAnswerServiceEntries(ServiceEntries entries) {
        this.entries = entries;
    }

    @Override
    public String servedVersion() {
        return entries.servedVersion();
    }

    @Override
    public List<ServiceEntryRecord> listAll() {
        return entries.listAll();
    }

    @Override
    public List<ServiceEntryRecord> listManaged() {
        return entries.listManaged();
    }

    @Override
    public ServiceEntryRecord apply(Map<String, Object> manifest, String expectedResourceVersion) {
        @SuppressWarnings("unchecked")
        Map<String, Object> meta = (Map<String, Object>) manifest.get("metadata");
        String namespace = (String) meta.get("namespace");
        String name = (String) meta.get("name");
        return LostAnswers.write(target(namespace, name), () -> entries.apply(manifest, expectedResourceVersion),
                () -> LostAnswers.afterPut(find(namespace, name), e -> ServiceEntryAliases.sameObject(e, manifest),
                        ServiceEntryRecord::resourceVersion, expectedResourceVersion));
    }

    @Override
    public void delete(String namespace, String name) {
        LostAnswers.run(target(namespace, name), () -> entries.delete(namespace, name),
                () -> LostAnswers.afterDelete(find(namespace, name), ServiceEntryRecord::resourceVersion, null));
    }

    @Override
    public void delete(String namespace, String name, String expectedResourceVersion) {
        LostAnswers.run(target(namespace, name), () -> entries.delete(namespace, name, expectedResourceVersion),
                () -> LostAnswers.afterDelete(find(namespace, name), ServiceEntryRecord::resourceVersion,
                        expectedResourceVersion));
    }

    private Optional<ServiceEntryRecord> find(String namespace, String name) {
        return entries.listAll().stream().filter(e -> e.namespace().equals(namespace) && e.name().equals(name))
                .findFirst();
    }

    private static String target(String namespace, String name) {
        return "serviceentry " + namespace + "/" + name;
    }
}
