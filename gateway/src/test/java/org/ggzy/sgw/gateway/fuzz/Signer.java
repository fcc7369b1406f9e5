package org.ggzy.sgw.gateway.fuzz;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.ggzy.sgw.gateway.edge.SignatureMethod;

/** Signs requests as one registered platform (API.md §1), with a nonce drawn from the run's generator. */
record Signer(String code, String secret) {

    /** The five signature headers for a request; {@code rawPath} without its query string. */
    List<String[]> headers(Random random, String method, String rawPath, byte[] body) {
        SignatureMethod signature = random.nextInt(4) == 0 ? SignatureMethod.HMAC_SM3 : SignatureMethod.HMAC_SHA256;
        String timestamp = Long.toString(System.currentTimeMillis());
        String nonce = String.format("%016x%016x", random.nextLong(), System.nanoTime());
        String canonical = SignatureMethod.canonical(method, rawPath, timestamp, nonce, signature.digestHex(body));
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {"X-Platform-Code", code});
        headers.add(new String[] {"X-Timestamp", timestamp});
        headers.add(new String[] {"X-Nonce", nonce});
        headers.add(new String[] {"X-Signature-Method", signature.header()});
        headers.add(
                new String[] {"X-Signature", Base64.getEncoder().encodeToString(signature.hmac(secret, canonical))});
        return headers;
    }
}
