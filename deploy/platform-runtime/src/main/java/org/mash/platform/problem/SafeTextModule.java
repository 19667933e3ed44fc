package org.mash.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Every string read from a JSON body is {@link SafeText}; one that is not fails with {@link UnsafeTextException} (a
 * {@code MismatchedInputException}, which the REST layer hands to {@link ProblemMappers} with the field's path).
 */
@Singleton
public class SafeTextModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("mash-safe-text");
        module.addDeserializer(String.class, new SafeStringDeserializer());
        mapper.registerModule(module);
    }

    /** A JSON string that holds a control character or broken Unicode; names its field. */
    public static class UnsafeTextException extends MismatchedInputException {
        UnsafeTextException(JsonParser parser) {
            super(parser, SafeText.MESSAGE, String.class);
        }
    }

    static final class SafeStringDeserializer extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (!SafeText.isSafe(value)) {
                throw new UnsafeTextException(parser);
            }
            return value;
        }
    }
}
