package vn.nq57.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * JSON is read as it is typed, never coerced, in every service: a value of the wrong JSON type is a 400 problem naming
 * the field (see {@code ProblemMappers}), not a silently different value. Refused: a number for a date or timestamp
 * ({@code -1} would be 1969-12-31) and Jackson's array form of dates; a string for a number or a boolean
 * ({@code "5"}, {@code "true"}, {@code ""}); a fractional number for a whole one ({@code 1.5} would be 1); a number or a
 * boolean for text; a number for an enum (its ordinal); {@code null} for a primitive; anything after the JSON value.
 * Objects and arrays for scalars are refused by Jackson already.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, so that the dates registered here replace those of the Java time module Quarkus registers. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.setDefaultLeniency(false);
        // text is never read as a number or a boolean (the empty string included), nor numbers and booleans as text
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule dates = new SimpleModule("nq57-strict-dates");
        dates.addDeserializer(LocalDate.class, new TextOnly<>(LocalDateDeserializer.INSTANCE, LocalDate.class));
        dates.addDeserializer(OffsetDateTime.class,
                new TextOnly<>(InstantDeserializer.OFFSET_DATE_TIME, OffsetDateTime.class));
        mapper.registerModule(dates);
    }

    /** A date or timestamp only from its ISO-8601 text: a number (epoch day, epoch second) or an array is refused. */
    static final class TextOnly<T> extends JsonDeserializer<T> {
        private final JsonDeserializer<? extends T> text;
        private final Class<T> type;

        TextOnly(JsonDeserializer<? extends T> text, Class<T> type) {
            this.text = text;
            this.type = type;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return ctxt.reportInputMismatch(type, "expected %s as ISO-8601 text, not %s", type.getSimpleName(),
                        p.currentToken());
            }
            return text.deserialize(p, ctxt);
        }

        @Override
        public Class<?> handledType() {
            return type;
        }
    }
}
