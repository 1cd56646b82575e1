package dev.svcalias.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.svcalias.error.SvcaliasException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kubectl's (Go's) proxy choice: proxy-url always; HTTPS_PROXY unless NO_PROXY matches or the host is loopback. */
class ProxyChoiceTest {
    private static final URI SERVER = URI.create("https://kube.example.com:6443");

    private static String shown(String proxyUrl, URI server, Map<String, String> env) {
        return ProxyChoice.of(proxyUrl, server, env::get, "c").shown();
    }

    @Test
    void proxyUrlWinsAndGoesForEveryHost() {
        assertThat(shown("http://10.0.0.9:3128", URI.create("https://127.0.0.1:6443"), Map.of("NO_PROXY", "*")))
                .isEqualTo("http://10.0.0.9:3128 (proxy-url of cluster \"c\")");
    }

    @Test
    void httpsProxyUnlessNoProxyMatchesOrTheHostIsLoopback() {
        Map<String, String> proxy = Map.of("HTTPS_PROXY", "http://10.0.0.9:3128");
        assertThat(shown(null, SERVER, proxy)).isEqualTo("http://10.0.0.9:3128 ($HTTPS_PROXY)");
        assertThat(shown(null, SERVER, Map.of("https_proxy", "10.0.0.9:3128"))).isEqualTo(
                "http://10.0.0.9:3128 ($https_proxy)");
        for (String noProxy : new String[] {"*", "example.com", ".example.com", "kube.example.com:6443",
            "other.org, example.com"}) {
            assertThat(shown(null, SERVER, Map.of("HTTPS_PROXY", "http://10.0.0.9:3128", "NO_PROXY", noProxy)))
                    .as(noProxy).isNull();
        }
        assertThat(shown(null, SERVER, Map.of("HTTPS_PROXY", "http://10.0.0.9:3128", "no_proxy",
                "kube.example.com:443"))).isNotNull();
        assertThat(shown(null, URI.create("https://10.1.2.3:6443"), Map.of("HTTPS_PROXY", "http://p:1",
                "NO_PROXY", "10.0.0.0/8"))).isNull();
        assertThat(shown(null, URI.create("https://127.0.0.1:6443"), proxy)).isNull();
        assertThat(shown(null, URI.create("https://localhost:6443"), proxy)).isNull();
        assertThat(shown(null, URI.create("http://kube.example.com:8080"), proxy)).isNull(); // HTTP_PROXY's job
    }

    @Test
    void proxiesTheJdkClientCannotUseAreRefused() {
        assertThatThrownBy(() -> shown("socks5://10.0.0.9:1080", SERVER, Map.of()))
                .isInstanceOf(SvcaliasException.class).hasMessageContaining("socks5");
        assertThatThrownBy(() -> shown("http://me:secret@10.0.0.9:3128", SERVER, Map.of()))
                .isInstanceOf(SvcaliasException.class).hasMessageNotContaining("secret");
    }
}
