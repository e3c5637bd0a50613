package com.amba.payments.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.port.out.StoreUnavailable;
import com.amba.payments.domain.testing.Payments;
import com.amba.payments.domain.testing.TestIds;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** With no broker behind the bootstrap address, every call fails promptly instead of hanging a webhook. */
class KafkaUnreachableTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    private KafkaSettings settings;

    @BeforeEach
    void pointAtAClosedPort() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        // Production defaults (KafkaSettings.of): the bound must hold for what the app really runs with.
        settings = KafkaSettings.of("127.0.0.1:" + port, "unreachable-test")
                .withAdminTimeout(Duration.ofSeconds(2));
    }

    @Test
    void handOffFailsWithStoreUnavailableWithinTheBound() {
        try (KafkaProviderEventHandoff handoff = new KafkaProviderEventHandoff(settings)) {
            assertFailsWithin(StoreUnavailable.class, () -> handoff.handOff(
                    ProviderEvents.intent(TestIds.paymentId(), PaymentStatus.SUCCEEDED, 1)));
        }
    }

    @Test
    void publishFailsWithStoreUnavailableWithinTheBound() {
        PaymentEvent event = Payments.createdEvent(Payments.aPayment().build());
        try (KafkaPaymentEvents events = new KafkaPaymentEvents(settings)) {
            assertFailsWithin(StoreUnavailable.class, () -> events.publish(event));
        }
    }

    @Test
    void clusterIsNotReachableAndTopicsCannotBeCreated() {
        try (KafkaCluster cluster = new KafkaCluster(settings)) {
            long started = System.nanoTime();
            assertFalse(cluster.isReachable());
            assertTrue(elapsedSince(started).compareTo(Duration.ofSeconds(5)) < 0, "readiness answers quickly");
            assertFailsWithin(KafkaUnavailable.class,
                    () -> cluster.ensureTopics(KafkaCluster.TopicLayout.brokerDefaultReplication(3)));
        }
    }

    private static void assertFailsWithin(Class<? extends Throwable> expected, Executable call) {
        long started = System.nanoTime();
        assertThrows(expected, call);
        Duration took = elapsedSince(started);
        assertTrue(took.compareTo(BOUND) < 0, "failed only after " + took);
    }

    private static Duration elapsedSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
