package dev.svcalias.app.usecase;

import dev.svcalias.app.probe.DnsProbe;
import dev.svcalias.app.zone.ClusterLayout;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * init --wait and alias add --wait: after a successful write, the check verify --wait runs (the chain, then each
 * alias's A and AAAA through kube-dns and at every CoreDNS replica), repeated until it passes or {@code timeout}
 * runs out. A failure is returned, not thrown, so the command still prints what it wrote; its message says that
 * the write succeeded and how to undo it. Exit codes are verify's: 3 when it never resolved, 4 or 5 when it could
 * not be checked (the probe pod could not start, the API refused).
 */
public final class EffectWait {
    private final DnsProbe probe;
    private final Duration timeout;
    private final Duration interval;
    private final Consumer<VerifyResult> onRetry;

    /** @param onRetry told about each failed round (the progress line on a terminal) */
    public EffectWait(DnsProbe probe, Duration timeout, Duration interval, Consumer<VerifyResult> onRetry) {
        this.probe = probe;
        this.timeout = timeout;
        this.interval = interval;
        this.onRetry = onRetry;
    }

    /**
     * Waits until the zone's aliases resolve at every CoreDNS replica, or the timeout runs out.
     *
     * @param names  the aliases to wait for (empty: every alias of the zone)
     * @param what   what was written, as a clause ("alias my-fruits.internal was created")
     * @param undo   the command that undoes the write
     * @return empty when every replica answers as intended, else the error the command ends with
     */
    Optional<SvcaliasException> await(Cluster cluster, ClusterLayout layout, String domain, List<String> names,
                                      String what, String undo) {
        VerifyRequest request = new VerifyRequest(names, domain, true, timeout, interval, layout);
        try {
            VerifyResult result = new VerifyUseCase(cluster, probe).run(request, onRetry);
            if (result.passed()) {
                return Optional.empty();
            }
            return Optional.of(new SvcaliasException(ExitCode.VERIFY_FAILED, what + ", but did not "
                    + "take effect within " + timeout.toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ": " + reasons(result),
                    "keep waiting with 'svcalias verify --wait --domain " + domain + String.join("", names.stream()
                            .map(n -> " " + n).toList()) + "', or undo the write with '" + undo + "'"));
        } catch (SvcaliasException e) {
            return Optional.of(new SvcaliasException(e.exitCode(), what + ", but could not be "
                    + "verified: " + e.getMessage(), (e.hint().isEmpty() ? "" : e.hint() + "; ")
                    + "undo the write with '" + undo + "'", e));
        }
    }

    private static String reasons(VerifyResult result) {
        List<String> reasons = result.checks().stream().filter(c -> !c.passed())
                .map(c -> c.host() + ": " + c.diagnosis()).toList();
        return String.join("; ", reasons.isEmpty() ? result.chainProblems() : reasons);
    }
}
