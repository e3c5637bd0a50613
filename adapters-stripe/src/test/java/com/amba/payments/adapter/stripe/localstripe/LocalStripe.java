package com.amba.payments.adapter.stripe.localstripe;

import com.amba.payments.domain.service.SecureRandomIds;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local Stripe-compatible server for tests, on 127.0.0.1 and an ephemeral port, speaking Stripe's wire
 * format where Amba depends on it: bearer secret key, form-encoded bodies, {@code Stripe-Account} scoping,
 * {@code Idempotency-Key} replay / 400 / 409, amount rules, Stripe-shaped objects (from Stripe's own fixtures),
 * signed webhooks, a request log and faults on command.
 *
 * <pre>{@code
 * try (LocalStripe stripe = LocalStripe.start()) {
 *     var settings = StripeSettings.of(new StripeSecretKey(stripe.secretKey())).withApiBase(stripe.apiBase());
 *     String account = stripe.createReadyAccount();
 *     stripe.deliverWebhooksTo(URI.create("http://127.0.0.1:8080/webhooks/stripe"));  // signed with webhookSecret()
 *     ...
 *     stripe.move(paymentId, IntentMove.SUCCEED);   // and Amba receives payment_intent.succeeded
 * }
 * }</pre>
 */
public final class LocalStripe implements AutoCloseable {

    private static final Pattern ONBOARDING_PAGE = Pattern.compile("/setup/s/(acct_[A-Za-z0-9]+)/([A-Za-z0-9]+)");
    private static final Pattern AUTHENTICATION_PAGE = Pattern.compile("/3d_secure_2/hosted/([A-Za-z0-9]+)");

    private final SecureRandomIds ids = new SecureRandomIds();
    private final String secretKey = "sk_test_" + ids.alphanumeric(24);
    private final String restrictedKey = "rk_test_" + ids.alphanumeric(24);
    private final String webhookSecret = "whsec_" + ids.alphanumeric(32);
    private final InstantSource clock;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final StripeApi api;
    private final StripeEvents events;
    private final IdempotencyKeys idempotency = new IdempotencyKeys();
    private final WebhookSender sender = new WebhookSender();
    private final Queue<Fault> faults = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final AtomicReference<URI> webhookEndpoint = new AtomicReference<>();
    private final AtomicReference<Consumer<String>> capturedEvents = new AtomicReference<>();

    private LocalStripe(InstantSource clock, int port) throws IOException {
        this.clock = clock;
        InetAddress loopback = InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        this.server = HttpServer.create(new InetSocketAddress(loopback, port), 0);
        this.events = new StripeEvents(StripeFixtures.load(), clock, ids);
        this.api = new StripeApi(StripeFixtures.load(), clock, ids, apiBase(), this::announceLater);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static LocalStripe start() {
        return start(InstantSource.system());
    }

    /** {@code clock} dates objects and events; webhook signatures use it too. */
    public static LocalStripe start(InstantSource clock) {
        return start(clock, 0);
    }

    /** On 127.0.0.1:{@code port} (0: any free port), for a person to run it ({@link LocalStripeMain}). */
    public static LocalStripe start(InstantSource clock, int port) {
        try {
            return new LocalStripe(clock, port);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the local Stripe server on 127.0.0.1:" + port, e);
        }
    }

    // ---- configuration a client needs ----

    /** The value for AMBA_STRIPE_API_BASE. */
    public URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The one secret key this server accepts (AMBA_STRIPE_SECRET_KEY); a test-mode key. */
    public String secretKey() {
        return secretKey;
    }

    /** A restricted key without permissions: every call with it is 403, as Stripe answers such a key. */
    public String restrictedKey() {
        return restrictedKey;
    }

    /** The signing secret of the webhook endpoint (AMBA_STRIPE_WEBHOOK_SECRET). */
    public String webhookSecret() {
        return webhookSecret;
    }

    /** From now on, every event is POSTed, signed, to {@code endpoint}. */
    public void deliverWebhooksTo(URI endpoint) {
        webhookEndpoint.set(endpoint);
    }

    /**
     * From now on no event is delivered: each one is handed, as Stripe's JSON, to {@code sink} on the thread of
     * the call that caused it and before that call answers (a create's {@code payment_intent.created} too). A
     * test then delivers them itself, in any order, as often as it likes, even before the create has answered.
     */
    public void captureEventsWith(Consumer<String> sink) {
        capturedEvents.set(sink);
    }

    // ---- what a project owner, a customer or Stripe does ----

    /** A new Express account still onboarding (charges_enabled false). */
    public String createAccount() {
        return api.createAccount(false);
    }

    /** A new Express account that finished onboarding (charges_enabled true). */
    public String createReadyAccount() {
        return api.createAccount(true);
    }

    /** The owner finished onboarding: charges_enabled turns true and account.updated is delivered (if an endpoint is set). */
    public Optional<WebhookDelivery> completeOnboarding(String account) {
        JsonObject snapshot = api.completeOnboarding(account)
                .orElseThrow(() -> new IllegalArgumentException("no account " + account));
        return deliverNow(new StripeApi.Change("account.updated", snapshot, Optional.of(account)));
    }

    /** Moves an intent as a customer and Stripe would, and delivers the matching event (if an endpoint is set). */
    public Optional<WebhookDelivery> move(String paymentIntentId, IntentMove move) {
        StripeApi.Change change = api.move(paymentIntentId, move)
                .orElseThrow(() -> new IllegalArgumentException("no payment intent " + paymentIntentId));
        return deliverNow(change);
    }

    // ---- webhooks by hand, for signature tests ----

    /** A refund made on Stripe's dashboard (no Amba metadata); its refund.created and charge.refunded are delivered. */
    public List<WebhookDelivery> refundOnDashboard(String paymentIntentId, long amount) {
        List<StripeApi.Change> changes = api.refundOnDashboard(paymentIntentId, amount);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("no such payment_intent: " + paymentIntentId);
        }
        return changes.stream().flatMap(change -> deliverNow(change).stream()).toList();
    }

    /** Test-mode events of {@code type} about each refund of the intent as it stands now, as JSON, not delivered. */
    public List<String> refundEvents(String type, String paymentIntentId) {
        return api.refundSnapshots(type, paymentIntentId).stream()
                .map(change -> events.event(change.eventType(), change.object(), change.connectedAccount(), false)
                        .toString())
                .toList();
    }

    /** The refunds Stripe holds for the intent, by id. */
    public List<String> refundIdsOf(String paymentIntentId) {
        return api.refundIdsOf(paymentIntentId);
    }

    /** The charge is disputed, or its dispute moves to {@code status}; the charge.dispute.* event is delivered. */
    public Optional<WebhookDelivery> dispute(String paymentIntentId, String status) {
        StripeApi.Change change = api.dispute(paymentIntentId, status)
                .orElseThrow(() -> new IllegalArgumentException("no such payment_intent: " + paymentIntentId));
        return deliverNow(change);
    }

    /** A test-mode event of {@code type} about the intent as it stands now, as JSON, not delivered. */
    public String intentEvent(String type, String paymentIntentId) {
        return intentEvent(type, paymentIntentId, false);
    }

    /** The same with {@code livemode} chosen: a live event reaching a test-mode Amba must be ignored. */
    public String intentEvent(String type, String paymentIntentId, boolean livemode) {
        StripeApi.Change change = api.intentSnapshot(type, paymentIntentId)
                .orElseThrow(() -> new IllegalArgumentException("no payment intent " + paymentIntentId));
        return events.event(change.eventType(), change.object(), change.connectedAccount(), livemode).toString();
    }

    /** {@code payload} signed now with this server's webhook secret, POSTed to the endpoint. */
    public WebhookDelivery deliver(String payload) {
        return deliver(payload, WebhookSender.signatureHeader(payload, clock.instant(), webhookSecret));
    }

    /** {@code payload} POSTed with exactly this {@code Stripe-Signature} (tampered, stale, wrong secret…). */
    public WebhookDelivery deliver(String payload, String signatureHeader) {
        URI endpoint = Optional.ofNullable(webhookEndpoint.get())
                .orElseThrow(() -> new IllegalStateException("call deliverWebhooksTo first"));
        JsonObject event = com.google.gson.JsonParser.parseString(payload).getAsJsonObject();
        WebhookDelivery delivery = sender.post(endpoint, event.get("id").getAsString(),
                event.get("type").getAsString(), payload, signatureHeader);
        deliveries.add(delivery);
        return delivery;
    }

    /** A signature header for {@code payload} at {@code at} with any secret. */
    public static String signatureHeader(String payload, Instant at, String secret) {
        return WebhookSender.signatureHeader(payload, at, secret);
    }

    public List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    // ---- what tests inspect ----

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(String method, String path) {
        return requests.stream().filter(r -> r.is(method, path)).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    public Optional<JsonObject> paymentIntent(String id) {
        return api.paymentIntent(id);
    }

    public List<String> paymentIntentIdsOn(String account) {
        return api.paymentIntentIdsOn(account);
    }

    public Optional<JsonObject> account(String id) {
        return api.account(id);
    }

    /** The next requests meet these faults, one each, in order. */
    public void failNext(Fault... next) {
        synchronized (faults) {
            faults.addAll(List.of(next));
        }
    }

    /** Whether a request is being served or an event delivered right now. */
    public boolean isBusy() {
        return busy.get() > 0;
    }

    /** Waits until no request is being served and no event is being delivered (slow answers finish late). */
    public void awaitIdle(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (busy.get() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("local Stripe still busy after " + timeout);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- the HTTP side ----

    private void handle(HttpExchange exchange) {
        busy.incrementAndGet();
        try (exchange) {
            serve(exchange);
        } catch (IOException e) {
            // The client gave up (read timeout) before a slow answer was written: that is the point of the fault.
        } catch (RuntimeException e) {
            // A bug in this server must not pass for a dropped connection (a fault a test may be expecting).
            System.err.println("local Stripe failed on " + exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + ": " + e);
            e.printStackTrace();
            try {
                exchange.sendResponseHeaders(599, -1);
            } catch (IOException | RuntimeException ignored) {
                // the answer had already started; the client sees it cut short
            }
        } finally {
            busy.decrementAndGet();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        Optional<String> account = header(exchange, "Stripe-Account");
        Optional<String> key = header(exchange, "Idempotency-Key");
        Matcher onboarding = ONBOARDING_PAGE.matcher(path);
        if (method.equals("GET") && onboarding.matches()) {
            finishOnboarding(exchange, onboarding.group(1), onboarding.group(2));
            return;
        }
        Matcher authentication = AUTHENTICATION_PAGE.matcher(path);
        if (method.equals("GET") && authentication.matches()) {
            finishAuthentication(exchange, authentication.group(1));
            return;
        }
        FormBody form = FormBody.parse(method.equals("POST")
                ? new String(body, StandardCharsets.UTF_8) : exchange.getRequestURI().getRawQuery());
        Request request = new Request(method, path, account, key, form);

        Fault fault;
        synchronized (faults) {
            fault = faults.poll();
        }
        switch (fault) {
            case Fault.DroppedConnection ignored -> {
                request.record(RecordedRequest.NO_ANSWER, false);
                return; // closing the exchange without headers closes the connection
            }
            case Fault.ServerError ignored -> {
                send(exchange, request, Answer.rejected(500, "api_error", null,
                        "An unknown error occurred", null), false);
                return;
            }
            case Fault.RateLimited ignored -> {
                send(exchange, request, Answer.rejected(429, "invalid_request_error", "rate_limit",
                        "Request rate limit exceeded. Learn more about rate limits here"
                                + " https://stripe.com/docs/rate-limits.", null), false);
                return;
            }
            case null, default -> { }
        }
        Optional<Answer> refused = authenticate(exchange).or(() -> requireForm(exchange, method, body));
        if (refused.isPresent()) {
            send(exchange, request, refused.get(), false);
            return;
        }
        Duration delay = fault instanceof Fault.SlowAnswer slow ? slow.delay() : Duration.ZERO;
        if (!method.equals("POST") || key.isEmpty()) {
            pause(delay);
            send(exchange, request, api.handle(method, path, account, form), false);
            return;
        }
        String scope = account.orElse(StripeApi.PLATFORM);
        String fingerprint = method + " " + path + " " + new TreeMap<>(form.flat());
        switch (idempotency.claim(scope, key.get(), fingerprint)) {
            case IdempotencyKeys.Claim.Replay replay -> send(exchange, request, replay.answer(), true);
            case IdempotencyKeys.Claim.Refuse refuse -> send(exchange, request, refuse.answer(), false);
            case IdempotencyKeys.Claim.Execute execute -> {
                Answer answer = null;
                try {
                    pause(delay);
                    answer = api.handle(method, path, account, form);
                } finally {
                    idempotency.finish(scope, key.get(), fingerprint, Optional.ofNullable(answer));
                }
                send(exchange, request, answer, false);
            }
        }
    }

    /** One request's identity, recorded once its answer (or lack of one) is known. */
    private final class Request {
        private final RecordedRequest template;

        Request(String method, String path, Optional<String> account, Optional<String> key, FormBody form) {
            this.template = new RecordedRequest(method, path, account, key, form, 0, false);
        }

        void record(int status, boolean replayed) {
            requests.add(new RecordedRequest(template.method(), template.path(), template.stripeAccount(),
                    template.idempotencyKey(), template.form(), status, replayed));
        }
    }

    private Optional<Answer> authenticate(HttpExchange exchange) {
        Optional<String> key = header(exchange, "Authorization").flatMap(LocalStripe::presentedKey);
        if (key.isEmpty()) {
            return Optional.of(Answer.rejected(401, "invalid_request_error", null, "You did not provide an API"
                    + " key. You need to provide your API key in the Authorization header, using Bearer auth (e.g."
                    + " 'Authorization: Bearer YOUR_SECRET_KEY').", null));
        }
        String presented = key.get();
        if (presented.equals(secretKey)) {
            return Optional.empty();
        }
        if (presented.equals(restrictedKey)) {
            return Optional.of(Answer.rejected(403, "invalid_request_error", null, "The provided key '"
                    + masked(presented) + "' does not have the required permissions for this endpoint.", null));
        }
        return Optional.of(Answer.rejected(401, "invalid_request_error", null,
                "Invalid API Key provided: " + masked(presented), null));
    }

    /**
     * The key in {@code Authorization}: Stripe takes it as a bearer token (its SDKs) or as the Basic auth user
     * name with an empty password ({@code curl -u sk_test_…:}, as in Stripe's own docs).
     */
    private static Optional<String> presentedKey(String authorization) {
        if (authorization.startsWith("Bearer ")) {
            return Optional.of(authorization.substring("Bearer ".length()));
        }
        if (!authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        try {
            String pair = new String(java.util.Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return Optional.of(colon < 0 ? pair : pair.substring(0, colon)).filter(user -> !user.isEmpty());
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    /** Stripe reads POST parameters from a form-encoded body only. */
    private static Optional<Answer> requireForm(HttpExchange exchange, String method, byte[] body) {
        String contentType = header(exchange, "Content-Type").orElse("");
        if (method.equals("POST") && body.length > 0 && !contentType.startsWith("application/x-www-form-urlencoded")) {
            return Optional.of(Answer.rejected(400, "invalid_request_error", null, "Invalid request: POST bodies"
                    + " must be application/x-www-form-urlencoded, not " + contentType + ".", null));
        }
        return Optional.empty();
    }

    private static String masked(String key) {
        int prefix = key.indexOf('_', key.indexOf('_') + 1) + 1;
        return key.substring(0, prefix) + "*".repeat(Math.max(0, key.length() - prefix - 4))
                + key.substring(Math.max(prefix, key.length() - 4));
    }

    private void send(HttpExchange exchange, Request request, Answer answer, boolean replayed) throws IOException {
        request.record(answer.status(), replayed);
        byte[] bytes = answer.body().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Request-Id", "req_" + ids.alphanumeric(14));
        // Stripe's own clock, to the second: what a client may take as the moment its answer was true.
        exchange.getResponseHeaders().set("Date", DateTimeFormatter.RFC_1123_DATE_TIME.format(
                clock.instant().atZone(ZoneOffset.UTC)));
        if (replayed) {
            exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
        }
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * The hosted onboarding page: visiting the link finishes onboarding and returns to Amba's return URL. The
     * account.updated event is delivered before the redirect, so once a person sees the 302 Amba knows.
     */
    private void finishOnboarding(HttpExchange exchange, String account, String token) throws IOException {
        Optional<StripeApi.LinkTarget> target = api.link(account, token);
        requests.add(new RecordedRequest("GET", exchange.getRequestURI().getPath(), Optional.empty(),
                Optional.empty(), FormBody.parse(""), target.isPresent() ? 302 : 404, false));
        if (target.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        api.completeOnboarding(account).ifPresent(snapshot ->
                deliverOrNote(new StripeApi.Change("account.updated", snapshot, Optional.of(account))));
        exchange.getResponseHeaders().set("Location", target.get().returnUrl());
        exchange.sendResponseHeaders(302, -1);
    }

    /**
     * The hosted 3D Secure page of a confirm: visiting it passes authentication, delivers
     * payment_intent.succeeded and returns to the confirm's return_url.
     */
    private void finishAuthentication(HttpExchange exchange, String token) throws IOException {
        Optional<StripeApi.Authenticated> done = api.authenticate(token);
        requests.add(new RecordedRequest("GET", exchange.getRequestURI().getPath(), Optional.empty(),
                Optional.empty(), FormBody.parse(""), done.isPresent() ? 302 : 404, false));
        if (done.isEmpty()) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        deliverOrNote(done.get().change());
        exchange.getResponseHeaders().set("Location", done.get().returnUrl());
        exchange.sendResponseHeaders(302, -1);
    }

    private Optional<WebhookDelivery> deliverNow(StripeApi.Change change) {
        Consumer<String> capture = capturedEvents.get();
        if (capture != null) {
            capture.accept(events.event(change.eventType(), change.object(), change.connectedAccount(), false)
                    .toString());
            return Optional.empty();
        }
        if (webhookEndpoint.get() == null) {
            return Optional.empty();
        }
        return Optional.of(deliver(events.event(change.eventType(), change.object(), change.connectedAccount(),
                false).toString()));
    }

    /** Stripe delivers events for API calls after answering them, from elsewhere; so does this server. */
    private void announceLater(StripeApi.Change change) {
        if (capturedEvents.get() != null) {
            deliverNow(change);
            return;
        }
        if (webhookEndpoint.get() == null) {
            return;
        }
        busy.incrementAndGet();
        executor.execute(() -> {
            try {
                deliverOrNote(change);
            } finally {
                busy.decrementAndGet();
            }
        });
    }

    /** Delivers now; an endpoint that is down misses the event (noted), as with Stripe before its retries. */
    private void deliverOrNote(StripeApi.Change change) {
        try {
            deliverNow(change);
        } catch (RuntimeException e) {
            deliveries.add(new WebhookDelivery("(undelivered)", change.eventType(), "", "",
                    RecordedRequest.NO_ANSWER, String.valueOf(e.getMessage())));
        }
    }

    private static void pause(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Optional<String> header(HttpExchange exchange, String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }
}
