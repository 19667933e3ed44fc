package org.mash.triage.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A pseudonymous child id for events that leave the service: HMAC-SHA256 under a key only this service
 * holds, of the NHS number if known, else of the normalised name and date of birth. The same child gives
 * the same ref (so metrics can count repeat contacts) and the ref cannot be turned back into the child.
 */
public final class ChildRef {

    private final byte[] key;

    public ChildRef(String key) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("the pseudonym key must be at least 16 characters");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    public String of(String nhsNumber, String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth) {
        String identity = nhsNumber != null && !nhsNumber.isBlank()
                ? "nhs:" + nhsNumber.replace(" ", "")
                : "name:" + normalise(firstName) + "|" + normalise(lastName) + "|"
                  + (dateOfBirth != null ? dateOfBirth : "expected:" + expectedDateOfBirth);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** See {@link Names#normalise}: the ref and the history matching normalise names the same way. */
    static String normalise(String name) {
        return Names.normalise(name);
    }
}
