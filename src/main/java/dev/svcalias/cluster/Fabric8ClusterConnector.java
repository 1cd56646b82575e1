package dev.svcalias.cluster;

import dev.svcalias.error.Echo;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import tools.jackson.databind.ObjectMapper;

/**
 * Connects like kubectl: --kubeconfig, else $KUBECONFIG (a path list, merged), else ~/.kube/config, else the
 * in-cluster service account; svcalias resolves the login ({@link Logins}) and fabric8 carries the requests.
 */
public final class Fabric8ClusterConnector implements ClusterConnector {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private final UnaryOperator<String> env;
    private final Path home;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Logins logins;

    public Fabric8ClusterConnector() {
        this(System::getenv, Path.of(System.getProperty("user.home")), CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    /** For tests: another environment, home directory and timeouts. */
    Fabric8ClusterConnector(UnaryOperator<String> env, Path home, Duration connectTimeout, Duration requestTimeout) {
        this(env, home, connectTimeout, requestTimeout, new Logins(env, Logins.SERVICE_ACCOUNT, Logins.EXEC_TIMEOUT,
                Clock.systemUTC()));
    }

    /** For tests: also another service-account directory and exec plugin timeout. */
    Fabric8ClusterConnector(UnaryOperator<String> env, Path home, Duration connectTimeout, Duration requestTimeout,
            Logins logins) {
        this.env = env;
        this.home = home;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.logins = logins;
    }

    @Override
    public Cluster connect(String kubeconfig, String context) {
        // no search of the class path for every model class (about 900 classes loaded at each start): svcalias
        // reads and writes typed objects and generic custom resources only, never an object by its kind alone
        KubernetesSerialization serialization = new KubernetesSerialization(new ObjectMapper(), false);
        Optional<KubeconfigFiles> files = check(kubeconfig, context, serialization);
        Login login = files.isEmpty() ? logins.inCluster()
                : logins.of(files.get().context(context != null ? context : files.get().currentContext()));
        JdkHttpClients httpClients = new JdkHttpClients();
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config(login))
                .withKubernetesSerialization(serialization)
                .withHttpClientFactory(new TrackingJdkHttpClientFactory(httpClients, login)).build();
        String server = login.serverShown() + (login.proxy().shown() == null ? "" : " through proxy "
                + login.proxy().shown());
        return new Fabric8Cluster(client, "context " + login.context() + " (" + server + ")", server,
                httpClients::shutdownNow);
    }

    /**
     * fabric8's settings for a login: no auto-configuration from the environment (svcalias resolved everything),
     * short timeouts and no retries (a CLI should say "unreachable" within seconds). fabric8's own trust is left
     * trusting, as TrackingJdkHttpClientFactory replaces its TLS context by the login's anyway: so fabric8 does not
     * read the JVM's trust store for nothing.
     */
    private Config config(Login login) {
        Config config = Config.empty();
        config.setMasterUrl(login.server().toString());
        config.setNamespace(login.namespace() != null ? login.namespace() : "default");
        config.setTrustCerts(true);
        // always a provider, one that may answer null: without one, fabric8 answers a 401 by re-reading the
        // environment's kubeconfig (Config.refresh) and could send a credential svcalias did not choose
        config.setOauthTokenProvider(login.token() != null ? login.token() : () -> null);
        config.setUsername(login.username());
        config.setPassword(login.password());
        config.setImpersonateUsername(login.impersonation().user());
        config.setImpersonateGroups(login.impersonation().groups().toArray(String[]::new));
        config.setConnectionTimeout((int) connectTimeout.toMillis());
        config.setRequestTimeout((int) requestTimeout.toMillis());
        config.setRequestRetryBackoffLimit(0);
        // HTTP/1.1, as the lean path spoke: over HTTP/2 a 401 ended as "GOAWAY received" instead of the 401
        // (kube-apiserver closes the connection after answering the retry fabric8 makes)
        config.setHttp2Disable(true);
        config.setUserAgent(userAgent());
        return config;
    }

    /** As kubectl does ("kubectl/v1.34.4 ..."): the API server's audit log and metrics can tell svcalias apart. */
    static String userAgent() {
        String version = Fabric8ClusterConnector.class.getPackage().getImplementationVersion();
        return "svcalias/" + (version == null ? "dev" : version) + " (fabric8-kubernetes-client)";
    }

    /**
     * The kubeconfig files to use, after the checks every connection makes first (the file exists, the context is
     * in it...); empty for the pod's service account.
     */
    Optional<KubeconfigFiles> check(String kubeconfig, String context, KubernetesSerialization serialization) {
        List<Path> files = kubeconfigFiles(kubeconfig);
        if (files.isEmpty()) {
            if (isBlank(env.apply("KUBERNETES_SERVICE_HOST"))) {
                throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "no Kubernetes cluster configured: no "
                        + "--kubeconfig, $KUBECONFIG or ~/.kube/config", "point --kubeconfig at a kubeconfig or set "
                        + "a context with kubectl config use-context");
            }
            if (context != null) {
                throw SvcaliasException.usage("--context " + context + " needs a kubeconfig, and none was found "
                        + "(running in a pod)", "drop --context to use the pod's service account, or pass --kubeconfig");
            }
            return Optional.empty();
        }
        Map<Path, String> texts = new java.util.LinkedHashMap<>();
        for (Path file : files) {
            texts.put(file, read(file));
        }
        KubeconfigFiles parsed = KubeconfigFiles.parse(texts, serialization);
        String where = parsed.where();
        if (context != null && !parsed.contexts().contains(context)) {
            throw SvcaliasException.usage("context \"" + context + "\" is not in " + where, parsed.contexts()
                    .isEmpty() ? "the kubeconfig has no contexts" : "use one of: " + String.join(", ",
                    parsed.contexts()));
        }
        if (context == null && parsed.currentContext() == null) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "no Kubernetes cluster configured: " + where
                    + " has no current context", parsed.contexts().isEmpty() ? "point --kubeconfig at a kubeconfig "
                    + "with a context" : "pass --context (one of: " + String.join(", ", parsed.contexts())
                    + ") or set one with kubectl config use-context");
        }
        if (context == null && !parsed.contexts().contains(parsed.currentContext())) {
            throw SvcaliasException.usage("the current context \"" + parsed.currentContext() + "\" of " + where
                    + " is not defined in it", parsed.contexts().isEmpty() ? "check it with kubectl config view"
                    : "pass --context (one of: " + String.join(", ", parsed.contexts()) + ")");
        }
        return Optional.of(parsed);
    }

    private List<Path> kubeconfigFiles(String flag) {
        if (flag != null) {
            if (flag.isEmpty()) {
                throw SvcaliasException.usage("--kubeconfig is empty", "give the kubeconfig file's path, or leave "
                        + "--kubeconfig out to use $KUBECONFIG or ~/.kube/config");
            }
            Path p = Path.of(flag);
            String shown = Echo.quoted(flag);
            if (Files.isDirectory(p)) {
                throw SvcaliasException.usage("--kubeconfig " + shown + " is a directory, not a kubeconfig file",
                        "give the file, e.g. --kubeconfig ~/.kube/config");
            }
            if (!Files.exists(p)) {
                throw SvcaliasException.usage("--kubeconfig " + shown + " does not exist", "check the path");
            }
            if (!Files.isReadable(p)) {
                throw SvcaliasException.usage("cannot read --kubeconfig " + shown + ": permission denied",
                        "check the file's permissions");
            }
            return List.of(p);
        }
        String list = env.apply("KUBECONFIG");
        if (!isBlank(list)) {
            Set<Path> files = new LinkedHashSet<>();
            for (String part : list.split(File.pathSeparator, -1)) {
                if (!part.isBlank() && Files.isRegularFile(Path.of(part))) {
                    files.add(Path.of(part));
                }
            }
            if (!files.isEmpty()) {
                return new ArrayList<>(files);
            }
        }
        Path file = home.resolve(".kube").resolve("config");
        return Files.isRegularFile(file) ? List.of(file) : List.of();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw SvcaliasException.usage("cannot read kubeconfig " + Echo.quoted(file.toString()) + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()),
                    "check the file's permissions");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
