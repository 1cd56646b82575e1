package dev.svcalias.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code --help} without picocli's command model: a run whose arguments are a command path followed by nothing but
 * {@code --help} or {@code -h} prints the text generated at build time from that model (tools/HelpTexts, checked
 * against the model by the generated-files drift test). Building the model by reflection, and loading picocli's
 * parser, is most of what {@code --help} cost. Colour is the caller's decision (the rule of
 * {@link CliContext#colour}, which picocli's runs get too), and the width is the fixed one of {@link Cli}, so the
 * output is byte for byte what picocli would print. Anything else (other options, unknown commands) goes to picocli.
 */
final class StaticHelp {
    private StaticHelp() {}

    static Optional<String> text(boolean colour, String... args) {
        if (args.length == 0 || !(args[args.length - 1].equals("--help") || args[args.length - 1].equals("-h"))) {
            return Optional.empty();
        }
        StringBuilder path = new StringBuilder("svcalias");
        for (int i = 0; i < args.length - 1; i++) {
            if (!args[i].matches("[a-z][a-z-]*")) {
                return Optional.empty();
            }
            path.append('_').append(args[i]);
        }
        String file = "/dev/svcalias/help/" + path + (colour ? ".ansi" : ".txt");
        try (InputStream in = StaticHelp.class.getResourceAsStream(file)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty(); // picocli prints it then
        }
    }
}
