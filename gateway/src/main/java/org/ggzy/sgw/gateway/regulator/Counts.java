package org.ggzy.sgw.gateway.regulator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The counters behind the quality scores of rules.md §5, for one platform and data set or summed over several.
 *
 * @param records accepted record versions received in the window
 * @param knownLag those of them whose lag against the SLA is known
 * @param timely those received within the SLA
 * @param sameDay late by at most one day (lag, not lag beyond the SLA)
 * @param oneToThreeDays late with a lag of more than one and at most three days
 * @param fourToSevenDays late with a lag of more than three and at most seven days
 * @param overSevenDays late with a lag of more than seven days
 * @param accepted records accepted according to the receipts
 * @param rejected records rejected according to the receipts
 * @param expectationsDue expectations due in the window that were met, breached, or are open past their due time
 * @param expectationsMetOnTime those met no later than their due time
 */
record Counts(
        long records,
        long knownLag,
        long timely,
        long sameDay,
        long oneToThreeDays,
        long fourToSevenDays,
        long overSevenDays,
        long accepted,
        long rejected,
        long expectationsDue,
        long expectationsMetOnTime) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    static Counts ofRecords(
            long records, long knownLag, long timely, long sameDay, long upTo3, long upTo7, long over7) {
        return new Counts(records, knownLag, timely, sameDay, upTo3, upTo7, over7, 0, 0, 0, 0);
    }

    static Counts ofReceipts(long accepted, long rejected) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, accepted, rejected, 0, 0);
    }

    static Counts ofExpectations(long due, long metOnTime) {
        return new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, due, metOnTime);
    }

    Counts plus(Counts o) {
        return new Counts(
                records + o.records,
                knownLag + o.knownLag,
                timely + o.timely,
                sameDay + o.sameDay,
                oneToThreeDays + o.oneToThreeDays,
                fourToSevenDays + o.fourToSevenDays,
                overSevenDays + o.overSevenDays,
                accepted + o.accepted,
                rejected + o.rejected,
                expectationsDue + o.expectationsDue,
                expectationsMetOnTime + o.expectationsMetOnTime);
    }

    /** 及时率: records within the SLA over records whose lag is known. */
    Double timelyRate() {
        return rate(timely, knownLag);
    }

    /** 完整率: expectations met on time over expectations due. */
    Double completenessRate() {
        return rate(expectationsMetOnTime, expectationsDue);
    }

    /** 合格率: accepted over accepted plus rejected (duplicates and stale versions count for neither). */
    Double acceptanceRate() {
        return rate(accepted, accepted + rejected);
    }

    Scores.LagBuckets lagBuckets() {
        return new Scores.LagBuckets(timely, sameDay, oneToThreeDays, fourToSevenDays, overSevenDays);
    }

    /** A share between 0 and 1 to four decimals (half up), or null when there is nothing to share. */
    static Double rate(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part)
                .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
