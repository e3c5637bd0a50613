package com.amba.payments.domain.port.out;

import java.util.Optional;

/**
 * How many creates this instance takes on at once. Asked before a create does anything; told how each admitted
 * one ended, so a limit that learns from latency (an adaptive one) can follow what the machine sustains.
 */
public interface AdmissionLimit {

    /** A place for one more create, or empty when the instance is at its limit. */
    Optional<Admitted> tryAdmit();

    /** The creates being worked on right now. */
    int inFlight();

    /** The limit as it is now. */
    int limit();

    /** One admitted create: exactly one of these is called when it ends. */
    interface Admitted {

        /** It answered a payment: its time is a measure of the load. */
        void completed();

        /** It ended because a dependency was slow or out of reach: a sign of overload. */
        void dropped();

        /** It was refused for what it asked (invalid input, a reused key): its time says nothing about the load. */
        void ignored();
    }
}
