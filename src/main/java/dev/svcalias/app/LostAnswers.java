package dev.svcalias.app;

import dev.svcalias.cluster.ApiUnreachableException;
import dev.svcalias.cluster.Cluster;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.ServiceEntryRecord;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one place that decides what a write did when its answer was lost. A connection reset or a timeout after
 * the request went out says nothing about the write (the API server may have stored it), so the object is read
 * again: what svcalias wrote is there = done, and the write's result is what was read; as before = not done,
 * and the original error stands; anything else = an error naming what the object now holds.
 */
final class LostAnswers {
    private final Cluster cluster;

    LostAnswers(Cluster cluster) {
        this.cluster = cluster;
    }

    /** What a re-read after a lost answer found: the write's result, "as before", or what else is there. */
    private record Found<T>(T landed, boolean asBefore, String other) {
        static <T> Found<T> landed(T value) {
            return new Found<>(value, false, null);
        }

        static <T> Found<T> unchanged() {
            return new Found<>(null, true, null);
        }

        static <T> Found<T> other(String what) {
            return new Found<>(null, false, what);
        }
    }

    CorefileSnapshot corefile(CorefileSnapshot read, String after, boolean dropBackup, String target) {
        return write(target, () -> cluster.corefiles().write(read, after, dropBackup), () -> {
            Optional<CorefileSnapshot> now = cluster.corefiles().read(read.ref());
            if (now.isEmpty()) {
                return Found.other("is gone (deleted by someone else)");
            }
            CorefileSnapshot s = now.get();
            if (s.corefile().equals(after) && s.backup().isEmpty() == dropBackup) {
                return Found.landed(s);
            }
            if (s.resourceVersion().equals(read.resourceVersion())) {
                return Found.unchanged();
            }
            return Found.other("holds a Corefile svcalias did not write (changed by someone else meanwhile)");
        });
    }

    /** Creates ({@code previous} null) or replaces a ServiceEntry. */
    ServiceEntryRecord putEntry(Map<String, Object> manifest, ServiceEntryRecord previous, String target) {
        return write(target, () -> cluster.serviceEntries().apply(manifest, previous == null ? null
                : previous.resourceVersion()), () -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> meta = (Map<String, Object>) manifest.get("metadata");
            Optional<ServiceEntryRecord> now = entry((String) meta.get("namespace"), (String) meta.get("name"));
            if (now.isPresent() && ServiceEntryAliases.sameObject(now.get(), manifest)) {
                return Found.landed(now.get());
            }
            if (previous == null ? now.isEmpty()
                    : now.isPresent() && now.get().resourceVersion().equals(previous.resourceVersion())) {
                return Found.unchanged();
            }
            return Found.other(now.isEmpty() ? "is gone (deleted by someone else)"
                    : "holds a spec svcalias did not write (changed by someone else meanwhile)");
        });
    }

    /** Deletes a ServiceEntry conditionally on the resourceVersion read. */
    void deleteEntry(ServiceEntryRecord gone, String target) {
        write(target, () -> {
            if (gone.resourceVersion() == null) {
                cluster.serviceEntries().delete(gone.namespace(), gone.name());
            } else {
                cluster.serviceEntries().delete(gone.namespace(), gone.name(), gone.resourceVersion());
            }
            return Boolean.TRUE;
        }, () -> {
            Optional<ServiceEntryRecord> now = entry(gone.namespace(), gone.name());
            if (now.isEmpty()) {
                return Found.landed(Boolean.TRUE);
            }
            return now.get().resourceVersion().equals(gone.resourceVersion()) ? Found.unchanged()
                    : Found.other("was changed by someone else meanwhile and is still there");
        });
    }

    private Optional<ServiceEntryRecord> entry(String namespace, String name) {
        return cluster.serviceEntries().listAll().stream().filter(e -> e.namespace().equals(namespace)
                && e.name().equals(name)).findFirst();
    }

    private static <T> T write(String target, Supplier<T> write, Supplier<Found<T>> reread) {
        try {
            return write.get();
        } catch (ApiUnreachableException lost) {
            Found<T> found;
            try {
                found = reread.get();
            } catch (RuntimeException again) {
                throw new ApiUnreachableException(lost.getMessage() + "; whether the write of " + target
                        + " landed is unknown (reading it back failed too)", "check " + target + " with kubectl,"
                        + " then run the command again", lost);
            }
            if (found.landed() != null) {
                return found.landed();
            }
            if (found.asBefore()) {
                throw lost;
            }
            throw new SvcaliasException(ExitCode.CLUSTER_STATE, "the answer to the write of " + target + " was "
                    + "lost (" + lost.getMessage() + "), and " + target + " now " + found.other(), "check " + target
                    + " with kubectl, then run the command again", lost);
        }
    }
}
