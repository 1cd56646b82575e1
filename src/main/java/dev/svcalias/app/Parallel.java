package dev.svcalias.app;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs independent calls at the same time with at most {@code bound} in flight, results in input order. A failure
 * of one call is re-thrown as it was (the first in input order) after all have ended; callers that want per-item
 * outcomes catch inside {@code call}. Daemon threads, so a CLI never hangs on exit.
 */
public final class Parallel {
    private Parallel() {}

    public static <T, R> List<R> map(List<T> items, int bound, Function<T, R> call) {
        if (items.size() <= 1) {
            return items.stream().map(call).toList();
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(bound, items.size())), r -> {
            Thread t = new Thread(r, "svcalias-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> call.apply(item)));
            }
            List<R> results = new ArrayList<>();
            RuntimeException first = null;
            for (Future<R> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (first != null) {
                throw first;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Two independent calls at once. */
    public static <A, B> Pair<A, B> both(java.util.function.Supplier<A> a, java.util.function.Supplier<B> b) {
        List<Object> r = map(List.<java.util.function.Supplier<?>>of(a, b), 2, java.util.function.Supplier::get);
        @SuppressWarnings("unchecked") Pair<A, B> pair = new Pair<>((A) r.get(0), (B) r.get(1));
        return pair;
    }

    public record Pair<A, B>(A first, B second) {}
}
