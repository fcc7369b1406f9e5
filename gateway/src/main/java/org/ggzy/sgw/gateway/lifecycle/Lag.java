package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;

/**
 * How long after its event a record was received, against its data set's push SLA.
 *
 * @param eventAt the record's event time (the catalogue's {@code eventTime} field)
 * @param lagSeconds receive time minus event time
 * @param withinSla whether it was received by the SLA's deadline
 * @param slaDeadline the deadline
 */
public record Lag(Instant eventAt, long lagSeconds, boolean withinSla, Instant slaDeadline) {}
