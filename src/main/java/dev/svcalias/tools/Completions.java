package dev.svcalias.tools;

import picocli.AutoComplete;
import picocli.CommandLine;

/** Shell completion scripts: picocli's bash script, and the same script wrapped for zsh's bashcompinit. */
final class Completions {
    static final String COMMAND = "svcalias";

    private Completions() {}

    static String bash(CommandLine model) {
        return AutoComplete.bash(COMMAND, model);
    }

    /**
     * A file for zsh's {@code $fpath} (or to source from ~/.zshrc). picocli's script already switches zsh to
     * bashcompinit; when zsh autoloads this file as the function {@code _svcalias} on the first TAB, the script
     * has only registered the completion, so the last lines also answer that first TAB.
     */
    static String zsh(String bash) {
        return "#compdef " + COMMAND + "\n"
                + "# zsh completion for svcalias: picocli's bash completion script below, run through zsh's bashcompinit.\n"
                + "# Install: copy this file as _svcalias into a folder on $fpath before compinit runs\n"
                + "# (e.g. fpath=(~/.zsh/completions $fpath) in ~/.zshrc), or source it from ~/.zshrc.\n"
                + "# Generated from the command model; do not edit (" + GeneratedFiles.REFRESH_COMMAND + ").\n"
                + "\n"
                + "# zsh has no compopt; the script aliases it, which a function body zsh autoloads from $fpath cannot see.\n"
                + "(( $+functions[compopt] )) || compopt() { return 0; }\n"
                + bash.replaceFirst("^#!.*\n", "")
                + "\n"
                + "# Autoloaded from $fpath: the script above registered the completion, now complete this first TAB.\n"
                + "if [ \"${funcstack[1]}\" = \"_" + COMMAND + "\" ]; then\n"
                + "  _bash_complete -F _complete_" + COMMAND + " -o default\n"
                + "fi\n";
    }
}
