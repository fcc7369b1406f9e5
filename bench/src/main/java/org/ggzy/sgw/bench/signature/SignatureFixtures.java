package org.ggzy.sgw.bench.signature;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.ggzy.sgw.bench.validation.ValidationFixtures;
import org.ggzy.sgw.gateway.edge.SignatureMethod;

/**
 * A signed push request as a trading system sends it (API.md §1): a body of bidder rows (the contract's valid
 * examples, as {@link ValidationFixtures#bidderBatch(int)} makes them) of an exact size, the request line and the
 * headers, the signature the platform computed with its secret, and the check the edge makes of it.
 */
public final class SignatureFixtures {

    public static final String HTTP_METHOD = "POST";
    public static final String PATH = "/api/v1/push/gcjs.bidder";

    /** {@code X-Timestamp}: 2026-04-15 09:49:00 China Standard Time, in milliseconds since the epoch. */
    public static final String TIMESTAMP = "1776217740000";

    /** {@code X-Nonce}: 32 characters, as {@code deploy/push.sh} makes them ({@code openssl rand -hex 16}). */
    public static final String NONCE = "9f3c2a7be41d4c0a8e5b6d7f1a2c3e4b";

    /** A secret as the gateway issues them: 32 random bytes, Base64url without padding (43 characters). */
    public static final String SECRET = secret(new Random(20260415));

    private SignatureFixtures() {}

    /**
     * A JSON array of bidder rows of exactly {@code bytes} bytes of UTF-8: as many rows as fit, then spaces (JSON
     * whitespace) before the closing bracket.
     */
    public static byte[] body(int bytes) {
        List<ObjectNode> rows = new ArrayList<>();
        byte[] fits = ValidationFixtures.jsonArray(rows);
        for (ObjectNode row : ValidationFixtures.bidderBatch(bytes / 900 + 2)) {
            rows.add(row);
            byte[] longer = ValidationFixtures.jsonArray(rows);
            if (longer.length > bytes) {
                break;
            }
            fits = longer;
        }
        if (fits.length <= 2) {
            throw new IllegalArgumentException("a body of " + bytes + " bytes holds no bidder row");
        }
        byte[] body = new byte[bytes];
        System.arraycopy(fits, 0, body, 0, fits.length - 1);
        Arrays.fill(body, fits.length - 1, bytes - 1, (byte) ' ');
        body[bytes - 1] = ']';
        return body;
    }

    /** {@code X-Signature} of the request with the body: what the platform computes with its secret. */
    public static String sign(SignatureMethod method, String secret, byte[] body) {
        String canonical = SignatureMethod.canonical(HTTP_METHOD, PATH, TIMESTAMP, NONCE, method.digestHex(body));
        return Base64.getEncoder().encodeToString(method.hmac(secret, canonical));
    }

    /**
     * The edge's check of a request's signature ({@code PlatformSignatureGatewayFilterFactory.verify}, after the
     * platform, its state and the timestamp have been checked): decode {@code X-Signature}, digest the body, build
     * the canonical string, compute the HMAC under each of the platform's secrets and compare in constant time.
     */
    public static boolean verify(
            SignatureMethod method,
            String timestamp,
            String nonce,
            byte[] body,
            String signature,
            List<String> secrets) {
        byte[] presented = Base64.getDecoder().decode(signature.trim());
        String canonical = SignatureMethod.canonical(HTTP_METHOD, PATH, timestamp, nonce, method.digestHex(body));
        for (String secret : secrets) {
            if (MessageDigest.isEqual(method.hmac(secret, canonical), presented)) {
                return true;
            }
        }
        return false;
    }

    private static String secret(Random random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
