package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Connects like kubectl: --kubeconfig, else $KUBECONFIG, else ~/.kube/config, else the in-cluster account. */
public final class Fabric8ClusterConnector implements ClusterConnector {
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private static final int REQUEST_TIMEOUT_MS = 30_000;

    @Override
    public Cluster connect(String kubeconfig, String context) {
        Path file = kubeconfigFile(kubeconfig);
        Config config;
        if (file == null) {
            if (System.getenv("KUBERNETES_SERVICE_HOST") == null) {
                throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "no Kubernetes cluster configured: no "
                        + "--kubeconfig, $KUBECONFIG or ~/.kube/config, and not running in a pod",
                        "point --kubeconfig at a kubeconfig, or create one with your cluster's tooling");
            }
            config = Config.autoConfigure(context);
        } else {
            config = fromFile(file, context);
        }
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setRequestTimeout(REQUEST_TIMEOUT_MS);
        config.setRequestRetryBackoffLimit(0); // fail fast: a CLI should say "unreachable", not retry for minutes
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build();
        String name = context != null ? context : config.getCurrentContext() == null ? "in-cluster"
                : config.getCurrentContext().getName();
        return new Fabric8Cluster(client, name + " (" + config.getMasterUrl() + ")");
    }

    private static Path kubeconfigFile(String flag) {
        if (flag != null) {
            Path p = Path.of(flag);
            if (!Files.isRegularFile(p)) {
                throw SvcaliasException.usage("--kubeconfig " + flag + " does not exist", "check the path");
            }
            return p;
        }
        String env = System.getenv("KUBECONFIG");
        if (env != null && !env.isBlank()) {
            // like kubectl, the first existing file of the list
            for (String part : env.split(java.io.File.pathSeparator)) {
                if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
                    return Path.of(part);
                }
            }
        }
        Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
        return Files.isRegularFile(home) ? home : null;
    }

    private static Config fromFile(Path file, String context) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw SvcaliasException.usage("cannot read kubeconfig " + file + ": " + e.getMessage(),
                    "check the file's permissions");
        }
        if (context != null) {
            List<String> contexts = contextNames(text);
            if (!contexts.contains(context)) {
                throw SvcaliasException.usage("context \"" + context + "\" is not in " + file,
                        "use one of: " + String.join(", ", contexts));
            }
        }
        try {
            return Config.fromKubeconfig(context, text, file.toString());
        } catch (RuntimeException e) {
            throw SvcaliasException.usage("kubeconfig " + file + " is not usable: " + e.getMessage(),
                    "check it with kubectl config view");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> contextNames(String kubeconfig) {
        List<String> names = new ArrayList<>();
        Object parsed = new org.yaml.snakeyaml.Yaml().load(kubeconfig);
        if (parsed instanceof Map<?, ?> map && map.get("contexts") instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> c && c.get("name") != null) {
                    names.add(c.get("name").toString());
                }
            }
        }
        return names;
    }
}
