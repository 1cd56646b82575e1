package dev.svcalias.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Everything generated from the command model: bash and zsh completions (picocli's AutoComplete) and the command
 * reference in docs/reference. The committed copies are checked against this by a test, so a changed flag shows
 * up as a diff. Regenerate with: java -cp target/classes:... dev.svcalias.cli.ReferenceGenerator . (or the test).
 */
public final class ReferenceGenerator {
    private ReferenceGenerator() {}

    /** Relative path -> content. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        String bash = AutoComplete.bash("svcalias", Cli.model());
        files.put("completions/svcalias.bash", bash);
        files.put("completions/_svcalias", "#compdef svcalias\n"
                + "# zsh completion for svcalias: picocli's bash completion loaded through bashcompinit.\n"
                + "# Put this file on your $fpath, or source it from ~/.zshrc.\n"
                + "autoload -U +X compinit && compinit\n"
                + "autoload -U +X bashcompinit && bashcompinit\n" + bash);
        StringBuilder index = new StringBuilder("# svcalias command reference\n\n"
                + "Generated from the command model (`dev.svcalias.cli.ReferenceGenerator`); do not edit by hand.\n\n");
        addPages(Cli.model(), files, index, 0);
        files.put("docs/reference/README.md", index.toString());
        return files;
    }

    private static void addPages(CommandLine command, Map<String, String> files, StringBuilder index, int depth) {
        String path = command.getCommandSpec().qualifiedName(" ");
        String file = path.replace(' ', '_') + ".md";
        String usage = command.getUsageMessage(Ansi.OFF);
        files.put("docs/reference/" + file, "# " + path + "\n\n```\n" + usage + "```\n");
        String description = String.join(" ", command.getCommandSpec().usageMessage().description());
        int stop = description.indexOf(". ");
        String first = stop < 0 ? description : description.substring(0, stop + 1);
        index.append("  ".repeat(depth)).append("- [").append(path).append("](").append(file).append("): ")
                .append(first).append('\n');
        // picocli maps every alias of a subcommand too ("rm", "ls"): one page per command, under its name
        for (Map.Entry<String, CommandLine> e : command.getSubcommands().entrySet()) {
            if (e.getKey().equals(e.getValue().getCommandName())) {
                addPages(e.getValue(), files, index, depth + 1);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        for (Map.Entry<String, String> e : files().entrySet()) {
            Path target = root.resolve(e.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
