package dev.svcalias.app.usecase;

import java.util.List;

/**
 * Per-alias verdicts of verify, plus the chain problems found in the Corefiles; with --meshed (istio mode) also the
 * verdicts of the same queries through the mesh's DNS proxy ({@code meshedNameserver} empty when not asked).
 */
public record VerifyResult(String domain, String nameserver, List<String> chainProblems, List<AliasCheck> checks,
                           String meshedNameserver, List<AliasCheck> meshedChecks) {
    public VerifyResult(String domain, String nameserver, List<String> chainProblems, List<AliasCheck> checks) {
        this(domain, nameserver, chainProblems, checks, "", List.of());
    }

    /** Passes when every alias resolves as expected; with no aliases, when the chain itself is intact. */
    public boolean passed() {
        return (checks.isEmpty() ? chainProblems.isEmpty() : checks.stream().allMatch(AliasCheck::passed))
                && meshedChecks.stream().allMatch(AliasCheck::passed);
    }

    public long failing() {
        return checks.stream().filter(c -> !c.passed()).count()
                + meshedChecks.stream().filter(c -> !c.passed()).count();
    }
}
