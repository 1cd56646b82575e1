package dev.svcalias.realit;

import dev.svcalias.dns.DnsAnswer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a DNS query every 50 ms until it answers as wanted (or 60 s pass), and says how long that took. */
record Until(DnsAnswer answer, long millis) {
    static Until answered(Supplier<DnsAnswer> query, Predicate<DnsAnswer> wanted) {
        long start = System.nanoTime();
        DnsAnswer last = query.get();
        while (!wanted.test(last) && System.nanoTime() - start < 60_000_000_000L) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = query.get();
        }
        return new Until(last, (System.nanoTime() - start) / 1_000_000);
    }

    /** Measured figures go to stdout, one line each, so the build log keeps them. */
    static void figure(String what, long millis) {
        System.out.println("[figure] " + what + ": " + millis + " ms");
    }
}
