package dev.svcalias.plan;

import dev.svcalias.cluster.OperatorServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** spec.servers as YAML-like lines for --dry-run diffs, and the list an {@link OperatorServerChange} leads to. */
final class OperatorServersText {
    private OperatorServersText() {}

    static List<OperatorServer> apply(List<OperatorServer> servers, String name, Optional<OperatorServer> entry) {
        List<OperatorServer> out = new ArrayList<>();
        boolean placed = false;
        for (OperatorServer s : servers) {
            if (s.name().equals(name)) {
                entry.ifPresent(out::add);
                placed = true;
            } else {
                out.add(s);
            }
        }
        if (!placed) {
            entry.ifPresent(out::add);
        }
        return out;
    }

    static String render(List<OperatorServer> servers) {
        StringBuilder sb = new StringBuilder();
        for (OperatorServer s : servers) {
            sb.append("- name: ").append(s.name()).append('\n');
            sb.append("  zones: [").append(String.join(", ", s.zones())).append("]\n");
            sb.append("  forwardPlugin:\n    upstreams: [").append(String.join(", ", s.upstreams())).append("]\n");
        }
        return sb.toString();
    }
}
