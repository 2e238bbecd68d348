package vn.nq57.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/**
 * A field documented as "a number, or text holding one" (a row of a batch read as text so that a bad row is reported
 * in the summary): a JSON number is kept as its exact text ({@code 0.75} stays "0.75", never 0.7500000001), a string
 * as it is; anything else (a boolean, an object, an array) is refused like any wrong type ({@link StrictJson}).
 * Use with {@code @JsonDeserialize(using = NumberOrText.class)} on a {@code String}.
 */
public class NumberOrText extends JsonDeserializer<String> {

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            return p.getText();
        }
        if (p.hasToken(JsonToken.VALUE_NUMBER_INT) || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)) {
            return p.getDecimalValue().toPlainString();
        }
        return (String) ctxt.handleUnexpectedToken(String.class, p);
    }
}
