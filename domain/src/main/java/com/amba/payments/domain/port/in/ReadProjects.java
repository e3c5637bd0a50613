package com.amba.payments.domain.port.in;

import com.amba.payments.domain.model.ApiKey;
import com.amba.payments.domain.model.PaymentError;
import com.amba.payments.domain.model.Result;
import java.util.List;

/** The platform owner reads projects: all of them, one (readiness, account, fees), and one's API keys. */
public interface ReadProjects {

    Result<List<ProjectOverview>, PaymentError> projects();

    /** PROJECT_NOT_FOUND for an unknown id. */
    Result<ProjectOverview, PaymentError> project(String projectId);

    /** Its keys, revoked ones too, oldest first; never a key itself (Amba keeps only hashes). PROJECT_NOT_FOUND. */
    Result<List<ApiKey>, PaymentError> apiKeys(String projectId);
}
