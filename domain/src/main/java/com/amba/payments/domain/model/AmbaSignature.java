package com.amba.payments.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code Amba-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "{t}.{body}">}, one v1 per signing secret (two during a
 * rotation's overlap), the scheme Stripe uses towards Amba (SPEC §12).
 */
public final class AmbaSignature {

    public static final String HEADER = "Amba-Signature";
    public static final String EVENT_ID_HEADER = "Amba-Event-Id";

    private AmbaSignature() {
    }

    public static String header(long unixSeconds, byte[] body, List<SigningSecret> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("a delivery is signed with at least one secret");
        }
        return "t=" + unixSeconds + secrets.stream().map(secret -> ",v1=" + hmac(secret.value(), unixSeconds, body))
                .collect(Collectors.joining());
    }

    static String hmac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
