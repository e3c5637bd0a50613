package com.amba.payments.adapter.kafka.testing;

import com.amba.payments.adapter.kafka.KafkaCluster;
import com.amba.payments.adapter.kafka.KafkaSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A real Kafka broker for tests: one node that is both broker and KRaft controller, started in this JVM the
 * way Kafka's own start script does it (format the storage, then {@link KafkaRaftServer}), on loopback
 * ephemeral ports, its logs in a temp directory that {@link #close()} deletes. Start it once per test run
 * through {@link KafkaBrokerExtension}; tests keep apart by using fresh topics and consumer groups
 * ({@link #newTopic}, {@link #newGroupId}).
 */
public final class KafkaTestBroker implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(KafkaTestBroker.class.getName());
    private static final int START_ATTEMPTS = 3;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaRaftServer server;
    private final Path directory;
    private final String bootstrapServers;

    private KafkaTestBroker(KafkaRaftServer server, Path directory, String bootstrapServers) {
        this.server = server;
        this.directory = directory;
        this.bootstrapServers = bootstrapServers;
    }

    /** Formats and starts a single-node cluster and waits until it takes clients (a few seconds). */
    public static KafkaTestBroker start() {
        long started = System.nanoTime();
        IllegalStateException failure = new IllegalStateException("the test Kafka broker did not start");
        // The ports are picked free just before the server binds them; another process may win that race.
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            try {
                KafkaTestBroker broker = startOnce();
                LOG.log(System.Logger.Level.INFO, "test Kafka broker up on {0} in {1} ms", broker.bootstrapServers,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
                return broker;
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }

    private static KafkaTestBroker startOnce() throws Exception {
        Path directory = Files.createTempDirectory("amba-kafka-test-");
        KafkaRaftServer server = null;
        try {
            int brokerPort = freeLoopbackPort();
            int controllerPort = freeLoopbackPort();
            String logDir = directory.resolve("data").toString();
            KafkaConfig config = new KafkaConfig(nodeConfig(logDir, brokerPort, controllerPort), false);
            format(config, logDir);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            awaitReady(bootstrap);
            return new KafkaTestBroker(server, directory, bootstrap);
        } catch (Exception | Error e) {
            stop(server);
            deleteRecursively(directory);
            throw e;
        }
    }

    private static Map<String, Object> nodeConfig(String logDir, int brokerPort, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir);
        // Internal topics default to three replicas, which one node cannot hold.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        // Otherwise every new consumer group waits three seconds before its first assignment.
        props.put("group.initial.rebalance.delay.ms", "0");
        // Tests create their topics explicitly, through the adapter's own initializer.
        props.put("auto.create.topics.enable", "false");
        // The machine is shared: few threads, a small cleaner buffer.
        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("log.cleaner.dedupe.buffer.size", "2097152");
        return props;
    }

    /** What {@code kafka-storage.sh format} does for a node with a static controller quorum. */
    private static void format(KafkaConfig config, String logDir) throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir)
                .setHasDynamicQuorum(false)
                .addDirectory(logDir)
                .run();
    }

    private static void awaitReady(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (true) {
                try {
                    if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Settings for this broker with timeouts short enough for tests and long enough for a busy machine. */
    public KafkaSettings settings(String clientId) {
        return KafkaSettings.of(bootstrapServers, clientId)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5))
                .withRetryBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    /** Creates a topic no other test uses, through the adapter's own topic initializer. */
    public String newTopic(String prefix, int partitions) {
        String topic = prefix + "." + UUID.randomUUID();
        try (KafkaCluster admin = new KafkaCluster(settings("topics"))) {
            admin.ensureTopics(KafkaCluster.TopicLayout.of(partitions, (short) 1), List.of(topic));
        }
        return topic;
    }

    public static String newGroupId(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    /** How many records the topic holds (all partitions), as a reader would find them now. */
    public long endOffsetTotal(String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read end offsets of " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a consumer group has committed, per partition; empty before its first commit. */
    public Map<TopicPartition, OffsetAndMetadata> committedOffsets(String groupId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not read committed offsets of " + groupId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop(server);
        deleteRecursively(directory);
    }

    private static void stop(KafkaRaftServer server) {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + root, e);
        }
    }
}
