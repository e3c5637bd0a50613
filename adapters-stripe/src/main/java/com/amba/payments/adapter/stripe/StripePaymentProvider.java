package com.amba.payments.adapter.stripe;

import com.amba.payments.domain.model.CancellationReason;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.ConnectedAccountId;
import com.amba.payments.domain.model.OnboardingLink;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderFailure;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.ProviderRefund;
import com.amba.payments.domain.model.RefundId;
import com.amba.payments.domain.model.Result;
import com.amba.payments.domain.port.out.IntentRequest;
import com.amba.payments.domain.port.out.PaymentProvider;
import com.amba.payments.domain.port.out.ProviderIntentSearch;
import com.amba.payments.domain.port.out.ProviderRefunds;
import com.amba.payments.domain.port.out.RefundRequest;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentListParams;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The payment provider on Stripe Connect. Intents are direct charges: created on the project's connected
 * account ({@code Stripe-Account}), Amba's cut taken as {@code application_fee_amount}. One {@link StripeClient}
 * serves every call; it is thread-safe and holds the bounded timeouts and retry budget.
 */
public final class StripePaymentProvider implements PaymentProvider, ProviderRefunds, ProviderIntentSearch {

    private final StripeClient client;
    private final OnboardingUrls onboardingUrls;

    public StripePaymentProvider(StripeSettings settings) {
        this.client = StripeClient.builder()
                .setApiKey(settings.secretKey().value())
                .setApiBase(settings.apiBaseWithoutTrailingSlash())
                // Account links live on the API base; pointing Connect there too keeps every call on one host.
                .setConnectBase(settings.apiBaseWithoutTrailingSlash())
                .setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
                .setMaxNetworkRetries(settings.maxNetworkRetries())
                .build();
        this.onboardingUrls = settings.onboardingUrls();
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> createIntent(IntentRequest request) {
        // The domain derived the key from what it recorded before this call, so every retry (stripe-java's,
        // Amba's, the caller's) reaches the intent a lost answer may already have created.
        RequestOptions options = RequestOptions.builder()
                .setStripeAccount(request.account().value())
                .setIdempotencyKey(request.idempotencyKey().value())
                .build();
        return call(() -> client.v1().paymentIntents().create(IntentParams.of(request), options))
                .flatMap(IntentMapping::toProviderIntent);
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> retrieveIntent(ConnectedAccountId account, PaymentId id) {
        return call(() -> client.v1().paymentIntents().retrieve(id.value(), onAccount(account)))
                .flatMap(IntentMapping::toProviderIntent);
    }

    @Override
    public Result<ProviderIntent, ProviderFailure> cancelIntent(ConnectedAccountId account, PaymentId id) {
        return call(() -> client.v1().paymentIntents().cancel(id.value(), onAccount(account)))
                .flatMap(IntentMapping::toProviderIntent);
    }

    /** {@code POST /v1/payment_intents/{id}/cancel} with Stripe's cancellation_reason when the caller gave one. */
    @Override
    public Result<ProviderIntent, ProviderFailure> cancelIntent(ConnectedAccountId account, PaymentId id,
                                                                Optional<CancellationReason> reason) {
        PaymentIntentCancelParams.Builder params = PaymentIntentCancelParams.builder();
        reason.ifPresent(r -> params.setCancellationReason(switch (r) {
            case REQUESTED_BY_CUSTOMER -> PaymentIntentCancelParams.CancellationReason.REQUESTED_BY_CUSTOMER;
            case DUPLICATE -> PaymentIntentCancelParams.CancellationReason.DUPLICATE;
            case FRAUDULENT -> PaymentIntentCancelParams.CancellationReason.FRAUDULENT;
            case ABANDONED -> PaymentIntentCancelParams.CancellationReason.ABANDONED;
        }));
        return call(() -> client.v1().paymentIntents().cancel(id.value(), params.build(), onAccount(account)))
                .flatMap(IntentMapping::toProviderIntent);
    }

    /** A refund on the connected account; the key from the domain makes every retry reach the same refund. */
    @Override
    public Result<ProviderRefund, ProviderFailure> createRefund(RefundRequest request) {
        RequestOptions options = RequestOptions.builder()
                .setStripeAccount(request.account().value())
                .setIdempotencyKey(request.idempotencyKey().value())
                .build();
        return call(() -> client.v1().refunds().create(RefundMapping.paramsOf(request), options))
                .flatMap(RefundMapping::toProviderRefund);
    }

    @Override
    public Result<ProviderRefund, ProviderFailure> retrieveRefund(ConnectedAccountId account, RefundId id) {
        return call(() -> client.v1().refunds().retrieve(id.value(), onAccount(account)))
                .flatMap(RefundMapping::toProviderRefund);
    }

    /**
     * {@code GET /v1/payment_intents?created[lt]=…&limit=…} on the connected account, newest first; only intents
     * with Amba's project metadata are kept (the account takes payments of its own too).
     */
    @Override
    public Result<List<ProviderIntent>, ProviderFailure> intentsMadeByAmba(ConnectedAccountId account, Instant before,
                                                                          int limit) {
        PaymentIntentListParams params = PaymentIntentListParams.builder()
                .setCreated(PaymentIntentListParams.Created.builder().setLt(before.getEpochSecond()).build())
                .setLimit((long) Math.min(limit, 100))
                .build();
        return call(() -> client.v1().paymentIntents().list(params, onAccount(account))).map(page -> {
            List<ProviderIntent> made = new ArrayList<>();
            for (PaymentIntent intent : page.getData()) {
                boolean madeByAmba = intent.getMetadata() != null
                        && intent.getMetadata().containsKey(IntentParams.PROJECT_METADATA);
                if (madeByAmba && IntentMapping.toProviderIntent(intent) instanceof Result.Ok<ProviderIntent, ProviderFailure> ok) {
                    made.add(ok.value());
                }
            }
            return made;
        });
    }

    @Override
    public Result<ConnectedAccount, ProviderFailure> createAccount(ProjectId project) {
        AccountCreateParams params = AccountCreateParams.builder()
                .setType(AccountCreateParams.Type.EXPRESS)
                .setCapabilities(AccountCreateParams.Capabilities.builder()
                        .setCardPayments(AccountCreateParams.Capabilities.CardPayments.builder()
                                .setRequested(true).build())
                        .setTransfers(AccountCreateParams.Capabilities.Transfers.builder()
                                .setRequested(true).build())
                        .build())
                .putMetadata(IntentParams.PROJECT_METADATA, project.value())
                .build();
        // One key per project: an answer lost on the way back is retried into the same account, not a second one.
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(accountKeyFor(project)).build();
        return call(() -> client.v1().accounts().create(params, options)).flatMap(StripePaymentProvider::toAccount);
    }

    @Override
    public Result<ConnectedAccount, ProviderFailure> retrieveAccount(ConnectedAccountId account) {
        return call(() -> client.v1().accounts().retrieve(account.value()))
                .flatMap(StripePaymentProvider::toAccount);
    }

    @Override
    public Result<OnboardingLink, ProviderFailure> createOnboardingLink(ConnectedAccountId account) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(account.value())
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .setRefreshUrl(onboardingUrls.refreshUrlFor(account.value()))
                .setReturnUrl(onboardingUrls.returnUrlFor(account.value()))
                .build();
        return call(() -> client.v1().accountLinks().create(params))
                .map(link -> new OnboardingLink(link.getUrl()));
    }

    private static RequestOptions onAccount(ConnectedAccountId account) {
        return RequestOptions.builder().setStripeAccount(account.value()).build();
    }

    private static Result<ConnectedAccount, ProviderFailure> toAccount(Account account) {
        Optional<ConnectedAccountId> id = ConnectedAccountId.parse(account.getId());
        if (id.isEmpty()) {
            return Result.err(new ProviderFailure.Refused(
                    account.getLastResponse() == null ? "none" : account.getLastResponse().requestId(),
                    "unreadable account id " + account.getId()));
        }
        return Result.ok(new ConnectedAccount(id.get(), Boolean.TRUE.equals(account.getChargesEnabled())));
    }

    static String accountKeyFor(ProjectId project) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(project.value().getBytes(StandardCharsets.UTF_8));
            return "amba-account-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static <T> Result<T, ProviderFailure> call(StripeCall<T> call) {
        try {
            return Result.ok(call.run());
        } catch (StripeException e) {
            return Result.err(StripeFailures.of(e));
        }
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
