package dev.svcalias.cluster;

import dev.svcalias.cluster.KubeconfigFiles.KubeContext;
import dev.svcalias.cluster.KubeconfigFiles.Located;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Resolves how to log in, as kubectl does: from a kubeconfig context (CA, client certificate from files or inline
 * data, token, tokenFile, exec plugin, proxy-url, tls-server-name, impersonation), or from a pod's service account
 * (KUBERNETES_SERVICE_HOST/PORT, and the token, CA and namespace files under {@code serviceAccountDir}). Every file
 * it needs is read here, so a missing or bad one fails before any API call, with exit 4.
 */
final class Logins {
    static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");
    static final Duration EXEC_TIMEOUT = Duration.ofSeconds(60);
    private final UnaryOperator<String> env;
    private final Path serviceAccountDir;
    private final Duration execTimeout;
    private final Clock clock;

    Logins(UnaryOperator<String> env, Path serviceAccountDir, Duration execTimeout, Clock clock) {
        this.env = env;
        this.serviceAccountDir = serviceAccountDir;
        this.execTimeout = execTimeout;
        this.clock = clock;
    }

    Login of(KubeContext context) {
        Located<Cluster> located = context.cluster();
        Cluster cluster = located.value();
        String clusterName = located.name();
        URI server = server(cluster.getServer(), clusterName);
        String caPem = pem(cluster.getCertificateAuthorityData(), cluster.getCertificateAuthority(), located.dir(),
                "certificate authority of cluster \"" + clusterName + "\"");
        ClusterTls.Trust trust = ClusterTls.trust(caPem, Boolean.TRUE.equals(cluster.getInsecureSkipTlsVerify()),
                clusterName);
        AuthInfo user = context.user().value();
        Path userDir = context.user().dir();
        String whose = "user \"" + context.user().name() + "\"";
        if (user.getAuthProvider() != null) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, whose + " logs in with auth-provider \""
                    + user.getAuthProvider().getName() + "\", which kubectl no longer runs and svcalias does not",
                    "switch the user to an exec credential plugin (kubelogin for oidc, gke-gcloud-auth-plugin, "
                            + "kubelogin for Azure)");
        }
        ExecPlugin plugin = user.getExec() == null ? null : new ExecPlugin(resolved(user.getExec(), userDir),
                withAbsoluteCa(cluster, located.dir()), whose, env, execTimeout, clock);
        boolean hasCert = isSet(user.getClientCertificateData()) || isSet(user.getClientCertificate());
        if (hasCert != (isSet(user.getClientKeyData()) || isSet(user.getClientKey()))) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, whose + " has a client " + (hasCert
                    ? "certificate but no key" : "key but no certificate"), "set both client-certificate(-data) "
                    + "and client-key(-data) for the user (kubectl config set-credentials)");
        }
        String certPem = pem(user.getClientCertificateData(), user.getClientCertificate(), userDir,
                "client certificate of " + whose);
        String keyPem = pem(user.getClientKeyData(), user.getClientKey(), userDir, "client key of " + whose);
        ClientCert fixed = certPem == null ? null : ClientCert.of(certPem, keyPem, whose, clock.instant());
        Supplier<ClientCert> certificate = fixed != null ? () -> fixed : plugin != null ? plugin : () -> null;
        OAuthTokenProvider token = isSet(user.getToken()) ? user::getToken
                : isSet(user.getTokenFile()) ? new TokenFile(userDir.resolve(user.getTokenFile()),
                        "tokenFile of " + whose) : plugin;
        String serverName = isSet(cluster.getTlsServerName()) ? cluster.getTlsServerName() : null;
        return new Login(context.name(), server, context.namespace(), ClusterTls.context(trust, caPem,
                serverName != null ? serverName : server.getHost(), clusterName, certificate), serverName,
                ProxyChoice.of(cluster.getProxyUrl(), server, env, clusterName), token, user.getUsername(),
                user.getPassword(), new Login.Impersonation(user.getAs(), user.getAsGroups() == null ? List.of()
                        : user.getAsGroups()));
    }

    /** A pod's service account: KUBERNETES_SERVICE_HOST/PORT, token (re-read as it rotates), CA and namespace. */
    Login inCluster() {
        String host = env.apply("KUBERNETES_SERVICE_HOST");
        String port = env.apply("KUBERNETES_SERVICE_PORT");
        if (port == null || port.isBlank()) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "KUBERNETES_SERVICE_HOST is set but "
                    + "KUBERNETES_SERVICE_PORT is not: not a complete in-cluster configuration",
                    "run svcalias in a pod with a service account, or pass --kubeconfig");
        }
        URI server = server("https://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port, "in-cluster");
        Path ca = serviceAccountDir.resolve("ca.crt");
        String caPem = pem(null, ca.toString(), serviceAccountDir, "service account's CA");
        TokenFile token = new TokenFile(serviceAccountDir.resolve("token"), "service account token");
        token.getToken(); // a missing token fails here, before any request
        String namespace;
        try {
            namespace = Files.readString(serviceAccountDir.resolve("namespace")).trim();
        } catch (IOException e) {
            namespace = null; // kubectl then uses "default"
        }
        return new Login("in-cluster", server, namespace, ClusterTls.context(ClusterTls.Trust.CLUSTER_CA, caPem,
                server.getHost(), "in-cluster", () -> null), null, ProxyChoice.of(null, server, env, "in-cluster"),
                token, null, null, Login.Impersonation.NONE);
    }

    /** The server URL, "https://" added when it has no scheme (as kubectl adds it); exit 4 when it is malformed. */
    static URI server(String url, String cluster) {
        if (!isSet(url)) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "cluster \"" + cluster + "\" has no server",
                    "set it: kubectl config set-cluster " + cluster + " --server=https://HOST:PORT");
        }
        String withScheme = url.contains("://") ? url : "https://" + url;
        try {
            URI uri = new URI(withScheme);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new java.net.URISyntaxException(url, "expected https://HOST[:PORT][/PATH]");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the server URL \"" + url + "\" of cluster \""
                    + cluster + "\" is malformed: " + e.getReason(), "set it: kubectl config set-cluster " + cluster
                    + " --server=https://HOST:PORT");
        }
    }

    /** The PEM text of inline base64 data, else of the file (relative to {@code dir}); null when neither is set. */
    private static String pem(String data, String file, Path dir, String what) {
        if (isSet(data)) {
            try {
                return new String(Base64.getMimeDecoder().decode(data.trim()), StandardCharsets.US_ASCII);
            } catch (IllegalArgumentException e) {
                throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the " + what + " (inline -data) is not "
                        + "valid base64: " + e.getMessage(), "check the kubeconfig with kubectl config view --raw");
            }
        }
        if (!isSet(file)) {
            return null;
        }
        Path path = dir.resolve(file);
        try {
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the " + what + " file " + path
                    + " does not exist", "check the path in the kubeconfig (kubectl config view), or log in again");
        } catch (IOException e) {
            throw new SvcaliasException(ExitCode.CLUSTER_ACCESS, "cannot read the " + what + " file " + path + ": "
                    + (e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()),
                    "check the file's permissions");
        }
    }

    /** The exec config with a relative command that has a slash resolved against the kubeconfig's directory. */
    private static ExecConfig resolved(ExecConfig exec, Path dir) {
        String command = exec.getCommand();
        if (command == null || !command.contains("/") || Path.of(command).isAbsolute()) {
            return exec;
        }
        ExecConfig copy = new io.fabric8.kubernetes.api.model.ExecConfigBuilder(exec).build();
        copy.setCommand(dir.resolve(command).normalize().toString());
        return copy;
    }

    private static Cluster withAbsoluteCa(Cluster cluster, Path dir) {
        if (!isSet(cluster.getCertificateAuthority())) {
            return cluster;
        }
        Cluster copy = new io.fabric8.kubernetes.api.model.ClusterBuilder(cluster).build();
        copy.setCertificateAuthority(dir.resolve(cluster.getCertificateAuthority()).toString());
        return copy;
    }

    private static boolean isSet(String s) {
        return s != null && !s.isBlank();
    }
}
