package dev.svcalias.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Debian's containerd with a config of its own: its root, state, sockets and CNI config all under {@code dir}, the
 * CRI plugin's sandbox image our pause image, and {@code restrict_oom_score_adj} (runc cannot set a negative OOM
 * score without CAP_SYS_RESOURCE, which this machine kind lacks). Images are imported from local tarballs.
 */
final class Containerd implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/containerd");
    static final String PAUSE_IMAGE = "svcalias-testbed/pause:1";
    final Path socket;
    private final LocalProcess process;

    Containerd(Path dir, Path cniConfDir, NodeLeftovers leftovers) {
        Path home = LocalApiServer.mkdir(dir.resolve("containerd"));
        this.socket = home.resolve("containerd.sock");
        Path config = write(home.resolve("config.toml"), """
                version = 2
                root = "%1$s/root"
                state = "%1$s/state"
                disabled_plugins = ["io.containerd.snapshotter.v1.btrfs", "io.containerd.snapshotter.v1.zfs",
                  "io.containerd.snapshotter.v1.devmapper", "io.containerd.snapshotter.v1.aufs"]
                [grpc]
                  address = "%2$s"
                [ttrpc]
                  address = "%2$s.ttrpc"
                [plugins."io.containerd.internal.v1.opt"]
                  path = "%1$s/opt"
                [plugins."io.containerd.grpc.v1.cri"]
                  sandbox_image = "%3$s"
                  restrict_oom_score_adj = true
                  netns_mounts_under_state_dir = true
                  [plugins."io.containerd.grpc.v1.cri".containerd]
                    snapshotter = "overlayfs"
                    default_runtime_name = "runc"
                    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
                      runtime_type = "io.containerd.runc.v2"
                      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
                        Root = "%1$s/runc"
                  [plugins."io.containerd.grpc.v1.cri".cni]
                    bin_dir = "/usr/lib/cni"
                    conf_dir = "%4$s"
                """.formatted(home, socket, PAUSE_IMAGE, cniConfDir));
        this.process = new LocalProcess("containerd", List.of(BINARY.toString(), "--config", config.toString()),
                dir.resolve("containerd.log"));
        leftovers.recordProcess(process.handle(), BINARY);
        awaitSocket();
    }

    private void awaitSocket() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new IllegalStateException("containerd exited:\n" + process.logTail());
            }
            if (Files.exists(socket) && ctr("version").ok()) {
                return;
            }
            LocalApiServer.sleep(200);
        }
        throw new IllegalStateException("containerd did not answer within 30s:\n" + process.logTail());
    }

    /** Imports an image tarball into the namespace the CRI plugin uses. */
    void importImage(Path tarball) {
        HostCommand r = ctr("images", "import", tarball.toString());
        if (!r.ok()) {
            throw new IllegalStateException("ctr images import " + tarball + ": " + r.output());
        }
    }

    HostCommand ctr(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("ctr", "--address", socket.toString(), "-n",
                "k8s.io"));
        command.addAll(List.of(args));
        return HostCommand.run(command.toArray(String[]::new));
    }

    String logTail() {
        return process.logTail();
    }

    static Path write(Path file, String text) {
        try {
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
