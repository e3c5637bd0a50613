package com.amba.payments.adapter.http.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One route as the document describes it: written next to its siblings in the {@code *Operations} classes, with
 * the path as the router spells it ({@code /client/payments/intents/:id}).
 */
public final class Operation {

    private static final Pattern PATH_PARAMETER = Pattern.compile(":([A-Za-z_][A-Za-z0-9_]*)");

    private final String method;
    private final String path;
    private final JsonObject operation = new JsonObject();
    private final JsonArray parameters = new JsonArray();
    private final Map<String, JsonObject> pathParameters = new java.util.LinkedHashMap<>();
    private final Set<String> errorCodes = new LinkedHashSet<>();
    private JsonObject success;
    private int successStatus = 200;
    private Access access = Access.PUBLIC;

    private Operation(String method, String path) {
        this.method = method;
        this.path = path;
        Matcher names = PATH_PARAMETER.matcher(path);
        while (names.find()) {
            pathParameters.put(names.group(1), new JsonObject().put("type", "string"));
        }
    }

    public static Operation get(String path) {
        return new Operation("GET", path);
    }

    public static Operation post(String path) {
        return new Operation("POST", path);
    }

    public static Operation put(String path) {
        return new Operation("PUT", path);
    }

    public static Operation delete(String path) {
        return new Operation("DELETE", path);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The path as the router spells it. */
    public String routerPath() {
        return path;
    }

    /** The path as OpenAPI spells it ({@code {id}} for {@code :id}). */
    public String openApiPath() {
        return PATH_PARAMETER.matcher(path).replaceAll("{$1}");
    }

    /** The error codes documented for this operation. */
    public Set<String> errorCodes() {
        return Set.copyOf(errorCodes);
    }

    public Operation summary(String id, String summary, String tag) {
        operation.put("operationId", id).put("summary", summary).put("tags", new JsonArray().add(tag));
        return this;
    }

    public Operation description(String description) {
        operation.put("description", description);
        return this;
    }

    public Operation access(Access who) {
        this.access = who;
        if (who == Access.SERVER_KEY) {
            errors("INVALID_API_KEY", "SERVER_KEY_REQUIRED");
        } else if (who == Access.ANY_KEY) {
            errors("INVALID_API_KEY");
        } else if (who == Access.ADMIN) {
            errors("INVALID_ADMIN_TOKEN");
        }
        return this;
    }

    public Operation pathParameter(String name, String description, String example) {
        if (!pathParameters.containsKey(name)) {
            throw new IllegalArgumentException(path + " has no path parameter " + name);
        }
        pathParameters.put(name, new JsonObject().put("type", "string").put("description", description)
                .put("example", example));
        return this;
    }

    public Operation query(String name, JsonObject schema, String description) {
        parameters.add(new JsonObject().put("name", name).put("in", "query").put("required", false)
                .put("description", description).put("schema", schema));
        return this;
    }

    public Operation header(String name, boolean required, String description) {
        parameters.add(new JsonObject().put("name", name).put("in", "header").put("required", required)
                .put("description", description).put("schema", new JsonObject().put("type", "string")));
        return this;
    }

    /**
     * The optional {@code Idempotency-Key} header of a create, with Stripe's meaning; {@code replay} says what the
     * same key with the same request answers (docs/decisions.md, "Idempotency-Key on every create").
     */
    public Operation idempotencyKey(String replay) {
        return header("Idempotency-Key", false, "Stripe's meaning: 1 to 255 printable ASCII characters, kept for good "
                + "within the " + replay + " With a different request: IDEMPOTENCY_KEY_REUSED.");
    }

    /** A JSON request body; {@code required} false when the route also takes none. */
    public Operation body(JsonObject schema, JsonObject example, boolean required) {
        operation.put("requestBody", new JsonObject()
                .put("required", required)
                .put("content", new JsonObject().put("application/json",
                        new JsonObject().put("schema", schema).put("example", example))));
        return this;
    }

    /** The success answer as {@code {"data": …}}. */
    public Operation ok(String description, JsonObject dataSchema, Object example) {
        return answers(200, description, "application/json", Schemas.envelopeOf(dataSchema),
                new JsonObject().put("data", example));
    }

    /** The success answer with a body of the caller's making (lists, CSV, HTML, the document itself). */
    public Operation answers(int status, String description, String contentType, JsonObject schema, Object example) {
        JsonObject media = new JsonObject().put("schema", schema);
        if (example != null) {
            media.put("example", example);
        }
        JsonObject content = new JsonObject().put(contentType, media);
        if (success != null && successStatus == status) {
            success.getJsonObject("content").mergeIn(content);
        } else {
            successStatus = status;
            success = new JsonObject().put("description", description).put("headers", Schemas.requestIdHeader())
                    .put("content", content);
        }
        return this;
    }

    /** Error codes this route can answer, each with its status (from {@link ErrorCodes}). */
    public Operation errors(String... codes) {
        for (String code : codes) {
            ErrorCodes.statusOf(code);
            errorCodes.add(code);
        }
        return this;
    }

    JsonObject toJson() {
        if (success == null) {
            throw new IllegalStateException(method + " " + path + " describes no success answer");
        }
        JsonArray all = new JsonArray();
        pathParameters.forEach((name, schema) -> {
            JsonObject parameter = new JsonObject().put("name", name).put("in", "path").put("required", true)
                    .put("schema", new JsonObject().put("type", "string"));
            if (schema.containsKey("description")) {
                parameter.put("description", schema.getString("description")).put("example", schema.getValue("example"));
            }
            all.add(parameter);
        });
        parameters.forEach(all::add);
        all.add(new JsonObject().put("$ref", "#/components/parameters/RequestId"));
        JsonObject responses = new JsonObject().put(Integer.toString(successStatus), success);
        errorResponses().forEach((status, codes) -> responses.put(Integer.toString(status), errorResponse(status, codes)));
        JsonObject described = operation.copy().put("parameters", all).put("security", access.requirement())
                .put("responses", responses);
        return described;
    }

    private Map<Integer, List<String>> errorResponses() {
        Map<Integer, List<String>> byStatus = new TreeMap<>();
        List<String> codes = new ArrayList<>(errorCodes);
        codes.add("INTERNAL_ERROR");
        for (String code : codes) {
            byStatus.computeIfAbsent(ErrorCodes.statusOf(code), status -> new ArrayList<>()).add(code);
        }
        return byStatus;
    }

    private static JsonObject errorResponse(int status, List<String> codes) {
        JsonObject examples = new JsonObject();
        for (String code : codes) {
            examples.put(code, new JsonObject().put("summary", code).put("value", new JsonObject().put("error",
                    new JsonObject().put("code", code).put("message", ErrorCodes.exampleOf(code)))));
        }
        JsonObject headers = Schemas.requestIdHeader();
        if (status == 502 || status == 503) {
            headers.put("Retry-After", new JsonObject().put("description", "seconds to wait before retrying")
                    .put("schema", new JsonObject().put("type", "integer")));
        }
        return new JsonObject()
                .put("description", String.join(", ", codes))
                .put("headers", headers)
                .put("content", new JsonObject().put("application/json", new JsonObject()
                        .put("schema", Schemas.errorWithCodes(codes))
                        .put("examples", examples)));
    }

    String methodKey() {
        return method.toLowerCase(Locale.ROOT);
    }
}
