package com.amba.payments.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What is kept of an API key: its SHA-256. Keys are long random strings, so a fast hash is enough;
 * the key itself is shown once and never stored.
 */
public record KeyHash(String hex) {

    public KeyHash {
        Objects.requireNonNull(hex, "hash");
        if (hex.length() != 64) {
            throw new IllegalArgumentException("a key hash is 64 hex digits");
        }
    }

    public static KeyHash of(String presentedKey) {
        return new KeyHash(HexFormat.of().formatHex(sha256(presentedKey)));
    }

    /** Constant-time comparison, so timing says nothing about how much of a key matched. */
    public boolean matches(KeyHash other) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                other.hex.getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "KeyHash[" + hex.substring(0, 8) + "…]";
    }
}
