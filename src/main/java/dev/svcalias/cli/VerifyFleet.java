package dev.svcalias.cli;

import dev.svcalias.aliasfile.AliasFile;
import dev.svcalias.app.usecase.VerifyFileResult;
import dev.svcalias.app.usecase.VerifyFileUseCase;
import dev.svcalias.app.usecase.VerifyResult;
import dev.svcalias.cli.render.VerifyFileResultRenderer;
import dev.svcalias.cli.render.VerifyResultRenderer;
import dev.svcalias.error.ExitCode;
import dev.svcalias.error.SvcaliasException;
import dev.svcalias.output.Spinner;
import java.time.Duration;
import java.time.Instant;

/** verify -f FILE and verify over --context a,b,c: per cluster, with --wait retrying until it passes. */
final class VerifyFleet {
    private final CliContext context;
    private final VerifyCommand command;

    VerifyFleet(CliContext context, VerifyCommand command) {
        this.context = context;
        this.command = command;
    }

    int run(Duration limit, Duration every) {
        AliasFile file = command.file == null ? null : AliasFileOption.read(context, command.file);
        if (file != null && !command.names.isEmpty()) {
            throw SvcaliasException.usage("verify takes alias NAMEs or -f FILE, not both", "drop one of them");
        }
        return PlanOutput.print(context, context.root.cluster, context.root.output, (name, c) -> {
            if (file == null) {
                VerifyResult r = command.verifyAll(c, limit, every, Spinner.start(context.err, false),
                        command.meshedProbe(c, limit));
                return new ClusterOutcome(name, new VerifyResultRenderer(r), r.checks().size() + " aliases, " + r.failing() + " failing",
                        r.passed() ? 0 : ExitCode.VERIFY_FAILED.code(), null);
            }
            VerifyFileUseCase useCase = new VerifyFileUseCase(c, command.probe(c, limit));
            Instant deadline = Instant.now().plus(limit);
            VerifyFileResult r = useCase.run(file, command.layout.layout());
            while (!r.passed() && command.wait && Instant.now().plus(every).isBefore(deadline)) {
                sleep(every);
                r = useCase.run(file, command.layout.layout());
            }
            return new ClusterOutcome(name, new VerifyFileResultRenderer(r), r.summary(), r.passed() ? 0 : ExitCode.VERIFY_FAILED.code(), null);
        }, false);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SvcaliasException(ExitCode.VERIFY_FAILED, "interrupted while waiting", "");
        }
    }
}
