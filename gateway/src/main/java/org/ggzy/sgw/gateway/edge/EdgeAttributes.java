package org.ggzy.sgw.gateway.edge;

import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.springframework.web.server.ServerWebExchange;

/** What the edge filters leave on the exchange for the handlers behind them. */
public final class EdgeAttributes {

    /** {@code byte[]}: the raw request body, read once, within the size limit. */
    public static final String RAW_BODY = "sgw.edge.rawBody";
    /** {@link PlatformCredentials} of the platform whose signature was verified. */
    public static final String PLATFORM = "sgw.edge.platform";
    /** {@link SignatureMethod} the request was signed with. */
    public static final String SIGNATURE_METHOD = "sgw.edge.signatureMethod";
    /** {@code String}: lowercase hex digest of the raw body under the request's signature method, computed once. */
    public static final String BODY_DIGEST = "sgw.edge.bodyDigest";
    /** {@code String}: the raw path as the client sent it (the signature covers it). */
    public static final String ORIGINAL_PATH = "sgw.edge.originalPath";

    private EdgeAttributes() {}

    public static byte[] rawBody(ServerWebExchange exchange) {
        byte[] body = exchange.getAttribute(RAW_BODY);
        return body == null ? new byte[0] : body;
    }

    /** The body's hex digest under the method, as the edge computed it (or computed now, for a request without). */
    public static String bodyDigest(ServerWebExchange exchange, SignatureMethod method) {
        String digest = exchange.getAttribute(BODY_DIGEST);
        return digest != null ? digest : method.digestHex(rawBody(exchange));
    }

    static String originalPath(ServerWebExchange exchange) {
        String path = exchange.getAttribute(ORIGINAL_PATH);
        return path != null ? path : exchange.getRequest().getURI().getRawPath();
    }
}
