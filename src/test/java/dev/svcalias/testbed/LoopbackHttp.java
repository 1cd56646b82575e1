package dev.svcalias.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Plain HTTP GETs to a testbed server's loopback debug port (istiod, the Istio DNS proxy). */
final class LoopbackHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LoopbackHttp() {}

    /** GET http://ADDRESS/PATH; an I/O failure (nothing listening yet) is an UncheckedIOException. */
    static HttpResponse<String> get(String address, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(address + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JSON body of a 200 answer as maps, lists, strings, numbers and booleans (read with SnakeYAML: JSON is
     * YAML); anything but 200 fails with the status and body.
     */
    static Object json(String address, String path) {
        HttpResponse<String> r = get(address, path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + address + path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(64 * 1024 * 1024);
        return new Yaml(options).load(r.body());
    }

    /** Whether GET ADDRESS/PATH answers 200 (false while nothing listens). */
    static boolean ok(String address, String path) {
        try {
            return get(address, path).statusCode() == 200;
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    /**
     * Polls {@code ready} every 300 ms until it holds; fails with {@code what} and the log tail when the process
     * exits or {@code seconds} pass.
     */
    static void await(LocalProcess process, String what, int seconds, BooleanSupplier ready) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited:\n" + process.logTail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            LocalApiServer.sleep(300);
        }
        throw new IllegalStateException(what + " after " + seconds + "s:\n" + process.logTail());
    }
}
