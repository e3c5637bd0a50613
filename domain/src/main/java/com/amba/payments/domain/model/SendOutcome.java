package com.amba.payments.domain.model;

/** What became of one POST to an endpoint. */
public sealed interface SendOutcome {

    /** The endpoint answered with this status code (2xx delivers; anything else, redirects too, is retried). */
    record Answered(int statusCode) implements SendOutcome {
    }

    /** No answer: refused connection, timeout, TLS failure … */
    record NoAnswer(String reason) implements SendOutcome {
    }

    /** Not sent at all: the URL or the address it resolves to is not allowed (SSRF protection). */
    record Refused(String reason) implements SendOutcome {
    }
}
