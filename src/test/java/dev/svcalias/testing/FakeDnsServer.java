package dev.svcalias.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A UDP DNS responder on 127.0.0.1 for tests of verify --nameserver. Each question goes to {@code answer}, which
 * returns the rcode and addresses; the test decides where those come from (e.g. the mock API's ServiceEntries).
 */
public final class FakeDnsServer implements AutoCloseable {
    /** What to answer for (name without trailing dot, "A" or "AAAA"). */
    public record Reply(int rcode, List<String> addresses) {
        public static Reply nxdomain() {
            return new Reply(Rcode.NXDOMAIN, List.of());
        }

        public static Reply of(String... addresses) {
            return new Reply(Rcode.NOERROR, List.of(addresses));
        }
    }

    public record Question(String name, String type) {}

    private final DatagramSocket socket;
    private final Thread thread;
    private final Function<Question, Reply> answer;

    public FakeDnsServer(Function<Question, Reply> answer) throws SocketException {
        this.answer = answer;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "fake-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        byte[] buf = new byte[512];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buf, buf.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] out = respond(query).toWire(512);
                socket.send(new DatagramPacket(out, out.length, packet.getSocketAddress()));
            } catch (IOException | RuntimeException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private Message respond(Message query) throws IOException {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        Record q = query.getQuestion();
        response.addRecord(q, Section.QUESTION);
        String name = q.getName().toString(true);
        Reply reply = answer.apply(new Question(name, Type.string(q.getType())));
        response.getHeader().setRcode(reply.rcode());
        for (String address : reply.addresses()) {
            InetAddress ip = InetAddress.getByName(address);
            response.addRecord(q.getType() == Type.AAAA ? new AAAARecord(q.getName(), DClass.IN, 30, ip)
                    : new ARecord(q.getName(), DClass.IN, 30, ip), Section.ANSWER);
        }
        return response;
    }

    @Override
    public void close() {
        socket.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
