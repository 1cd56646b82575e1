package dev.svcalias.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;

/** Plain DNS queries (dnsjava, UDP) to one of the testbed's loopback servers, for the testbed's own tests. */
final class Dns {
    record Answer(int rcode, List<String> addresses, long ttl) {}

    private final String host;
    private final int port;

    /** @param address 127.0.0.1:PORT */
    Dns(String address) {
        int colon = address.lastIndexOf(':');
        this.host = address.substring(0, colon);
        this.port = Integer.parseInt(address.substring(colon + 1));
    }

    Answer query(String name, int type) {
        try {
            SimpleResolver resolver = new SimpleResolver(host);
            resolver.setPort(port);
            resolver.setTimeout(Duration.ofSeconds(2));
            Message reply = resolver.send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type,
                    DClass.IN)));
            List<String> addresses = new ArrayList<>();
            long ttl = Long.MAX_VALUE;
            for (Record r : reply.getSection(Section.ANSWER)) {
                if (r instanceof ARecord a) {
                    addresses.add(a.getAddress().getHostAddress());
                }
                ttl = Math.min(ttl, r.getTTL());
            }
            return new Answer(reply.getRcode(), addresses, ttl);
        } catch (IOException e) {
            throw new UncheckedIOException(name + " via " + host + ":" + port, e);
        }
    }

    /** Queries until {@code done} holds or 30s passed (reloads, the plugin's poll); returns the last answer. */
    Answer eventually(String name, int type, Predicate<Answer> done) {
        Answer last = null;
        for (int i = 0; i < 60; i++) {
            try {
                last = query(name, type);
                if (done.test(last)) {
                    return last;
                }
            } catch (UncheckedIOException timeout) {
                // a reload in progress; try again
            }
            LocalApiServer.sleep(500);
        }
        return last != null ? last : query(name, type);
    }
}
