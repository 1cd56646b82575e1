package dev.svcalias.dns;

/** Sends one DNS query to one server. */
public interface DnsClient {
    DnsAnswer query(String name, RecordType type, Nameserver server);
}
