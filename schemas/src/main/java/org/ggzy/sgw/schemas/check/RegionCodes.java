package org.ggzy.sgw.schemas.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * 行政区划代码 (GB/T 2260) from the code list shipped in {@code sgw/spec/codes/regions.tsv}: lines of
 * {@code code<TAB>name}; lines starting with {@code #} are comments (the list's origin and date).
 */
public final class RegionCodes {

    static final String RESOURCE = "sgw/spec/codes/regions.tsv";

    private final Map<String, String> names;

    RegionCodes(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    public static RegionCodes load() {
        return load(RegionCodes.class.getClassLoader());
    }

    public static RegionCodes load(ClassLoader loader) {
        Map<String, String> names = new HashMap<>();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("region code list missing: " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                names.put(parts[0].trim(), parts.length > 1 ? parts[1].trim() : "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new RegionCodes(names);
    }

    /** Whether the code is in the list. */
    public boolean isKnown(String code) {
        return names.containsKey(code);
    }

    public Optional<String> name(String code) {
        return Optional.ofNullable(names.get(code));
    }

    /** The province-level code ({@code 350000}) of a code ({@code 350102}). */
    public static String province(String code) {
        return code.substring(0, 2) + "0000";
    }

    /** The parent region of a code: county → city → province; a province has none. */
    public static Optional<String> parent(String code) {
        if (code.endsWith("0000")) {
            return Optional.empty();
        }
        return Optional.of(code.endsWith("00") ? province(code) : code.substring(0, 4) + "00");
    }

    public int size() {
        return names.size();
    }
}
