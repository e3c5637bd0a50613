package com.amba.payments.adapter.webhooks;

import com.amba.payments.domain.model.AmbaSignature;
import com.amba.payments.domain.model.DestinationRules;
import com.amba.payments.domain.model.PaymentEvent;
import com.amba.payments.domain.model.SendOutcome;
import com.amba.payments.domain.model.SigningSecret;
import com.amba.payments.domain.port.out.WebhookSender;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends a delivery over the Vert.x HTTP client. The host is resolved here, at delivery time, and the addresses
 * are checked by {@link DestinationRules} before any connection; the request then goes to the checked address
 * (the Host header and TLS name stay the URL's), so a DNS answer cannot change between the check and the
 * connection. Redirects are not followed: a 3xx is an answer like any other non-2xx.
 *
 * <p>Call from a virtual or worker thread: {@link #send} blocks until an answer or the timeout.
 */
public final class VertxWebhookSender implements WebhookSender, AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final String USER_AGENT = "Amba-Webhooks/1.0";

    private final HttpClient client;
    private final DestinationRules rules;
    private final HostResolver resolver;
    private final Duration timeout;
    private final InstantSource clock;

    public VertxWebhookSender(Vertx vertx, DestinationRules rules, HostResolver resolver, Duration timeout,
                              InstantSource clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        int millis = (int) timeout.toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout(millis)
                        .setIdleTimeout(millis)
                        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                        .setKeepAlive(true)
                        .setVerifyHost(true)
                        .setForceSni(true),
                new PoolOptions().setHttp1MaxSize(8));
    }

    @Override
    public SendOutcome send(URI url, PaymentEvent event, List<SigningSecret> secrets) {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(url.getHost());
        } catch (UnknownHostException e) {
            return new SendOutcome.NoAnswer("could not resolve " + url.getHost());
        }
        var refusal = rules.refusal(url, addresses);
        if (refusal.isPresent()) {
            return new SendOutcome.Refused(refusal.get());
        }
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        byte[] body = WebhookBody.of(event);
        long now = clock.instant().getEpochSecond();
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, addresses.get(0).getHostAddress()))
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(pathAndQuery(url))
                .setFollowRedirects(false)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis())
                .putHeader(HttpHeaders.CONTENT_TYPE, WebhookBody.CONTENT_TYPE)
                .putHeader(HttpHeaders.USER_AGENT, USER_AGENT)
                .putHeader(AmbaSignature.EVENT_ID_HEADER, event.id())
                .putHeader(AmbaSignature.HEADER, AmbaSignature.header(now, body, secrets));
        Future<Integer> answered = client.request(request)
                .compose(outgoing -> outgoing.send(Buffer.buffer(body)))
                .compose(VertxWebhookSender::statusAfterDrain);
        try {
            return new SendOutcome.Answered(answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return new SendOutcome.NoAnswer("no answer within " + timeout.toSeconds() + " s");
        } catch (Exception e) {
            return new SendOutcome.NoAnswer(describe(e));
        }
    }

    /** The status once the (ignored) response body is read, so the connection can be reused. */
    private static Future<Integer> statusAfterDrain(HttpClientResponse response) {
        return response.end().map(ignored -> response.statusCode());
    }

    private static String pathAndQuery(URI url) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    /** What went wrong, in words that name no secret (the URL and the body stay out). */
    private static String describe(Exception e) {
        String kind = e.getClass().getSimpleName();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (kind.contains("Timeout") || message.contains("timeout") || message.contains("timed out")) {
            return "no answer within the timeout";
        }
        if (message.contains("Connection refused")) {
            return "connection refused";
        }
        return kind + (message.isEmpty() ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    @Override
    public void close() {
        client.close();
    }
}
