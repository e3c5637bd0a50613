package com.amba.payments.domain.port.in;

import java.util.Optional;

/**
 * Creates are admitted before any of their work is scheduled. The HTTP adapter asks while it still holds the
 * request, so a create beyond this instance's limit is answered {@code 503 OVERLOADED} at once, without first
 * waiting for a thread behind the creates that were admitted.
 */
public interface AdmitCreate {

    /** The create, holding one of this instance's places; empty when every place is taken (answer OVERLOADED). */
    Optional<AdmittedCreate> tryAdmit();

    /** One admitted create: run it once, or give its place back if it cannot be run. */
    interface AdmittedCreate extends CreatePayment {

        /** The place goes back unused and nothing is done; once the create has run, this does nothing. */
        void giveBack();
    }
}
