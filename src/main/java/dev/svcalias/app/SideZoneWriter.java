package dev.svcalias.app;

import dev.svcalias.plan.Change;
import java.util.function.UnaryOperator;

/** The modes' {@link ZoneWriter} seam, answered by the platform's {@link KubeDnsSide}. */
final class SideZoneWriter implements ZoneWriter {
    private final KubeDnsSide side;

    SideZoneWriter(KubeDnsSide side) {
        this.side = side;
    }

    @Override
    public Change write(UnaryOperator<String> edit, String summary) {
        return side.put(edit, summary);
    }

    @Override
    public String text() {
        return side.text();
    }

    @Override
    public String describe() {
        return side.describe();
    }
}
