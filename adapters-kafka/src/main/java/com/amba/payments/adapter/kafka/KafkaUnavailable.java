package com.amba.payments.adapter.kafka;

/** Kafka did not answer an administrative request (topic creation) in time; start-up should stop. */
public final class KafkaUnavailable extends RuntimeException {

    public KafkaUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
