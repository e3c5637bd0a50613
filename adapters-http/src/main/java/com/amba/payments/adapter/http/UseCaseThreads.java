package com.amba.payments.adapter.http;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs the synchronous, possibly blocking use cases on a virtual thread of their own, one per call, and
 * completes on the caller's Vert.x context. A use case that sleeps or waits on a socket therefore never holds
 * the event loop, nor the other requests of a virtual-thread verticle (whose context runs one task at a time
 * unless the task uses {@code Future.await}).
 */
final class UseCaseThreads implements AutoCloseable {

    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("amba-http-", 0).factory());

    <T> Future<T> call(Callable<T> work) {
        Context context = Vertx.currentContext();
        Promise<T> promise = Promise.promise();
        try {
            threads.execute(() -> {
                try {
                    T value = work.call();
                    complete(context, () -> promise.complete(value));
                } catch (Throwable failure) {
                    complete(context, () -> promise.fail(failure));
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            promise.fail(shuttingDown);
        }
        return promise.future();
    }

    private static void complete(Context context, Runnable completion) {
        if (context == null) {
            completion.run();
        } else {
            context.runOnContext(ignored -> completion.run());
        }
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
