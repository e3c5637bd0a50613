package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.BasisPoints;
import com.amba.payments.domain.model.ConnectedAccount;
import com.amba.payments.domain.model.IssuedApiKey;
import com.amba.payments.domain.model.OnboardingLink;
import com.amba.payments.domain.model.PaymentId;
import com.amba.payments.domain.model.PaymentStatus;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.ProviderIntent;
import com.amba.payments.domain.model.Report;
import com.amba.payments.domain.model.ReportLine;
import com.amba.payments.domain.port.in.AccountSetup;
import com.amba.payments.domain.port.in.AdministerPayments.PlatformStatus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Admin API and sandbox answers on the wire. */
final class AdminJson {

    static final Comparator<ReportLine> REPORT_ORDER = Comparator
            .comparing((ReportLine line) -> line.projectId().value())
            .thenComparing(line -> line.currency().code());

    private AdminJson() {
    }

    static JsonObject settings(PlatformSettings settings) {
        return new JsonObject()
                .put("payments_enabled", settings.paymentsEnabled())
                .put("default_platform_fee_bps", bps(settings.defaultFee()));
    }

    static JsonObject status(PlatformStatus status) {
        JsonArray projects = new JsonArray();
        status.projects().forEach(project -> projects.add(project(project)));
        return settings(status.settings()).put("projects", projects);
    }

    static JsonObject project(Project project) {
        return new JsonObject()
                .put("project_id", project.id().value())
                .put("name", project.name())
                .put("payments", project.readiness().wireName())
                .put("default_platform_fee_bps", bps(project.defaultFee()))
                .put("stripe_account_id", project.account().map(a -> a.id().value()).orElse(null));
    }

    /** What a replayed create says in place of the secret it showed once. */
    static final String KEY_SHOWN_ONCE = "an Idempotency-Key replay: the key was shown once, in the first answer, and "
            + "Amba keeps only its hash; if that answer was lost, revoke this key_id and issue a new key";

    /** The one moment the key itself is shown; a replay of the create answers the same key without it. */
    static JsonObject issuedKey(IssuedApiKey issued) {
        JsonObject json = new JsonObject()
                .put("key_id", issued.key().id().value())
                .put("api_key", issued.secret().orElse(null))
                .put("kind", issued.key().kind().wireName())
                .put("project_id", issued.key().projectId().value());
        if (issued.secret().isEmpty()) {
            json.put("replayed", true).put("note", KEY_SHOWN_ONCE);
        }
        return json;
    }

    static JsonObject revokedKey(String keyId) {
        return new JsonObject().put("key_id", keyId).put("revoked", true);
    }

    static JsonObject accountSetup(AccountSetup setup) {
        return account(setup.account())
                .put("onboarding_url", setup.onboarding().map(OnboardingLink::url).orElse(null));
    }

    static JsonObject account(ConnectedAccount account) {
        return new JsonObject()
                .put("stripe_account_id", account.id().value())
                .put("charges_enabled", account.chargesEnabled());
    }

    /** A sandbox intent after an action: never its client secret. */
    static JsonObject intent(ProviderIntent intent) {
        return new JsonObject()
                .put("payment_id", intent.id().value())
                .put("status", intent.status().wireName())
                .put("amount", intent.amount().minor())
                .put("currency", intent.amount().currency().code());
    }

    static JsonObject report(Report report) {
        JsonArray lines = new JsonArray();
        sorted(report.lines()).forEach(line -> lines.add(reportLine(line)));
        JsonArray mismatches = new JsonArray();
        report.mismatches().forEach(entry -> mismatches.add(new JsonObject()
                .put("event_id", entry.eventId().value())
                .put("payment_id", entry.paymentId().map(PaymentId::value).orElse(null))
                .put("note", entry.note())
                .put("decided_at", PaymentJson.timestamp(entry.decidedAt()))));
        return new JsonObject().put("lines", lines).put("mismatches", mismatches);
    }

    static List<ReportLine> sorted(List<ReportLine> lines) {
        return lines.stream().sorted(REPORT_ORDER).toList();
    }

    private static JsonObject reportLine(ReportLine line) {
        JsonObject byStatus = new JsonObject();
        for (PaymentStatus status : PaymentStatus.values()) {
            Long count = line.countByStatus().get(status);
            if (count != null) {
                byStatus.put(status.wireName(), count);
            }
        }
        return new JsonObject()
                .put("project_id", line.projectId().value())
                .put("currency", line.currency().code())
                .put("count", line.count())
                .put("gross", line.grossMinor())
                .put("fees", line.feesMinor())
                .put("refunded", line.moneyBack().refundedMinor())
                .put("fees_refunded", line.moneyBack().feesRefundedMinor())
                .put("disputed", line.moneyBack().disputedMinor())
                .put("net", line.netMinor())
                .put("by_status", byStatus);
    }

    private static Integer bps(Optional<BasisPoints> fee) {
        return fee.map(BasisPoints::value).orElse(null);
    }
}
