package com.amba.payments.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.adapter.kafka.testing.KafkaBrokerExtension;
import com.amba.payments.adapter.kafka.testing.KafkaTestBroker;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class KafkaClusterTest {

    @Test
    void reachableBrokerIsReported(KafkaTestBroker broker) {
        try (KafkaCluster cluster = new KafkaCluster(broker.settings("health"))) {
            assertTrue(cluster.isReachable());
        }
    }

    @Test
    void missingTopicsAreCreatedAndExistingOnesLeftAlone(KafkaTestBroker broker) throws Exception {
        String existing = "existing." + UUID.randomUUID();
        String missing = "missing." + UUID.randomUUID();
        try (KafkaCluster cluster = new KafkaCluster(broker.settings("topics"))) {
            cluster.ensureTopics(KafkaCluster.TopicLayout.of(2, (short) 1), List.of(existing));

            cluster.ensureTopics(KafkaCluster.TopicLayout.of(4, (short) 1), List.of(existing, missing));
            cluster.ensureTopics(KafkaCluster.TopicLayout.of(4, (short) 1), List.of(existing, missing));
        }

        Map<String, TopicDescription> topics = describe(broker, List.of(existing, missing));
        assertEquals(2, topics.get(existing).partitions().size(), "an existing topic keeps its layout");
        assertEquals(4, topics.get(missing).partitions().size());
    }

    @Test
    void ambasOwnTopicsAreCreatedWithTheBrokersReplicationDefault(KafkaTestBroker broker) throws Exception {
        try (KafkaCluster cluster = new KafkaCluster(broker.settings("topics"))) {
            cluster.ensureTopics(KafkaCluster.TopicLayout.brokerDefaultReplication(3));
        }

        Map<String, TopicDescription> topics =
                describe(broker, List.of(KafkaTopics.PROVIDER_EVENTS, KafkaTopics.PAYMENT_EVENTS));
        assertEquals(3, topics.get(KafkaTopics.PROVIDER_EVENTS).partitions().size());
        assertEquals(3, topics.get(KafkaTopics.PAYMENT_EVENTS).partitions().size());
    }

    /**
     * A topic just created may not be in the broker's metadata yet (seen on a loaded machine): ask again for up to
     * 30 s. A topic that never appears still fails the test.
     */
    private static Map<String, TopicDescription> describe(KafkaTestBroker broker, List<String> names)
            throws ExecutionException, InterruptedException {
        long giveUpAt = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers()))) {
            while (true) {
                try {
                    return admin.describeTopics(names).allTopicNames().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                            || System.nanoTime() > giveUpAt) {
                        throw e;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }
}
