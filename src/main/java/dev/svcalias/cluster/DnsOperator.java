package dev.svcalias.cluster;

import java.util.Optional;

/**
 * OpenShift's cluster DNS resource ({@code dns.operator.openshift.io/v1} DNS). svcalias touches one entry of
 * {@code spec.servers}, found by name, and nothing else; writes are conditional on the resourceVersion read.
 */
public interface DnsOperator {
    Optional<OperatorDnsSnapshot> read(String name);

    /**
     * Puts {@code server} in place of the entry named {@code serverName} (appended when there is none), or
     * removes that entry ({@code server} empty). Throws {@link ConflictException} when the resource changed.
     */
    OperatorDnsSnapshot write(OperatorDnsSnapshot read, String serverName, Optional<OperatorServer> server);
}
