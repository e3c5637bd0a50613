package com.amba.payments.adapter.http;

import static com.amba.payments.domain.testing.Payments.aPayment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amba.payments.domain.model.AdminToken;
import com.amba.payments.domain.model.ClientSecret;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.InputValue;
import com.amba.payments.domain.model.Money;
import com.amba.payments.domain.model.Payment;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.in.CreatePayment;
import com.amba.payments.domain.model.DisputeStatus;
import com.amba.payments.domain.model.PaymentStanding;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.Refund;
import com.amba.payments.domain.port.in.OperateSandbox;
import com.amba.payments.domain.port.in.ReadPaymentStanding;
import com.amba.payments.domain.port.in.RefundPayment;
import com.amba.payments.domain.port.in.ReceiveProviderWebhook;
import com.amba.payments.domain.port.out.StoreUnavailable;
import com.amba.payments.domain.service.CreateAdmission;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verticle over real HTTP, in front of small hand-written fakes of the in-ports. */
class AmbaHttpServerTest {

    private static final String ADMIN_TOKEN = "admin-token-for-tests";
    private static final String SERVER_KEY = "amba_sk_test_server_key";

    private static final AtomicReference<CreatePayment> creates = new AtomicReference<>();
    /** What the fake read answers with; the route adds no refunds and no dispute. */
    private interface PaymentReads {
        Result<Payment, PaymentError> read(Optional<String> apiKey, String paymentId);
    }

    /** The read without waiting, which a GET tries first: by default the key is never at hand. */
    private interface PaymentReadsAtOnce {
        Optional<CompletionStage<Result<PaymentStanding, PaymentError>>> read(Optional<String> apiKey, String paymentId);
    }

    private static final AtomicReference<PaymentReads> reads = new AtomicReference<>();
    private static final AtomicReference<PaymentReadsAtOnce> readsAtOnce = new AtomicReference<>();
    private static final AtomicReference<ReceiveProviderWebhook> webhooks = new AtomicReference<>();
    private static final AtomicBoolean databaseReady = new AtomicBoolean(true);
    private static final List<String> sandboxCalls = new CopyOnWriteArrayList<>();
    private static final List<String> logLines = new CopyOnWriteArrayList<>();
    private static final FakeAdmin admin = new FakeAdmin();
    /** Held strongly: the log manager keeps loggers weakly, and a collected one would take the handler with it. */
    private static final Logger ACCESS_LOG = Logger.getLogger("com.amba.payments.adapter.http.access");
    private static final Handler logCapture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // As a formatter writes it: the access log hands its fields over as a parameter of "{0}".
            logLines.add(new SimpleFormatter().formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private static Vertx vertx;
    private static int fullPort;
    private static int barePort;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        ACCESS_LOG.addHandler(logCapture);
        vertx = Vertx.vertx();
        AmbaHttpServer full = new AmbaHttpServer(dependencies(
                Optional.of((body, signature) -> webhooks.get().receive(body, signature)), Optional.of(new FakeSandbox()),
                List.of(ReadinessCheck.of("database", databaseReady::get), ReadinessCheck.of("kafka", () -> true))));
        AmbaHttpServer bare = new AmbaHttpServer(dependencies(Optional.empty(), Optional.empty(), List.of()));
        vertx.deployVerticle(full).await();
        vertx.deployVerticle(bare).await();
        fullPort = full.port();
        barePort = bare.port();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
        ACCESS_LOG.removeHandler(logCapture);
    }

    @BeforeEach
    void reset() {
        creates.set((key, idempotencyKey, body) -> Result.err(new PaymentError.InvalidApiKey()));
        reads.set((key, id) -> Result.err(new PaymentError.PaymentNotFound()));
        readsAtOnce.set((key, id) -> Optional.empty());
        webhooks.set((body, signature) -> Result.ok(ReceiveProviderWebhook.Acknowledgement.HANDED_OFF));
        databaseReady.set(true);
        admin.calls.clear();
        admin.bodies.clear();
        sandboxCalls.clear();
        logLines.clear();
    }

    /** Dependencies with every optional part present, so the router serves every route it can. */
    static HttpDependencies everyRoute() {
        HttpDependencies some = dependencies(Optional.of((body, signature) -> webhooks.get().receive(body, signature)),
                Optional.of(new FakeSandbox()), List.of());
        return new HttpDependencies(some.creates(), some.readPayment(), some.moneyBack(),
                some.administerPayments(), some.onboardingPages(), some.readProjects(), some.webhooks(), some.sandbox(),
                some.adminToken(), some.readinessChecks(), some.metrics(), some.port(), Optional.of(new OutgoingWebhooksApi(new FakeWebhookEndpoints(),
                        (project, listener) -> Result.err(new PaymentError.ProjectNotFound()))));
    }

