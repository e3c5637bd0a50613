package com.amba.payments.domain.model;

import java.util.function.Function;

/** An expected outcome: either a value or a named failure. Failures are values, not exceptions. */
public sealed interface Result<T, E> {

    record Ok<T, E>(T value) implements Result<T, E> {}

    record Err<T, E>(E error) implements Result<T, E> {}

    static <T, E> Result<T, E> ok(T value) {
        return new Ok<>(value);
    }

    static <T, E> Result<T, E> err(E error) {
        return new Err<>(error);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default <U> Result<U, E> map(Function<T, U> f) {
        return switch (this) {
            case Ok<T, E> ok -> new Ok<>(f.apply(ok.value()));
            case Err<T, E> err -> new Err<>(err.error());
        };
    }

    default <U> Result<U, E> flatMap(Function<T, Result<U, E>> f) {
        return switch (this) {
            case Ok<T, E> ok -> f.apply(ok.value());
            case Err<T, E> err -> new Err<>(err.error());
        };
    }

    default <F> Result<T, F> mapError(Function<E, F> f) {
        return switch (this) {
            case Ok<T, E> ok -> new Ok<>(ok.value());
            case Err<T, E> err -> new Err<>(f.apply(err.error()));
        };
    }

    /** The value; only for callers that have already established success (tests, wiring). */
    default T orElseThrow() {
        return switch (this) {
            case Ok<T, E> ok -> ok.value();
            case Err<T, E> err -> throw new IllegalStateException("expected success but got " + err.error());
        };
    }
}
