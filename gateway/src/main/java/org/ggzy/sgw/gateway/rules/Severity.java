package org.ggzy.sgw.gateway.rules;

/** How serious a warning is (rules.md): 提示, 预警, 严重预警. Ordered from least to most serious. */
public enum Severity {
    YELLOW,
    ORANGE,
    RED;

    /** The more serious of the two. */
    public Severity max(Severity other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
