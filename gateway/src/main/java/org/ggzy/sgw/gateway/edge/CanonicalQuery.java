package org.ggzy.sgw.gateway.edge;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical query string signature version 2 covers: every {@code name=value} pair of the raw query (a pair
 * without {@code =} has an empty value; empty pairs are dropped), name and value percent-decoded, then encoded
 * again per RFC 3986 (unreserved {@code A-Z a-z 0-9 - . _ ~} as they are, every other UTF-8 byte as {@code %XX},
 * upper-case hex; {@code +} is a plus sign, not a space), sorted by name, then by value, joined by {@code &}. No
 * query gives the empty string.
 */
public final class CanonicalQuery {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalQuery() {}

    /** The canonical form of a raw (still percent-encoded) query, {@code null} or empty for none. */
    public static String of(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            out.append(out.isEmpty() ? "" : "&").append(p[0]).append('=').append(p[1]);
        }
        return out.toString();
    }

    /** Percent-decodes to bytes; a {@code %} not followed by two hex digits stands for itself. */
    static byte[] decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        byte[] in = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            int hi = i + 2 < in.length && in[i] == '%' ? Character.digit(in[i + 1], 16) : -1;
            int lo = hi >= 0 ? Character.digit(in[i + 2], 16) : -1;
            if (lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(in[i]);
            }
        }
        return bytes.toByteArray();
    }

    /** RFC 3986 percent-encoding of bytes: unreserved characters as they are, everything else as {@code %XX}. */
    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xFF;
            boolean unreserved = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~';
            if (unreserved) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }
}
