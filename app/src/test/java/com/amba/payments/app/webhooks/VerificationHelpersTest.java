package com.amba.payments.app.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.app.http.DevAmba;
import com.amba.payments.app.webhooks.TestReceiver.Received;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's signature helpers, as an integrator would copy them, against a real delivery: the Java one is
 * compiled from the README's text, the Node one run by the machine's {@code node}.
 */
class VerificationHelpersTest {

    private static DevAmba amba;
    private static TestReceiver receiver;
    private static Received delivery;
    private static String secret;

    @TempDir
    Path work;

    @BeforeAll
    static void aRealDelivery() {
        amba = WebhookFixture.start();
        receiver = TestReceiver.start();
        secret = WebhookFixture.endpoint(amba, receiver.url(), "*").getString("signing_secret");
        WebhookFixture.pay(amba, 2100);
        TestReceiver.await(Duration.ofSeconds(30), "a delivery", () -> !receiver.received().isEmpty());
        delivery = receiver.received().get(0);
    }

    @AfterAll
    static void stop() {
        receiver.close();
        amba.close();
    }

    private static String readme() throws IOException {
        Path here = Path.of(System.getProperty("user.dir"));
        Path readme = Files.exists(here.resolve("README.md")) && Files.exists(here.resolve("adapters-webhooks"))
                ? here.resolve("README.md") : here.getParent().resolve("README.md");
        return Files.readString(readme);
    }

    /** The fenced block of {@code language} that follows {@code label} in the README's webhooks section. */
    private static String block(String label, String language) throws IOException {
        String text = readme();
        int section = text.indexOf("## Webhooks to your backend");
        Matcher block = Pattern.compile(Pattern.quote(label) + "\\s*```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(text.substring(section));
        assertTrue(block.find(), "the README shows the " + language + " helper");
        return block.group(1);
    }

    @Test
    void theJavaHelperInTheReadmeCompilesAndVerifiesARealDelivery() throws Exception {
        String source = block("Java:", "java");
        String tested = Files.readString(Path.of("src/test/java/com/amba/payments/app/webhooks/AmbaWebhookVerifier.java"));
        assertEquals(tested.substring(tested.indexOf("import ")), source,
                "the README's helper is the one the other webhook tests verify with");

        Path file = work.resolve("AmbaWebhookVerifier.java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, compiler.run(null, null, null, "-d", work.toString(), file.toString()), "it compiles");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {work.toUri().toURL()}, null)) {
            Method verify = loader.loadClass("AmbaWebhookVerifier")
                    .getMethod("verify", String.class, byte[].class, String.class, long.class);
            String header = delivery.header("Amba-Signature");
            long now = Instant.now().getEpochSecond();
            assertTrue((Boolean) verify.invoke(null, header, delivery.body(), secret, now));
            assertFalse((Boolean) verify.invoke(null, header, delivery.body(), "whsec_wrong", now));
            byte[] tampered = Arrays.copyOf(delivery.body(), delivery.body().length);
            tampered[tampered.length - 2] ^= 1;
            assertFalse((Boolean) verify.invoke(null, header, tampered, secret, now), "a changed body fails");
            assertFalse((Boolean) verify.invoke(null, header, delivery.body(), secret, now + 600), "too old");
        }
    }

    @Test
    void theNodeHelperInTheReadmeVerifiesARealDelivery() throws Exception {
        String source = block("Node:", "js");
        String tested = new String(getClass().getResourceAsStream("/webhooks/verify-amba-signature.js").readAllBytes(),
                StandardCharsets.UTF_8);
        assertEquals(tested, source);
        Assumptions.assumeTrue(nodeIsThere(), "node is not installed on this machine: the Node helper was not run");

        Files.writeString(work.resolve("verify.js"), source);
        Files.writeString(work.resolve("check.js"), """
                const fs = require("fs");
                const { verifyAmbaSignature } = require("./verify.js");
                const [body, header, secret] = process.argv.slice(2);
                process.exit(verifyAmbaSignature(header, fs.readFileSync(body), secret) ? 0 : 3);
                """);
        Path body = work.resolve("body.json");
        Files.write(body, delivery.body());
        assertEquals(0, node(body, delivery.header("Amba-Signature"), secret), "verifies");
        assertEquals(3, node(body, delivery.header("Amba-Signature"), "whsec_wrong"), "refuses another secret");
        byte[] tampered = Arrays.copyOf(delivery.body(), delivery.body().length);
        tampered[tampered.length - 2] ^= 1;
        Files.write(body, tampered);
        assertEquals(3, node(body, delivery.header("Amba-Signature"), secret), "refuses a changed body");
    }

    private int node(Path body, String header, String signingSecret) throws Exception {
        Process process = new ProcessBuilder(List.of("node", "check.js", body.toString(), header, signingSecret))
                .directory(work.toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "node finished");
        return process.exitValue();
    }

    private static boolean nodeIsThere() {
        try {
            Process probe = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
