package dev.svcalias.cli;

import dev.svcalias.corefile.CorefileException;
import dev.svcalias.corefile.CorefileSyntaxException;
import dev.svcalias.error.Echo;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr ("error: what is wrong; fix: what to do") and its documented exit
 * code. The stack trace only with --verbose.
 */
final class ExitCodes implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {
    /** Longest "what" or "fix" part printed; echoed input is cut to 80 characters before that (Echo). */
    private static final int MAX_PART = 600;
    private final CliContext context;

    ExitCodes(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String command = cmd.getCommandSpec().qualifiedName();
        printError(ex.getMessage(), "see '" + command + " --help'");
        return ExitCode.USAGE.code();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        ExitCode code = exitCodeOf(ex);
        if (ex instanceof SvcaliasException se) {
            // every exit-5 message says what to do, even where the thrower had nothing specific to add
            printError(se.getMessage(), se.hint().isBlank() && code == ExitCode.CLUSTER_STATE
                    ? "run 'svcalias status' to see what is configured" : se.hint());
        } else if (ex instanceof CorefileException ce) {
            printError(ce.what(), ce.hint());
        } else {
            printError("unexpected " + ex.getClass().getSimpleName() + ": " + ex.getMessage(),
                    "rerun with --verbose and report the stack trace");
        }
        if (context.verbose()) {
            ex.printStackTrace(context.err);
        }
        context.err.flush();
        return code.code();
    }

    @Override
    public int getExitCode(Throwable ex) {
        return exitCodeOf(ex).code();
    }

    static ExitCode exitCodeOf(Throwable ex) {
        if (ex instanceof SvcaliasException se) {
            return se.exitCode();
        }
        if (ex instanceof CorefileSyntaxException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof CorefileException) {
            return ExitCode.CLUSTER_STATE;
        }
        return ExitCode.INTERNAL;
    }

    private void printError(String message, String hint) {
        String line = oneLine(message) + (hint == null || hint.isBlank() ? "" : "; fix: " + oneLine(hint));
        context.err.println(context.errStyle().failure("error: ") + line);
        context.err.flush();
    }

    /**
     * One line, control characters escaped (input echoed in a message must not drive the terminal) and cut: a
     * message echoing a huge token (picocli's "Unknown option: '...'") stays readable.
     */
    private static String oneLine(String s) {
        String line = s == null ? "" : Echo.escape(s.replaceAll("\\s*\\R\\s*", " ").trim());
        return line.length() > MAX_PART ? line.substring(0, MAX_PART) + "..." : line;
    }
}
