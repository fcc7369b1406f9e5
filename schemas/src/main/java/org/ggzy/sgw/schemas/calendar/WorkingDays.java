package org.ggzy.sgw.schemas.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.ggzy.sgw.schemas.SpecTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days (工作日) by the official holiday notices: Monday to Friday, less the public holidays, plus the
 * weekend days a notice makes working days (调休上班). Periods are counted the Chinese legal way: the first day is
 * not counted.
 *
 * <p>A year whose notice is not in the calendar (no file, or {@code "published": false}) falls back to Monday to
 * Friday and logs a WARN, once per year and instance, because every working-day deadline of that year may be wrong
 * by the length of a holiday. {@link #isOfficial(int)} tells callers which years are exact.
 *
 * <p>Thread-safe; no I/O after construction.
 */
public final class WorkingDays {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingDays.class);

    private final HolidayCalendar calendar;
    private final Set<Integer> fallbackYears = ConcurrentHashMap.newKeySet();

    public WorkingDays(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    /** Working days by the calendar shipped with this library. */
    public static WorkingDays standard() {
        return new WorkingDays(HolidayCalendar.load());
    }

    public HolidayCalendar calendar() {
        return calendar;
    }

    /** Whether the working days of the year come from its official notice (else: Monday to Friday only). */
    public boolean isOfficial(int year) {
        return calendar.isOfficial(year);
    }

    /** Whether the date is a working day. */
    public boolean isWorkingDay(LocalDate date) {
        checkOfficial(date.getYear());
        if (calendar.makeUpWorkday(date).isPresent()) {
            return true;
        }
        return calendar.holiday(date).isEmpty() && !HolidayCalendar.isWeekend(date);
    }

    /** Whether the instant falls on a working day in China Standard Time. */
    public boolean isWorkingDay(Instant instant) {
        return isWorkingDay(LocalDate.ofInstant(instant, SpecTime.CHINA));
    }

    /**
     * The {@code n}th working day after {@code date}, not counting {@code date} itself: {@code plusWorkingDays(Friday,
     * 1)} is the next working Monday. {@code n = 0} gives {@code date}.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public LocalDate plusWorkingDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days to add must not be negative: " + n);
        }
        LocalDate day = date;
        int counted = 0;
        while (counted < n) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The same local time (China Standard Time) on the {@code n}th working day after the instant's date: the due
     * time of "within {@code n} working days of" {@code instant}.
     */
    public Instant plusWorkingDays(Instant instant, int n) {
        ZonedDateTime local = instant.atZone(SpecTime.CHINA);
        LocalDate due = plusWorkingDays(local.toLocalDate(), n);
        return local.with(due).toInstant();
    }

    /**
     * The working days after {@code from} up to and including {@code to}: the "working days between" of the
     * supervision rules (0 when both are the same day; negative when {@code to} is before {@code from}).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** {@link #workingDaysBetween(LocalDate, LocalDate)} of the instants' dates in China Standard Time. */
    public int workingDaysBetween(Instant from, Instant to) {
        return workingDaysBetween(LocalDate.ofInstant(from, SpecTime.CHINA), LocalDate.ofInstant(to, SpecTime.CHINA));
    }

    /** The years this instance has counted with the Monday-to-Friday fallback so far. */
    public SortedSet<Integer> fallbackYears() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(fallbackYears));
    }

    private void checkOfficial(int year) {
        if (!calendar.isOfficial(year) && fallbackYears.add(year)) {
            LOG.warn(
                    "HOLIDAY CALENDAR HAS NO OFFICIAL NOTICE FOR {} ({}): working days of {} are counted as Monday to"
                            + " Friday, without its public holidays and make-up working days (调休), so working-day"
                            + " deadlines and rules in {} may be off by several days. Fill schemas/spec/calendar/{}.json"
                            + " from the 国务院办公厅 notice and list the year in index.json.",
                    year,
                    calendar.source(year).orElse("no file for this year"),
                    year,
                    year,
                    year);
        }
    }

    @Override
    public String toString() {
        return "WorkingDays[" + calendar + "]";
    }
}
