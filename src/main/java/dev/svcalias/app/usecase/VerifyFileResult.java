package dev.svcalias.app.usecase;

import java.util.List;

/** verify -f: per alias, drift from the file and the DNS answers; passes when nothing drifted and all resolve. */
public record VerifyFileResult(String cluster, String nameserver, List<String> chainProblems,
                               List<DriftCheck> checks) {
    public boolean passed() {
        return chainProblems.isEmpty() && checks.stream().allMatch(DriftCheck::passed);
    }

    public String summary() {
        long drifted = checks.stream().filter(c -> !c.drift().equals("in sync")).count();
        long failing = checks.stream().filter(c -> !c.passed()).count();
        return checks.size() + " aliases, " + drifted + " drifted, " + failing + " failing"
                + (chainProblems.isEmpty() ? "" : ", " + chainProblems.size() + " chain problems");
    }
}
