package dev.svcalias.testbed;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * The machine's one real node: an exclusive lock on a file beside the node's state directory, held from
 * {@link Node#prepareHost()} to {@link Node#close()}. A second test JVM (CI, the sandbox and a developer's run on the
 * same machine) waits for it instead of removing a running node as a crash's leftovers. The operating system drops
 * the lock when its process dies, so a crashed run never blocks the next one.
 */
final class NodeLock implements AutoCloseable {
    static final Path FILE = Path.of(System.getProperty("java.io.tmpdir"), "svcalias-node.lock");
    private static final Duration WAIT = Duration.ofMinutes(30);
    private final FileChannel channel;
    private final FileLock lock;

    private NodeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static NodeLock acquire() {
        try {
            FileChannel channel = FileChannel.open(FILE, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            Instant deadline = Instant.now().plus(WAIT);
            boolean said = false;
            while (true) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new NodeLock(channel, lock);
                }
                if (Instant.now().isAfter(deadline)) {
                    channel.close();
                    throw new IllegalStateException("another process has held " + FILE + " (a running node) for "
                            + WAIT.toMinutes() + " minutes");
                }
                if (!said) {
                    System.err.println("[node] another process runs the node (" + FILE + "); waiting for it");
                    said = true;
                }
                LocalApiServer.sleep(1000);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the node's lock " + FILE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the channel, and with the process
        }
    }
}
