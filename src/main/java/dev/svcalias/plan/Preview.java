package dev.svcalias.plan;

import java.util.Map;

/** What a change looks like before it is made, as data; the command layer renders it (diffs, YAML, notes). */
public sealed interface Preview permits Preview.TextDiff, Preview.ObjectDiff, Preview.Manifest, Preview.Note {
    /** Calls the renderer's method for this kind of preview. */
    <R> R accept(Renderer<R> renderer);

    /** One method per kind of preview: a renderer shows all of them, or does not compile. */
    interface Renderer<R> {
        R textDiff(TextDiff diff);

        R objectDiff(ObjectDiff diff);

        R manifest(Manifest manifest);

        R note(Note note);
    }

    /** A text that changes, shown as a unified diff labelled a/LABEL and b/LABEL, after {@code header} if any. */
    record TextDiff(String header, String label, String before, String after) implements Preview {
        @Override
        public <R> R accept(Renderer<R> renderer) {
            return renderer.textDiff(this);
        }
    }

    /**
     * An object before and after, shown as a unified diff of their YAML ({@code null}: it does not exist on that side,
     * labelled /dev/null).
     */
    record ObjectDiff(String label, Map<String, Object> before, Map<String, Object> after) implements Preview {
        @Override
        public <R> R accept(Renderer<R> renderer) {
            return renderer.objectDiff(this);
        }
    }

    /** An object written whole: "# HEADER", then its manifest as YAML. */
    record Manifest(String header, Map<String, Object> manifest) implements Preview {
        @Override
        public <R> R accept(Renderer<R> renderer) {
            return renderer.manifest(this);
        }
    }

    /** One line: "# LINE". */
    record Note(String line) implements Preview {
        @Override
        public <R> R accept(Renderer<R> renderer) {
            return renderer.note(this);
        }
    }
}
