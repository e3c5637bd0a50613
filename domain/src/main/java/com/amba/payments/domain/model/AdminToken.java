package com.amba.payments.domain.model;

import java.security.MessageDigest;
import java.util.Optional;

/** The platform owner's bearer token. Compared in constant time; printing it never shows it. */
public final class AdminToken {

    private final byte[] digest;

    public AdminToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("the admin token must not be empty");
        }
        this.digest = KeyHash.sha256(token);
    }

    /** Hashing both sides first makes the comparison constant-time in the length as well. */
    public boolean admits(Optional<String> presented) {
        byte[] candidate = KeyHash.sha256(presented.orElse(""));
        return presented.isPresent() & MessageDigest.isEqual(digest, candidate);
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }

}
