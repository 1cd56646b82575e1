package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that turns API failures into svcalias's exit codes: unreachable, unauthenticated and forbidden
 * (naming the verb, resource and namespace) are exit 4; a 409 is a {@link ConflictException} for the caller to
 * retry; anything else is one line with the API server's own message.
 */
final class ApiErrors {
    private static final Pattern FORBIDDEN = Pattern.compile("User \"([^\"]*)\" cannot (\\S+) resource \"([^\"]+)\""
            + "(?: in API group \"([^\"]*)\")?(?: in the namespace \"([^\"]+)\")?");
    private final String server;

    ApiErrors(String server) {
        this.server = server;
    }

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

    RuntimeException translate(String what, KubernetesClientException e) {
        int code = e.getCode();
        if (code == 409) {
            return new ConflictException(what, e);
        }
        if (code == 401) {
            return new SvcaliasException(ExitCode.CLUSTER_ACCESS, "unauthenticated: the API server at " + server
                    + " rejected svcalias's credentials", "log in again or check the user of your kube context", e);
        }
        if (code == 403) {
            return forbidden(what, e);
        }
        if (code <= 0 || e.getStatus() == null && isConnectionProblem(e)) {
            return new SvcaliasException(ExitCode.CLUSTER_ACCESS, "cannot reach the Kubernetes API server at "
                    + server + ": " + connectionProblem(e), "check that the cluster is running and --kubeconfig/--context "
                    + "point at it (kubectl cluster-info)", e);
        }
        String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : rootMessage(e);
        return new SvcaliasException(ExitCode.CLUSTER_STATE, what + " failed (HTTP " + code + "): " + message,
                "rerun with --verbose for details", e);
    }

    private static SvcaliasException forbidden(String what, KubernetesClientException e) {
        String text = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
                : String.valueOf(e.getMessage());
        Matcher m = FORBIDDEN.matcher(text);
        if (m.find()) {
            String resource = m.group(4) == null || m.group(4).isEmpty() ? m.group(3) : m.group(3) + "." + m.group(4);
            String where = m.group(5) == null ? "cluster-wide" : "in namespace " + m.group(5);
            return new SvcaliasException(ExitCode.CLUSTER_ACCESS, "forbidden: user \"" + m.group(1) + "\" cannot "
                    + m.group(2) + " " + resource + " " + where, "grant \"" + m.group(2) + "\" on \"" + resource
                    + "\" " + where + "; docs/rbac.md lists every permission svcalias needs", e);
        }
        return new SvcaliasException(ExitCode.CLUSTER_ACCESS, "forbidden: " + what + ": " + text,
                "docs/rbac.md lists every permission svcalias needs", e);
    }

    private static boolean isConnectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // ConnectException, UnknownHostException, HttpTimeoutException, ClosedChannelException...
            if (t instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /** Words for what went wrong on the wire, instead of a Java exception name. */
    private static String connectionProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof java.net.http.HttpTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return "timed out";
            }
            if (t instanceof java.net.ConnectException || t instanceof java.nio.channels.ClosedChannelException) {
                return "connection refused";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS handshake failed: " + t.getMessage();
            }
        }
        return rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage();
        return (m == null || m.isBlank() ? t.getClass().getSimpleName() : m).replaceAll("\\s+", " ");
    }
}
