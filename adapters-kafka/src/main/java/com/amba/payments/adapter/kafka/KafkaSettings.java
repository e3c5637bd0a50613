package com.amba.payments.adapter.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * How Amba talks to Kafka. The timeouts are short on purpose: a webhook waits for the broker's ack, and
 * Stripe retries a 503 anyway, so a dead broker must fail a hand-off within seconds rather than hang it.
 *
 * @param bootstrapServers {@code host:port[,host:port…]}
 * @param clientId         prefix of every client's {@code client.id}, so broker logs show which part of Amba spoke
 * @param requestTimeout   one request to a broker
 * @param deliveryTimeout  a produced record, retries included, until acked by all in-sync replicas
 * @param maxBlock         a send waiting for metadata (the only wait when no broker answers at all)
 * @param pollTimeout      one consumer poll; also how quickly a consumer notices {@code close()}
 * @param retryBackoff     first wait before the consumer retries an event the ledger could not take; doubles
 *                         up to {@code maxRetryBackoff}
 * @param maxRetryBackoff  longest wait between two retries of one event
 * @param adminTimeout     topic creation and the readiness probe
 * @param clientProperties the operator's security settings ({@code security.protocol}, {@code sasl.*},
 *                         {@code ssl.*}), given to every client as they are; never logged (a JAAS config holds a
 *                         password)
 */
public record KafkaSettings(String bootstrapServers, String clientId, Duration requestTimeout,
                            Duration deliveryTimeout, Duration maxBlock, Duration pollTimeout,
                            Duration retryBackoff, Duration maxRetryBackoff, Duration adminTimeout,
                            Map<String, String> clientProperties) {

    public KafkaSettings {
        clientProperties = Map.copyOf(clientProperties);
        for (String name : clientProperties.keySet()) {
            if (!(name.startsWith("security.") || name.startsWith("sasl.") || name.startsWith("ssl."))) {
                throw new IllegalArgumentException("only security.*, sasl.* and ssl.* settings can be passed: " + name);
            }
        }
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(clientId, "clientId");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must not be blank");
        }
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(deliveryTimeout, "deliveryTimeout");
        requirePositive(maxBlock, "maxBlock");
        requirePositive(pollTimeout, "pollTimeout");
        requirePositive(retryBackoff, "retryBackoff");
        requirePositive(maxRetryBackoff, "maxRetryBackoff");
        requirePositive(adminTimeout, "adminTimeout");
        // The producer refuses to start otherwise (delivery.timeout.ms >= linger.ms + request.timeout.ms).
        if (deliveryTimeout.compareTo(requestTimeout) < 0) {
            throw new IllegalArgumentException("deliveryTimeout must be at least requestTimeout");
        }
        if (maxRetryBackoff.compareTo(retryBackoff) < 0) {
            throw new IllegalArgumentException("maxRetryBackoff must be at least retryBackoff");
        }
    }

    /** Production defaults: a hand-off fails within about six seconds when no broker acknowledges it. */
    public static KafkaSettings of(String bootstrapServers, String clientId) {
        return new KafkaSettings(bootstrapServers, clientId, Duration.ofSeconds(3), Duration.ofSeconds(6),
                Duration.ofSeconds(3), Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Map.of());
    }

    /** Security settings for every client (SASL, TLS); Amba's own delivery settings cannot be replaced. */
    public KafkaSettings withClientProperties(Map<String, String> properties) {
        return new KafkaSettings(bootstrapServers, clientId, requestTimeout, deliveryTimeout, maxBlock, pollTimeout,
                retryBackoff, maxRetryBackoff, adminTimeout, properties);
    }

    public KafkaSettings withTimeouts(Duration request, Duration delivery, Duration block) {
        return new KafkaSettings(bootstrapServers, clientId, request, delivery, block, pollTimeout, retryBackoff,
                maxRetryBackoff, adminTimeout, clientProperties);
    }

    public KafkaSettings withRetryBackoff(Duration first, Duration max) {
        return new KafkaSettings(bootstrapServers, clientId, requestTimeout, deliveryTimeout, maxBlock, pollTimeout,
                first, max, adminTimeout, clientProperties);
    }

    public KafkaSettings withAdminTimeout(Duration timeout) {
        return new KafkaSettings(bootstrapServers, clientId, requestTimeout, deliveryTimeout, maxBlock, pollTimeout,
                retryBackoff, maxRetryBackoff, timeout, clientProperties);
    }

    /** An acks=all, idempotent producer: acknowledged means on every in-sync replica, retries never duplicate. */
    Properties producerProperties(String purpose) {
        Properties props = common(purpose);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Idempotence keeps per-partition order with up to 5 requests in flight.
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Every send is waited for, one at a time: batching would only add latency to the webhook.
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(requestTimeout));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis(deliveryTimeout));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis(maxBlock));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    /** Offsets are committed by hand after the ledger took the event; aborted transactions are never seen. */
    Properties consumerProperties(String groupId) {
        Properties props = common("consumer-" + groupId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // A new group starts at the beginning: events handed off before it first joined are still owed.
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Applying one event may wait on the provider (re-reading an intent); small batches keep a whole batch
        // well inside max.poll.interval.ms, past which the group would evict this consumer.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20);
        // An instance that dies without leaving the group (kill -9, a lost host) holds its partitions until its
        // session times out; 10 s (not the client's 45 s) lets another instance take its payments' events soon.
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** An offset commit is a write acknowledged by the in-sync replicas, so it is bounded like a delivery. */
    Duration commitTimeout() {
        return deliveryTimeout;
    }

    Properties adminProperties() {
        Properties props = common("admin");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis(adminTimeout));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis(adminTimeout));
        return props;
    }

    private Properties common(String purpose) {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId + "-" + purpose);
        return props;
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** Never the client properties' values: a JAAS config holds a password. */
    @Override
    public String toString() {
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", clientId=" + clientId
                + ", clientProperties=" + new java.util.TreeSet<>(clientProperties.keySet()) + "]";
    }
}
