package dev.svcalias.testbed;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

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

    private void awaitServing() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.alive()) {
                throw new IllegalStateException("dnsmasq exited:\n" + process.logTail());
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
        throw new IllegalStateException("dnsmasq did not answer on " + address() + ":\n" + process.logTail());
    }

    @Override
    public void close() {
        process.close();
    }
}
