package dev.svcalias.cluster;

import io.fabric8.kubernetes.client.OAuthTokenProvider;
import java.net.URI;
import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * Everything svcalias needs to reach one API server as one user, resolved from a kubeconfig context or a pod's
 * service account: where (server, proxy), whom to trust (the TLS context), who we are (token source, basic
 * credentials, the client certificate inside the TLS context) and as whom we act (impersonation).
 *
 * @param context the context's name, "in-cluster" for a pod's service account
 * @param namespace the context's namespace, null when it sets none
 * @param serverName the TLS server name to ask for (tls-server-name), null for the server's host
 * @param token the bearer token's source, null for none
 */
record Login(String context, URI server, String namespace, SSLContext tls, String serverName, ProxyChoice proxy,
        OAuthTokenProvider token, String username, String password, Impersonation impersonation) {

    /** kubeconfig's as, as-groups, as-uid and as-user-extra; null fields when not set. */
    record Impersonation(String user, List<String> groups) {
        static final Impersonation NONE = new Impersonation(null, List.of());
    }

    /** "https://host:6443" without a trailing slash, for messages. */
    String serverShown() {
        String s = server.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
