package org.ggzy.sgw.schemas.calendar;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The official holiday arrangements (国务院办公厅 部分节假日安排的通知), one file a year in
 * {@code sgw/spec/calendar/<year>.json}, listed in {@code sgw/spec/calendar/index.json}: the days off
 * ({@code holidays}) and the weekend days that are working days (调休上班, {@code workdays}).
 *
 * <p>A year is <em>official</em> when its file says {@code "published": true}. This class only holds the data;
 * {@link WorkingDays} does the counting and decides what to do about years that are not official.
 */
public final class HolidayCalendar {

    static final String ROOT = "sgw/spec/calendar/";

    private final Map<Integer, YearFile> years;
    private final Map<LocalDate, Day> holidays;
    private final Map<LocalDate, Day> workdays;

    private HolidayCalendar(Map<Integer, YearFile> years) {
        Map<LocalDate, Day> off = new HashMap<>();
        Map<LocalDate, Day> on = new HashMap<>();
        for (YearFile file : years.values()) {
            file.holidays().forEach(day -> putOnce(off, day, file));
            file.workdays().forEach(day -> putOnce(on, day, file));
        }
        for (LocalDate date : on.keySet()) {
            if (off.containsKey(date)) {
                throw new IllegalStateException("holiday calendar lists " + date + " both as a day off and a workday");
            }
            if (!isWeekend(date)) {
                throw new IllegalStateException("holiday calendar lists " + date + " as a make-up workday (调休上班), "
                        + "but it is not a Saturday or Sunday");
            }
        }
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
        this.holidays = Map.copyOf(off);
        this.workdays = Map.copyOf(on);
    }

    /** Loads the calendar shipped on the class path of this library. */
    public static HolidayCalendar load() {
        return load(HolidayCalendar.class.getClassLoader());
    }

    public static HolidayCalendar load(ClassLoader loader) {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Index index = read(mapper, loader, ROOT + "index.json", Index.class);
        Map<Integer, YearFile> years = new HashMap<>();
        for (int year : index.years()) {
            YearFile file = read(mapper, loader, ROOT + year + ".json", YearFile.class);
            if (file.year() != year) {
                throw new IllegalStateException(ROOT + year + ".json says it is the calendar of " + file.year());
            }
            if (!file.published()
                    && !(file.holidays().isEmpty() && file.workdays().isEmpty())) {
                throw new IllegalStateException(ROOT + year + ".json lists days but its notice is not published");
            }
            years.put(year, file);
        }
        return new HolidayCalendar(years);
    }

    /** A calendar of the given year files (tests). */
    static HolidayCalendar of(List<YearFile> files) {
        Map<Integer, YearFile> years = new HashMap<>();
        files.forEach(f -> years.put(f.year(), f));
        return new HolidayCalendar(years);
    }

    private static <T> T read(ObjectMapper mapper, ClassLoader loader, String resource, Class<T> type) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("holiday calendar resource missing: " + resource);
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read holiday calendar resource " + resource, e);
        }
    }

    private static void putOnce(Map<LocalDate, Day> map, Day day, YearFile file) {
        if (Math.abs(day.date().getYear() - file.year()) > 1) {
            throw new IllegalStateException("holiday calendar of " + file.year() + " lists " + day.date());
        }
        if (map.put(day.date(), day) != null) {
            throw new IllegalStateException("holiday calendar of " + file.year() + " lists " + day.date() + " twice");
        }
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** Whether the year's official notice is in the calendar (the file exists and says it is published). */
    public boolean isOfficial(int year) {
        YearFile file = years.get(year);
        return file != null && file.published();
    }

    /** The years that have a file, official or not, in ascending order. */
    public SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(years.keySet()));
    }

    /** The notice a year's arrangements come from, e.g. {@code 国务院办公厅关于2025年部分节假日安排的通知 (...)}. */
    public Optional<String> source(int year) {
        return Optional.ofNullable(years.get(year)).map(YearFile::source);
    }

    /** The holiday a date is a day off for ({@code 春节}), if the notices list it as one. */
    public Optional<String> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date)).map(Day::name);
    }

    /** The holiday a weekend date is a make-up working day for ({@code 春节调休}), if the notices list it. */
    public Optional<String> makeUpWorkday(LocalDate date) {
        return Optional.ofNullable(workdays.get(date)).map(Day::name);
    }

    @Override
    public String toString() {
        return "HolidayCalendar" + years.keySet() + " official "
                + years.keySet().stream().filter(this::isOfficial).toList();
    }

    /** {@code index.json}: the years that have a file. */
    record Index(List<Integer> years) {}

    /**
     * One year's file.
     *
     * @param year the year of the notice
     * @param source the notice's title and number
     * @param issued the date the notice was issued ({@code yyyy-MM-dd}), {@code null} while it is not published
     * @param published whether the notice has been published (else both lists are empty)
     * @param holidays the days off it lists (weekend days inside a holiday period included)
     * @param workdays the weekend days it makes working days (调休上班)
     */
    public record YearFile(
            int year, String source, String issued, boolean published, List<Day> holidays, List<Day> workdays) {

        public YearFile {
            holidays = holidays == null ? List.of() : List.copyOf(holidays);
            workdays = workdays == null ? List.of() : List.copyOf(workdays);
        }
    }

    /** A listed day and the holiday it belongs to. */
    public record Day(LocalDate date, String name) {

        public Day {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(name, "name");
        }

        /** A day as the year files write it: {@code {"date": "2025-01-28", "name": "春节"}}. */
        @JsonCreator
        static Day parse(@JsonProperty("date") String date, @JsonProperty("name") String name) {
            if (date == null) {
                throw new IllegalArgumentException("a listed day needs a date");
            }
            return new Day(LocalDate.parse(date), name);
        }
    }
}
