package com.amba.payments.domain.service;

import com.amba.payments.domain.model.ApiKeyId;
import com.amba.payments.domain.model.ApiKeyKind;
import com.amba.payments.domain.model.ProjectId;
import com.amba.payments.domain.model.ProviderIdempotencyKey;
import com.amba.payments.domain.port.out.IdSource;
import java.security.SecureRandom;
import java.util.UUID;

/** Identifiers from a cryptographic random source; API key secrets carry 192 random bits. */
public final class SecureRandomIds implements IdSource {

    private static final char[] ALPHANUMERIC =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();

    @Override
    public ProjectId newProjectId() {
        return new ProjectId("proj_" + alphanumeric(20));
    }

    @Override
    public ApiKeyId newApiKeyId() {
        return new ApiKeyId("key_" + alphanumeric(20));
    }

    @Override
    public String newApiKeySecret(ApiKeyKind kind) {
        return kind.prefix() + alphanumeric(32);
    }

    @Override
    public String newEventId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public ProviderIdempotencyKey newIdempotencyKey() {
        return new ProviderIdempotencyKey("amba-create-" + UUID.randomUUID());
    }

    public String alphanumeric(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHANUMERIC[random.nextInt(ALPHANUMERIC.length)];
        }
        return new String(out);
    }
}
