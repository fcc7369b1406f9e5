package org.ggzy.sgw.bench.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.ggzy.sgw.schemas.SpecTime;

/**
 * The requests of one client: lifecycles pushed step by step, {@code n} lifecycles at a time (a cohort), one request
 * per step holding that step's record of each lifecycle of the cohort, so that every request carries {@code n}
 * records of one data set, each of another section. With {@code n = 1} that is a trading system pushing each record
 * as it happens; with {@code n = 100} one pushing every few minutes what happened in a hundred tenders.
 *
 * <p>Times: a lifecycle is moved as a whole so that its first record happened one hour before the cohort started
 * ({@link #ON_TIME_LEAD}); the records that follow in the scenario weeks later then lie in the future, which the
 * gateway accepts (only {@code DATA_TIMESTAMP} may not, and it is the cohort's start). So {@code PUSH_LATE} does
 * not fire, except for the share of lifecycles moved {@link #LATE_LEAD} back instead, whose first day's records
 * (project, tender project, section) arrive more than the 24 hours of their SLA late.
 */
final class Feed {

    static final Duration ON_TIME_LEAD = Duration.ofHours(1);
    static final Duration LATE_LEAD = Duration.ofHours(30);

    private static final DateTimeFormatter TS14 = DateTimeFormatter.ofPattern("uuuuMMddHHmmss");
    private static final DateTimeFormatter D8 = DateTimeFormatter.ofPattern("uuuuMMdd");

    /** One request: a body of {@code records} records of {@code dataset} ({@code invalid} of them invalid). */
    record Request(String dataset, byte[] body, String bodySha256, int records, int invalid) {}

    private final List<Lifecycles.Scenario> scenarios;
    private final AtomicInteger scenarioCursor;
    private final AtomicLong lifecycleIds;
    private final String runPrefix;
    private final int cohortSize;
    private final boolean array;
    private final double invalidShare;
    private final double lateShare;
    private final String platformCode;
    private final SplittableRandom random;
    private final Supplier<Instant> clock;

    private Lifecycles.Scenario scenario;
    private long firstId;
    private int step;
    private String timestamp;
    private Duration onTimeShift;
    private Duration lateShift;

    /**
     * @param runPrefix three digits that start every unique code of this generator run
     * @param cohortSize records per request
     * @param array whether the body is a JSON array even for one record
     */
    Feed(
            List<Lifecycles.Scenario> scenarios,
            AtomicInteger scenarioCursor,
            AtomicLong lifecycleIds,
            String runPrefix,
            int cohortSize,
            boolean array,
            double invalidShare,
            double lateShare,
            String platformCode,
            long seed,
            Supplier<Instant> clock) {
        if (runPrefix.length() != 3) {
            throw new IllegalArgumentException("run prefix must be three digits");
        }
        this.scenarios = scenarios;
        this.scenarioCursor = scenarioCursor;
        this.lifecycleIds = lifecycleIds;
        this.runPrefix = runPrefix;
        this.cohortSize = cohortSize;
        this.array = array;
        this.invalidShare = invalidShare;
        this.lateShare = lateShare;
        this.platformCode = platformCode;
        this.random = new SplittableRandom(seed);
        this.clock = clock;
    }

    String platformCode() {
        return platformCode;
    }

    /** The next request: the next step of the current cohort, or the first step of a new one. */
    Request next() {
        if (scenario == null || step >= scenario.steps().size()) {
            startCohort();
        }
        Lifecycles.Step s = scenario.steps().get(step++);
        String[] onTime = times(s, onTimeShift);
        String[] late = lateShare > 0 ? times(s, lateShift) : onTime;
        boolean[] invalid = invalidRecords(s);
        StringBuilder out = new StringBuilder(cohortSize * (s.valid().length() + 32) + 2);
        boolean wrap = array || cohortSize > 1;
        if (wrap) {
            out.append('[');
        }
        int invalidCount = 0;
        for (int i = 0; i < cohortSize; i++) {
            if (i > 0) {
                out.append(',');
            }
            long id = firstId + i;
            Template template = s.valid();
            if (invalid[i]) {
                template = s.invalid().get(random.nextInt(s.invalid().size()));
                invalidCount++;
            }
            template.render(out, unique(id), platformCode, timestamp, isLate(id) ? late : onTime);
        }
        if (wrap) {
            out.append(']');
        }
        byte[] body = out.toString().getBytes(StandardCharsets.UTF_8);
        return new Request(s.dataset(), body, Signer.sha256Hex(body), cohortSize, invalidCount);
    }

    private void startCohort() {
        scenario = scenarios.get(Math.floorMod(scenarioCursor.getAndIncrement(), scenarios.size()));
        firstId = lifecycleIds.getAndAdd(cohortSize);
        step = 0;
        Instant now = clock.get().truncatedTo(ChronoUnit.SECONDS);
        timestamp = SpecTime.formatTs14(now);
        onTimeShift = Duration.between(scenario.firstAt(), now.minus(ON_TIME_LEAD));
        lateShift = Duration.between(scenario.firstAt(), now.minus(LATE_LEAD));
    }

    private boolean[] invalidRecords(Lifecycles.Step s) {
        boolean[] invalid = new boolean[cohortSize];
        if (invalidShare <= 0 || s.invalid().isEmpty()) {
            return invalid;
        }
        int count = (int) Math.round(cohortSize * invalidShare);
        if (count == 0 && random.nextDouble() < invalidShare) {
            count = 1;
        }
        // a random subset of exactly `count` records (Floyd's algorithm)
        for (int j = cohortSize - count; j < cohortSize; j++) {
            int t = random.nextInt(j + 1);
            if (invalid[t]) {
                invalid[j] = true;
            } else {
                invalid[t] = true;
            }
        }
        return invalid;
    }

    /** Whether a lifecycle is one of the late ones (a fixed share, spread evenly over the ids). */
    boolean isLate(long id) {
        if (lateShare <= 0) {
            return false;
        }
        long mixed = (id * 0x9E3779B97F4A7C15L) >>> 1;
        return mixed % 10_000 < Math.round(lateShare * 10_000);
    }

    /** The lifecycle's ten unique digits: the run prefix and seven digits of the id. */
    String unique(long id) {
        char[] digits = new char[Lifecycles.UNIQUE_DIGITS];
        runPrefix.getChars(0, 3, digits, 0);
        long n = Math.floorMod(id, 10_000_000L);
        for (int i = digits.length - 1; i >= 3; i--) {
            digits[i] = (char) ('0' + n % 10);
            n /= 10;
        }
        return new String(digits);
    }

    private static String[] times(Lifecycles.Step s, Duration shift) {
        LocalDateTime[] times = s.times();
        String[] out = new String[times.length];
        for (int i = 0; i < times.length; i++) {
            ZonedDateTime moved = times[i].atZone(SpecTime.CHINA).plus(shift);
            out[i] = (s.dateOnly()[i] ? D8 : TS14).format(moved);
        }
        return out;
    }
}
