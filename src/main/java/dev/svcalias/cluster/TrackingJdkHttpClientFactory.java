package dev.svcalias.cluster;

import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/** fabric8's JDK HTTP client factory, unchanged except that every JDK client it builds is tracked for a full stop. */
final class TrackingJdkHttpClientFactory extends JdkHttpClientFactory {
    private final JdkHttpClients clients;

    TrackingJdkHttpClientFactory(JdkHttpClients clients) {
        this.clients = clients;
    }

    @Override
    protected HttpClient.Builder createNewHttpClientBuilder() {
        return new Tracking(super.createNewHttpClientBuilder(), clients);
    }

    /** Delegates every setting; records what it builds. */
    private record Tracking(HttpClient.Builder delegate, JdkHttpClients clients) implements HttpClient.Builder {
        @Override
        public HttpClient.Builder cookieHandler(CookieHandler handler) {
            delegate.cookieHandler(handler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext context) {
            delegate.sslContext(context);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters parameters) {
            delegate.sslParameters(parameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector selector) {
            delegate.proxy(selector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return clients.track(delegate.build());
        }
    }
}
