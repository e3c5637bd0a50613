package com.amba.payments.domain.model;

/** What the caller asked for as a fee, before defaults are considered. */
public sealed interface FeeRequest {

    record ExplicitAmount(long minor) implements FeeRequest {}

    record Rate(BasisPoints bps) implements FeeRequest {}

    record UseDefault() implements FeeRequest {}
}
