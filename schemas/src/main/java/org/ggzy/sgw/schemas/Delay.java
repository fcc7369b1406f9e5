package org.ggzy.sgw.schemas;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A span of time as the specification states it: hours, calendar days or working days (exactly one is set).
 * Calendar days are counted the Chinese legal way (the first day is not counted).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Delay(Integer hours, Integer days, Integer workingDays) {

    public Delay {
        int set = (hours == null ? 0 : 1) + (days == null ? 0 : 1) + (workingDays == null ? 0 : 1);
        if (set != 1) {
            throw new IllegalArgumentException("a delay sets exactly one of hours, days, workingDays");
        }
        if ((hours != null && hours < 0) || (days != null && days < 0) || (workingDays != null && workingDays < 0)) {
            throw new IllegalArgumentException("a delay is not negative");
        }
    }

    public static Delay ofHours(int hours) {
        return new Delay(hours, null, null);
    }

    public static Delay ofDays(int days) {
        return new Delay(null, days, null);
    }

    public static Delay ofWorkingDays(int workingDays) {
        return new Delay(null, null, workingDays);
    }

    @Override
    public String toString() {
        if (hours != null) {
            return hours + "h";
        }
        return days != null ? days + "d" : workingDays + " working days";
    }
}
