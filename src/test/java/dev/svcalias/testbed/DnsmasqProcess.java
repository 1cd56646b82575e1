package dev.svcalias.testbed;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's real dnsmasq (package dnsmasq-base) on a loopback port, in the foreground, reading no config file,
 * no /etc/hosts, as kube-dns's dnsmasq container runs it, with the flags given (the Deployment's own and the
 * nanny's, see {@link DnsmasqNanny}).
 */
public final class DnsmasqProcess implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/sbin/dnsmasq");
    private final LocalProcess process;
    public final int port;

    public DnsmasqProcess(Path dir, List<String> flags) {
        this.port = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--keep-in-foreground", "--conf-file=/dev/null",
                "--no-hosts", "--port=" + port, "--listen-address=127.0.0.1", "--bind-interfaces", "--user=root",
                "--pid-file=", "--log-facility=-", "--log-queries"));
        command.addAll(flags);
        this.process = new LocalProcess("dnsmasq", command, dir.resolve("dnsmasq-" + port + ".log"));
        awaitServing();
    }

    public static boolean installed() {
        return BINARY.toFile().canExecute();
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public String logTail() {
        return process.logTail();
    }

    /** dnsmasq logs "started, version ..." once it listens (a query would only be forwarded, maybe nowhere). */
    private void awaitServing() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new IllegalStateException("dnsmasq exited:\n" + process.logTail());
            }
            if (process.logTail().contains("started, version")) {
                return;
            }
            LocalApiServer.sleep(200);
        }
        throw new IllegalStateException("dnsmasq did not start on " + address() + ":\n" + process.logTail());
    }

    @Override
    public void close() {
        process.close();
    }
}
