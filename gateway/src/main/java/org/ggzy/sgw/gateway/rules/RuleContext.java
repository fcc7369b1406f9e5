package org.ggzy.sgw.gateway.rules;

import org.ggzy.sgw.schemas.calendar.WorkingDays;

/**
 * What rules may use besides the section: the working-day calendar. Rules never read the clock: a statutory
 * breach depends on the records' own dates, not on when they arrived.
 */
public record RuleContext(WorkingDays workingDays) {}
