package com.amba.payments.domain.port.in;

/** Asks the provider about payments that have gone quiet, so a lost webhook cannot strand one. */
public interface ReconcilePayments {

    /** One sweep; answers how many payments moved. */
    int reconcileOnce();
}
