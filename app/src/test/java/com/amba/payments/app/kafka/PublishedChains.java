package com.amba.payments.app.kafka;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What downstream services saw on {@code amba.payments.events}, read with a plain consumer from the beginning
 * to the end offsets, deduplicated on the CloudEvent id as SPEC §7 tells consumers to, and checked per payment
 * against the provider's timeline and the ledger.
 */
final class PublishedChains {

    /** One distinct CloudEvent, with the time the relay handed it to Kafka (the record's CreateTime). */
    record Published(String id, String type, String status, String previousStatus, Instant ledgerTime,
                     Instant publishedAt) {

        long delayMillis() {
            return Duration.between(ledgerTime, publishedAt).toMillis();
        }
    }

    private final Map<String, List<Published>> byPayment;

    private PublishedChains(Map<String, List<Published>> byPayment) {
        this.byPayment = byPayment;
    }

    /** Everything on the topic up to its end offsets now, first occurrence of each event id in partition order. */
    static PublishedChains read(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, List<Published>> byPayment = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    JsonObject event = new JsonObject(record.value());
                    if (!seen.add(event.getString("id"))) {
                        continue;
                    }
                    JsonObject data = event.getJsonObject("data");
                    byPayment.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(new Published(
                            event.getString("id"), event.getString("type"), data.getString("status"),
                            data.getString("previous_status"), Instant.parse(event.getString("time")),
                            Instant.ofEpochMilli(record.timestamp())));
                }
            }
            if (!reached(consumer, end)) {
                throw new AssertionError("could not read " + topic + " to its end within 30 s");
            }
        }
        return new PublishedChains(byPayment);
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /**
     * What is wrong with the payments' published chains, one line each: a chain must start with the created
     * event, each change's previous_status must be the status before it (no gap), the statuses must be a
     * subsequence of the provider's timeline (never back in time), and the last one must be the ledger's.
     */
    List<String> problems(Collection<String> paymentIds, Function<String, List<String>> timelines,
                          Map<String, String> ledger) {
        List<String> problems = new ArrayList<>();
        for (String id : paymentIds) {
            List<Published> chain = byPayment.getOrDefault(id, List.of());
            List<String> timeline = timelines.apply(id);
            List<String> statuses = chain.stream().map(Published::status).toList();
            String story = id + ": published " + statuses + ", provider " + timeline + ", ledger " + ledger.get(id);
            if (chain.isEmpty() || !chain.getFirst().type().equals("amba.payment.created")) {
                problems.add("no created event first: " + story);
                continue;
            }
            for (int i = 1; i < chain.size(); i++) {
                Published change = chain.get(i);
                if (!change.type().equals("amba.payment.status_changed")
                        || !Objects.equals(change.previousStatus(), chain.get(i - 1).status())
                        || change.status().equals(change.previousStatus())) {
                    problems.add("gap at " + change.previousStatus() + " -> " + change.status() + ": " + story);
                }
            }
            if (!isSubsequence(statuses, timeline)) {
                problems.add("back in time: " + story);
            }
            if (!statuses.getLast().equals(ledger.get(id))) {
                problems.add("last published is not the ledger's: " + story);
            }
        }
        return problems;
    }

    private static boolean isSubsequence(List<String> published, List<String> timeline) {
        int at = 0;
        for (String status : published) {
            while (at < timeline.size() && !timeline.get(at).equals(status)) {
                at++;
            }
            if (at == timeline.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** Ledger change to publication, in milliseconds, of every published event of these payments. */
    List<Long> delays(Collection<String> paymentIds) {
        return paymentIds.stream().flatMap(id -> byPayment.getOrDefault(id, List.of()).stream())
                .map(Published::delayMillis).sorted().toList();
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** How many of the problems are of each kind, for the failure message. */
    static Map<String, Long> kinds(List<String> problems) {
        Map<String, Long> kinds = new TreeMap<>();
        problems.forEach(p -> kinds.merge(p.substring(0, p.indexOf(':')), 1L, Long::sum));
        return kinds;
    }
}
