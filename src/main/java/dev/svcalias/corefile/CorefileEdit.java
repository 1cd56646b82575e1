package dev.svcalias.corefile;

import java.util.List;

/** An edited Corefile and what the caller should tell the user about it (e.g. a part left out for an old CoreDNS). */
public record CorefileEdit(String text, List<String> notes) {
    public CorefileEdit {
        notes = List.copyOf(notes);
    }
}
