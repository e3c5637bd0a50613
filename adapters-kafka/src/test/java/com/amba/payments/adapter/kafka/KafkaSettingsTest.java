package com.amba.payments.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's security settings reach every Kafka client; Amba's delivery settings stay Amba's. */
class KafkaSettingsTest {

    private static final Map<String, String> SASL = Map.of("security.protocol", "SASL_SSL",
            "sasl.mechanism", "PLAIN", "sasl.jaas.config", "PlainLoginModule required password=\"s3cret\";");

    @Test
    void securitySettingsGoToProducersConsumersAndTheAdminClient() {
        KafkaSettings settings = KafkaSettings.of("kafka:9093", "amba").withClientProperties(SASL);
        for (var props : java.util.List.of(settings.producerProperties("p"), settings.consumerProperties("g"),
                settings.adminProperties())) {
            assertEquals("SASL_SSL", props.get("security.protocol"));
            assertEquals("PLAIN", props.get("sasl.mechanism"));
        }
        assertEquals("all", settings.producerProperties("p").get("acks"), "Amba's own settings stay");
        assertFalse(settings.toString().contains("s3cret"), settings::toString);
    }

    @Test
    void onlySecuritySaslAndSslSettingsCanBePassed() {
        assertThrows(IllegalArgumentException.class,
                () -> KafkaSettings.of("kafka:9093", "amba").withClientProperties(Map.of("acks", "1")));
    }
}
