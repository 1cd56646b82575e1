package dev.svcalias.tools;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * fish completion (picocli generates bash only): one {@code complete} line per subcommand and per option, each
 * guarded by the command path typed so far, which {@code __svcalias_path} reads from the command line.
 */
final class FishCompletion {
    private FishCompletion() {}

    static String script(CommandLine root) {
        List<String> paths = new ArrayList<>();
        collectPaths(root, "", paths);
        StringBuilder fish = new StringBuilder()
                .append("# fish completion for svcalias. Install: copy to ~/.config/fish/completions/svcalias.fish\n")
                .append("# Generated from the command model; do not edit (").append(GeneratedFiles.REFRESH_COMMAND)
                .append(").\n\n")
                .append("set -g __svcalias_commands ").append(String.join(" ", paths.stream().map(FishCompletion::quote).toList()))
                .append("\n\n")
                .append("""
                        # the subcommand path typed so far ("", "alias", "alias add"...): words that extend a known path
                        function __svcalias_path
                            set -l words (commandline -opc)
                            set -e words[1]
                            set -l path ""
                            for w in $words
                                string match -q -- '-*' $w; and continue
                                set -l next (string trim -- "$path $w")
                                contains -- $next $__svcalias_commands; and set path $next
                            end
                            echo $path
                        end

                        function __svcalias_at
                            test (__svcalias_path) = "$argv"
                        end

                        complete -c svcalias -f
                        """);
        addCommand(root, "", fish);
        return fish.toString();
    }

    /** Every path a command can be reached by, aliases included ("alias rm" as well as "alias remove"). */
    private static void collectPaths(CommandLine command, String path, List<String> paths) {
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            String subPath = (path + " " + sub.getKey()).strip();
            paths.add(subPath);
            collectPaths(sub.getValue(), subPath, paths);
        }
    }

    private static void addCommand(CommandLine command, String path, StringBuilder fish) {
        CommandSpec spec = command.getCommandSpec();
        String at = "-n '__svcalias_at " + escape(path) + "'";
        fish.append("\n# svcalias").append(path.isEmpty() ? "" : " " + path).append('\n');
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            fish.append("complete -c svcalias ").append(at).append(" -a ").append(quote(sub.getKey()))
                    .append(" -d ").append(quote(summary(sub.getValue().getCommandSpec()))).append('\n');
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                fish.append("complete -c svcalias ").append(at).append(optionFlags(option)).append('\n');
            }
        }
        for (Map.Entry<String, CommandLine> sub : command.getSubcommands().entrySet()) {
            addCommand(sub.getValue(), (path + " " + sub.getKey()).strip(), fish);
        }
    }

    private static String optionFlags(OptionSpec option) {
        StringBuilder flags = new StringBuilder();
        for (String name : option.names()) {
            flags.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
        }
        if (option.arity().max() > 0) {
            List<String> candidates = new ArrayList<>();
            if (option.completionCandidates() != null) {
                option.completionCandidates().forEach(candidates::add);
            }
            Class<?> type = option.type();
            if (!candidates.isEmpty()) {
                flags.append(" -x -a ").append(quote(String.join(" ", candidates)));
            } else if (type == File.class || type == Path.class || option.paramLabel().contains("FILE")) {
                flags.append(" -r -F");
            } else {
                flags.append(" -x");
            }
        }
        String[] description = option.description();
        if (description.length > 0) {
            flags.append(" -d ").append(quote(firstSentence(String.join(" ", description))));
        }
        return flags.toString();
    }

    private static String summary(CommandSpec spec) {
        return firstSentence(String.join(" ", spec.usageMessage().description()));
    }

    /** Up to the first full stop, without picocli's ${...} variables (fish shows one short line). */
    private static String firstSentence(String text) {
        String plain = text.replaceAll(" ?\\(default: \\$\\{DEFAULT-VALUE}\\)", "")
                .replace(": ${COMPLETION-CANDIDATES}", "").replace("%n", " ");
        int stop = plain.indexOf(". ");
        String sentence = stop < 0 ? plain : plain.substring(0, stop);
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }

    private static String quote(String text) {
        return "'" + escape(text) + "'";
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }
}
