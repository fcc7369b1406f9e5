package org.ggzy.sgw.gateway.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Pushes whose signing headers are broken in one way each: missing, malformed, hostile, or not matching. */
final class BadSigning {

    private BadSigning() {}

    /** A well-formed code of no registered platform (the examples' code; test platforms get random ones). */
    private static final String UNKNOWN_PLATFORM = "91350000MA347WHE48";

    private static final List<String> HEADERS =
            List.of("X-Platform-Code", "X-Timestamp", "X-Nonce", "X-Signature-Method", "X-Signature");

    private static final List<String> CODES = List.of(
            "",
            "91350000MA347WHE4",
            "91350000MA347WHE488",
            "913500000000000000",
            "91350000ma347whe48",
            "' OR '1'='1' -- xx",
            "../../../etc/passw",
            "91350000MA347WHE4\u00e9",
            "\u202e91350000MA347WH");

    private static final List<String> TIMESTAMPS = List.of(
            "", "abc", "-1", "1e3", "0", "99999999999999999999", "999999999999999", "1763779200000", " 1", "1.5");

    private static final List<String> NONCES = List.of(
            "",
            "short",
            "a".repeat(65),
            "../../../../etc/passwd",
            "%00%00%00%00%00%00%00%00",
            "nonce-with-\u00fc-umlaut-0000",
            "' OR 1=1 --aaaaaaaaaaaa",
            "~0~1~0~1~0~1~0~1~0~1");

    private static final List<String> METHODS =
            List.of("", "HMAC-MD5", "hmac-sha256", "HMAC-SHA256 ", "NONE", "SHA256");

    private static final List<String> SIGNATURES =
            List.of("", "not base64!", "AAAA", "=", "A".repeat(6000), "\u4e2d\u6587", "%2F%2F");

    static HostileRequests.Hostile of(Random random, Signer platform, HostileBodies.Body body) {
        String path = "/api/v1/push/" + body.dataset();
        byte[] bytes = body.bytes();
        List<String[]> headers = platform.headers(random, "POST", path, bytes);
        String header = HostileValues.pick(random, HEADERS);
        int how = random.nextInt(6);
        switch (how) {
            case 0 -> headers.removeIf(h -> h[0].equals(header));
            case 1 -> set(headers, header, replacement(random, header));
            case 2 -> headers.add(new String[] {header, replacement(random, header)});
            case 3 -> bytes = (new String(bytes, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
            case 4 -> path = path + "/";
            default -> set(headers, "X-Platform-Code", UNKNOWN_PLATFORM);
        }
        headers.add(new String[] {"Content-Type", body.ndjson() ? "application/x-ndjson" : "application/json"});
        return new HostileRequests.Hostile(
                "bad-signing/"
                        + List.of(
                                        "missing",
                                        "malformed",
                                        "duplicated",
                                        "body-changed",
                                        "path-changed",
                                        "unknown-platform")
                                .get(how),
                new RawHttp.Request("POST", path, headers, bytes),
                platform, // some are still valid (a duplicate header, the default method): what they store counts
                false);
    }

    private static String replacement(Random random, String header) {
        return switch (header) {
            case "X-Platform-Code" -> HostileValues.pick(random, CODES);
            case "X-Timestamp" -> HostileValues.pick(random, TIMESTAMPS);
            case "X-Nonce" -> HostileValues.pick(random, NONCES);
            case "X-Signature-Method" -> HostileValues.pick(random, METHODS);
            default -> HostileValues.pick(random, SIGNATURES);
        };
    }

    private static void set(List<String[]> headers, String name, String value) {
        List<String[]> kept = new ArrayList<>(headers);
        kept.removeIf(h -> h[0].equals(name));
        kept.add(new String[] {name, value});
        headers.clear();
        headers.addAll(kept);
    }
}
