package com.amba.payments.adapter.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** The few pages a person's browser sees (onboarding, the sandbox's onboarding): small, plain, escaped HTML. */
final class HtmlPage {

    private HtmlPage() {
    }

    /** {@code body} is HTML already; every value put into it must have gone through {@link #escape}. */
    static void send(RoutingContext ctx, int status, String title, String body) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ErrorResponses.retryAfter(status).ifPresent(seconds -> ctx.response().putHeader(ErrorResponses.RETRY_AFTER, seconds));
        ctx.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
                .end("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>" + escape(title) + "</title>"
                        + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;"
                        + "line-height:1.5}button{font-size:1rem;padding:.5rem 1rem}</style></head>\n<body>\n"
                        + "<h1>" + escape(title) + "</h1>\n" + body + "\n</body></html>\n");
    }

    static void redirect(RoutingContext ctx, int status, String location) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.LOCATION, location).end();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
