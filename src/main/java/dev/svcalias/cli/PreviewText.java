package dev.svcalias.cli;

import dev.svcalias.output.UnifiedDiff;
import dev.svcalias.output.Yaml;
import dev.svcalias.plan.Preview;
import java.util.List;
import java.util.Map;

/** Renders previews of changes as --dry-run and diff print them: unified diffs, YAML manifests, one-line notes. */
final class PreviewText implements Preview.Renderer<String> {
    private static final PreviewText INSTANCE = new PreviewText();

    private PreviewText() {}

    static String render(List<Preview> previews) {
        StringBuilder sb = new StringBuilder();
        for (Preview p : previews) {
            sb.append(p.accept(INSTANCE));
        }
        return sb.toString();
    }

    @Override
    public String textDiff(Preview.TextDiff d) {
        return (d.header().isEmpty() ? "" : "# " + d.header() + "\n")
                + UnifiedDiff.diff(d.before(), d.after(), "a/" + d.label(), "b/" + d.label());
    }

    @Override
    public String objectDiff(Preview.ObjectDiff d) {
        String label = d.label().replace(' ', '/');
        return UnifiedDiff.diff(yaml(d.before()), yaml(d.after()), d.before() == null ? "/dev/null" : "a/" + label,
                d.after() == null ? "/dev/null" : "b/" + label);
    }

    @Override
    public String manifest(Preview.Manifest m) {
        return "# " + m.header() + "\n---\n" + Yaml.write(m.manifest());
    }

    @Override
    public String note(Preview.Note n) {
        return "# " + n.line() + "\n";
    }

    private static String yaml(Map<String, Object> manifest) {
        return manifest == null ? "" : Yaml.write(manifest);
    }
}
