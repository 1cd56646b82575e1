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

/**
 * fabric8's JDK HTTP client factory with svcalias's connection settings: after fabric8 configured a client, its TLS
 * context is replaced by the login's ({@link ClusterTls}: kubectl's trust rules, no key store), the TLS server name
 * set to tls-server-name, and the proxy set as kubectl chooses it ({@link ProxyChoice}). Every JDK client built is
 * tracked for a full stop, and bounded so that its request timeout covers the body ({@link BodyDeadlineHttpClient}).
 */
final class TrackingJdkHttpClientFactory extends JdkHttpClientFactory {
    private final JdkHttpClients clients;
    private final Login login;

    TrackingJdkHttpClientFactory(JdkHttpClients clients, Login login) {
        this.clients = clients;
        this.login = login;
    }

    @Override
    public io.fabric8.kubernetes.client.http.HttpClient.Builder newBuilder(io.fabric8.kubernetes.client.Config config) {
        return super.newBuilder(config).addOrReplaceInterceptor("svcalias-not-kubernetes",
                new NotKubernetesCheck(login.serverShown()));
    }

    @Override
    protected void additionalConfig(HttpClient.Builder builder) {
        builder.sslContext(login.tls());
        if (login.serverName() != null && !login.serverName().matches("[0-9.]+|.*:.*")) {
            SSLParameters parameters = login.tls().getDefaultSSLParameters();
            parameters.setServerNames(java.util.List.of(new javax.net.ssl.SNIHostName(login.serverName())));
            builder.sslParameters(parameters);
        }
        builder.proxy(login.proxy().selector());
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
            return new BodyDeadlineHttpClient(clients.track(delegate.build()));
        }
    }
}