    private static HttpDependencies dependencies(Optional<ReceiveProviderWebhook> hooks, Optional<OperateSandbox> sandbox,
                                                 List<ReadinessCheck> checks) {
        return new HttpDependencies(
                new CreateAdmission((key, idempotencyKey, body) -> creates.get().create(key, idempotencyKey, body), 1_000),
                new ReadPaymentStanding() {
                    @Override
                    public Result<PaymentStanding, PaymentError> readStanding(Optional<String> key, String id) {
                        return reads.get().read(key, id).map(p -> new PaymentStanding(p, 0, DisputeStatus.NONE));
                    }

                    @Override
                    public Optional<CompletionStage<Result<PaymentStanding, PaymentError>>> readStandingWithoutWaiting(
                            Optional<String> key, String id) {
                        return readsAtOnce.get().read(key, id);
                    }
                },
                new MoneyBackCalls((key, id, body) -> Result.err(new PaymentError.PaymentNotFound()), new NoRefunds()),
                admin, new NoOnboardingPages(), new NoProjects(), hooks, sandbox, new AdminToken(ADMIN_TOKEN), checks,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), 0);
    }

    // ---- client API ----

    @Test
    void createAnswersThePaymentWithItsClientSecret() throws Exception {
        Payment payment = aPayment().withAmount(1999, "usd").withFee(50).build();
        List<RequestBody> received = new ArrayList<>();
        List<Optional<String>> keys = new ArrayList<>();
        creates.set((key, idempotencyKey, body) -> {
            keys.add(key);
            received.add(body);
            return Result.ok(payment);
        });

        HttpResponse<String> response = send(post("/client/payments/intents",
                "{\"amount\": 1999, \"currency\": \"usd\", \"application_fee_amount\": 50}")
                .header("X-Api-Key", SERVER_KEY).header("Content-Type", "application/json"));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject data = new JsonObject(response.body()).getJsonObject("data");
        assertEquals(payment.id().value(), data.getString("payment_id"));
        assertEquals(payment.clientSecret().value(), data.getString("client_secret"));
        assertEquals("requires_payment_method", data.getString("status"));
        assertEquals(1999L, data.getLong("amount"));
        assertEquals("usd", data.getString("currency"));
        assertEquals(50L, data.getLong("application_fee_amount"));
        assertTrue(data.containsKey("client_reference"));
        assertNull(data.getValue("client_reference"));
        assertEquals(List.of(Optional.of(SERVER_KEY)), keys);
        assertEquals(new RequestBody.Fields(Map.of("amount", InputValue.WholeNumber.of(1999),
                "currency", new InputValue.Text("usd"), "application_fee_amount", InputValue.WholeNumber.of(50))),
                received.getFirst());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElseThrow());
    }

    @Test
    void theHttpLayerRejectsNoBodyItselfSoTheKeyIsCheckedFirst() throws Exception {
        List<RequestBody> received = new CopyOnWriteArrayList<>();
        creates.set((key, idempotencyKey, body) -> {
            received.add(body);
            return key.isEmpty() ? Result.err(new PaymentError.InvalidApiKey())
                    : Result.err(new PaymentError.InvalidBody("bad body"));
        });
        String oversized = "{\"client_reference\": \"" + "x".repeat(70 * 1024) + "\"}";

        HttpResponse<String> noKey = send(post("/client/payments/intents", oversized));
        HttpResponse<String> withKey = send(post("/client/payments/intents", oversized).header("X-Api-Key", SERVER_KEY));
        HttpResponse<String> notJson = send(post("/client/payments/intents", "amount=1999").header("X-Api-Key", SERVER_KEY));

        assertEquals(401, noKey.statusCode(), noKey.body());
        assertEquals("INVALID_API_KEY", errorCode(noKey));
        assertEquals(400, withKey.statusCode());
        assertEquals("INVALID_BODY", errorCode(withKey));
        assertEquals(400, notJson.statusCode());
        assertEquals(3, received.size());
        received.forEach(body -> assertInstanceOf(RequestBody.Unreadable.class, body));
    }

    @Test
    void aHugeBodyIsNotBufferedAndStillAnswered() throws Exception {
        AtomicReference<RequestBody> received = new AtomicReference<>();
        creates.set((key, idempotencyKey, body) -> {
            received.set(body);
            return Result.err(new PaymentError.InvalidBody("too large"));
        });
        byte[] huge = new byte[8 * 1024 * 1024];
        Arrays.fill(huge, (byte) ' ');

        HttpResponse<String> declared = send(HttpRequest.newBuilder(uri(fullPort, "/client/payments/intents"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(huge)).header("X-Api-Key", SERVER_KEY));
        RequestBody fromDeclared = received.getAndSet(null);
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri(fullPort, "/client/payments/intents"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))
                .header("X-Api-Key", SERVER_KEY));
        RequestBody fromChunks = received.get();

        assertEquals(400, declared.statusCode());
        assertEquals(400, chunked.statusCode());
        for (RequestBody body : Arrays.asList(fromDeclared, fromChunks)) {
            RequestBody.Unreadable unreadable = assertInstanceOf(RequestBody.Unreadable.class, body);
            assertTrue(unreadable.reason().contains("64 KiB"), unreadable.reason());
        }
    }

    @Test
    void anEmptyBodyReachesTheDomainAsEmpty() throws Exception {
        AtomicReference<RequestBody> received = new AtomicReference<>();
        creates.set((key, idempotencyKey, body) -> {
            received.set(body);
            return Result.err(new PaymentError.InvalidBody("a JSON object is required"));
        });

        send(HttpRequest.newBuilder(uri(fullPort, "/client/payments/intents"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("X-Api-Key", SERVER_KEY));

        assertEquals(new RequestBody.Empty(), received.get());
    }

    @Test
    void readAnswersTheLedgerFieldsWithoutTheClientSecret() throws Exception {
        Payment payment = aPayment().withReference("order-7").withStatus(PaymentStatus.SUCCEEDED)
                .withNotes(Map.of("order_id", "7", "shelf", "b-12"), java.util.Optional.of("Two blue mugs"))
                .createdAt(Instant.parse("2025-03-01T12:00:00Z")).updatedAt(Instant.parse("2025-03-01T12:05:30.250Z"))
                .build();
        List<String> asked = new CopyOnWriteArrayList<>();
        reads.set((key, id) -> {
            asked.add(key.orElse("-") + " " + id);
            return Result.ok(payment);
        });

        HttpResponse<String> response = send(get("/client/payments/intents/" + payment.id().value())
                .header("X-Api-Key", "amba_pk_client"));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject data = new JsonObject(response.body()).getJsonObject("data");
        assertEquals(new JsonObject().put("order_id", "7").put("shelf", "b-12"), data.remove("metadata"));
        assertEquals("Two blue mugs", data.remove("description"));
        assertEquals(Map.ofEntries(Map.entry("payment_id", payment.id().value()), Map.entry("status", "succeeded"),
                Map.entry("amount", 2000), Map.entry("currency", "usd"), Map.entry("client_reference", "order-7"),
                Map.entry("application_fee_amount", 100), Map.entry("created_at", "2025-03-01T12:00:00.000Z"),
                Map.entry("updated_at", "2025-03-01T12:05:30.250Z"), Map.entry("amount_refunded", 0),
                Map.entry("refund_status", "none"), Map.entry("dispute_status", "none")), data.getMap());
        assertFalse(response.body().contains("secret"));
        assertEquals(List.of("amba_pk_client " + payment.id().value()), asked);
    }

    @Test
    void aReadWithTheKeyAtHandIsAnsweredFromTheEventLoopWithoutTheWaitingRead() throws Exception {
        Payment payment = aPayment().build();
        List<String> askedOn = new CopyOnWriteArrayList<>();
        readsAtOnce.set((key, id) -> {
            askedOn.add(Thread.currentThread().getName());
            return Optional.of(CompletableFuture.completedFuture(
                    Result.ok(new PaymentStanding(payment, 0, DisputeStatus.NONE))));
        });
        reads.set((key, id) -> {
            throw new AssertionError("the waiting read was asked too");
        });

        HttpResponse<String> response = send(get("/client/payments/intents/" + payment.id().value())
                .header("X-Api-Key", "amba_pk_client"));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(payment.id().value(), new JsonObject(response.body()).getJsonObject("data").getString("payment_id"));
        assertEquals(1, askedOn.size());
        assertTrue(askedOn.getFirst().startsWith("vert.x-eventloop-thread-"), askedOn::toString);
    }

    @Test
    void aReadWithoutWaitingThatAnswersFromAnotherThreadOrFailsStillGetsItsReply() throws Exception {
        Payment payment = aPayment().build();
        readsAtOnce.set((key, id) -> Optional.of(CompletableFuture.supplyAsync(
                () -> Result.<PaymentStanding, PaymentError>err(new PaymentError.ControlPlaneUnavailable()),
                CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS))));
        HttpResponse<String> later = send(get("/client/payments/intents/" + payment.id().value())
                .header("X-Api-Key", "amba_pk_client"));
        readsAtOnce.set((key, id) -> Optional.of(CompletableFuture.failedFuture(new IllegalStateException("boom"))));
        HttpResponse<String> failedLater = send(get("/client/payments/intents/" + payment.id().value())
                .header("X-Api-Key", "amba_pk_client"));
        readsAtOnce.set((key, id) -> {
            throw new IllegalStateException("boom");
        });
        HttpResponse<String> failedAtOnce = send(get("/client/payments/intents/" + payment.id().value())
                .header("X-Api-Key", "amba_pk_client"));

        assertEquals(503, later.statusCode(), later.body());
        assertEquals("CONTROL_PLANE_UNAVAILABLE", errorCode(later));
        assertEquals(500, failedLater.statusCode());
        assertEquals("INTERNAL_ERROR", errorCode(failedLater));
        assertEquals(500, failedAtOnce.statusCode());
        assertFalse(failedAtOnce.body().contains("boom"));
    }

    @Test
    void domainErrorsGetTheirStatusAndRetryAfter() throws Exception {
        creates.set((key, idempotencyKey, body) -> Result.err(new PaymentError.PaymentProviderUnavailable()));
        HttpResponse<String> provider = send(post("/client/payments/intents", "{}").header("X-Api-Key", SERVER_KEY));
        reads.set((key, id) -> Result.err(new PaymentError.ControlPlaneUnavailable()));
        HttpResponse<String> store = send(get("/client/payments/intents/pi_1").header("X-Api-Key", SERVER_KEY));
        reads.set((key, id) -> Result.err(new PaymentError.PaymentNotFound()));
        HttpResponse<String> missing = send(get("/client/payments/intents/pi_1").header("X-Api-Key", SERVER_KEY));

        assertEquals(502, provider.statusCode());
        assertEquals("PAYMENT_PROVIDER_UNAVAILABLE", errorCode(provider));
        assertEquals(Optional.of("2"), provider.headers().firstValue("Retry-After"));
        assertEquals(503, store.statusCode());
        assertEquals(Optional.of("1"), store.headers().firstValue("Retry-After"));
        assertEquals(404, missing.statusCode());
        assertEquals(Optional.empty(), missing.headers().firstValue("Retry-After"));
        assertEquals(new PaymentError.PaymentNotFound().message(),
                new JsonObject(missing.body()).getJsonObject("error").getString("message"));
    }

    @Test
    void aUseCaseThatThrowsIsA500WithTheEnvelope() throws Exception {
        reads.set((key, id) -> {
            throw new IllegalStateException("boom");
        });

        HttpResponse<String> response = send(get("/client/payments/intents/pi_1"));

        assertEquals(500, response.statusCode());
        assertEquals("INTERNAL_ERROR", errorCode(response));
        assertFalse(response.body().contains("boom"));
    }

    @Test
    void aStoreOutageThatEscapesAUseCaseIsStillA503() throws Exception {
        reads.set((key, id) -> {
            throw new StoreUnavailable("ledger timed out");
        });

        HttpResponse<String> response = send(get("/client/payments/intents/pi_1"));

        assertEquals(503, response.statusCode());
        assertEquals("CONTROL_PLANE_UNAVAILABLE", errorCode(response));
        assertEquals(Optional.of("1"), response.headers().firstValue("Retry-After"));
    }

    @Test
    void slowUseCasesRunConcurrentlyAndNeverStallLiveness() throws Exception {
        creates.set((key, idempotencyKey, body) -> {
            sleep(Duration.ofMillis(1_500));
            return Result.err(new PaymentError.PaymentProviderUnavailable());
        });
        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            slow.add(http.sendAsync(post("/client/payments/intents", "{}").build(), HttpResponse.BodyHandlers.ofString()));
        }
        sleep(Duration.ofMillis(200));

        long liveStarted = System.nanoTime();
        HttpResponse<String> live = send(get("/health/live"));
        Duration liveTook = Duration.ofNanos(System.nanoTime() - liveStarted);
        slow.forEach(request -> assertEquals(502, request.join().statusCode()));
        Duration allTook = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(200, live.statusCode());
        assertTrue(liveTook.compareTo(Duration.ofMillis(700)) < 0, "liveness took " + liveTook);
        assertTrue(allTook.compareTo(Duration.ofMillis(2_900)) < 0, "four slow calls took " + allTook);
    }

    // ---- envelopes, request ids, routing ----

    @Test
    void aSaneRequestIdIsEchoedAndAnyOtherReplaced() throws Exception {
        HttpResponse<String> echoed = send(get("/health/live").header("X-Request-Id", "abc-123"));
        HttpResponse<String> replaced = send(get("/health/live").header("X-Request-Id", "bad id with spaces"));
        HttpResponse<String> generated = send(get("/health/live"));
        HttpResponse<String> generatedToo = send(get("/health/live"));

        assertEquals(Optional.of("abc-123"), echoed.headers().firstValue("X-Request-Id"));
        String replacement = replaced.headers().firstValue("X-Request-Id").orElseThrow();
        assertNotEquals("bad id with spaces", replacement);
        assertTrue(replacement.startsWith("req_"), replacement);
        assertNotEquals(generated.headers().firstValue("X-Request-Id").orElseThrow(),
                generatedToo.headers().firstValue("X-Request-Id").orElseThrow());
        assertFalse(RequestIds.chooseId("x".repeat(129)).equals("x".repeat(129)));
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405InTheEnvelope() throws Exception {
        HttpResponse<String> unknown = send(get("/client/nothing-here").header("X-Request-Id", "r-404"));
        HttpResponse<String> wrongMethod = send(HttpRequest.newBuilder(uri(fullPort, "/client/payments/intents"))
                .DELETE().header("X-Request-Id", "r-405"));

        assertEquals(404, unknown.statusCode());
        assertEquals("NOT_FOUND", errorCode(unknown));
        assertEquals(Optional.of("r-404"), unknown.headers().firstValue("X-Request-Id"));
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("METHOD_NOT_ALLOWED", errorCode(wrongMethod));
        assertEquals(Optional.of("r-405"), wrongMethod.headers().firstValue("X-Request-Id"));
        assertEquals(Optional.of("POST"), wrongMethod.headers().firstValue("Allow"));
        HttpResponse<String> readWrongly = send(HttpRequest.newBuilder(uri(fullPort, "/client/payments/intents/pi_x"))
                .DELETE());
        assertEquals(405, readWrongly.statusCode());
        assertEquals(Optional.of("GET"), readWrongly.headers().firstValue("Allow"));
    }

    // ---- Admin API ----

    @Test
    void theAdminTokenIsCheckedBeforeAnythingElse() throws Exception {
        HttpResponse<String> none = send(get("/admin/payments/status"));
        HttpResponse<String> wrong = send(post("/admin/projects", "{\"name\": \"x\"}").header("Authorization", "Bearer nope"));
        HttpResponse<String> unknownPath = send(get("/admin/does-not-exist"));
        HttpResponse<String> notBearer = send(get("/admin/payments/status").header("Authorization", "Basic " + ADMIN_TOKEN));

        for (HttpResponse<String> response : List.of(none, wrong, unknownPath, notBearer)) {
            assertEquals(401, response.statusCode(), response.body());
            assertEquals("INVALID_ADMIN_TOKEN", errorCode(response));
        }
        assertEquals(List.of(), admin.calls);
    }

    @Test
    void adminStatusShowsTheSwitchTheDefaultFeeAndEachProject() throws Exception {
        HttpResponse<String> response = send(admin(get("/admin/payments/status")));

        assertEquals(200, response.statusCode(), response.body());
        JsonObject data = new JsonObject(response.body()).getJsonObject("data");
        assertEquals(true, data.getBoolean("payments_enabled"));
        assertTrue(data.containsKey("default_platform_fee_bps"));
        assertNull(data.getValue("default_platform_fee_bps"));
        JsonArray projects = data.getJsonArray("projects");
        assertEquals("proj_ready", projects.getJsonObject(0).getString("project_id"));
        assertEquals("ready", projects.getJsonObject(0).getString("payments"));
        assertEquals(250, projects.getJsonObject(0).getInteger("default_platform_fee_bps"));
        assertEquals("not_set_up", projects.getJsonObject(1).getString("payments"));
        assertNull(projects.getJsonObject(1).getValue("default_platform_fee_bps"));
    }

    @Test
    void adminWritesReachTheDomainWithTheirBodies() throws Exception {
        HttpResponse<String> enable = send(admin(post("/admin/payments/enable", "")));
        HttpResponse<String> disable = send(admin(post("/admin/payments/disable", "")));
        HttpResponse<String> config = send(admin(put("/admin/payments/config", "{\"default_platform_fee_bps\": null}")));
        HttpResponse<String> project = send(admin(post("/admin/projects", "{\"name\": \"Shop\"}")));
        HttpResponse<String> key = send(admin(post("/admin/projects/proj_new/api-keys", "{\"kind\": \"server\"}")));
        HttpResponse<String> revoke = send(admin(HttpRequest.newBuilder(uri(fullPort, "/admin/projects/proj_new/api-keys/key_1")).DELETE()));
        HttpResponse<String> revokeUnknown = send(admin(HttpRequest.newBuilder(uri(fullPort, "/admin/projects/proj_new/api-keys/key_9")).DELETE()));
        HttpResponse<String> account = send(admin(post("/admin/projects/proj_new/payments/account", "")));
        HttpResponse<String> projectFee = send(admin(put("/admin/projects/proj_ready/payments/config", "{\"default_platform_fee_bps\": 250}")));
        HttpResponse<String> unknownProject = send(admin(put("/admin/projects/proj_x/payments/config", "{\"default_platform_fee_bps\": 1}")));

        assertEquals(List.of("enable", "disable", "configurePlatform", "createProject", "issueApiKey proj_new",
                "revokeApiKey proj_new key_1", "revokeApiKey proj_new key_9", "setUpAccount proj_new",
                "configureProject proj_ready", "configureProject proj_x"), admin.calls);
        assertEquals(List.of(new RequestBody.Fields(Map.of("default_platform_fee_bps", new InputValue.Null())),
                new RequestBody.Fields(Map.of("name", new InputValue.Text("Shop"))),
                new RequestBody.Fields(Map.of("kind", new InputValue.Text("server"))),
                new RequestBody.Empty(),
                new RequestBody.Fields(Map.of("default_platform_fee_bps", InputValue.WholeNumber.of(250))),
                new RequestBody.Fields(Map.of("default_platform_fee_bps", InputValue.WholeNumber.of(1)))), admin.bodies);
        assertEquals(true, data(enable).getBoolean("payments_enabled"));
        assertEquals(false, data(disable).getBoolean("payments_enabled"));
        assertEquals(100, data(disable).getInteger("default_platform_fee_bps"));
        assertEquals(200, config.statusCode());
        assertEquals("proj_new", data(project).getString("project_id"));
        assertEquals("New Shop", data(project).getString("name"));
        assertEquals(Map.of("key_id", "key_1", "api_key", "amba_sk_secret", "kind", "server", "project_id", "proj_new"),
                data(key).getMap());
        assertEquals(200, revoke.statusCode());
        assertEquals(404, revokeUnknown.statusCode());
        assertEquals("API_KEY_NOT_FOUND", errorCode(revokeUnknown));
        assertEquals("acct_new", data(account).getString("stripe_account_id"));
        assertEquals("https://connect.example/onboard", data(account).getString("onboarding_url"));
        assertEquals(250, data(projectFee).getInteger("default_platform_fee_bps"));
        assertEquals(404, unknownProject.statusCode());
        assertEquals("PROJECT_NOT_FOUND", errorCode(unknownProject));
    }

    @Test
    void adminListPassesTheQueryAndNeverShowsClientSecrets() throws Exception {
        Payment newer = aPayment().inProject(new com.amba.payments.domain.model.ProjectId("proj_ready"))
                .createdAt(Instant.parse("2025-03-02T00:00:00Z")).build();
        Payment older = aPayment().inProject(new com.amba.payments.domain.model.ProjectId("proj_ready")).build();
        admin.payments = List.of(newer, older);

        HttpResponse<String> response = send(admin(get(
                "/admin/projects/proj_ready/payments?status=succeeded&created_gte=2025-01-01T00:00:00Z&limit=2")));
        HttpResponse<String> twice = send(admin(get("/admin/projects/proj_ready/payments?limit=1&limit=2")));

        assertEquals(200, response.statusCode(), response.body());
        assertEquals(Map.of("status", "succeeded", "created_gte", "2025-01-01T00:00:00Z", "limit", "2"), admin.lastQuery);
        JsonObject envelope = new JsonObject(response.body());
        assertEquals(true, envelope.getBoolean("has_more"));
        assertTrue(envelope.getString("next_cursor").endsWith(older.id().value()));
        JsonArray items = envelope.getJsonArray("data");
        assertEquals(2, items.size());
        assertEquals(newer.id().value(), items.getJsonObject(0).getString("payment_id"));
        assertEquals("proj_ready", items.getJsonObject(0).getString("project_id"));
        assertFalse(response.body().contains("secret"), response.body());
        assertEquals(400, twice.statusCode());
        assertEquals("INVALID_QUERY", errorCode(twice));
    }

    @Test
    void theReportIsJsonOrCsvOnRequest() throws Exception {
        HttpResponse<String> json = send(admin(get("/admin/payments/report")));
        HttpResponse<String> csv = send(admin(get("/admin/payments/report")).header("Accept", "text/csv"));

        JsonObject data = data(json);
        JsonObject first = data.getJsonArray("lines").getJsonObject(0);
        assertEquals("proj_a", first.getString("project_id"));
        assertEquals(Map.ofEntries(Map.entry("project_id", "proj_b"), Map.entry("currency", "usd"),
                Map.entry("count", 3), Map.entry("gross", 6000), Map.entry("fees", 300), Map.entry("refunded", 1500),
                Map.entry("fees_refunded", 75), Map.entry("disputed", 2000), Map.entry("net", 2500),
                Map.entry("by_status", Map.of("succeeded", 2, "canceled", 1))),
                data.getJsonArray("lines").getJsonObject(1).getMap());
        assertEquals("evt_1", data.getJsonArray("mismatches").getJsonObject(0).getString("event_id"));
        assertEquals("pi_1", data.getJsonArray("mismatches").getJsonObject(0).getString("payment_id"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
        assertEquals(List.of(
                "project_id,currency,count,gross,fees,refunded,fees_refunded,disputed,net,requires_payment_method,"
                        + "requires_confirmation,requires_action,processing,requires_capture,succeeded,canceled",
                "proj_a,eur,1,1000,50,0,0,0,1000,0,0,0,1,0,0,0",
                "proj_b,usd,3,6000,300,1500,75,2000,2500,0,0,0,0,0,2,1"), csv.body().lines().toList());
    }

    // ---- sandbox and webhooks ----

    @Test
    void sandboxRoutesExistOnlyWithASandbox() throws Exception {
        HttpResponse<String> act = send(post(fullPort, "/sandbox/payments/pi_123/succeed", ""));
        HttpResponse<String> onboard = send(post(fullPort, "/sandbox/accounts/acct_1/complete_onboarding", ""));
        HttpResponse<String> badAction = send(post(fullPort, "/sandbox/payments/pi_123/explode", ""));
        HttpResponse<String> absent = send(post(barePort, "/sandbox/payments/pi_123/succeed", ""));

        assertEquals(200, act.statusCode(), act.body());
        assertEquals(Map.of("payment_id", "pi_123", "status", "succeeded", "amount", 2000, "currency", "usd"),
                data(act).getMap());
        assertEquals(Map.of("stripe_account_id", "acct_1", "charges_enabled", true), data(onboard).getMap());
        assertEquals(404, badAction.statusCode());
        assertEquals(List.of("act pi_123 SUCCEED", "complete acct_1"), sandboxCalls);
        assertEquals(404, absent.statusCode());
        assertEquals("NOT_FOUND", errorCode(absent));
    }

    @Test
    void webhooksGetTheExactBytesAndTheSignature() throws Exception {
        byte[] payload = "{\"id\": \"evt_1\",  \"type\": \"payment_intent.succeeded\"}\n".getBytes(StandardCharsets.UTF_8);
        AtomicReference<byte[]> bytes = new AtomicReference<>();
        AtomicReference<Optional<String>> signature = new AtomicReference<>();
        webhooks.set((body, header) -> {
            bytes.set(body);
            signature.set(header);
            return Result.ok(ReceiveProviderWebhook.Acknowledgement.HANDED_OFF);
        });

        HttpResponse<String> accepted = send(HttpRequest.newBuilder(uri(fullPort, "/webhooks/stripe"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).header("Stripe-Signature", "t=1,v1=abc"));
        webhooks.set((body, header) -> Result.err(new PaymentError.InvalidSignature()));
        HttpResponse<String> forged = send(post(fullPort, "/webhooks/stripe", "{}"));
        webhooks.set((body, header) -> Result.err(new PaymentError.ControlPlaneUnavailable()));
        HttpResponse<String> notHandedOff = send(post(fullPort, "/webhooks/stripe", "{}"));
        HttpResponse<String> absent = send(post(barePort, "/webhooks/stripe", "{}"));

        assertEquals(200, accepted.statusCode());
        assertTrue(Arrays.equals(payload, bytes.get()));
        assertEquals(Optional.of("t=1,v1=abc"), signature.get());
        assertEquals(400, forged.statusCode());
        assertEquals("INVALID_SIGNATURE", errorCode(forged));
        assertEquals(503, notHandedOff.statusCode());
        assertEquals(Optional.of("1"), notHandedOff.headers().firstValue("Retry-After"));
        assertEquals(404, absent.statusCode());
    }

    @Test
    void anOversizedWebhookIsRefusedWithoutReachingTheDomain() throws Exception {
        AtomicBoolean called = new AtomicBoolean();
        webhooks.set((body, header) -> {
            called.set(true);
            return Result.ok(ReceiveProviderWebhook.Acknowledgement.HANDED_OFF);
        });

        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(fullPort, "/webhooks/stripe"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[WebhookRoutes.LIMIT_BYTES + 1])));

        assertEquals(413, response.statusCode());
        assertEquals("BODY_TOO_LARGE", errorCode(response));
        assertFalse(called.get());
    }

    // ---- health, metrics, logs ----

    @Test
    void readinessNamesTheCheckThatFailed() throws Exception {
        HttpResponse<String> ready = send(get("/health/ready"));
        databaseReady.set(false);
        HttpResponse<String> notReady = send(get("/health/ready"));
        HttpResponse<String> noChecks = send(get(barePort, "/health/ready"));

        assertEquals(200, ready.statusCode());
        assertEquals(503, notReady.statusCode());
        assertEquals("NOT_READY", errorCode(notReady));
        assertEquals(List.of("database"), new JsonObject(notReady.body()).getJsonObject("error")
                .getJsonArray("failed_checks").getList());
        assertTrue(notReady.headers().firstValue("Retry-After").isPresent());
        assertEquals(200, noChecks.statusCode());
    }

    @Test
    void metricsCountAnswersPerRouteAndStatus() throws Exception {
        send(get("/client/payments/intents/pi_9"));
        send(get("/no/such/route"));

        HttpResponse<String> metrics = send(get("/metrics"));

        assertEquals(200, metrics.statusCode());
        assertTrue(metrics.headers().firstValue("Content-Type").orElseThrow().startsWith("text/plain"));
        assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("amba_http_responses_total{")
                && line.contains("route=\"/client/payments/intents/:id\"") && line.contains("status=\"404\"")), metrics.body());
        assertTrue(metrics.body().lines().anyMatch(line -> line.startsWith("amba_http_request_duration_seconds_count{")
                && line.contains("route=\"unmatched\"")), metrics.body());
    }

    @Test
    void theAccessLogIsOneJsonLinePerRequestWithoutSecrets() throws Exception {
        Payment payment = aPayment().build();
        creates.set((key, idempotencyKey, body) -> Result.ok(payment));

        send(post("/client/payments/intents", "{\"amount\": 2000, \"currency\": \"usd\"}")
                .header("X-Api-Key", SERVER_KEY).header("X-Request-Id", "log-test-1"));
        send(admin(get("/admin/payments/status")).header("X-Request-Id", "log-test-2"));

        List<JsonObject> lines = awaitLogLines(2);
        JsonObject create = lines.stream().filter(l -> "log-test-1".equals(l.getString("request_id"))).findFirst().orElseThrow();
        assertEquals("POST", create.getString("method"));
        assertEquals("/client/payments/intents", create.getString("path"));
        assertEquals("200", create.getString("status"));
        assertTrue(create.getDouble("duration_ms") >= 0);
        String all = String.join("\n", logLines);
        assertFalse(all.contains(SERVER_KEY));
        assertFalse(all.contains(ADMIN_TOKEN));
        assertFalse(all.contains(payment.clientSecret().value()));
        assertFalse(all.contains("2000"));
    }

    // ---- helpers ----

    /** Project reads are tested end to end in app; here every project is unknown. */
    private static final class NoProjects implements com.amba.payments.domain.port.in.ReadProjects {
        @Override
        public Result<List<com.amba.payments.domain.port.in.ProjectOverview>, PaymentError> projects() {
            return Result.ok(List.of());
        }

        @Override
        public Result<com.amba.payments.domain.port.in.ProjectOverview, PaymentError> project(String projectId) {
            return Result.err(new PaymentError.ProjectNotFound());
        }

        @Override
        public Result<List<com.amba.payments.domain.model.ApiKey>, PaymentError> apiKeys(String projectId) {
            return Result.err(new PaymentError.ProjectNotFound());
        }
    }

    /** Onboarding pages are tested end to end in app; here every account is unknown. */
    private static final class NoOnboardingPages implements com.amba.payments.domain.port.in.OnboardingPages {
        @Override
        public Result<com.amba.payments.domain.model.Project, PaymentError> returned(String accountId) {
            return Result.err(new PaymentError.AccountNotFound());
        }

        @Override
        public Result<com.amba.payments.domain.port.in.AccountSetup, PaymentError> refreshed(String accountId) {
            return Result.err(new PaymentError.AccountNotFound());
        }
    }

    /** The money-back calls are tested end to end over HTTP in app; here they only need to exist. */
    private static final class NoRefunds implements RefundPayment {
        @Override
        public Result<Refund, PaymentError> refund(Optional<String> apiKey, Optional<String> idempotencyKey, String paymentId,
                                                   RequestBody body) {
            return Result.err(new PaymentError.PaymentNotFound());
        }

        @Override
        public Result<List<Refund>, PaymentError> refunds(Optional<String> apiKey, String paymentId) {
            return Result.err(new PaymentError.PaymentNotFound());
        }
    }

    private static final class FakeSandbox implements OperateSandbox {
        @Override
        public Result<ProviderRefund, PaymentError> moveRefund(String refundId, RefundAction action) {
            sandboxCalls.add("refund " + refundId + " " + action);
            return Result.err(new PaymentError.RefundNotFound());
        }

        @Override
        public Result<DisputeStatus, PaymentError> dispute(String paymentId, DisputeStatus status) {
            sandboxCalls.add("dispute " + paymentId + " " + status);
            return Result.ok(status);
        }

        @Override
        public Result<ProviderIntent, PaymentError> act(String paymentId, IntentAction action) {
            sandboxCalls.add("act " + paymentId + " " + action);
            return Result.ok(new ProviderIntent(new PaymentId(paymentId), new ClientSecret(paymentId + "_secret_x"),
                    PaymentStatus.SUCCEEDED, Money.of(2000, "usd"), Instant.EPOCH, Instant.EPOCH));
        }

        @Override
        public boolean isAccount(String accountId) {
            return accountId.startsWith("acct_");
        }

        @Override
        public Result<ConnectedAccount, PaymentError> completeOnboarding(String accountId) {
            sandboxCalls.add("complete " + accountId);
            return Result.ok(new ConnectedAccount(new ConnectedAccountId(accountId), true));
        }
    }

    private List<JsonObject> awaitLogLines(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (logLines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return logLines.stream().map(JsonObject::new).toList();
    }

    private static URI uri(int port, String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static HttpRequest.Builder get(String path) {
        return get(fullPort, path);
    }

    private static HttpRequest.Builder get(int port, String path) {
        return HttpRequest.newBuilder(uri(port, path)).GET();
    }

    private static HttpRequest.Builder post(String path, String body) {
        return post(fullPort, path, body);
    }

    private static HttpRequest.Builder post(int port, String path, String body) {
        return HttpRequest.newBuilder(uri(port, path)).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder put(String path, String body) {
        return HttpRequest.newBuilder(uri(fullPort, path)).PUT(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.Builder admin(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String errorCode(HttpResponse<String> response) {
        return new JsonObject(response.body()).getJsonObject("error").getString("code");
    }

    private static JsonObject data(HttpResponse<String> response) {
        return new JsonObject(response.body()).getJsonObject("data");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
