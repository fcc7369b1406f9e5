package org.ggzy.sgw.gateway.rules;

import java.math.BigDecimal;
import java.util.Optional;

/** Amounts normalised to yuan: a {@code priceUnit} field says {@code 0} 元 or {@code 1} 万元 (yuan when absent). */
final class Yuan {

    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Yuan() {}

    /** The amount of {@code amountField} in yuan, after the unit in {@code unitField}; empty when absent. */
    static Optional<BigDecimal> of(SectionRecord record, String amountField, String unitField) {
        boolean tenThousands = "1".equals(record.text(unitField));
        return record.decimal(amountField).map(amount -> tenThousands ? amount.multiply(TEN_THOUSAND) : amount);
    }

    /** An amount without exponent or trailing zeros, e.g. {@code 5600000} or {@code 0.5}. */
    static String plain(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
