package dev.svcalias.platform;

import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.PlatformEdits;
import java.util.List;
import java.util.Optional;

/** What a Corefile found among the facts says about where extra server blocks may go. */
final class CorefileFacts {
    private CorefileFacts() {}

    static Optional<String> text(ClusterFacts facts, ConfigMapRef ref) {
        return facts.configMap(ref.namespace(), ref.name()).map(o -> o.data().get(ref.key()));
    }

    /** The top-level import that pulls in {@code *.server} files ("custom/*.server"), if the Corefile has one. */
    static Optional<String> serverImport(ClusterFacts facts, ConfigMapRef ref) {
        return text(facts, ref).flatMap(CorefileFacts::serverImport);
    }

    static Optional<String> serverImport(String corefile) {
        try {
            List<String> imports = PlatformEdits.topLevelImports(corefile);
            return imports.stream().filter(p -> p.endsWith("*.server")).findFirst();
        } catch (CorefileException e) {
            return Optional.empty(); // an unparsable Corefile is reported by the edit itself, not by detection
        }
    }

    static Evidence importEvidence(ConfigMapRef ref, String pattern) {
        return new Evidence(ref.toString(), "Corefile imports " + pattern);
    }
}
