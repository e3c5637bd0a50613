package com.amba.payments.app;

import io.netty.channel.unix.Errors;
import java.net.BindException;
import java.util.function.Predicate;

/**
 * Why the service could not start, in one line a person can act on: which part, and what to do. Thrown by
 * {@link Amba#start} after everything it had opened is closed again, so the process can simply exit.
 */
public final class StartupFailure extends RuntimeException {

    StartupFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The listen step failed: a taken port gets its own advice, anything else its own words. */
    static StartupFailure listening(int port, Throwable failure) {
        if (causedBy(failure, StartupFailure::addressInUse)) {
            return new StartupFailure("port " + port + " is already in use (another Amba Payments, or another program,"
                    + " listens there): stop it, or start on a free port with " + AmbaConfig.HTTP_PORT + "=<port>",
                    failure);
        }
        return new StartupFailure("could not listen on port " + port + ": " + oneLine(failure), failure);
    }

    /** Anything else that failed while starting, said in one line. */
    static StartupFailure of(Throwable failure) {
        return failure instanceof StartupFailure known ? known : new StartupFailure(oneLine(failure), failure);
    }

    /**
     * A taken port: java.nio's {@code BindException}, or on the epoll transport Netty's native error with the errno
     * of bind(2) (epoll means Linux, where EADDRINUSE is 98).
     */
    private static boolean addressInUse(Throwable t) {
        return t instanceof BindException
                || t instanceof Errors.NativeIoException nativeError && nativeError.expectedErr() == -LINUX_EADDRINUSE;
    }

    private static final int LINUX_EADDRINUSE = 98;

    private static boolean causedBy(Throwable failure, Predicate<Throwable> kind) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (kind.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The message (or, without one, the type) with line breaks folded, so it stays one line. */
    static String oneLine(Throwable failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
