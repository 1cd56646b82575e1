package dev.svcalias.cluster;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A JDK HTTP client whose request timeout also covers the answer's body. The JDK's timeout stops once the headers
 * came, and fabric8 8.0.0 then waits on the body without end: an API server (or a proxy) that stalls after its
 * headers would hang a command. Here a body not complete by the request's timeout is cancelled and fails with an
 * {@link HttpTimeoutException}, which {@link ApiErrors} reports as a timeout. Requests without a timeout (none of
 * svcalias's) are left alone.
 */
final class BodyDeadlineHttpClient extends HttpClient {
    private final HttpClient delegate;

    BodyDeadlineHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return delegate.send(request, bounded(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(request, bounded(request, handler));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(request, bounded(request, handler), pushPromiseHandler);
    }

    private static <T> HttpResponse.BodyHandler<T> bounded(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        Optional<Duration> timeout = request.timeout();
        if (timeout.isEmpty()) {
            return handler;
        }
        long deadline = System.nanoTime() + timeout.get().toNanos();
        return info -> new Deadline<>(handler.apply(info), deadline, timeout.get());
    }

    /** Passes the body through; cancels it and fails when it is not complete by the deadline. */
    private static final class Deadline<T> implements HttpResponse.BodySubscriber<T> {
        private final HttpResponse.BodySubscriber<T> body;
        private final long deadline;
        private final Duration timeout;
        private final AtomicBoolean ended = new AtomicBoolean();

        Deadline(HttpResponse.BodySubscriber<T> body, long deadline, Duration timeout) {
            this.body = body;
            this.deadline = deadline;
            this.timeout = timeout;
        }

        @Override
        public CompletionStage<T> getBody() {
            return body.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            body.onSubscribe(subscription);
            long left = Math.max(0, deadline - System.nanoTime());
            CompletableFuture.delayedExecutor(left, TimeUnit.NANOSECONDS).execute(() -> {
                if (ended.compareAndSet(false, true)) {
                    subscription.cancel();
                    body.onError(new HttpTimeoutException("request timed out: the answer's body did not arrive "
                            + "within " + timeout.toSeconds() + "s"));
                }
            });
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
            if (!ended.get()) {
                body.onNext(item);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (ended.compareAndSet(false, true)) {
                body.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (ended.compareAndSet(false, true)) {
                body.onComplete();
            }
        }
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }
}
