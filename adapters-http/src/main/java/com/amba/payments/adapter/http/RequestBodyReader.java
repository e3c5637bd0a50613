package com.amba.payments.adapter.http;

import com.amba.payments.domain.model.InputValue;
import com.amba.payments.domain.model.RequestBody;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the bytes of a request into the domain's {@link RequestBody} without judging the fields: the domain
 * decides, after the caller's key and the platform switch, which rule a value breaks. Strict JSON only: one
 * object, no duplicate keys, no trailing content; {@code 1999} is a whole number, {@code 1999.0} and
 * {@code 1e3} are not, {@code "1999"} is text.
 */
final class RequestBodyReader {

    /** The largest body the client and admin APIs read (SPEC §4: over 64 KiB is INVALID_BODY). */
    static final int LIMIT_BYTES = 64 * 1024;

    static final String FRACTION_OR_EXPONENT = "a number with a fraction or exponent";

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private RequestBodyReader() {
    }

    /**
     * @param contentType the request's Content-Type, if any
     * @param bytes       what was read, at most {@link #LIMIT_BYTES} of it
     * @param tooLarge    whether the body went past the limit (the bytes are then incomplete)
     */
    static RequestBody read(Optional<String> contentType, byte[] bytes, boolean tooLarge) {
        if (tooLarge) {
            return new RequestBody.Unreadable("the body is larger than 64 KiB");
        }
        if (bytes.length == 0) {
            return new RequestBody.Empty();
        }
        if (contentType.isPresent() && !isJson(contentType.get())) {
            return new RequestBody.Unreadable("Content-Type must be application/json");
        }
        try (JsonParser parser = JSON.createParser(bytes)) {
            return readObject(parser);
        } catch (DuplicateMember e) {
            return new RequestBody.Unreadable(e.getMessage());
        } catch (JsonProcessingException e) {
            return new RequestBody.Unreadable("the body is not valid JSON" + where(e.getLocation()));
        } catch (IOException e) {
            return new RequestBody.Unreadable("the body could not be read");
        }
    }

    static boolean isJson(String contentType) {
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json") || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    private static RequestBody readObject(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return new RequestBody.Unreadable("the body must be a JSON object");
        }
        Map<String, InputValue> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (fields.containsKey(name)) {
                return new RequestBody.Unreadable("the field \"" + printable(name) + "\" appears more than once");
            }
            fields.put(name, topLevelValue(parser, parser.nextToken()));
        }
        if (parser.nextToken() != null) {
            return new RequestBody.Unreadable("the body must be exactly one JSON object");
        }
        return new RequestBody.Fields(fields);
    }

    /** A field of the body: an object there (metadata) is read one level deep, its members as written. */
    private static InputValue topLevelValue(JsonParser parser, JsonToken token) throws IOException {
        return token == JsonToken.START_OBJECT ? members(parser) : value(parser, token);
    }

    private static InputValue members(JsonParser parser) throws IOException {
        Map<String, InputValue> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (members.containsKey(name)) {
                throw new DuplicateMember(name);
            }
            members.put(name, value(parser, parser.nextToken()));
        }
        return new InputValue.Members(members);
    }

    /** A key written twice inside an object: which of the two was meant cannot be told. */
    private static final class DuplicateMember extends IOException {
        DuplicateMember(String name) {
            super("the key \"" + printable(name) + "\" appears more than once in an object");
        }
    }

    private static InputValue value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NUMBER_INT -> new InputValue.WholeNumber(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT -> new InputValue.Other(FRACTION_OR_EXPONENT);
            case VALUE_STRING -> new InputValue.Text(parser.getText());
            case VALUE_NULL -> new InputValue.Null();
            case VALUE_TRUE -> new InputValue.Truth(true);
            case VALUE_FALSE -> new InputValue.Truth(false);
            case START_ARRAY -> textsOrOther(parser);
            case START_OBJECT -> {
                parser.skipChildren();
                yield new InputValue.Other("an object");
            }
            default -> throw new IllegalStateException("unexpected JSON token " + token);
        };
    }

    /** An array of strings only (webhook event types) is read; any other array is described, not read. */
    private static InputValue textsOrOther(JsonParser parser) throws IOException {
        List<String> texts = new ArrayList<>();
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item != JsonToken.VALUE_STRING) {
                parser.skipChildren();
                skipRestOfArray(parser);
                return new InputValue.Other("an array");
            }
            texts.add(parser.getText());
        }
        return new InputValue.Texts(texts);
    }

    private static void skipRestOfArray(JsonParser parser) throws IOException {
        for (JsonToken item = parser.nextToken(); item != JsonToken.END_ARRAY; item = parser.nextToken()) {
            if (item == JsonToken.START_ARRAY || item == JsonToken.START_OBJECT) {
                parser.skipChildren();
            }
        }
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 1
                ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Field names go into an error message: keep them short and free of control characters. */
    private static String printable(String name) {
        String shortened = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return shortened.replaceAll("[\\p{Cntrl}\"\\\\]", "?");
    }
}
