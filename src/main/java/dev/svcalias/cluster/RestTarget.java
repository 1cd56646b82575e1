package dev.svcalias.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.yaml.snakeyaml.Yaml;

/**
 * Where and how {@link KubeRest} talks to the API server, read from one kubeconfig file: the server URL, the TLS
 * context (CA, client certificate, or insecure-skip-tls-verify) and a bearer token. Only the plain cases are read
 * here; anything else (exec or auth-provider plugins, tokenFile, basic auth, impersonation, proxies,
 * tls-server-name, an unreadable key, fabric8's own KUBERNETES_* settings) gives empty, and the caller connects
 * through fabric8.
 */
record RestTarget(URI server, SSLContext ssl, String token, String context) {
    private static final Set<String> CLUSTER_KEYS = Set.of("server", "certificate-authority",
            "certificate-authority-data", "insecure-skip-tls-verify", "extensions");
    private static final Set<String> USER_KEYS = Set.of("client-certificate", "client-certificate-data",
            "client-key", "client-key-data", "token", "extensions");
    private static final Set<String> CONTEXT_KEYS = Set.of("cluster", "user", "namespace", "extensions");
    /** fabric8 8.0.0's kubernetes.* settings (Config's *_SYSTEM_PROPERTY names; a test keeps the list whole). */
    static final List<String> FABRIC8_SETTINGS = List.of("api.version", "auth.basic.password",
            "auth.basic.username", "auth.serviceAccount.token", "auth.token", "auth.tryKubeConfig",
            "auth.tryServiceAccount", "certs.ca.data", "certs.ca.file", "certs.client.data", "certs.client.file",
            "certs.client.key.algo", "certs.client.key.data", "certs.client.key.file", "certs.client.key.passphrase",
            "connection.timeout", "disable.autoConfig", "disable.hostname.verification", "impersonate.group",
            "impersonate.username", "keystore.file", "keystore.passphrase", "logging.interval", "master",
            "max.concurrent.requests", "max.concurrent.requests.per.host", "namespace",
            "request.retry.backoffInterval", "request.retry.backoffLimit", "request.timeout", "scale.timeout",
            "tls.versions", "trust.certificates", "truststore.file", "truststore.passphrase", "tryNamespacePath",
            "upload.request.timeout", "user.agent", "watch.reconnectInterval", "watch.reconnectLimit",
            "websocket.ping.interval");
    private static final List<String> PROXY_VARIABLES = List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
            "http_proxy", "ALL_PROXY", "all_proxy");

    /** @param context the context to use, null for the file's current context */
    static Optional<RestTarget> read(Path file, String context, java.util.function.UnaryOperator<String> env) {
        if (PROXY_VARIABLES.stream().anyMatch(v -> env.apply(v) != null) || fabric8Settings(env)) {
            return Optional.empty();
        }
        try {
            Object parsed = new Yaml().load(Files.readString(file));
            if (!(parsed instanceof Map<?, ?> config)) {
                return Optional.empty();
            }
            String name = context != null ? context : string(config.get("current-context"));
            Map<?, ?> ctx = named(config.get("contexts"), name, "context");
            if (ctx == null || !CONTEXT_KEYS.containsAll(ctx.keySet())) {
                return Optional.empty();
            }
            Map<?, ?> cluster = named(config.get("clusters"), string(ctx.get("cluster")), "cluster");
            Map<?, ?> user = ctx.get("user") == null ? Map.of() : named(config.get("users"), string(ctx.get("user")),
                    "user");
            if (cluster == null || user == null || !CLUSTER_KEYS.containsAll(cluster.keySet())
                    || !USER_KEYS.containsAll(user.keySet())) {
                return Optional.empty();
            }
            String server = string(cluster.get("server"));
            if (server == null || !(server.startsWith("https://") || server.startsWith("http://"))) {
                return Optional.empty();
            }
            Object insecure = cluster.get("insecure-skip-tls-verify");
            if (insecure != null && !(insecure instanceof Boolean)) {
                return Optional.empty(); // "yes", "false" as a string...: fabric8 decides what it means, as before
            }
            Path dir = file.toAbsolutePath().getParent();
            Optional<SSLContext> ssl = PemTls.context(pem(cluster, "certificate-authority", dir),
                    Boolean.TRUE.equals(insecure),
                    pem(user, "client-certificate", dir), pem(user, "client-key", dir));
            // no tokenFile: fabric8 does not read it, so a tokenFile kubeconfig goes wholly to fabric8 as it always
            // did, rather than the lean path sending a token the on-demand fabric8 client then does not send
            String token = string(user.get("token"));
            URI uri = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
            return ssl.map(s -> new RestTarget(uri, s, token, name));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty(); // fabric8 reads it again and reports what is wrong in its words
        }
    }

    /** fabric8 also reads kubernetes.* system properties and KUBERNETES_* variables (master URL, trust, proxies...). */
    private static boolean fabric8Settings(java.util.function.UnaryOperator<String> env) {
        for (String setting : FABRIC8_SETTINGS) {
            // fabric8's own name for the variable: KUBERNETES_MASTER for kubernetes.master
            if (env.apply(("kubernetes." + setting).toUpperCase(java.util.Locale.ROOT).replaceAll("[.-]", "_"))
                    != null) {
                return true;
            }
        }
        for (Object key : System.getProperties().keySet()) {
            if (key.toString().startsWith("kubernetes.")) {
                return true;
            }
        }
        return false;
    }

    private static Map<?, ?> named(Object list, String name, String field) {
        if (name == null || !(list instanceof List<?> items)) {
            return null;
        }
        for (Object item : items) {
            if (item instanceof Map<?, ?> m && name.equals(string(m.get("name")))) {
                return m.get(field) instanceof Map<?, ?> inner ? inner : null;
            }
        }
        return null;
    }

    /** The PEM text of {@code key}-data (base64) or of the file {@code key} names; null when neither is set. */
    private static String pem(Map<?, ?> section, String key, Path dir) throws IOException {
        String data = string(section.get(key + "-data"));
        if (data != null) {
            return new String(Base64.getMimeDecoder().decode(data), StandardCharsets.US_ASCII);
        }
        String file = string(section.get(key));
        return file == null ? null : Files.readString(dir.resolve(file), StandardCharsets.US_ASCII);
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
