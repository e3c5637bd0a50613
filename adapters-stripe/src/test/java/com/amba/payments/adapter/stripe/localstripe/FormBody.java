package com.amba.payments.adapter.stripe.localstripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body (or query string) as Stripe reads it: nested objects are
 * flattened into bracketed keys, {@code metadata[amba_project_id]=proj_1}. Keeps the flat keys in the order
 * they were sent and can rebuild the nesting.
 */
public record FormBody(Map<String, String> flat) {

    public FormBody {
        flat = Collections.unmodifiableMap(new LinkedHashMap<>(flat));
    }

    public static FormBody parse(String encoded) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                flat.put(key, value);
            }
        }
        return new FormBody(flat);
    }

    public Optional<String> value(String flatKey) {
        return Optional.ofNullable(flat.get(flatKey));
    }

    /** The entries one level under {@code prefix}: {@code nested("metadata")} of {@code metadata[a]=b} is {a=b}. */
    public Map<String, String> nested(String prefix) {
        Map<String, String> children = new LinkedHashMap<>();
        String start = prefix + "[";
        flat.forEach((key, value) -> {
            if (key.startsWith(start) && key.endsWith("]") && key.indexOf('[', start.length()) < 0) {
                children.put(key.substring(start.length(), key.length() - 1), value);
            }
        });
        return children;
    }

    /** The whole body as nested maps: {@code a[b][c]=d} becomes {a={b={c=d}}}. */
    public Map<String, Object> tree() {
        Map<String, Object> root = new LinkedHashMap<>();
        flat.forEach((key, value) -> insert(root, pathOf(key), value));
        return root;
    }

    private static String[] pathOf(String key) {
        int bracket = key.indexOf('[');
        if (bracket < 0 || !key.endsWith("]")) {
            return new String[] {key};
        }
        String head = key.substring(0, bracket);
        String[] rest = key.substring(bracket + 1, key.length() - 1).split("\\]\\[", -1);
        String[] path = new String[rest.length + 1];
        path[0] = head;
        System.arraycopy(rest, 0, path, 1, rest.length);
        return path;
    }

    @SuppressWarnings("unchecked")
    private static void insert(Map<String, Object> root, String[] path, String value) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = node.computeIfAbsent(path[i], k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map)) {
                return; // a key sent both as a value and as an object: Stripe rejects it, the log keeps the flat form
            }
            node = (Map<String, Object>) child;
        }
        node.put(path[path.length - 1], value);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
