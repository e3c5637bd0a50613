package com.amba.payments.adapter.kafka;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The Kafka cluster as Amba's operations see it: makes sure Amba's topics exist at start-up, and answers
 * {@code /health/ready}. Topics already there are left exactly as an operator configured them.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaCluster.class.getName());

    private static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

    private final KafkaSettings settings;
    private final Admin admin;

    public KafkaCluster(KafkaSettings settings) {
        this.settings = settings;
        this.admin = Admin.create(settings.adminProperties());
    }

    /** Creates {@code amba.provider.events} and {@code amba.payments.events} if missing. */
    public void ensureTopics(TopicLayout layout) {
        ensureTopics(layout, List.of(KafkaTopics.PROVIDER_EVENTS, KafkaTopics.PAYMENT_EVENTS));
    }

    /**
     * Creates each named topic that does not exist yet.
     *
     * @throws KafkaUnavailable when the cluster did not answer within the admin timeout
     */
    public void ensureTopics(TopicLayout layout, Collection<String> topics) {
        long timeoutMs = settings.adminTimeout().toMillis();
        try {
            Set<String> existing = admin.listTopics(new ListTopicsOptions().timeoutMs((int) timeoutMs))
                    .names().get(timeoutMs, TimeUnit.MILLISECONDS);
            List<NewTopic> missing = topics.stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.of(layout.partitions()), layout.replicationFactor()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var created : admin.createTopics(missing, new CreateTopicsOptions().timeoutMs((int) timeoutMs))
                    .values().entrySet()) {
                try {
                    created.getValue().get(timeoutMs, TimeUnit.MILLISECONDS);
                    LOG.log(Level.INFO, "created topic {0}", created.getKey());
                } catch (ExecutionException e) {
                    // Another instance starting at the same moment created it first: that is the goal.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw new KafkaUnavailable("could not create Amba's topics", e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw new KafkaUnavailable("could not create Amba's topics in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailable("interrupted while creating Amba's topics", e);
        }
    }

    /**
     * True when a broker answered a cluster description within two seconds (or the admin timeout, if
     * shorter): a readiness probe is itself timed out by whoever asks. Never throws.
     */
    public boolean isReachable() {
        return isReachable(READINESS_TIMEOUT.compareTo(settings.adminTimeout()) < 0
                ? READINESS_TIMEOUT : settings.adminTimeout());
    }

    /** True when a broker answered a cluster description within {@code timeout}. Never throws. */
    public boolean isReachable(Duration timeout) {
        long timeoutMs = timeout.toMillis();
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs))
                    .clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        admin.close(settings.adminTimeout());
    }

    /**
     * How a missing topic is created. An empty replication factor takes the broker's
     * {@code default.replication.factor}, which is what a production cluster's operator has set.
     */
    public record TopicLayout(int partitions, Optional<Short> replicationFactor) {

        public TopicLayout {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1");
            }
            if (replicationFactor.isPresent() && replicationFactor.get() < 1) {
                throw new IllegalArgumentException("replication factor must be at least 1");
            }
        }

        public static TopicLayout of(int partitions, short replicationFactor) {
            return new TopicLayout(partitions, Optional.of(replicationFactor));
        }

        public static TopicLayout brokerDefaultReplication(int partitions) {
            return new TopicLayout(partitions, Optional.empty());
        }
    }
}
