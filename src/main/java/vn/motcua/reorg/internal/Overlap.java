package vn.motcua.reorg.internal;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a producer on the calling thread and its consumer on a pool's thread, connected by a bounded queue, so that reading
 * a million dossiers (and routing them) overlaps with writing the journal instead of preceding it. A failure on
 * either side ends both and is rethrown here; the consumer sees a producer failure as an exception from its
 * iterator (so its transaction rolls back).
 */
final class Overlap {

    private static final Object END = new Object();

    private record Failed(RuntimeException cause) {
    }

    private Overlap() {
    }

    /** {@code consumerThreads}: where the consumer runs (a thread of it must be free, or the producer waits for one). */
    static <T, R> R run(Executor consumerThreads, Consumer<Consumer<T>> produce, Function<Iterable<T>, R> consume) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(16_384);
        CompletableFuture<R> result = new CompletableFuture<>();
        consumerThreads.execute(() -> {
            try {
                result.complete(consume.apply(() -> iterator(queue)));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            produce.accept(item -> put(queue, item, result));
            put(queue, END, result);
        } catch (RuntimeException e) {
            put(queue, new Failed(e), result);
            join(result);
            throw e;
        }
        join(result);
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Hands the item over, or drops it once the consumer has stopped (it needed no more, or it failed). */
    private static void put(BlockingQueue<Object> queue, Object item, CompletableFuture<?> consumerDone) {
        try {
            while (!queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
                if (consumerDone.isDone()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the consumer has finished (its outcome is read after). */
    private static void join(CompletableFuture<?> consumerDone) {
        consumerDone.exceptionally(e -> null).join();
    }

    @SuppressWarnings("unchecked")
    private static <T> Iterator<T> iterator(BlockingQueue<Object> queue) {
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                if (next instanceof Failed f) {
                    throw f.cause();
                }
                return next != END;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Object item = next;
                next = null;
                return (T) item;
            }
        };
    }
}
