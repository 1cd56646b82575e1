package dev.svcalias.app.write;

import dev.svcalias.app.write.LostAnswers.Found;
import dev.svcalias.cluster.DnsOperator;
import dev.svcalias.cluster.OperatorDnsSnapshot;
import dev.svcalias.cluster.OperatorServer;
import java.util.Optional;

/** OpenShift's DNS operator servers, read back after a lost answer: the entry as written = done. */
final class LostAnswerDnsOperator implements DnsOperator {
    private final DnsOperator operator;

    LostAnswerDnsOperator(DnsOperator operator) {
        this.operator = operator;
    }

    @Override
    public Optional<OperatorDnsSnapshot> read(String name) {
        return operator.read(name);
    }

    @Override
    public OperatorDnsSnapshot write(OperatorDnsSnapshot read, String serverName, Optional<OperatorServer> server) {
        String target = "dns.operator.openshift.io/" + read.name();
        return LostAnswers.write(target, () -> operator.write(read, serverName, server), () -> {
            Optional<OperatorDnsSnapshot> now = operator.read(read.name());
            if (now.isEmpty()) {
                return Found.goneOrChanged(true);
            }
            if (now.get().server(serverName).equals(server)) {
                return Found.landed(now.get());
            }
            return now.get().resourceVersion().equals(read.resourceVersion()) ? Found.unchanged()
                    : Found.goneOrChanged(false);
        });
    }
}
