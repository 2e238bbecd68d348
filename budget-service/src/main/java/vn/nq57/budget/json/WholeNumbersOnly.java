package vn.nq57.budget.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Money is whole VND: a fractional JSON number for an integer field ({@code "amount": 1.5}) is a 400, never silently
 * truncated (Jackson's default would accept it as 1).
 */
@Singleton
public class WholeNumbersOnly implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
