package org.ggzy.sgw.schemas.check;

import java.util.regex.Pattern;

/** 统一社会信用代码 (GB 32100-2015): layout and check character. */
public final class Uscc {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final Pattern LAYOUT = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");

    private Uscc() {}

    /** Whether the text has the USCC layout (18 characters of the right alphabet), whatever its check character. */
    public static boolean hasLayout(String code) {
        return code != null && LAYOUT.matcher(code).matches();
    }

    /** The check character the first 17 characters call for. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARSET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a USCC character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        return CHARSET.charAt((31 - sum % 31) % 31);
    }

    /** Whether the code is a well-formed USCC with the right check character. */
    public static boolean isValid(String code) {
        return hasLayout(code) && checkCharacter(code) == code.charAt(17);
    }
}
