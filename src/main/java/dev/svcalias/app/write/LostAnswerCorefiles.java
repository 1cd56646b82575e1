package dev.svcalias.app.write;

import dev.svcalias.app.write.LostAnswers.Found;
import dev.svcalias.cluster.ConfigMapRef;
import dev.svcalias.cluster.CorefileSnapshot;
import dev.svcalias.cluster.CorefileStore;
import java.util.Optional;

/** Corefile writes read back after a lost answer: the text and the backup annotation as written = done. */
final class LostAnswerCorefiles implements CorefileStore {
    private final CorefileStore store;

    LostAnswerCorefiles(CorefileStore store) {
        this.store = store;
    }

    @Override
    public Optional<CorefileSnapshot> read(ConfigMapRef ref) {
        return store.read(ref);
    }

    @Override
    public CorefileSnapshot write(CorefileSnapshot read, String newCorefile, boolean dropBackup) {
        return LostAnswers.write(read.ref().toString(), () -> store.write(read, newCorefile, dropBackup), () -> {
            Optional<CorefileSnapshot> now = store.read(read.ref());
            if (now.isEmpty()) {
                return Found.goneOrChanged(true);
            }
            CorefileSnapshot s = now.get();
            if (s.corefile().equals(newCorefile) && s.backup().isEmpty() == dropBackup) {
                return Found.landed(s);
            }
            if (s.resourceVersion().equals(read.resourceVersion())) {
                return Found.unchanged();
            }
            return Found.other("holds a Corefile svcalias did not write (changed by someone else meanwhile)");
        });
    }
}
