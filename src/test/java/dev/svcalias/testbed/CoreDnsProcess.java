package dev.svcalias.testbed;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A CoreDNS process fed from a ConfigMap the way kubelet feeds a pod's ConfigMap volume: a sync thread polls
 * {@code NAMESPACE/coredns} every 300 ms (kubelet: about a minute) and writes its {@code Corefile}, through
 * {@link ClusterIpTranslation}, to the file CoreDNS was started with ({@code -conf}); CoreDNS's own
 * {@code reload} plugin picks the change up, or keeps the old config when the new one has an error, as in a pod.
 */
final class CoreDnsProcess implements AutoCloseable {
    final int port;
    private final Path corefile;
    private final LocalProcess process;
    private final Thread kubelet;
    private volatile boolean running = true;
    private final String version;

    CoreDnsProcess(String name, Path binary, String version, Path dir, KubernetesClient client, String namespace,
                   int port, ClusterIpTranslation translation) {
        this(name, binary, version, dir, dir.resolve(name + ".Corefile"), port,
                corefileOf(client, namespace, translation, dir.resolve(name + ".Corefile")));
    }

    /**
     * A CoreDNS reading {@code conf}, which {@code sync} writes: once before the start, then every 300 ms, as
     * kubelet syncs a pod's volumes ({@link MountedCoreDns} brings its own). Returns once CoreDNS answers.
     */
    CoreDnsProcess(String name, Path binary, String version, Path dir, Path conf, int port, Runnable sync) {
        this.port = port;
        this.version = version;
        this.corefile = conf;
        sync.run();
        this.process = new LocalProcess(name, List.of(binary.toString(), "-conf", corefile.toString()),
                dir.resolve(name + ".log"));
        this.kubelet = new Thread(() -> {
            while (running) {
                try {
                    sync.run();
                } catch (RuntimeException e) {
                    // the API server may be going away at teardown; the next tick retries
                }
                LocalApiServer.sleep(300);
            }
        }, "kubelet-" + name);
        kubelet.setDaemon(true);
        kubelet.start();
        awaitServing();
    }

    /** Writes {@code NAMESPACE/coredns}'s Corefile, translated, to {@code conf} when it changed. */
    private static Runnable corefileOf(KubernetesClient client, String namespace, ClusterIpTranslation translation,
                                       Path conf) {
        AtomicReference<String> last = new AtomicReference<>();
        return () -> {
            ConfigMap cm = client.configMaps().inNamespace(namespace).withName("coredns").get();
            String source = cm == null ? null : cm.getData().get("Corefile");
            if (source == null || source.equals(last.get())) {
                return;
            }
            try {
                Files.writeString(conf, translation.materialise(source));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            last.set(source);
        };
    }

    /** Waits until CoreDNS answers anything on its port. */
    private void awaitServing() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new IllegalStateException(process.name() + " exited:\n" + process.logTail());
            }
            try {
                SimpleResolver r = new SimpleResolver("127.0.0.1");
                r.setPort(port);
                r.setTimeout(Duration.ofMillis(500));
                r.send(Message.newQuery(Record.newRecord(Name.fromString("probe.invalid."), Type.A, DClass.IN)));
                return;
            } catch (IOException notYet) {
                LocalApiServer.sleep(200);
            }
        }
        throw new IllegalStateException(process.name() + " did not answer on 127.0.0.1:" + port + ":\n"
                + process.logTail());
    }

    String logTail() {
        return process.logTail();
    }

    /** The CoreDNS release this process runs, e.g. v1.6.2. */
    String version() {
        return version;
    }

    /** What CoreDNS reads now: the ConfigMap's Corefile after {@link ClusterIpTranslation}. */
    String materialised() {
        try {
            return Files.readString(corefile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        process.close();
    }
}
