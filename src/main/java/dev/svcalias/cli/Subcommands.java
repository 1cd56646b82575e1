package dev.svcalias.cli;

import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * svcalias's top-level commands, in help order, added to the command line lazily: building a command's model is
 * picocli's reflection over its options, about 0.3-0.4 s for all of them on this machine, so a run that names its
 * command builds only that one, and a bare --version none. A run that names none (--help, no arguments) or
 * something unknown (so picocli can suggest the closest name) gets them all, as do the generators of completions and
 * docs.
 */
final class Subcommands {
    static final List<Class<?>> ALL = List.of(InitCommand.class, AliasCommand.class, AliasAddCommand.class,
            ApplyCommand.class, DiffCommand.class, VerifyCommand.class, StatusCommand.class, ResetCommand.class,
            CorefileCommand.class, VersionCommand.class);
    /** The global options that take a value in the next argument (--kubeconfig FILE; not --kubeconfig=FILE). */
    private static final Set<String> WITH_VALUE = Set.of("--kubeconfig", "--context", "-o", "--output");

    private Subcommands() {}

    /** Adds the command {@code args} names, or every command when they name none it knows. */
    static void add(CommandLine root, CommandLine.IFactory factory, String... args) {
        List<String> all = List.of(args);
        boolean versionOnly = (all.contains("--version") || all.contains("-V")) && !all.contains("--help")
                && !all.contains("-h");
        List<Class<?>> wanted = named(args).map(List::<Class<?>>of).orElse(versionOnly ? List.of() : ALL);
        for (Class<?> command : wanted) {
            root.addSubcommand(new CommandLine(command, factory));
        }
    }

    private static java.util.Optional<Class<?>> named(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return java.util.Optional.empty();
            }
            if (arg.startsWith("-")) {
                if (WITH_VALUE.contains(arg)) {
                    i++; // its value
                }
                continue;
            }
            for (Class<?> command : ALL) {
                Command c = command.getAnnotation(Command.class);
                if (c.name().equals(arg) || List.of(c.aliases()).contains(arg)) {
                    return java.util.Optional.of(command);
                }
            }
            return java.util.Optional.empty();
        }
        return java.util.Optional.empty();
    }
}
