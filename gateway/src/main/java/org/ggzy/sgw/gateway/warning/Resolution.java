package org.ggzy.sgw.gateway.warning;

/** How a warning was resolved. */
public enum Resolution {
    /** By a regulator, with a comment. */
    MANUAL,
    /** The expected record arrived, or the condition no longer holds. */
    AUTO,
    /** The section ended in a tender exception (流标, 终止, 撤销): what was expected will not come. */
    CANCELLED
}
