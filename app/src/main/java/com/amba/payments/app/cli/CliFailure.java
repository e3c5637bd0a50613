package com.amba.payments.app.cli;

/**
 * A command that could not do its job: the one line to tell the person, and the exit code that says why, so a
 * script can tell "Amba said no" (1) from "nothing was asked" (2).
 */
final class CliFailure extends RuntimeException {

    static final int REFUSED = 1;
    static final int NOT_ASKED = 2;

    private final int exitCode;
    private final boolean refusal;

    private CliFailure(String message, int exitCode, boolean refusal) {
        // The message is the whole story for the person at the terminal; a stack trace would only hide it.
        super(message, null, false, false);
        this.exitCode = exitCode;
        this.refusal = refusal;
    }

    private CliFailure(String message, int exitCode) {
        this(message, exitCode, false);
    }

    /** The API answered with its error envelope. */
    static CliFailure refused(String code, String message) {
        return new CliFailure(code + ": " + message, REFUSED, true);
    }

    /** Something answered, but not with an Amba envelope (a proxy's error page, say). */
    static CliFailure unexpectedAnswer(String message) {
        return new CliFailure(message, REFUSED);
    }

    /** No answer at all: the request may never have arrived. */
    static CliFailure unreachable(String message) {
        return new CliFailure(message, NOT_ASKED);
    }

    /** The CLI's own settings are missing or unusable, so no request was sent. */
    static CliFailure misconfigured(String message) {
        return new CliFailure(message, NOT_ASKED);
    }

    /** Whether this is the API's own error envelope (its text came from the service, not from what was typed). */
    boolean isRefusal() {
        return refusal;
    }

    int exitCode() {
        return exitCode;
    }
}
