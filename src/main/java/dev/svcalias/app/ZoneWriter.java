package dev.svcalias.app;

import dev.svcalias.plan.Change;
import java.util.function.UnaryOperator;

/**
 * Where the kube-dns side of a zone is written: the narrow seam platforms plug into. Today one implementation
 * edits the Corefile key of kube-dns's ConfigMap; a platform whose DNS config lives elsewhere (a coredns-custom
 * key, stubDomains, an operator's resource) supplies its own.
 */
public interface ZoneWriter {
    /** The change that applies {@code edit} (Corefile text in, text out) to the kube-dns config. */
    Change write(UnaryOperator<String> edit, String summary);

    /** The current kube-dns Corefile text the edit applies to. */
    String text();

    /** "configmap kube-system/coredns", for messages. */
    String describe();
}
