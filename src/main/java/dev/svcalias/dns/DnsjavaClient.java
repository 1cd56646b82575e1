package dev.svcalias.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** {@link DnsClient} on dnsjava: one UDP query (TCP on truncation), no search list, no caching. */
public final class DnsjavaClient implements DnsClient {
    private final Duration timeout;

    public DnsjavaClient() {
        this(Duration.ofSeconds(3));
    }

    public DnsjavaClient(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public DnsAnswer query(String name, RecordType type, Nameserver server) {
        try {
            SimpleResolver resolver = new SimpleResolver(InetAddress.getByName(server.host()));
            resolver.setPort(server.port());
            resolver.setTimeout(timeout);
            Record question = Record.newRecord(Name.fromString(name, Name.root), typeOf(type), DClass.IN);
            Message response = resolver.send(Message.newQuery(question));
            List<String> addresses = new ArrayList<>();
            for (Record r : response.getSection(Section.ANSWER)) {
                if (r instanceof ARecord a) {
                    addresses.add(a.getAddress().getHostAddress());
                } else if (r instanceof AAAARecord aaaa) {
                    addresses.add(aaaa.getAddress().getHostAddress());
                }
            }
            return new DnsAnswer(Rcode.string(response.getRcode()), List.copyOf(addresses), null);
        } catch (TextParseException e) {
            return new DnsAnswer("FORMERR", List.of(), "'" + name + "' is not a valid DNS name");
        } catch (IOException e) {
            // the probe's address is in the diagnosis already; say only why (some exceptions carry no message)
            return DnsAnswer.timeout(e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName());
        }
    }

    private static int typeOf(RecordType type) {
        return type == RecordType.A ? Type.A : Type.AAAA;
    }
}
