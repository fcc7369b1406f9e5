package org.ggzy.sgw.gateway.rules;

import java.util.List;
import java.util.Set;

/**
 * A statutory-procedure (合规性) or archive rule of rules.md: a pure function of what is known about a section. It
 * is evaluated whenever a record of one of its {@link #inputs()} arrives or changes, and returns every finding that
 * holds <em>now</em>; a finding that no longer holds (a corrected record, a missing bidder that arrived) lets the
 * warning it raised resolve itself. Because the result depends only on the state, never on the order in which
 * records arrived, a lifecycle ends with the same warnings whatever the order of its pushes.
 */
public interface Rule {

    /** The catalogue id, e.g. {@code P01}. */
    String id();

    /** The rule name, e.g. {@code BID_PERIOD_TOO_SHORT}. */
    String name();

    /** The data sets whose arrival makes this rule run again. */
    Set<String> inputs();

    /** Every finding that holds for this section now. */
    List<Finding> evaluate(SectionState state, RuleContext context);
}
