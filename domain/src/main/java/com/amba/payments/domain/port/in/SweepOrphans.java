package com.amba.payments.domain.port.in;

/** The reconciler's look for provider intents Amba created but never recorded (SPEC §11). */
public interface SweepOrphans {

    /** Cancels the orphans found; answers how many were canceled. */
    int sweepOnce();
}
