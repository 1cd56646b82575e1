package dev.svcalias.tools;

import dev.svcalias.error.ExitCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Man pages in roff, one per command: svcalias(1), svcalias-alias-add(1)... Written directly rather than through
 * picocli-codegen's AsciiDoc and asciidoctor, so that the build needs no Ruby tool and the committed pages are
 * the exact bytes that ship (see docs/adr/0083-man-pages-roff.md).
 */
final class ManPages {
    private ManPages() {}

    /** Path (below {@code dir}) to page. */
    static Map<String, String> pages(CommandLine root, String dir) {
        Map<String, String> pages = new LinkedHashMap<>();
        add(root, dir, pages);
        return pages;
    }

    private static void add(CommandLine command, String dir, Map<String, String> pages) {
        CommandSpec spec = command.getCommandSpec();
        pages.put(dir + "/" + name(spec) + ".1", page(command));
        for (CommandLine sub : CommandReference.subcommands(command)) {
            add(sub, dir, pages);
        }
    }

    static String name(CommandSpec spec) {
        return spec.qualifiedName("-");
    }

    private static String page(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        List<String> description = paragraphs(spec.usageMessage().description());
        StringBuilder roff = new StringBuilder()
                .append(".\\\" Generated from the command model by dev.svcalias.tools.GeneratedFiles; do not edit.\n")
                .append(".\\\" Refresh: ").append(GeneratedFiles.REFRESH_COMMAND).append('\n')
                .append(".TH \"").append(escape(name(spec).toUpperCase(Locale.ROOT))).append("\" 1 \"\" \"svcalias\" \"svcalias Manual\"\n")
                .append(".SH NAME\n")
                .append(escape(name(spec))).append(" \\- ").append(escape(CommandReference.summary(spec).replaceFirst("\\.$", ""))).append('\n')
                .append(".SH SYNOPSIS\n.nf\n")
                .append(lines(synopsis(spec)))
                .append(".fi\n.SH DESCRIPTION\n");
        for (int i = 0; i < description.size(); i++) {
            roff.append(i == 0 ? "" : ".PP\n").append(lines(description.get(i)));
        }
        List<PositionalParamSpec> positionals = spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
        if (!positionals.isEmpty()) {
            roff.append(".SH ARGUMENTS\n");
            for (PositionalParamSpec p : positionals) {
                roff.append(".TP\n\\fI").append(escape(p.paramLabel())).append("\\fR\n").append(lines(text(p)));
            }
        }
        roff.append(".SH OPTIONS\n");
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                roff.append(".TP\n").append(optionTerm(option)).append('\n').append(lines(text(option)));
            }
        }
        List<CommandLine> subs = CommandReference.subcommands(command);
        if (!subs.isEmpty()) {
            roff.append(".SH COMMANDS\n");
            for (CommandLine sub : subs) {
                CommandSpec s = sub.getCommandSpec();
                roff.append(".TP\n\\fB").append(escape(s.name())).append("\\fR\n")
                        .append(lines(CommandReference.summary(s) + " See " + name(s) + "(1)."));
            }
        }
        if (spec.usageMessage().footer().length > 0) {
            roff.append(".SH EXAMPLES\n.nf\n");
            for (String line : spec.usageMessage().footer()) {
                roff.append(lines(line.replace("%n", "").strip()));
            }
            roff.append(".fi\n");
        }
        roff.append(".SH EXIT STATUS\n");
        for (ExitCode code : ExitCode.values()) {
            roff.append(".TP\n\\fB").append(code.code()).append("\\fR\n").append(lines(code.meaning()));
        }
        roff.append(".SH SEE ALSO\n").append(escape(seeAlso(spec))).append('\n');
        return roff.toString();
    }

    private static String synopsis(CommandSpec spec) {
        String usage = new Help(spec, Help.defaultColorScheme(Ansi.OFF)).synopsis(0);
        return usage.replaceFirst("^Usage: ", "").stripTrailing();
    }

    private static String optionTerm(OptionSpec option) {
        List<String> names = new ArrayList<>();
        for (String name : option.names()) {
            String term = "\\fB" + escape(name) + "\\fR";
            if (option.arity().max() > 0) {
                term += "=\\fI" + escape(option.paramLabel()) + "\\fR";
            }
            names.add(term);
        }
        return String.join(", ", names);
    }

    /** The description as --help shows it: picocli's ${...} variables filled in. */
    private static String text(ArgSpec arg) {
        String text = String.join(" ", arg.description());
        String defaultValue = arg.defaultValueString();
        text = text.replace("${DEFAULT-VALUE}", defaultValue == null ? "" : defaultValue);
        if (arg.completionCandidates() != null) {
            List<String> candidates = new ArrayList<>();
            arg.completionCandidates().forEach(candidates::add);
            text = text.replace("${COMPLETION-CANDIDATES}", String.join(", ", candidates));
        }
        return text.replace("%n", " ");
    }

    private static List<String> paragraphs(String[] description) {
        List<String> paragraphs = new ArrayList<>();
        for (String line : String.join("%n", description).split("%n", -1)) {
            if (!line.isBlank()) {
                paragraphs.add(line.strip());
            }
        }
        return paragraphs;
    }

    private static String seeAlso(CommandSpec spec) {
        List<String> refs = new ArrayList<>();
        if (spec.parent() != null) {
            refs.add(name(spec.parent()) + "(1)");
        }
        spec.subcommands().forEach((key, sub) -> {
            if (key.equals(sub.getCommandName())) {
                refs.add(name(sub.getCommandSpec()) + "(1)");
            }
        });
        refs.add("kubectl(1)");
        return String.join(", ", refs);
    }

    /** Each line escaped, none starting with a control character. */
    private static String lines(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            String escaped = escape(line);
            if (escaped.startsWith(".") || escaped.startsWith("'")) {
                escaped = "\\&" + escaped;
            }
            out.append(escaped).append('\n');
        }
        return out.toString();
    }

    /** Backslashes print as \e; hyphens as \-, which man renders as a real minus that can be copied. */
    private static String escape(String text) {
        return text.replace("\\", "\\e").replace("-", "\\-");
    }
}
