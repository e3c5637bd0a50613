package com.amba.payments.adapter.postgres;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code postgresql://user[:password]@host[:port]/database[?sslmode=…]}, the shape of {@code AMBA_DATABASE_URL}.
 * Parsed once and handed to both drivers: vertx-pg-client for runtime queries and JDBC for Flyway. {@code sslmode}
 * takes libpq's values ({@code disable}, {@code allow}, {@code prefer}, {@code require}, {@code verify-ca},
 * {@code verify-full}); the certificate checks of the verify modes use the JVM's trust store.
 */
public record DatabaseUrl(String host, int port, String database, String user, Optional<String> password,
                          Optional<String> sslMode) {

    public static final int DEFAULT_PORT = 5432;
    static final java.util.Set<String> SSL_MODES =
            java.util.Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    public DatabaseUrl {
        if (host == null || host.isBlank() || database == null || database.isBlank() || user == null
                || user.isBlank()) {
            throw new IllegalArgumentException("a database url names a host, a database and a user");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("database port out of range: " + port);
        }
        if (sslMode.isPresent() && !SSL_MODES.contains(sslMode.get())) {
            throw new IllegalArgumentException("sslmode must be one of " + new java.util.TreeSet<>(SSL_MODES));
        }
    }

    public static DatabaseUrl parse(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalArgumentException("not a database url (postgresql://user@host:port/db)", e);
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("a database url starts with postgresql://");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null || userInfo.isEmpty()) {
            throw new IllegalArgumentException("a database url names its user: postgresql://user@host:port/db");
        }
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        Optional<String> password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String database = decode(path.startsWith("/") ? path.substring(1) : path);
        return new DatabaseUrl(uri.getHost(), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(), database, user,
                password, sslModeIn(uri.getRawQuery()));
    }

    /** Only {@code sslmode} is understood; any other parameter is refused rather than silently ignored. */
    private static Optional<String> sslModeIn(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> mode = Optional.empty();
        for (String parameter : query.split("&")) {
            String[] pair = parameter.split("=", 2);
            if (!pair[0].equals("sslmode") || pair.length < 2) {
                throw new IllegalArgumentException("a database url takes only the sslmode parameter, not '"
                        + decode(pair[0]) + "'");
            }
            mode = Optional.of(decode(pair[1]));
        }
        return mode;
    }

    /** The password from a variable of its own (so it need not sit in the URL); one in the URL wins. */
    public DatabaseUrl withPasswordIfAbsent(Optional<String> separate) {
        return password.isPresent() || separate.isEmpty() ? this
                : new DatabaseUrl(host, port, database, user, separate, sslMode);
    }

    /** The same database under another name: tests make a scratch database next to the one they were given. */
    public DatabaseUrl withDatabase(String otherDatabase) {
        return new DatabaseUrl(host, port, otherDatabase, user, password, sslMode);
    }

    public DatabaseUrl withAddress(String otherHost, int otherPort) {
        return new DatabaseUrl(otherHost, otherPort, database, user, password, sslMode);
    }

    /** pgJDBC reads libpq's sslmode names itself (Flyway's connection). */
    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database
                + sslMode.map(mode -> "?sslmode=" + mode).orElse("");
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Never prints the password: the url ends up in logs and error messages. */
    @Override
    public String toString() {
        return "postgresql://" + user + (password.isPresent() ? ":***" : "") + "@" + host + ":" + port + "/" + database
                + sslMode.map(mode -> "?sslmode=" + mode).orElse("");
    }
}
