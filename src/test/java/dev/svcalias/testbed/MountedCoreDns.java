package dev.svcalias.testbed;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A real CoreDNS whose config comes from ConfigMap volumes as a pod mounts them: the main ConfigMap's keys as
 * files of {@code /etc/coredns} (the Corefile among them) and further ConfigMaps as subdirectories (AKS and k3s
 * mount coredns-custom, optional, at {@code /etc/coredns/custom}). Here {@code /etc/coredns} is a temp dir, so
 * absolute paths into it (k3s's {@code import /etc/coredns/custom/*.server}) are pointed there, the only change
 * besides {@link ClusterIpTranslation} (applied to the Corefile and each {@code *.server} file) and
 * {@code fill} (what a pod's own setup does first, e.g. node-cache filling its {@code __PILLAR__} placeholders).
 * A thread copies changes every 300 ms (kubelet: about a minute); CoreDNS's reload picks them up.
 */
public final class MountedCoreDns implements AutoCloseable {
    /** A ConfigMap mounted at {@code subdir} of /etc/coredns ("" for /etc/coredns itself). */
    public record Volume(String namespace, String configMap, String subdir) {}

    private final Path etc;
    private final List<Volume> volumes;
    private final KubernetesClient client;
    private final ClusterIpTranslation translation;
    private final UnaryOperator<String> fill;
    private final Map<Path, String> written = new HashMap<>();
    private final CoreDnsProcess process;
    public final int port;

    MountedCoreDns(String name, Path dir, KubernetesClient client, List<Volume> volumes, int port,
                   ClusterIpTranslation translation, UnaryOperator<String> fill) {
        this.etc = dir.resolve(name + "-etc-coredns");
        this.volumes = List.copyOf(volumes);
        this.client = client;
        this.translation = translation;
        this.fill = fill;
        this.port = port;
        this.process = new CoreDnsProcess(name, Testbed.coredns(), Testbed.COREDNS_VERSION, dir, etc.resolve("Corefile"), port,
                this::sync);
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    /** The file CoreDNS reads at {@code relative} (e.g. "custom/svcalias-internal.server"), or null. */
    public String file(String relative) {
        try {
            Path p = etc.resolve(relative);
            return Files.exists(p) ? Files.readString(p) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail() {
        return process.logTail();
    }

    private synchronized void sync() {
        for (Volume v : volumes) {
            Path target = v.subdir().isEmpty() ? etc : etc.resolve(v.subdir());
            ConfigMap cm = client.configMaps().inNamespace(v.namespace()).withName(v.configMap()).get();
            Map<String, String> data = cm == null || cm.getData() == null ? Map.of() : cm.getData();
            try {
                Files.createDirectories(target);
                try (Stream<Path> files = Files.list(target)) { // keys that went away (optional: true volumes)
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        if (!data.containsKey(f.getFileName().toString())) {
                            Files.delete(f);
                            written.remove(f);
                        }
                    }
                }
                for (Map.Entry<String, String> e : data.entrySet()) {
                    write(target.resolve(e.getKey()), materialise(e.getKey(), e.getValue()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String materialise(String key, String text) {
        if (key.equals("Corefile")) {
            return translation.materialise(fill.apply(text).replace("/etc/coredns/", etc + "/"));
        }
        return key.endsWith(".server") ? translation.materialise(text) : text;
    }

    private void write(Path file, String text) throws IOException {
        if (!text.equals(written.get(file))) {
            Files.writeString(file, text);
            written.put(file, text);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
