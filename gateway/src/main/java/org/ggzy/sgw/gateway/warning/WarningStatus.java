package org.ggzy.sgw.gateway.warning;

/** The lifecycle of rules.md §6. */
public enum WarningStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED,
    SILENCED
}
