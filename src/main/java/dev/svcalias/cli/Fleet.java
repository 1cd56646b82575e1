package dev.svcalias.cli;

import dev.svcalias.app.Parallel;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.error.SvcaliasException;
import java.util.Arrays;
import java.util.List;

/**
 * --context a,b,c: the same work against several clusters at once, each with its own connection. With one context
 * (or none: the current one) it is just that cluster, and its errors end the command as usual.
 */
final class Fleet {
    /** What a command does with one cluster: its printable outcome (result, summary, exit code). */
    interface Work {
        ClusterOutcome apply(String contextName, Cluster cluster);
    }

    private Fleet() {}

    static List<String> contexts(ClusterOptions options) {
        if (options.context == null) {
            return java.util.Collections.singletonList(null);
        }
        List<String> names = Arrays.stream(options.context.split(",")).map(String::trim).toList();
        if (names.stream().anyMatch(String::isEmpty) || names.stream().distinct().count() != names.size()) {
            throw SvcaliasException.usage("--context " + options.context + " has an empty or repeated name",
                    "give distinct names: --context a,b,c");
        }
        return names;
    }

    static boolean isFleet(ClusterOptions options) {
        return contexts(options).size() > 1;
    }

    /** Runs {@code work} per context in parallel; one cluster's failure is its row, not the end of the others. */
    static FleetResult run(CliContext context, ClusterOptions options, Work work) {
        return new FleetResult(Parallel.map(contexts(options), 8, name -> {
            try (Cluster c = context.connector.connect(options.kubeconfig, name)) {
                return work.apply(name, c);
            } catch (SvcaliasException e) {
                String hint = e.hint().isBlank() ? "" : "; fix: " + e.hint();
                return new ClusterOutcome(name, null, "", e.exitCode().code(), oneLine(e.getMessage() + hint));
            } catch (RuntimeException e) {
                return new ClusterOutcome(name, null, "", 1, oneLine("unexpected " + e));
            }
        }));
    }

    /** One context: the cluster's result, errors thrown as for any command. */
    static ClusterOutcome single(CliContext context, ClusterOptions options, Work work) {
        try (Cluster c = context.connector.connect(options.kubeconfig, options.context)) {
            return work.apply(options.context, c);
        }
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
