package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.api.model.Cluster;
import io.fabric8.kubernetes.api.model.ExecConfig;
import io.fabric8.kubernetes.api.model.ExecEnvVar;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client-go credential plugin (users[].user.exec: {@code aws eks get-token}, {@code gke-gcloud-auth-plugin},
 * kubelogin...), run as kubectl runs it: the command with its args, the environment plus its env and
 * KUBERNETES_EXEC_INFO, stderr passed through; its ExecCredential's token or client certificate is kept until the
 * status's expirationTimestamp (for the whole run when none). Unlike kubectl it gives up after {@code timeout}, so a
 * plugin waiting for a login that never comes cannot hang a command; and only interactiveMode Always gets standard
 * input (IfAvailable runs as Never: svcalias is mostly run by scripts).
 */
final class ExecPlugin implements OAuthTokenProvider, Supplier<ClientCert> {
    private static final List<String> API_VERSIONS = List.of("client.authentication.k8s.io/v1",
            "client.authentication.k8s.io/v1beta1");
    private final ExecConfig exec;
    private final Cluster cluster;
    private final String whose;
    private final UnaryOperator<String> env;
    private final Duration timeout;
    private final Clock clock;
    private Credential cached;

    /** What the plugin returned: a token, or a client certificate, or both; until {@code expires} (null: never). */
    private record Credential(String token, ClientCert certificate, Instant expires) {}

    /**
     * @param cluster the user's cluster, for provideClusterInfo
     * @param whose "user \"eks\"", for messages
     */
    ExecPlugin(ExecConfig exec, Cluster cluster, String whose, UnaryOperator<String> env, Duration timeout,
            Clock clock) {
        this.exec = exec;
        this.cluster = cluster;
        this.whose = whose;
        this.env = env;
        this.timeout = timeout;
        this.clock = clock;
        if (exec.getCommand() == null || exec.getCommand().isBlank()) {
            throw fail("has no command", "set users[].user.exec.command in the kubeconfig");
        }
        if (!API_VERSIONS.contains(exec.getApiVersion())) {
            throw fail("has apiVersion \"" + exec.getApiVersion() + "\", which svcalias and kubectl do not run",
                    "use one of " + String.join(", ", API_VERSIONS) + " (update the cloud CLI that wrote it)");
        }
        if (exec.getApiVersion().endsWith("/v1") && exec.getInteractiveMode() == null) {
            throw fail("has no interactiveMode, which " + exec.getApiVersion() + " requires",
                    "set interactiveMode: Never (or IfAvailable) under users[].user.exec");
        }
    }

    @Override
    public String getToken() {
        return credential().token();
    }

    @Override
    public ClientCert get() {
        return credential().certificate();
    }

    private synchronized Credential credential() {
        if (cached == null || (cached.expires() != null && !clock.instant().isBefore(cached.expires()))) {
            cached = run();
        }
        return cached;
    }

    private Credential run() {
        List<String> command = new ArrayList<>();
        command.add(executable());
        if (exec.getArgs() != null) {
            command.addAll(exec.getArgs());
        }
        // only a plugin that insists (Always) gets svcalias's standard input; IfAvailable runs as Never does
        boolean interactive = "Always".equals(exec.getInteractiveMode());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectInput(interactive ? ProcessBuilder.Redirect.INHERIT
                        : ProcessBuilder.Redirect.from(new File("/dev/null")));
        if (exec.getEnv() != null) {
            for (ExecEnvVar variable : exec.getEnv()) {
                builder.environment().put(variable.getName(), variable.getValue() == null ? ""
                        : variable.getValue());
            }
        }
        builder.environment().put("KUBERNETES_EXEC_INFO", execInfo(interactive));
        Path out = null;
        try {
            out = Files.createTempFile("svcalias-exec-", ".json");
            Process process = builder.redirectOutput(out.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw fail("ran " + shown(command) + ", which did not answer within " + timeout.toSeconds() + "s",
                        "run the command yourself to see what it waits for (a login, a network), then retry");
            }
            if (process.exitValue() != 0) {
                throw fail("ran " + shown(command) + ", which failed with exit code " + process.exitValue()
                        + " (its error output is above)", "run the command yourself and fix what it reports; "
                        + "often the cloud CLI needs a login first");
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8), command);
        } catch (IOException e) {
            throw fail("could not run " + shown(command) + ": " + e.getMessage(), "check the command in the "
                    + "kubeconfig (kubectl config view)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("was interrupted while running " + shown(command), "run the command again");
        } finally {
            if (out != null) {
                out.toFile().delete();
            }
        }
    }

