package com.amba.payments.domain.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Where webhooks may go, when they are retried, and how they are signed. */
class WebhookRulesTest {

    private static final DestinationRules PRODUCTION = new DestinationRules(true);
    private static final DestinationRules DEV = new DestinationRules(false);
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void productionAcceptsOnlyHttpsUrlsToPublicHosts() {
        assertInstanceOf(Result.Ok.class, PRODUCTION.checkUrl("https://shop.example.com/amba/hooks?x=1"));
        for (String refused : List.of("http://127.0.0.1/hook", "http://shop.example.com/hook",
                "https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data/", "https://10.1.2.3/hook",
                "https://192.168.1.10/hook", "https://[::1]/hook", "https://localhost/hook",
                "https://user:pass@shop.example.com/hook", "ftp://shop.example.com/", "not a url")) {
            assertInstanceOf(Result.Err.class, PRODUCTION.checkUrl(refused), refused);
        }
    }

    @Test
    void devModeAlsoAcceptsHttpAndLocalhost() {
        assertInstanceOf(Result.Ok.class, DEV.checkUrl("http://localhost:3000/hook"));
        assertInstanceOf(Result.Ok.class, DEV.checkUrl("http://127.0.0.1:3000/hook"));
        assertInstanceOf(Result.Err.class, DEV.checkUrl("ftp://localhost/"));
    }

    @Test
    void atDeliveryTimeProductionRefusesEveryNonPublicResolvedAddress() throws Exception {
        URI url = URI.create("https://hooks.example.com/amba");
        for (String address : List.of("127.0.0.1", "169.254.169.254", "10.0.0.7", "172.16.5.4", "192.168.0.1",
                "100.64.0.1", "0.0.0.0", "::1", "fe80::1", "fd00::1", "::ffff:10.0.0.1", "224.0.0.1")) {
            assertTrue(PRODUCTION.refusal(url, List.of(ip(address))).isPresent(), address);
            assertTrue(PRODUCTION.refusal(url, List.of(ip("93.184.216.34"), ip(address))).isPresent(),
                    "one bad address among good ones: " + address);
        }
        assertEquals(Optional.empty(), PRODUCTION.refusal(url, List.of(ip("93.184.216.34"))));
        assertTrue(PRODUCTION.refusal(URI.create("http://hooks.example.com/"), List.of(ip("93.184.216.34"))).isPresent());
        assertEquals(Optional.empty(), DEV.refusal(URI.create("http://127.0.0.1:3000/"), List.of(ip("127.0.0.1"))));
    }

    @Test
    void retriesBackOffWithJitterAndStopWhenTheWindowCloses() {
        RetrySchedule schedule = RetrySchedule.DEFAULT;
        SplittableRandom random = new SplittableRandom(7);
        Instant previous = T0;
        Duration previousGap = Duration.ZERO;
        for (int attempts = 1; attempts <= 5; attempts++) {
            Instant next = schedule.next(attempts, T0, previous, random).orElseThrow();
            Duration gap = Duration.between(previous, next);
            Duration base = schedule.delays().get(attempts - 1);
            assertTrue(gap.toMillis() >= base.toMillis() * 0.8 && gap.toMillis() <= base.toMillis() * 1.2,
                    "about " + base + ", got " + gap);
            assertTrue(gap.compareTo(previousGap) > 0, "gaps grow");
            previous = next;
            previousGap = gap;
        }
        assertTrue(schedule.next(9, T0, T0.plus(Duration.ofDays(2)), random).isPresent());
        assertEquals(Optional.empty(), schedule.next(12, T0, T0.plus(Duration.ofDays(3)).minusSeconds(60), random),
                "after 3 days the delivery is failed");
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> schedule.next(1, T0, T0, random).orElseThrow()).distinct().count();
        assertTrue(distinct > 10, "jitter spreads retries that fail together");
    }

    @Test
    void theSignatureIsStripesSchemeWithOneV1PerSecret() {
        byte[] body = "{\"id\":\"evt_1\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        SigningSecret current = SigningSecret.current("whsec_current");
        SigningSecret retiring = new SigningSecret("whsec_retiring", Optional.of(T0));
        String header = AmbaSignature.header(1_700_000_000L, body, List.of(current, retiring));
        assertEquals("t=1700000000,v1=" + AmbaSignature.hmac("whsec_current", 1_700_000_000L, body)
                + ",v1=" + AmbaSignature.hmac("whsec_retiring", 1_700_000_000L, body), header);
        // Known answer, computed independently (Python's hmac module).
        assertEquals("bc6a132fc01c69791c7ac73bdc58c357268043ed931f408bd3446c5a0f8196f8",
                AmbaSignature.hmac("whsec_current", 1_700_000_000L, body));
        assertFalse(current.toString().contains("current"), "a secret is never printed");
    }

    @Test
    void aRotationKeepsTheOldSecretOnlyForTheOverlap() {
        WebhookEndpoint endpoint = new WebhookEndpoint(new WebhookEndpointId("we_1"), new ProjectId("proj_1"),
                URI.create("https://hooks.example.com/"), java.util.Set.of("*"), List.of(SigningSecret.current("whsec_a")),
                T0);
        WebhookEndpoint rotated = endpoint.rotated("whsec_b", T0, WebhookEndpoint.ROTATION_OVERLAP);
        assertEquals(List.of("whsec_b", "whsec_a"),
                rotated.signingSecretsAt(T0.plusSeconds(60)).stream().map(SigningSecret::value).toList());
        assertEquals(List.of("whsec_b"), rotated.signingSecretsAt(T0.plus(Duration.ofHours(24)))
                .stream().map(SigningSecret::value).toList());
        assertEquals(List.of("whsec_c", "whsec_b"), rotated.rotated("whsec_c", T0.plusSeconds(5), Duration.ofHours(24))
                .secrets().stream().map(SigningSecret::value).toList(), "a second rotation retires the newest old one");
    }
}
