package dev.svcalias.app.usecase;

import dev.svcalias.dns.DnsAnswer;

/**
 * The verdict for one alias: what A and AAAA were expected to answer, what answered, and where the chain
 * breaks, in words ({@code diagnosis} is empty when it passes).
 */
public record AliasCheck(String host, String target, String expectedA, DnsAnswer a, DnsAnswer aaaa,
                         String diagnosis) {
    public boolean passed() {
        return diagnosis.isEmpty();
    }
}
