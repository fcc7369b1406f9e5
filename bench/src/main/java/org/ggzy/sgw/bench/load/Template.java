package org.ggzy.sgw.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JSON text of one record with holes: {@code ~~U~~} (the lifecycle's unique digits), {@code ~~P~~} (the platform
 * code), {@code ~~T~~} ({@code DATA_TIMESTAMP}) and {@code ~~D<i>~~} (the i-th shifted time of the step). Rendering is
 * string concatenation, so that the generator spends its share of the machine's two cores on little but sending.
 */
final class Template {

    static final String UNIQUE = "~~U~~";
    static final String PLATFORM = "~~P~~";
    static final String TIMESTAMP = "~~T~~";

    static String date(int index) {
        return "~~D" + index + "~~";
    }

    private static final Pattern HOLE = Pattern.compile("~~(U|P|T|D(\\d+))~~");
    private static final int U = -1;
    private static final int P = -2;
    private static final int T = -3;

    private final String[] literals;
    private final int[] holes;
    private final int length;

    private Template(String[] literals, int[] holes, int length) {
        this.literals = literals;
        this.holes = holes;
        this.length = length;
    }

    static Template compile(String json) {
        List<String> literals = new ArrayList<>();
        List<Integer> holes = new ArrayList<>();
        Matcher m = HOLE.matcher(json);
        int at = 0;
        while (m.find()) {
            literals.add(json.substring(at, m.start()));
            holes.add(
                    switch (m.group(1)) {
                        case "U" -> U;
                        case "P" -> P;
                        case "T" -> T;
                        default -> Integer.parseInt(m.group(2));
                    });
            at = m.end();
        }
        literals.add(json.substring(at));
        return new Template(
                literals.toArray(String[]::new),
                holes.stream().mapToInt(Integer::intValue).toArray(),
                json.length());
    }

    /** About the length of a rendered record, in chars. */
    int length() {
        return length;
    }

    void render(StringBuilder out, String unique, String platform, String timestamp, String[] dates) {
        for (int i = 0; i < holes.length; i++) {
            out.append(literals[i]);
            int hole = holes[i];
            out.append(
                    switch (hole) {
                        case U -> unique;
                        case P -> platform;
                        case T -> timestamp;
                        default -> dates[hole];
                    });
        }
        out.append(literals[holes.length]);
    }
}
