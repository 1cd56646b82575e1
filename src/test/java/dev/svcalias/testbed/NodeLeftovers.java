package dev.svcalias.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Removes what a {@link Node} made on this machine, when it stops and, after a crash, when the next one starts:
 * its processes (by the PIDs it recorded, checked against their executable), the containerd shims of its socket,
 * every process in its cgroups, its mounts, the bridge, the iptables chains that were not there before it started,
 * its cgroups, its CNI cache entries, and net.ipv4.ip_forward as it found it. Nothing it did not make is touched:
 * what it made is recorded under {@link #root} before it is made.
 */
final class NodeLeftovers {
    static final String CGROUP_ROOT = "svcalias-node";
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");
    /** libcni's result cache (containerd 1.6 cannot move it): entries of the node's pods, loopback's included. */
    private static final Path CNI_STATE = Path.of("/var/lib/cni");
    /** Where containerd 1.6 puts its shims' sockets whatever its config says. */
    private static final Path RUN_CONTAINERD = Path.of("/run/containerd");
    private static final List<String> TABLES = List.of("filter", "nat", "mangle");
    final Path root;

    NodeLeftovers(Path root) {
        this.root = root;
    }

    /** Before anything is made: the chains that exist now and ip_forward's value, kept for {@link #remove}. */
    void recordHostState() {
        write("chains-before", String.join("\n", chains("iptables")) + "\n" + String.join("\n", chains("ip6tables")));
        write("ip-forward-before", read(Path.of("/proc/sys/net/ipv4/ip_forward")).trim());
        write("run-containerd-before", String.valueOf(Files.exists(RUN_CONTAINERD)));
        write("cni-before", String.valueOf(Files.exists(CNI_STATE)));
        write("cni-results-before", String.join("\n", names(CNI_STATE.resolve("results"))));
    }

    /** A process the node started: ended by PID at clean-up, if it still runs that executable. */
    void recordProcess(ProcessHandle process, Path executable) {
        append("pids", process.pid() + " " + executable + "\n");
    }

    /** Everything the node made, if anything; safe to call when there is nothing. */
    void remove() {
        if (!Files.isDirectory(root)) {
            return;
        }
        for (String line : lines("pids")) {
            String[] f = line.split(" ", 2);
            killIfRunning(Long.parseLong(f[0]), f.length > 1 ? f[1] : "");
        }
        killShims();
        killCgroupProcesses();
        unmountUnderRoot();
        Set<String> before = new LinkedHashSet<>(lines("chains-before"));
        removeNewChains("iptables", before);
        removeNewChains("ip6tables", before);
        HostCommand.run("ip", "link", "del", NodeNetwork.BRIDGE);
        removeCgroups();
        String forward = lines("ip-forward-before").stream().findFirst().orElse("");
        if (!forward.isEmpty()) {
            HostCommand.run("sysctl", "-q", "-w", "net.ipv4.ip_forward=" + forward);
        }
        Set<String> cniBefore = new LinkedHashSet<>(lines("cni-results-before"));
        for (String entry : names(CNI_STATE.resolve("results"))) {
            if (!cniBefore.contains(entry) && Files.exists(root.resolve("cni-results-before"))) {
                delete(CNI_STATE.resolve("results").resolve(entry));
            }
        }
        if (lines("cni-before").equals(List.of("false"))) {
            delete(CNI_STATE);
        }
        if (lines("run-containerd-before").equals(List.of("false"))) {
            delete(RUN_CONTAINERD);
        }
        delete(root);
    }

    private static void killIfRunning(long pid, String executable) {
        ProcessHandle.of(pid).ifPresent(p -> {
            String exe = p.info().command().orElse("");
            if (exe.equals(executable)) {
                p.destroyForcibly();
                p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> p).join();
            }
        });
    }

    /** containerd's shims run detached (not our children): those started with this node's socket. */
    private void killShims() {
        String socket = root.resolve("containerd").resolve("containerd.sock").toString();
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains("containerd-shim")
                && c.contains(socket)).orElse(false)).forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> p).join();
                });
    }

    private static List<Path> ourCgroups() {
        List<Path> dirs = new ArrayList<>();
        try (Stream<Path> hierarchies = Files.list(CGROUPS)) {
            for (Path h : hierarchies.toList()) {
                Path ours = h.resolve(CGROUP_ROOT);
                if (Files.isDirectory(ours)) {
                    try (Stream<Path> walk = Files.walk(ours)) {
                        walk.filter(Files::isDirectory).forEach(dirs::add);
                    }
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // no cgroups here
        }
        dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        return dirs;
    }

    private static void killCgroupProcesses() {
        for (int round = 0; round < 3; round++) {
            boolean any = false;
            for (Path dir : ourCgroups()) {
                for (String pid : read(dir.resolve("cgroup.procs")).split("\\s+")) {
                    if (!pid.isBlank()) {
                        any = true;
                        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
                    }
                }
            }
            if (!any) {
                return;
            }
            LocalApiServer.sleep(500);
        }
    }

    private static void removeCgroups() {
        for (int round = 0; round < 10; round++) {
            List<Path> left = ourCgroups();
            left.forEach(d -> d.toFile().delete()); // rmdir: a cgroup directory goes when it has no tasks
            if (ourCgroups().isEmpty()) {
                return;
            }
            LocalApiServer.sleep(500);
        }
        System.err.println("[node] cgroups left behind: " + ourCgroups());
    }

    private void unmountUnderRoot() {
        String prefix = root.toString() + "/";
        List<String> mounts = new ArrayList<>();
        for (String line : read(Path.of("/proc/self/mountinfo")).split("\n")) {
            String[] f = line.split(" ");
            if (f.length > 4 && (f[4] + "/").startsWith(prefix)) {
                mounts.add(f[4].replace("\\040", " "));
            }
        }
        mounts.sort(Comparator.comparingInt(String::length).reversed());
        mounts.forEach(m -> HostCommand.run("umount", "-l", m));
    }

    private static List<String> chains(String tool) {
        List<String> names = new ArrayList<>();
        for (String table : TABLES) {
            for (String line : HostCommand.run(tool, "-w", "-t", table, "-S").output().split("\n")) {
                if (line.startsWith("-N ")) {
                    names.add(tool + " " + table + " " + line.substring(3).trim());
                }
            }
        }
        return names;
    }

    /** Chains that were not there before: first the rules of older chains that jump to them, then the chains. */
    private static void removeNewChains(String tool, Set<String> before) {
        for (String table : TABLES) {
            List<String> added = chains(tool).stream().filter(c -> c.startsWith(tool + " " + table + " "))
                    .filter(c -> !before.contains(c)).map(c -> c.substring((tool + " " + table + " ").length()))
                    .toList();
            if (added.isEmpty()) {
                continue;
            }
            for (String rule : HostCommand.run(tool, "-w", "-t", table, "-S").output().split("\n")) {
                List<String> words = IptablesRule.words(rule);
                if (words.size() > 1 && words.get(0).equals("-A") && !added.contains(words.get(1))
                        && added.stream().anyMatch(c -> words.contains(c))) {
                    List<String> delete = new ArrayList<>(List.of(tool, "-w", "-t", table, "-D"));
                    delete.addAll(words.subList(1, words.size()));
                    HostCommand.run(delete.toArray(String[]::new));
                }
            }
            added.forEach(c -> HostCommand.run(tool, "-w", "-t", table, "-F", c));
            added.forEach(c -> HostCommand.run(tool, "-w", "-t", table, "-X", c));
        }
    }

    private static void delete(Path tree) {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(tree)) {
            walk.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[node] could not delete " + tree + ": " + e.getMessage());
        }
    }

    private static List<String> names(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(e -> e.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void write(String name, String text) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String name, String text) {
        try {
            Files.createDirectories(root);
            Files.writeString(root.resolve(name), text, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> lines(String name) {
        return read(root.resolve(name)).lines().filter(l -> !l.isBlank()).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
