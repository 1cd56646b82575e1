package dev.svcalias.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLServerSocket;

/**
 * An HTTPS man in the middle between svcalias and the testbed's kube-apiserver. It serves the API server's own
 * certificate (so the kubeconfig's CA trusts it), reads each HTTP/1.1 request, forwards it with the admin client
 * certificate, and on the one request it is armed for injects a {@link Fault} instead of (or after) forwarding.
 * Requests are numbered from 0 since the last {@link #arm}/{@link #disarm}, so a test can hit request i of a
 * command.
 */
public final class FaultProxy implements AutoCloseable {
    /** What happens to the armed request. */
    public enum Fault {
        /** Not forwarded; a Status with code 500 (InternalError). */
        STATUS_500(500, "InternalError"),
        /** Not forwarded; a Status with code 409 (Conflict). */
        STATUS_409(409, "Conflict"),
        /** Not forwarded; a Status with code 403 (Forbidden), worded like the API server's RBAC denial. */
        STATUS_403(403, "Forbidden"),
        /** Not forwarded and never answered: the client's request timeout ends it. */
        HANG(0, null),
        /** Not forwarded; the connection is closed right after the request was read. */
        DROP(0, null),
        /** Forwarded (a write lands), then the connection is closed before the answer. */
        LOST_ANSWER(0, null),
        /** Not forwarded; 200 with an HTML body, as from a misconfigured proxy in the path. */
        MALFORMED_BODY(200, null);

        final int code;
        final String reason;

        Fault(int code, String reason) {
            this.code = code;
            this.reason = reason;
        }
    }

    /** One request as the proxy saw it. */
    public record Request(int index, String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Set<String> HOP_HEADERS = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "http2-settings");
    private final SSLServerSocket server;
    private final String upstream;
    private final HttpClient client;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private volatile Fault fault;
    private volatile int faultAt = -1;
    private volatile Request injected;

    FaultProxy(TlsMaterial tls, String upstream) {
        this.upstream = upstream;
        this.client = HttpClient.newBuilder().sslContext(tls.clientContext()).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        try {
            server = (SSLServerSocket) tls.serverContext().getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::acceptLoop);
    }

    public String url() {
        return "https://127.0.0.1:" + server.getLocalPort();
    }

    /** Injects {@code fault} on request {@code index} (0-based) from now on; the count starts again. */
    public void arm(Fault fault, int index) {
        this.fault = fault;
        this.faultAt = index;
        this.injected = null;
        requests.clear();
        counter.set(0);
    }

    /** Forwards everything from now on; the count starts again. */
    public void disarm() {
        arm(null, -1);
    }

    /** The requests seen since the last arm/disarm, in arrival order. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The request the fault was injected on, or null when the command never got that far. */
    public Request injected() {
        return injected;
    }

    /** A copy of {@code kubeconfig} whose server is this proxy. */
    Path kubeconfig(Path kubeconfig, String apiServerUrl) {
        try {
            String text = Files.readString(kubeconfig).replace("server: " + apiServerUrl, "server: " + url());
            Path copy = kubeconfig.resolveSibling(kubeconfig.getFileName() + "-via-fault-proxy");
            Files.writeString(copy, text);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                threads.execute(() -> serve(s));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                HttpMessage request = HttpMessage.readRequest(in);
                if (request == null) {
                    return;
                }
                Request seen = new Request(counter.getAndIncrement(), request.method(), request.target());
                requests.add(seen);
                Fault f = seen.index() == faultAt ? fault : null;
                if (f == null) {
                    forward(request).write(out);
                    continue;
                }
                injected = seen;
                switch (f) {
                    case HANG -> {
                        while (in.read() >= 0) {
                            // keep the connection open and silent until the client gives up
                        }
                        return;
                    }
                    case DROP -> {
                        socket.setSoLinger(true, 0); // a reset, as from a crashed load balancer
                        return;
                    }
                    case LOST_ANSWER -> {
                        forward(request);
                        socket.setSoLinger(true, 0);
                        return;
                    }
                    case MALFORMED_BODY -> HttpMessage.response(200, "text/html",
                            "<html><body><h1>502 Bad Gateway</h1></body></html>").write(out);
                    default -> HttpMessage.response(f.code, "application/json", status(f, seen)).write(out);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the client closed the connection, or the proxy is closing
        } finally {
            open.remove(socket);
        }
    }

    private HttpMessage forward(HttpMessage request) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + request.target()))
                .timeout(Duration.ofSeconds(60))
                .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach((name, value) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                b.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            List<String[]> headers = new ArrayList<>();
            r.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                    values.forEach(v -> headers.add(new String[] {name, v}));
                }
            });
            return new HttpMessage(null, null, headers, r.statusCode(), r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A Status as the API server writes it; the 403 names the verb and resource like an RBAC denial. */
    private static String status(Fault f, Request r) {
        String message = f == Fault.STATUS_403 ? "User \"testbed-admin\" cannot " + verb(r.method()) + " resource \""
                + resource(r.path()) + "\" (injected by the fault proxy)" : "injected by the fault proxy: " + f;
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\""
                + message.replace("\"", "\\\"") + "\",\"reason\":\"" + f.reason + "\",\"code\":" + f.code + "}";
    }

    private static String verb(String method) {
        return switch (method) {
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> "delete";
            default -> "get";
        };
    }

    private static String resource(String path) {
        int query = path.indexOf('?');
        String[] parts = (query < 0 ? path : path.substring(0, query)).split("/", -1);
        for (int i = parts.length - 1; i > 0; i--) {
            if (parts[i].matches("[a-z]+s") && !parts[i - 1].equals("namespaces")) {
                return parts[i];
            }
        }
        return parts[parts.length - 1];
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
