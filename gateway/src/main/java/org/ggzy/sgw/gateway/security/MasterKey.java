package org.ggzy.sgw.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The master key: from {@code sgw.security.master-key} (the environment), or, on the embedded default only, a key
 * generated once into {@code sgw.security.master-key-file}. Derived keys are HMAC-SHA256(master, purpose).
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    private final byte[] key;

    public MasterKey(SecurityProperties properties) {
        this.key = load(properties);
    }

    private static byte[] load(SecurityProperties properties) {
        if (properties.masterKey() != null && !properties.masterKey().isBlank()) {
            return decode(properties.masterKey().trim(), "sgw.security.master-key");
        }
        if (properties.requireMasterKey()) {
            throw new IllegalStateException(
                    "No master key: set SGW_MASTER_KEY to Base64 of 32 random bytes (openssl rand -base64 32)");
        }
        return fromFile(properties.masterKeyFile());
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.debug("file system without POSIX permissions: {}", file);
            }
            log.warn(
                    "No master key configured: generated one into {} (embedded default only; "
                            + "production sets SGW_MASTER_KEY)",
                    file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("master key from " + source + " is not Base64", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("master key from " + source + " must be 32 bytes, is " + bytes.length);
        }
        return bytes;
    }

    /** AES key for encrypting secrets at rest. */
    SecretKeySpec encryptionKey() {
        return new SecretKeySpec(derive("sgw/secret-encryption/v1"), "AES");
    }

    /** HMAC key for signing access tokens. */
    public SecretKeySpec tokenSigningKey() {
        return new SecretKeySpec(derive("sgw/token-signing/v1"), "HmacSHA256");
    }

    private byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
