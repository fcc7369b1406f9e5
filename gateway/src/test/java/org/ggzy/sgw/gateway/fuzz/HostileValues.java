package org.ggzy.sgw.gateway.fuzz;

import java.util.List;
import java.util.Random;

/** The hostile atoms the fuzzer builds from: strings, keys, raw number texts and path or query values. */
final class HostileValues {

    private HostileValues() {}

    static final List<String> STRINGS = List.of(
            "' OR '1'='1",
            "'; DROP TABLE records; --",
            "\"; DELETE FROM receipts WHERE '1'='1",
            "1; SELECT pg_sleep(10); --",
            "~0~1/~",
            "/properties/~1a",
            "#/$defs/x",
            "../../../../etc/passwd",
            "..\\..\\windows\\win.ini",
            "%2e%2e%2f%2e%2e%2f",
            "line\r\nX-Injected: 1",
            "\r\n\r\nHTTP/1.1 200 OK",
            "nul\u0000inside",
            "\u0000",
            "\u202eevil\u202c",
            "\u200f\u200e\u2066",
            "\ufeff",
            "\ud800",
            "\udc00x",
            "x\ud83d",
            "😀𠀀",
            "e\u0301\u0301\u0301",
            "\u2028\u2029",
            "${jndi:ldap://127.0.0.1/x}",
            "<script>alert(1)</script>",
            "{{7*7}}",
            "",
            " ",
            "null",
            "true",
            "-1",
            "99999999999999999999999999",
            "20261301256161",
            "00000000000000",
            "九十一三五〇〇〇〇",
            "\t\b\f");

    static final List<String> KEYS = List.of(
            "",
            "\u0000",
            "~",
            "~0",
            "~1",
            "/",
            "$ref",
            "$schema",
            "$id",
            "$defs",
            "properties",
            "required",
            "type",
            "items",
            "__proto__",
            "constructor",
            "DATA_KEY\u0000",
            "DATA_KEY ",
            "data_key",
            "\ud800",
            "😀",
            "' OR 1=1 --");

    static final List<String> NUMBERS = List.of(
            "1e999999999",
            "-1e-999999999",
            "1E+2147483648",
            "123456789012345678901234567890123456789012345678901234567890",
            "0.00000000000000000000000000000000000000000000000000000001",
            "-0",
            "-0.0e-0",
            "9223372036854775808",
            "-9223372036854775809",
            "1.7976931348623157e309",
            "4.9e-325");

    static final List<String> PATH_VARIABLES = List.of(
            "..%2F..%2Fetc%2Fpasswd",
            "..%2f",
            "%2e%2e",
            "%00",
            "a%00b",
            "%0d%0aX-Injected:%201",
            "%E9%A1%B9%E7%9B%AE%F0%9F%98%80",
            "%ED%A0%80",
            "%FF%FE",
            "%C0%AE%C0%AE",
            "%27%20OR%20%271%27%3D%271",
            "~0~1",
            "%7E1",
            "E3501000717002688002",
            "91350000MA347WHE48",
            "01JD3Q8Z6W6S1M0W1V7C6C2R9X",
            "-1",
            "0",
            "null",
            "%20",
            "a;b=c",
            "%3Bx",
            "%25",
            "%E2%80%AE");

    static final List<String> QUERY_VALUES = List.of(
            "%27%20OR%201%3D1--",
            "%00",
            "..%2F..%2F",
            "%0D%0AX-Injected%3A%201",
            "-1",
            "99999999999999999999",
            "2026-13-45",
            "2026-01-01T00:00:00Z",
            "20261120093000",
            "%ED%A0%80",
            "%E2%80%AE",
            "~0~1",
            "",
            "%25",
            "1e999",
            "%5B%5D",
            "true");

    static final List<String> QUERY_NAMES = List.of(
            "from",
            "to",
            "region",
            "dataset",
            "dataKey",
            "tenderProjectCode",
            "status",
            "severity",
            "rule",
            "limit",
            "page",
            "size",
            "cursor",
            "platformCode",
            "q",
            "sort",
            "%00",
            "%27");

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /**
     * A string of {@code length} characters drawn from everywhere in the BMP; one in ten may hold U+0000 and unpaired
     * surrogates (refused for the whole push), the others only characters a record may carry, so that most reach
     * validation and storage.
     */
    static String randomChars(Random random, int length) {
        boolean anything = random.nextInt(10) == 0;
        StringBuilder s = new StringBuilder(length);
        while (s.length() < length) {
            char c = (char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000));
            if (anything || (c != 0 && !Character.isSurrogate(c))) {
                s.append(c);
            }
        }
        return s.toString();
    }
}
