package dev.svcalias.cluster;

import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.concurrent.CompletableFuture;

/**
 * Tells a server that is not a Kubernetes API apart from a missing object: every API server serves the core group
 * (/api/v1) and answers a 404 there with a JSON Status, while a web server at a wrong URL (a path, a port of another
 * service) answers with a page. Without this, fabric8 reads such a 404 as "not found" and a wrong server URL looks
 * like an empty cluster. Only core-group requests are judged: a group that is not installed (/apis/GROUP/...) gets
 * a plain-text "404 page not found" from a real API server. A 404 without a content type (fabric8's mock server)
 * is left as "not found".
 */
final class NotKubernetesCheck implements Interceptor {
    private final String server;

    NotKubernetesCheck(String server) {
        this.server = server;
    }

    /** Fails the request (fabric8 ignores exceptions of {@code after}); else lets the 404 through, not retried. */
    @Override
    public CompletableFuture<Boolean> afterFailure(BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
        HttpRequest request = response.request();
        if (response.code() != 404 || !request.uri().getRawPath().contains("/api/v1/")) {
            return CompletableFuture.completedFuture(false);
        }
        String type = response.header("Content-Type");
        if (type != null && !type.startsWith("application/json")) {
            return CompletableFuture.failedFuture(new SvcaliasException(ExitCode.CLUSTER_ACCESS, "the server at " + server + " is not a Kubernetes "
                    + "API server: GET " + request.uri().getRawPath() + " answered 404 with " + type
                    + ", not a Kubernetes Status",
                    "check the server URL of the kube context (kubectl config view --minify): it must be the API "
                            + "server's address, e.g. https://HOST:6443, without a path"));
        }
        return CompletableFuture.completedFuture(false);
    }
}
