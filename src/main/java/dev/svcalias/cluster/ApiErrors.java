package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * The one place that turns API failures into svcalias's exit codes, used by every call of the cluster layer:
 * unreachable, unauthenticated and forbidden (naming the verb, resource and namespace) are exit 4 (unreachable as
 * {@link ApiUnreachableException}, so a writer can re-read whether its write landed); a 409 on a write is a
 * {@link ConflictException} for the caller to retry; a 409 on a read, an answer that is not a Kubernetes object, a
 * 404 that reaches here (call sites that expect absence handle it before) and anything else is exit 5 with the API
 * server's own message on one line.
 */
final class ApiErrors {
    static final String RBAC_DOC = "docs/rbac.md";
    /** The API server's wording, e.g. {@code User "ci-bot" cannot update resource "configmaps" in API group ""
     * in the namespace "kube-system"}. */
    private static final Pattern FORBIDDEN = Pattern.compile("User \"([^\"]*)\" cannot (\\S+) resource \"([^\"]+)\""
            + "(?: in API group \"([^\"]*)\")?(?: in the namespace \"([^\"]+)\")?");
    /** Calls named by a writing verb; a 409 on anything else (a read) is not a conflict to retry. */
    private static final Pattern WRITE = Pattern.compile("(create|update|patch|delete|replace|write) ");
    private final String server;

    ApiErrors(String server) {
        this.server = server;
    }

    /** Runs one API call; {@code what} ("update configmap kube-system/coredns") only shows when the server's own
     * message cannot be parsed. */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw translate(what, e);
        }
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    static boolean isNotFound(KubernetesClientException e) {
        return e.getCode() == 404;
    }

    RuntimeException translate(String what, KubernetesClientException e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof SvcaliasException login) {
                return login; // the login failed on the way (an exec plugin, a token file): its own message
            }
        }
        return translate(what, e.getCode(), e.getStatus() != null ? e.getStatus().getMessage() : null, e);
    }

    /** @param statusMessage the message of the API server's Status answer, null when none came */
    private RuntimeException translate(String what, int code, String statusMessage, RuntimeException e) {
        if (code == 409 && WRITE.matcher(what).lookingAt()) {
            return new ConflictException(what.replaceFirst("^(create|update|patch|delete) ", ""), e);
        }
        if (code == 401) {
            return new SvcaliasException(ExitCode.CLUSTER_ACCESS, "unauthenticated: the API server at " + server
                    + " rejected the credentials of this kube context (HTTP 401)",
                    "log in again to refresh the credentials, or pick another context with --context", e);
        }
        if (code == 403) {
            return forbidden(what, statusMessage, e);
        }
        Throwable network = networkCause(e);
        if (code < 100 && network != null) {
            return new ApiUnreachableException("cannot reach the Kubernetes API server at "
                    + server + ": " + describe(network), "check that the cluster is running and that --kubeconfig"
                    + "/--context point at it (kubectl cluster-info)", e);
        }
        if (code < 100 && unreadable(e)) {
            // e.g. a proxy's or login page's HTML with status 200: the cluster's answer, not svcalias's bug
            return new SvcaliasException(ExitCode.CLUSTER_STATE, what + " failed: the API server at " + server
                    + " answered with a body that is not a Kubernetes object (" + oneLine(rootMessage(e)) + ")",
                    "check that --kubeconfig/--context point at the API server itself, not a proxy or a login page "
                            + "(kubectl get --raw /version), then run the command again", e);
        }
        if (code < 100) {
            return new SvcaliasException(ExitCode.INTERNAL, what + " failed: " + oneLine(rootMessage(e)),
                    "rerun with --verbose and report it", e);
        }
        return new SvcaliasException(ExitCode.CLUSTER_STATE, what + " failed (HTTP " + code + "): "
                + oneLine(serverMessage(statusMessage, e)), code >= 500 ? "the API server failed; retry, or check its health"
                : code == 409 ? "the API server refused a read with a conflict; run the command again, and check the"
                + " API server and any proxy in front of it if it persists" : "rerun with --verbose for details", e);
    }

    private static SvcaliasException forbidden(String what, String statusMessage, RuntimeException e) {
        String text = serverMessage(statusMessage, e);
        Matcher m = FORBIDDEN.matcher(text);
        if (!m.find()) {
            return new SvcaliasException(ExitCode.CLUSTER_ACCESS, "forbidden: " + what + ": " + oneLine(text),
                    "see " + RBAC_DOC + " for the permissions svcalias needs", e);
        }
        String user = m.group(1);
        String verb = m.group(2);
        String resource = m.group(4) == null || m.group(4).isEmpty() ? m.group(3) : m.group(3) + "." + m.group(4);
        String namespace = m.group(5);
        return new SvcaliasException(ExitCode.CLUSTER_ACCESS, "forbidden: cannot " + verb + " " + resource + " "
                + (namespace == null ? "cluster-wide" : "in namespace " + namespace) + " (user \"" + user + "\")",
                "grant \"" + verb + "\" on \"" + resource + "\" " + (namespace == null ? "cluster-wide" : "in "
                        + namespace) + "; see " + RBAC_DOC, e);
    }

    private static String serverMessage(String statusMessage, RuntimeException e) {
        return statusMessage != null ? statusMessage : rootMessage(e);
    }

    /** An answer the client could not parse (Jackson 3 or 2 in the cause chain). */
    private static boolean unreadable(Throwable e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("tools.jackson.") || name.startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable networkCause(Throwable e) {
        Throwable io = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException
                    || t instanceof UnknownHostException || t instanceof HttpTimeoutException || t instanceof InterruptedIOException
                    || t instanceof SSLException) {
                return t;
            }
            if (io == null && t instanceof IOException) {
                io = t;
            }
        }
        return io;
    }

    private static String describe(Throwable t) {
        String m = t.getMessage() == null || t.getMessage().isBlank() ? null : oneLine(t.getMessage());
        if (t instanceof ConnectException || t instanceof ClosedChannelException) {
            return m == null ? "connection refused" : m;
        }
        if (t instanceof UnknownHostException) {
            return "unknown host" + (m == null ? "" : " " + m);
        }
        if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException) {
            return "timed out" + (m == null ? "" : " (" + m + ")");
        }
        if (t instanceof SSLException) {
            return "TLS handshake failed" + (m == null ? "" : ": " + m);
        }
        return m == null ? t.getClass().getSimpleName() : m;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
