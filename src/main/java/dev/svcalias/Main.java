package dev.svcalias;

import dev.svcalias.cli.Cli;

/** Entry point: nothing but the exit code of the one CommandLine wiring. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
