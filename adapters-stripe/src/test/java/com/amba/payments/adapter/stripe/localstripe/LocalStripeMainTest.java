package com.amba.payments.adapter.stripe.localstripe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The entry point a person runs: its options, what it prints, and that it listens on loopback only. */
class LocalStripeMainTest {

    @Test
    void defaultsArePort12111AndAmbasDevWebhookEndpoint() {
        LocalStripeMain.Options options = LocalStripeMain.Options.parse(List.of());

        assertEquals(12111, options.port());
        assertEquals(URI.create("http://localhost:8080/webhooks/stripe"), options.webhooksTo());
    }

    @Test
    void optionsAreReadAndNonsenseIsRefused() {
        LocalStripeMain.Options options = LocalStripeMain.Options.parse(
                List.of("--webhooks-to", "http://127.0.0.1:9090/webhooks/stripe", "--port", "12200"));

        assertEquals(12200, options.port());
        assertEquals(URI.create("http://127.0.0.1:9090/webhooks/stripe"), options.webhooksTo());
        for (List<String> bad : List.of(List.of("--port"), List.of("--port", "0"), List.of("--port", "http"),
                List.of("--webhooks-to", "localhost:8080"), List.of("--verbose", "yes"))) {
            assertThrows(IllegalArgumentException.class, () -> LocalStripeMain.Options.parse(bad), bad::toString);
        }
    }

    @Test
    void itPrintsTheThreeExportsAmbaReads() {
        try (LocalStripe stripe = LocalStripe.start()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();

            LocalStripeMain.printExports(new PrintStream(bytes, true, StandardCharsets.UTF_8), stripe,
                    LocalStripeMain.DEFAULT_WEBHOOKS);

            List<String> exports = bytes.toString(StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("export ")).toList();
            assertEquals(List.of("export AMBA_STRIPE_SECRET_KEY=" + stripe.secretKey(),
                    "export AMBA_STRIPE_API_BASE=" + stripe.apiBase(),
                    "export AMBA_STRIPE_WEBHOOK_SECRET=" + stripe.webhookSecret()), exports);
        }
    }

    @Test
    void theActivityLogShowsRequestsWithoutBodiesOrPageTokens() {
        RecordedRequest create = new RecordedRequest("POST", "/v1/payment_intents", Optional.of("acct_1"),
                Optional.of("key-1"), FormBody.parse("amount=2000&metadata%5Bsecret_looking%5D=amba_sk_x"), 200, false);
        RecordedRequest page = new RecordedRequest("GET", "/setup/s/acct_1/Tok3nTok3nTok3n", Optional.empty(),
                Optional.empty(), FormBody.parse(""), 302, false);

        assertEquals("POST /v1/payment_intents (Stripe-Account acct_1) -> 200", ActivityLog.line(create));
        assertEquals("GET /setup/s/acct_1/… -> 302", ActivityLog.line(page));
    }

    @Test
    void aChosenPortIsBoundOnLoopbackOnly() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(LocalStripeMainTest::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        try (LocalStripe stripe = LocalStripe.start(InstantSource.system(), port)) {
            assertEquals(URI.create("http://127.0.0.1:" + port), stripe.apiBase());
            try (Socket loopback = new Socket()) {
                loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                assertTrue(loopback.isConnected());
            }
            assumeTrue(external.isPresent(), "no non-loopback IPv4 address to try");
            try (Socket outside = new Socket()) {
                outside.connect(new InetSocketAddress(external.get(), port), 2000);
                assertFalse(outside.isConnected(), "reachable on " + external.get());
            } catch (IOException refused) {
                // expected: nothing listens on that address
            }
        }
    }

    private static boolean up(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
