package dev.svcalias.testbed;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A free port on 127.0.0.1, free for TCP and UDP (CoreDNS binds both).
 *
 * <p>Ports come from below the kernel's ephemeral range: a port from {@code bind(0)} is closed before the server
 * binds it, and in that gap any outgoing connection could take it as its source port (a CI run lost etcd that way:
 * "bind: address already in use"). Below the range only deliberate listeners compete, and this JVM never hands out
 * the same port twice.
 */
final class FreePorts {
    private static final int LOWEST = 10_000;
    private static final int EPHEMERAL_LOW = ephemeralLow();
    private static final AtomicInteger NEXT =
            new AtomicInteger(LOWEST + ThreadLocalRandom.current().nextInt(EPHEMERAL_LOW - LOWEST));

    private FreePorts() {}

    static int next() {
        int span = EPHEMERAL_LOW - LOWEST;
        for (int tries = 0; tries < span; tries++) {
            int port = LOWEST + Math.floorMod(NEXT.getAndIncrement() - LOWEST, span);
            if (free(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 below " + EPHEMERAL_LOW);
    }

    static boolean free(int port) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket tcp = new ServerSocket(port, 1, loopback);
                DatagramSocket udp = new DatagramSocket(new InetSocketAddress(loopback, port))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Linux's net.ipv4.ip_local_port_range lower bound; 32768 (its default) elsewhere. */
    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int low = Integer.parseInt(range.split("\\s+")[0]);
            return low > LOWEST + 1000 ? low : 32_768;
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }
}
