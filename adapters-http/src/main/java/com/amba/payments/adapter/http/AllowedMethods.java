package com.amba.payments.adapter.http;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The methods a path answers, from the router's own routes: what a 405's {@code Allow} header lists. */
final class AllowedMethods {

    private static final Pattern PATH_PARAMETER = Pattern.compile(":[A-Za-z0-9_]+");

    private AllowedMethods() {
    }

    static String of(Router router, String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null && route.methods() != null && matches(route.getPath(), path)) {
                route.methods().stream().map(HttpMethod::name).forEach(methods::add);
            }
        }
        return String.join(", ", methods);
    }

    /** {@code /a/:id} matches {@code /a/x}: each parameter is one non-empty segment. */
    static boolean matches(String template, String path) {
        StringBuilder regex = new StringBuilder();
        int last = 0;
        var parameters = PATH_PARAMETER.matcher(template);
        while (parameters.find()) {
            regex.append(Pattern.quote(template.substring(last, parameters.start()))).append("[^/]+");
            last = parameters.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return path.matches(regex.toString());
    }
}
