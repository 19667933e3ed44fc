package org.mash.contacts.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The agencies' callback signing secrets at rest: sealed with AES-GCM under the installation's key
 * ({@code mash.callbacks.secret-key}), stored as {@code v1:<base64 of iv and ciphertext>}; a database dump or backup
 * alone does not let anyone forge a notification. A secret stored before sealing existed is read as it is and sealed
 * at its next registration.
 */
@ApplicationScoped
public class SealedSecrets {

    private static final String V1 = "v1:";
    private static final int IV_BYTES = 12;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SealedSecrets(CallbackConfig config) {
        byte[] bytes;
        try {
            bytes = HexFormat.of().parseHex(config.secretKey().strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("mash.callbacks.secret-key must be 64 hex digits (32 random bytes)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("mash.callbacks.secret-key must be 64 hex digits (32 random bytes), not "
                    + bytes.length + " bytes");
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    public String seal(String secret) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, all, 0, IV_BYTES);
            System.arraycopy(sealed, 0, all, IV_BYTES, sealed.length);
            return V1 + Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a callback secret", e);
        }
    }

    public String open(String stored) {
        if (stored == null || !stored.startsWith(V1)) {
            return stored;
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(V1.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a callback secret does not open with mash.callbacks.secret-key "
                    + "(was the key changed without re-registering?)", e);
        }
    }
}
