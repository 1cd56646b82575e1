package dev.svcalias.app.usecase;

import dev.svcalias.dns.DnsAnswer;
import dev.svcalias.plan.AliasStep;

/**
 * verify -f's verdict for one alias: how the cluster differs from the file ({@code drift}, empty when in sync),
 * what DNS answered, and why it fails ({@code problem}, empty when it passes).
 */
public record DriftCheck(AliasStep step, String expectedA, DnsAnswer a, DnsAnswer aaaa, String problem) {
    public boolean passed() {
        return problem.isEmpty();
    }

    public String drift() {
        return switch (step.action()) {
            case UNCHANGED -> "in sync";
            case CREATE -> "missing";
            case UPDATE -> "differs (" + step.detail() + ")";
            case DELETE -> "not in the file";
            case FAILED -> "cannot apply: " + step.detail();
        };
    }
}
