package com.amba.payments.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.port.out.AdmissionLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limit on a clock of the test's: creates that take longer bring it down, faster ones bring it back. */
class AdaptiveAdmissionLimitTest {

    private static final int CEILING = 256;

    private final AtomicLong now = new AtomicLong();
    private final AdaptiveAdmissionLimit limit = new AdaptiveAdmissionLimit(CEILING, now::get);

    @Test
    void admitsUpToTheCeilingAndRefusesTheNext() {
        List<AdmissionLimit.Admitted> admitted = new ArrayList<>();
        for (int i = 0; i < CEILING; i++) {
            admitted.add(limit.tryAdmit().orElseThrow());
        }
        assertEquals(CEILING, limit.inFlight());
        assertEquals(Optional.empty(), limit.tryAdmit());
        admitted.forEach(AdmissionLimit.Admitted::ignored);
        assertEquals(0, limit.inFlight());
        assertTrue(limit.tryAdmit().isPresent(), "a place given back is taken again");
    }

    @Test
    void theLimitFallsWhileCreatesSlowDownAndRisesWhenTheyAreFastAgain() {
        runFull(Duration.ofMillis(120), 30);
        assertEquals(CEILING, limit.limit(), "steady latency keeps the ceiling");

        runFull(Duration.ofMillis(400), 30);
        int saturated = limit.limit();
        assertTrue(saturated < CEILING / 2, () -> "latency three times its usual: the limit came down to " + saturated);

        runFull(Duration.ofMillis(120), 300);
        int recovered = limit.limit();
        assertTrue(recovered > saturated * 2, () -> "back to usual latency: the limit rose from " + saturated + " to "
                + recovered);
    }

    @Test
    void aDroppedOrIgnoredCreateGivesItsPlaceBack() {
        limit.tryAdmit().orElseThrow().dropped();
        limit.tryAdmit().orElseThrow().ignored();
        assertEquals(0, limit.inFlight());
    }

    @Test
    void theCeilingMustLeaveRoomToAdapt() {
        assertThrows(IllegalArgumentException.class, () -> new AdaptiveAdmissionLimit(16));
    }

    /** Windows in which every place is taken and each create takes {@code each}. */
    private void runFull(Duration each, int windows) {
        for (int window = 0; window < windows; window++) {
            List<AdmissionLimit.Admitted> admitted = fill();
            now.addAndGet(each.toNanos());
            admitted.forEach(AdmissionLimit.Admitted::completed);
            now.addAndGet(AdaptiveAdmissionLimit.LONGEST_WINDOW.toNanos());
        }
    }

    private List<AdmissionLimit.Admitted> fill() {
        List<AdmissionLimit.Admitted> admitted = new ArrayList<>();
        for (Optional<AdmissionLimit.Admitted> place = limit.tryAdmit(); place.isPresent(); place = limit.tryAdmit()) {
            admitted.add(place.get());
        }
        return admitted;
    }
}