    /** The command's path: as given when it has a slash (made absolute by the kubeconfig's place), else on PATH. */
    private String executable() {
        String name = exec.getCommand();
        if (name.contains(File.separator)) {
            if (Files.isExecutable(Path.of(name))) {
                return name;
            }
        } else {
            String path = env.apply("PATH");
            for (String dir : path == null ? new String[0] : path.split(File.pathSeparator, -1)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        String hint = exec.getInstallHint() == null || exec.getInstallHint().isBlank() ? "install it, or put its "
                + "directory on PATH" : ApiErrors.oneLine(exec.getInstallHint());
        throw fail("runs executable " + name + ", which was not found", hint);
    }

    /** KUBERNETES_EXEC_INFO: an ExecCredential with spec.interactive and, with provideClusterInfo, spec.cluster. */
    private String execInfo(boolean interactive) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("interactive", interactive);
        if (Boolean.TRUE.equals(exec.getProvideClusterInfo())) {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("server", cluster.getServer());
            putIfSet(info, "tls-server-name", cluster.getTlsServerName());
            putIfSet(info, "insecure-skip-tls-verify", cluster.getInsecureSkipTlsVerify());
            putIfSet(info, "certificate-authority-data", caData());
            putIfSet(info, "proxy-url", cluster.getProxyUrl());
            spec.put("cluster", info);
        }
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("kind", "ExecCredential");
        credential.put("apiVersion", exec.getApiVersion());
        credential.put("spec", spec);
        return JsonMapper.shared().writeValueAsString(credential);
    }

    private String caData() {
        if (cluster.getCertificateAuthorityData() != null) {
            return cluster.getCertificateAuthorityData();
        }
        if (cluster.getCertificateAuthority() == null) {
            return null;
        }
        try {
            return java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(
                    cluster.getCertificateAuthority())));
        } catch (IOException e) {
            return null; // the connection reports the unreadable CA itself
        }
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private Credential parse(String stdout, List<String> command) {
        JsonNode credential;
        try {
            credential = JsonMapper.shared().readTree(stdout);
        } catch (RuntimeException e) {
            throw fail("ran " + shown(command) + ", which printed something other than an ExecCredential (decoding "
                    + "stdout: " + ApiErrors.oneLine(String.valueOf(e.getMessage())) + ")", "run the command "
                    + "yourself: it must print one ExecCredential JSON object");
        }
        if (credential == null || !credential.isObject() || !"ExecCredential".equals(text(credential, "kind"))) {
            throw fail("ran " + shown(command) + ", which printed something other than an ExecCredential",
                    "run the command yourself: it must print one ExecCredential JSON object");
        }
        if (!exec.getApiVersion().equals(text(credential, "apiVersion"))) {
            throw fail("is configured to use API version " + exec.getApiVersion() + ", and " + shown(command)
                    + " returned version " + text(credential, "apiVersion"), "make the kubeconfig's exec "
                    + "apiVersion match the plugin's (update the plugin or the kubeconfig)");
        }
        JsonNode status = credential.get("status");
        if (status == null || !status.isObject()) {
            throw fail("ran " + shown(command) + ", which returned no status", "run the command yourself and "
                    + "check its output");
        }
        String token = text(status, "token");
        String cert = text(status, "clientCertificateData");
        String key = text(status, "clientKeyData");
        if ((cert == null) != (key == null)) {
            throw fail("ran " + shown(command) + ", which returned only a certificate or a key, not both",
                    "check the plugin's output");
        }
        if (token == null && cert == null) {
            throw fail("ran " + shown(command) + ", which returned neither a token nor a certificate and key",
                    "check the plugin's output");
        }
        String expires = text(status, "expirationTimestamp");
        Instant expiry;
        try {
            expiry = expires == null ? null : Instant.parse(expires);
        } catch (java.time.format.DateTimeParseException e) {
            throw fail("ran " + shown(command) + ", which returned expirationTimestamp \"" + expires
                    + "\", not an RFC 3339 time", "check the plugin's output");
        }
        ClientCert certificate = cert == null ? null : ClientCert.of(cert, key, whose + "'s exec plugin",
                clock.instant());
        return new Credential(token, certificate, expiry);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String shown(List<String> command) {
        return String.join(" ", command);
    }

    private SvcaliasException fail(String what, String fix) {
        return new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the exec credential plugin of " + whose + " "
                + what, fix);
    }
}
