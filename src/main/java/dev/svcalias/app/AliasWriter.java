package dev.svcalias.app;

import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.ConflictException;
import dev.svcalias.plan.AliasStep;
import dev.svcalias.plan.AliasStep.Action;
import java.util.List;
import java.util.Map;

/**
 * Writes alias steps with bounded parallelism. Each write is conditional on what was read (create: must not exist;
 * update and delete: the resourceVersion read), so a concurrent change is a conflict for that alias, never an
 * overwrite. Every alias gets its own outcome; one failure does not stop the others, and a rerun converges.
 */
public final class AliasWriter {
    private final Cluster cluster;
    private final int parallelism;

    public AliasWriter(Cluster cluster, int parallelism) {
        this.cluster = cluster;
        this.parallelism = parallelism;
    }

    public List<AliasOutcome> write(List<AliasStep> steps) {
        return Parallel.map(steps, parallelism, this::writeOne);
    }

    private AliasOutcome writeOne(AliasStep step) {
        if (!step.writes()) {
            return new AliasOutcome(step, step.action() != Action.FAILED, step.action() == Action.FAILED
                    ? step.detail() : "unchanged");
        }
        try {
            var writes = new LostAnswers(cluster);
            String target = step.before() == null || step.moves() ? entryName(step.manifest())
                    : "serviceentry " + step.before().record().namespace() + "/" + step.before().record().name();
            switch (step.action()) {
                case CREATE -> writes.putEntry(step.manifest(), null, target);
                case UPDATE -> {
                    var old = step.before().record();
                    if (step.moves()) { // the entry lives in its target's namespace: create there, then drop the old
                        writes.putEntry(step.manifest(), null, target);
                        writes.deleteEntry(old, "serviceentry " + old.namespace() + "/" + old.name());
                    } else {
                        writes.putEntry(step.manifest(), old, target);
                    }
                }
                case DELETE -> writes.deleteEntry(step.before().record(), target);
                default -> throw new IllegalStateException(step.action().toString());
            }
            return new AliasOutcome(step, true, switch (step.action()) {
                case CREATE -> "created";
                case UPDATE -> "updated";
                default -> "deleted";
            });
        } catch (ConflictException e) {
            return new AliasOutcome(step, false, "conflict: changed by someone else since it was read; run again");
        } catch (RuntimeException e) {
            return new AliasOutcome(step, false, String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " "));
        }
    }

    @SuppressWarnings("unchecked")
    private static String entryName(Map<String, Object> manifest) {
        Map<String, Object> meta = (Map<String, Object>) manifest.get("metadata");
        return "serviceentry " + meta.get("namespace") + "/" + meta.get("name");
    }
}
