package dev.svcalias.tools;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;

/**
 * Every command's {@code --help} as picocli prints it, without and with colour, one file per name a run can use
 * (aliases included): {@code svcalias_alias_add.txt} and {@code svcalias_alias_add.ansi}. The CLI prints these
 * instead of building picocli's model when a run asks for nothing but help (cli/StaticHelp).
 */
final class HelpTexts {
    /** Where they are committed; the jar has them as resources below /dev/svcalias/help/. */
    static final String DIR = "src/main/resources/dev/svcalias/help";

    private HelpTexts() {}

    static Map<String, String> files(CommandLine root, String dir) {
        Map<String, String> files = new LinkedHashMap<>();
        add(root, root.getCommandName(), dir, files);
        return files;
    }

    private static void add(CommandLine command, String path, String dir, Map<String, String> files) {
        files.put(dir + "/" + path + ".txt", command.getUsageMessage(Ansi.OFF));
        files.put(dir + "/" + path + ".ansi", command.getUsageMessage(Ansi.ON));
        // the map's keys include each subcommand's aliases
        command.getSubcommands().forEach((name, sub) -> add(sub, path + "_" + name, dir, files));
    }
}
