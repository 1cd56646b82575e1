package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.Context;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One or more kubeconfig files merged as kubectl merges $KUBECONFIG: for each context, cluster and user name the
 * first file that defines it wins, and so does the first non-empty current-context. Relative paths (CA, client
 * certificate and key, tokenFile, an exec command with a slash) are resolved against the file that holds them.
 */
final class KubeconfigFiles {
    private final Map<String, Context> contexts = new LinkedHashMap<>();
    private final Map<String, Located<Cluster>> clusters = new LinkedHashMap<>();
    private final Map<String, Located<AuthInfo>> users = new LinkedHashMap<>();
    private final String where;
    private String currentContext;

    /** A kubeconfig entry, its name and the directory of the file it came from. */
    record Located<T>(String name, T value, Path dir) {}

    /** A context resolved: its name, namespace (null when not set), cluster and user (an empty user when none). */
    record KubeContext(String name, String namespace, Located<Cluster> cluster, Located<AuthInfo> user) {}

    private KubeconfigFiles(String where) {
        this.where = where;
    }

    /** @param texts each file's path and text, in $KUBECONFIG order */
    static KubeconfigFiles parse(Map<Path, String> texts, KubernetesSerialization serialization) {
        KubeconfigFiles merged = new KubeconfigFiles(texts.size() == 1 ? texts.keySet().iterator().next().toString()
                : "$KUBECONFIG (" + texts.size() + " files)");
        for (Map.Entry<Path, String> file : texts.entrySet()) {
            Config config = read(file.getKey(), file.getValue(), serialization);
            if (config == null) {
                continue; // an empty file, as kubectl reads it
            }
            Path dir = file.getKey().toAbsolutePath().getParent();
            for (NamedContext c : list(config.getContexts())) {
                if (c.getName() != null && c.getContext() != null) {
                    merged.contexts.putIfAbsent(c.getName(), c.getContext());
                }
            }
            for (NamedCluster c : list(config.getClusters())) {
                if (c.getName() != null && c.getCluster() != null) {
                    merged.clusters.putIfAbsent(c.getName(), new Located<>(c.getName(), c.getCluster(), dir));
                }
            }
            for (NamedAuthInfo u : list(config.getUsers())) {
                if (u.getName() != null && u.getUser() != null) {
                    merged.users.putIfAbsent(u.getName(), new Located<>(u.getName(), u.getUser(), dir));
                }
            }
            if (merged.currentContext == null && config.getCurrentContext() != null
                    && !config.getCurrentContext().isBlank()) {
                merged.currentContext = config.getCurrentContext();
            }
        }
        return merged;
    }

    private static Config read(Path file, String text, KubernetesSerialization serialization) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return serialization.unmarshal(text, Config.class);
        } catch (RuntimeException e) {
            throw SvcaliasException.usage("kubeconfig " + file + " is not valid YAML: " + ApiErrors.oneLine(
                    String.valueOf(e.getMessage())), "check it with kubectl config view");
        }
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }

    /** "~/.kube/config" or "$KUBECONFIG (2 files)", for messages. */
    String where() {
        return where;
    }

    List<String> contexts() {
        return new ArrayList<>(contexts.keySet());
    }

    String currentContext() {
        return currentContext;
    }

    /** The context named {@code name} (which {@link #contexts()} holds) with its cluster and user. */
    KubeContext context(String name) {
        Context context = contexts.get(name);
        Located<Cluster> cluster = context.getCluster() == null ? null : clusters.get(context.getCluster());
        if (cluster == null) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "context \"" + name + "\" of " + where
                    + " names cluster \"" + context.getCluster() + "\", which is not defined in it",
                    "add the cluster with kubectl config set-cluster, or pick another context with --context");
        }
        Located<AuthInfo> user = context.getUser() == null || context.getUser().isEmpty()
                ? null : users.get(context.getUser());
        if (user == null) {
            // kubectl then connects without credentials; so does svcalias, and the API server says who it sees
            user = new Located<>(context.getUser() == null ? "" : context.getUser(), new AuthInfo(), cluster.dir());
        }
        String namespace = context.getNamespace() == null || context.getNamespace().isBlank() ? null
                : context.getNamespace();
        return new KubeContext(name, namespace, cluster, user);
    }
}
