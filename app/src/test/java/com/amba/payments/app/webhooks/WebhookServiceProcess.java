package com.amba.payments.app.webhooks;

import com.amba.payments.app.Amba;
import com.amba.payments.app.AmbaConfig;
import com.amba.payments.app.DemoCredentials;
import com.amba.payments.app.Parts;
import com.amba.payments.app.RunningAmba;
import com.amba.payments.app.http.DevAmba;
import com.amba.payments.domain.service.WebhookDeliveryService;
import java.time.Duration;

/**
 * The service in a JVM of its own, on a given database, with outgoing webhooks paced for tests (short retries,
 * a 2 s lease), so a test can kill it with SIGKILL and start it again. Prints where it listens and the demo
 * credentials; exits by itself after {@code LIFETIME} so it can never outlive its test.
 */
public final class WebhookServiceProcess {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final Duration LEASE = Duration.ofSeconds(2);

    private WebhookServiceProcess() {
    }

    public static void main(String[] args) throws Exception {
        AmbaConfig config = AmbaConfig.dev().withPort(0).withDatabaseUrl(args[0]).withAdminToken(args[1])
                .withWebhookSecret(DevAmba.WEBHOOK_SECRET);
        Parts parts = DevAmba.partsFor(config);
        parts = parts.withOutgoing(parts.outgoing().paced(new WebhookDeliveryService.Settings(WebhookFixture.QUICK,
                4, LEASE, 100), WebhookFixture.POLL, WebhookFixture.OVERLAP));
        RunningAmba running = Amba.start(config, parts);
        DemoCredentials demo = running.demo().orElseThrow();
        System.out.println("PORT=" + running.port());
        System.out.println("PROJECT=" + demo.projectId().value());
        System.out.println("SERVER_KEY=" + demo.serverKey());
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(LIFETIME.toMillis());
        running.close();
        System.exit(0);
    }
}
