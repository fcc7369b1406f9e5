package org.ggzy.sgw.gateway.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.ggzy.sgw.schemas.Delay;
import org.ggzy.sgw.schemas.SpecTime;
import org.ggzy.sgw.schemas.calendar.WorkingDays;

/**
 * Adds a catalogue {@link Delay} to an instant. Hours are exact; days and working days are counted as the law counts
 * periods (the first day is not counted) and end with the last day: "within 2 working days" of Friday 10:00 ends
 * when Tuesday ends (China Standard Time), not at Tuesday 10:00.
 */
public final class Deadlines {

    private final WorkingDays workingDays;

    public Deadlines(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    public Instant after(Instant from, Delay delay) {
        if (delay.hours() != null) {
            return from.plusSeconds(delay.hours() * 3600L);
        }
        LocalDate start = from.atZone(SpecTime.CHINA).toLocalDate();
        LocalDate last = delay.days() != null
                ? start.plusDays(delay.days())
                : workingDays.plusWorkingDays(start, delay.workingDays());
        if (last.equals(start)) {
            return from;
        }
        return endOf(last);
    }

    /** The first instant after the given day (China Standard Time). */
    static Instant endOf(LocalDate day) {
        return ZonedDateTime.of(day.plusDays(1).atStartOfDay(), SpecTime.CHINA).toInstant();
    }

    public WorkingDays workingDays() {
        return workingDays;
    }
}
