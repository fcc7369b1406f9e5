package org.ggzy.sgw.gateway.warning;

/**
 * One stored change of a warning, to publish after the transaction commits.
 *
 * @param seq the event's sequence number (the server-sent event id)
 * @param warningId the warning
 * @param rule its rule
 * @param severity its severity after the change
 * @param type the event type
 * @param notifies whether people are told (not for silenced warnings)
 */
public record WarningChange(long seq, String warningId, String rule, String severity, String type, boolean notifies) {}
