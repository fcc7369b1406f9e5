package org.ggzy.sgw.gateway.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The hash chain (pure). An entry's hash is SHA-256, in lower-case hex, of the UTF-8 bytes of its canonical form: the
 * JSON array {@code ["sgw-audit/v1", seq, at, actor, action, target, sourceAddress, requestId, before, after,
 * prevHash]} without white space, {@code at} as an ISO-8601 UTC instant, {@code before} / {@code after} as their JSON
 * text (or {@code null}). The first entry's {@code prevHash} is {@link #GENESIS}.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);
    static final String VERSION = "sgw-audit/v1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditChain() {}

    static String canonical(AuditEntry e) {
        try {
            return JSON.writeValueAsString(Arrays.asList(
                    VERSION,
                    e.seq(),
                    DateTimeFormatter.ISO_INSTANT.format(e.at()),
                    e.actor(),
                    e.action(),
                    e.target(),
                    e.sourceAddress(),
                    e.requestId(),
                    e.before(),
                    e.after(),
                    e.prevHash()));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("strings and numbers are always serialisable", ex);
        }
    }

    static String hash(AuditEntry e) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(canonical(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is always available", ex);
        }
    }

    /** The entry with its hash filled in. */
    static AuditEntry seal(AuditEntry e) {
        return new AuditEntry(
                e.seq(),
                e.at(),
                e.actor(),
                e.action(),
                e.target(),
                e.sourceAddress(),
                e.requestId(),
                e.before(),
                e.after(),
                e.prevHash(),
                hash(e));
    }
}
