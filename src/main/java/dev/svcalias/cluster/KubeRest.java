package dev.svcalias.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * JSON over HTTPS to the API server with the JDK's client, for the calls on svcalias's hot path: a GET, LIST,
 * POST, PUT or DELETE, answered with the object as maps. Failures are {@link RestException}s that
 * {@link ApiErrors} turns into svcalias's messages exactly as it does fabric8's. No retries, like the fabric8 path.
 */
final class KubeRest implements AutoCloseable {
    private final RestTarget target;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String userAgent;
    private final JdkHttpClients clients = new JdkHttpClients();

    KubeRest(RestTarget target, Duration connectTimeout, Duration requestTimeout, String userAgent) {
        this.target = target;
        this.requestTimeout = requestTimeout;
        this.userAgent = userAgent;
        // HTTP/1.1 as fabric8's JDK client uses against the API server; no redirects
        this.http = clients.track(HttpClient.newBuilder().sslContext(target.ssl()).connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    String server() {
        return target.server().toString();
    }

    /** The object, or empty on 404. */
    Optional<Map<String, Object>> get(String path) {
        try {
            return Optional.of(send("GET", path, null));
        } catch (RestException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A DELETE whose 2xx answer is not read (as fabric8's delete: callers read the object back when they must know
     * it is gone); 404 is a {@link RestException} like any other failure.
     */
    void delete(String path, Map<String, Object> options) {
        exchange("DELETE", path, options);
    }

    /** Sends and returns the answer's object; any status but 2xx is a {@link RestException} with that code. */
    @SuppressWarnings("unchecked")
    Map<String, Object> send(String method, String path, Map<String, Object> body) {
        String answer = exchange(method, path, body);
        Object parsed;
        try {
            parsed = JsonReader.parse(answer);
        } catch (JsonReader.MalformedJsonException e) {
            throw new RestException(0, null, e);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new RestException(0, null, new JsonReader.MalformedJsonException("the answer is not an object"));
        }
        return (Map<String, Object>) map;
    }

    /** The body of a 2xx answer. */
    private String exchange(String method, String path, Map<String, Object> body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server() + path)).timeout(requestTimeout)
                .header("User-Agent", userAgent).header("Accept", "application/json");
        if (target.token() != null) {
            request.header("Authorization", "Bearer " + target.token());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(JsonWriter.write(body), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        // the request's own timeout stops at the headers; the whole exchange, body included, gets the same time
        CompletableFuture<HttpResponse<String>> answer = http.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            response = answer.orTimeout(requestTimeout.toMillis(), TimeUnit.MILLISECONDS).get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                throw new RestException(0, null, new HttpTimeoutException("request timed out"));
            }
            throw new RestException(0, null, cause instanceof IOException io ? io : new IOException(cause.getMessage(),
                    cause));
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new RestException(0, null, new java.io.InterruptedIOException("interrupted"));
        }
        int code = response.statusCode();
        if (code < 200 || code > 299) {
            throw new RestException(code, statusMessage(code, response.body()), null);
        }
        return response.body();
    }

    /**
     * The message of a Kubernetes Status answer; when the body is none (a proxy's HTML page), the HTTP reason phrase
     * of the code, as fabric8 gives it ("Bad Gateway"), not the page.
     */
    private static String statusMessage(int code, String body) {
        try {
            if (JsonReader.parse(body) instanceof Map<?, ?> status && status.get("message") != null) {
                return status.get("message").toString();
            }
        } catch (JsonReader.MalformedJsonException e) {
            // not a Status
        }
        return io.fabric8.kubernetes.client.http.HttpStatusMessage.getMessageForStatus(code);
    }

    @Override
    public void close() {
        clients.shutdownNow();
    }
}
