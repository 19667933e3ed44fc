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
 * {@code MismatchedInputException}, which the REST layer hands to {@link ProblemMappers} with the field's path). And
 * no JSON type is silently taken for another: a number where text is expected is a 400, not the text "42".
 */
@Singleton
public class SafeTextModule implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("mash-safe-text");
        module.addDeserializer(String.class, new SafeStringDeserializer());
        mapper.registerModule(module);
        // a JSON type is what the API says it is: 42 is not a text, "4" not a number, "true" not a boolean
        mapper.configure(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean, com.fasterxml.jackson.databind.cfg.CoercionAction.Fail);
        // nor is 0 a value of an enum (Jackson would take it as the first constant): the fuzz run found this
        mapper.configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
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
