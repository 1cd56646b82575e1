package dev.svcalias.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command reference: one Markdown page per command holding its {@code --help} text, and an index (README.md)
 * with every command's first sentence. Pages are named after the command path: {@code svcalias_alias_add.md}.
 */
final class CommandReference {
    private static final String NOTE = "<!-- Generated from the command model (src/main/java/dev/svcalias/cli/) by "
            + "dev.svcalias.tools.GeneratedFiles; do not edit. Refresh: " + GeneratedFiles.REFRESH_COMMAND + " -->\n";

    private CommandReference() {}

    /** Path (below {@code dir}) to content, the index first, then the commands depth first. */
    static Map<String, String> pages(CommandLine root, String dir) {
        Map<String, String> pages = new LinkedHashMap<>();
        StringBuilder index = new StringBuilder("# svcalias command reference\n\n").append(NOTE).append('\n')
                .append("Every command's `--help`, one page each; see also the [exit codes](../exit-codes.md).\n\n");
        addPages(root, pages, index, 0);
        Map<String, String> result = new LinkedHashMap<>();
        result.put(dir + "/README.md", index.toString());
        pages.forEach((file, page) -> result.put(dir + "/" + file, page));
        return result;
    }

    private static void addPages(CommandLine command, Map<String, String> pages, StringBuilder index, int depth) {
        CommandSpec spec = command.getCommandSpec();
        index.append("  ".repeat(depth)).append("- [").append(path(spec)).append("](").append(file(spec))
                .append("): ").append(summary(spec)).append('\n');
        pages.put(file(spec), page(command));
        for (CommandLine sub : subcommands(command)) {
            addPages(sub, pages, index, depth + 1);
        }
    }

    private static String page(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        StringBuilder page = new StringBuilder("# ").append(path(spec)).append("\n\n").append(NOTE).append('\n');
        String[] aliases = spec.aliases();
        if (aliases.length > 0) {
            page.append("Also:");
            String parent = spec.parent() == null ? "" : path(spec.parent()) + " ";
            for (int i = 0; i < aliases.length; i++) {
                page.append(i == 0 ? " " : ", ").append('`').append(parent).append(aliases[i]).append('`');
            }
            page.append(".\n\n");
        }
        page.append("```text\n").append(command.getUsageMessage(Ansi.OFF)).append("```\n");
        List<CommandLine> subs = subcommands(command);
        if (!subs.isEmpty()) {
            page.append("\n## Subcommands\n\n");
            for (CommandLine sub : subs) {
                CommandSpec s = sub.getCommandSpec();
                page.append("- [").append(path(s)).append("](").append(file(s)).append("): ").append(summary(s))
                        .append('\n');
            }
        }
        page.append("\n[All commands](README.md) · [Exit codes](../exit-codes.md)\n");
        return page.toString();
    }

    /** picocli maps every alias of a subcommand too ("rm", "ls"): each command once, under its own name. */
    static List<CommandLine> subcommands(CommandLine command) {
        return command.getSubcommands().entrySet().stream()
                .filter(e -> e.getKey().equals(e.getValue().getCommandName()))
                .map(Map.Entry::getValue)
                .toList();
    }

    private static String path(CommandSpec spec) {
        return spec.qualifiedName(" ");
    }

    private static String file(CommandSpec spec) {
        return spec.qualifiedName("_") + ".md";
    }

    /** The description's first sentence. */
    static String summary(CommandSpec spec) {
        String description = String.join(" ", spec.usageMessage().description());
        int stop = description.indexOf(". ");
        return stop < 0 ? description : description.substring(0, stop + 1);
    }
}
