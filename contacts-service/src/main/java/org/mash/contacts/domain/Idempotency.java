package org.mash.contacts.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Partners retry: a submission sent again with the same {@code Idempotency-Key} (scoped to the agency) is the
 * same submission and answers with the same contacts; the same key with a different request is a mistake
 * the partner must hear about (422), never a silent second contact or a silently dropped one.
 */
public final class Idempotency {

    public enum Outcome { REPLAY, KEY_REUSED_FOR_ANOTHER_REQUEST }

    private Idempotency() {
    }

    /** Why a key is unusable, if it is: 1 to 200 visible ASCII characters. */
    public static Optional<Violation> checkKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isEmpty() || key.length() > 200 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            return Optional.of(new Violation("Idempotency-Key", "format",
                    "an idempotency key is 1 to 200 visible ASCII characters, e.g. a UUID"));
        }
        return Optional.empty();
    }

    /** A fingerprint of the request as the service understood it (canonical JSON of the parsed submission). */
    public static String fingerprint(String canonicalRequest) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key already used: replay if the request is the same, else the key was reused for another request. */
    public static Outcome onRepeat(String storedFingerprint, String requestFingerprint) {
        return storedFingerprint.equals(requestFingerprint) ? Outcome.REPLAY : Outcome.KEY_REUSED_FOR_ANOTHER_REQUEST;
    }
}
