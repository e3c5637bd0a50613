package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.IssuedApiKey;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.PaymentPage;
import com.amba.payments.domain.model.PlatformSettings;
import com.amba.payments.domain.model.Project;
import com.amba.payments.domain.model.Report;
import com.amba.payments.domain.model.RequestBody;
import com.amba.payments.domain.model.Result;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The platform owner's calls. The caller has already proven it holds the admin token. */
public interface AdministerPayments {

    record PlatformStatus(PlatformSettings settings, List<Project> projects) {}

    Result<PlatformStatus, PaymentError> status();

    Result<PlatformSettings, PaymentError> setPaymentsEnabled(boolean enabled);

    Result<PlatformSettings, PaymentError> configurePlatform(RequestBody body);

    /** With the caller's {@code Idempotency-Key} header as sent (empty when it sent none). */
    Result<Project, PaymentError> createProject(Optional<String> idempotencyKey, RequestBody body);

    default Result<Project, PaymentError> createProject(RequestBody body) {
        return createProject(Optional.empty(), body);
    }

    /** With the caller's {@code Idempotency-Key} header as sent (empty when it sent none). */
    Result<IssuedApiKey, PaymentError> issueApiKey(String projectId, Optional<String> idempotencyKey, RequestBody body);

    default Result<IssuedApiKey, PaymentError> issueApiKey(String projectId, RequestBody body) {
        return issueApiKey(projectId, Optional.empty(), body);
    }

    Result<Void, PaymentError> revokeApiKey(String projectId, String keyId);

    /** With the caller's {@code Idempotency-Key} header as sent (empty when it sent none). */
    Result<AccountSetup, PaymentError> setUpAccount(String projectId, Optional<String> idempotencyKey, RequestBody body);

    default Result<AccountSetup, PaymentError> setUpAccount(String projectId, RequestBody body) {
        return setUpAccount(projectId, Optional.empty(), body);
    }

    Result<Project, PaymentError> configureProject(String projectId, RequestBody body);

    Result<PaymentPage, PaymentError> listPayments(String projectId, Map<String, String> query);

    Result<Report, PaymentError> report();
}
