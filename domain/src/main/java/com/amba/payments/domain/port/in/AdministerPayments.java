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

    Result<Project, PaymentError> createProject(RequestBody body);

    /** {@link #createProject} with the caller's {@code Idempotency-Key} header as sent. */
    default Result<Project, PaymentError> createProject(Optional<String> idempotencyKey, RequestBody body) {
        if (idempotencyKey.isPresent()) {
            throw new UnsupportedOperationException(getClass().getName() + " does not honour Idempotency-Key");
        }
        return createProject(body);
    }

    Result<IssuedApiKey, PaymentError> issueApiKey(String projectId, RequestBody body);

    /** {@link #issueApiKey} with the caller's {@code Idempotency-Key} header as sent. */
    default Result<IssuedApiKey, PaymentError> issueApiKey(String projectId, Optional<String> idempotencyKey, RequestBody body) {
        if (idempotencyKey.isPresent()) {
            throw new UnsupportedOperationException(getClass().getName() + " does not honour Idempotency-Key");
        }
        return issueApiKey(projectId, body);
    }

    Result<Void, PaymentError> revokeApiKey(String projectId, String keyId);

    Result<AccountSetup, PaymentError> setUpAccount(String projectId, RequestBody body);

    /** {@link #setUpAccount} with the caller's {@code Idempotency-Key} header as sent. */
    default Result<AccountSetup, PaymentError> setUpAccount(String projectId, Optional<String> idempotencyKey, RequestBody body) {
        if (idempotencyKey.isPresent()) {
            throw new UnsupportedOperationException(getClass().getName() + " does not honour Idempotency-Key");
        }
        return setUpAccount(projectId, body);
    }

    Result<Project, PaymentError> configureProject(String projectId, RequestBody body);

    Result<PaymentPage, PaymentError> listPayments(String projectId, Map<String, String> query);

    Result<Report, PaymentError> report();
}
