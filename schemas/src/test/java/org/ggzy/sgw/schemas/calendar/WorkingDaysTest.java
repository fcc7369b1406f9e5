package org.ggzy.sgw.schemas.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    static final HolidayCalendar CALENDAR = HolidayCalendar.load();

    final WorkingDays days = new WorkingDays(CALENDAR);

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static Instant china(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
    }

    @Nested
    class SpringFestival {

        @Test
        void shouldBeOffFromFebruary10To17In2024WithMakeUpSundays() {
            assertThat(d("2024-02-10").datesUntil(d("2024-02-18"))).noneMatch(days::isWorkingDay);
            assertThat(days.isWorkingDay(d("2024-02-04")))
                    .as("Sunday 2024-02-04 调休上班")
                    .isTrue();
            assertThat(days.isWorkingDay(d("2024-02-18")))
                    .as("Sunday 2024-02-18 调休上班")
                    .isTrue();
            assertThat(days.isWorkingDay(d("2024-02-09")))
                    .as("除夕 2024 is a working day")
                    .isTrue();
        }

        @Test
        void shouldBeOffFromNewYearsEveForEightDaysIn2025() {
            assertThat(d("2025-01-28").datesUntil(d("2025-02-05"))).noneMatch(days::isWorkingDay);
            assertThat(days.isWorkingDay(d("2025-01-26")))
                    .as("Sunday 2025-01-26 调休上班")
                    .isTrue();
            assertThat(days.isWorkingDay(d("2025-02-08")))
                    .as("Saturday 2025-02-08 调休上班")
                    .isTrue();
            assertThat(days.isWorkingDay(d("2025-02-05"))).isTrue();
            assertThat(CALENDAR.holiday(d("2025-01-29"))).contains("春节");
            assertThat(CALENDAR.makeUpWorkday(d("2025-02-08"))).contains("春节调休");
        }

        @Test
        void shouldBeOffNineDaysIn2026WithMakeUpSaturdays() {
            assertThat(d("2026-02-15").datesUntil(d("2026-02-24"))).noneMatch(days::isWorkingDay);
            assertThat(days.isWorkingDay(d("2026-02-14"))).isTrue();
            assertThat(days.isWorkingDay(d("2026-02-28"))).isTrue();
        }
    }

    @Nested
    class NationalDay {

        @Test
        void shouldBeOffOctober1To7In2024WithMakeUpWeekendDays() {
            assertThat(d("2024-10-01").datesUntil(d("2024-10-08"))).noneMatch(days::isWorkingDay);
            assertThat(days.isWorkingDay(d("2024-09-29")))
                    .as("Sunday 2024-09-29")
                    .isTrue();
            assertThat(days.isWorkingDay(d("2024-10-12")))
                    .as("Saturday 2024-10-12")
                    .isTrue();
            assertThat(days.isWorkingDay(d("2024-10-13")))
                    .as("an ordinary Sunday")
                    .isFalse();
        }

        @Test
        void shouldBeOffEightDaysWhenMidAutumnJoinsNationalDayIn2025() {
            assertThat(d("2025-10-01").datesUntil(d("2025-10-09"))).noneMatch(days::isWorkingDay);
            assertThat(days.isWorkingDay(d("2025-09-28"))).isTrue();
            assertThat(days.isWorkingDay(d("2025-10-11"))).isTrue();
            assertThat(days.isWorkingDay(d("2025-10-09"))).isTrue();
        }
    }

    @Nested
    class Counting {

        @Test
        void shouldNotCountTheStartDay() {
            assertThat(days.plusWorkingDays(d("2025-03-07"), 1))
                    .as("Friday + 1")
                    .isEqualTo(d("2025-03-10"));
            assertThat(days.plusWorkingDays(d("2025-03-10"), 0)).isEqualTo(d("2025-03-10"));
            assertThat(days.workingDaysBetween(d("2025-03-10"), d("2025-03-10")))
                    .isZero();
            assertThat(days.workingDaysBetween(d("2025-03-07"), d("2025-03-14")))
                    .isEqualTo(5);
        }

        @Test
        void shouldCountMakeUpDaysAndSkipHolidays() {
            assertThat(days.plusWorkingDays(d("2025-01-24"), 1)).as("Sunday 调休").isEqualTo(d("2025-01-26"));
            assertThat(days.plusWorkingDays(d("2025-01-24"), 3)).isEqualTo(d("2025-02-05"));
            assertThat(days.plusWorkingDays(d("2024-09-27"), 3)).isEqualTo(d("2024-10-08"));
            assertThat(days.workingDaysBetween(d("2024-09-30"), d("2024-10-12")))
                    .isEqualTo(5);
            assertThat(days.workingDaysBetween(d("2025-01-27"), d("2025-02-05")))
                    .isEqualTo(1);
        }

        @Test
        void shouldCountBackwardsAsNegative() {
            assertThat(days.workingDaysBetween(d("2024-10-12"), d("2024-09-30")))
                    .isEqualTo(-5);
        }

        @Test
        void shouldRejectNegativeWorkingDaysToAdd() {
            assertThatThrownBy(() -> days.plusWorkingDays(d("2025-03-10"), -1))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldCountTenWorkingDaysAcrossTheLabourDayHoliday() {
            // 政府采购 result due 10 working days after bid closing on Monday 2025-04-28
            assertThat(days.plusWorkingDays(d("2025-04-28"), 10)).isEqualTo(d("2025-05-15"));
        }
    }

    @Nested
    class CrossingYears {

        @Test
        void shouldSkipNewYearsDayWhenCountingFromDecember() {
            assertThat(days.plusWorkingDays(d("2024-12-27"), 5)).isEqualTo(d("2025-01-06"));
            assertThat(days.workingDaysBetween(d("2024-12-31"), d("2025-01-02")))
                    .isEqualTo(1);
        }

        @Test
        void shouldCountTheSunday2026MakeUpDayRightAfterNewYear() {
            assertThat(days.plusWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
            assertThat(days.workingDaysBetween(d("2025-12-31"), d("2026-01-05")))
                    .isEqualTo(2);
        }
    }

    @Nested
    class ChinaStandardTime {

        @Test
        void shouldJudgeInstantsByTheirDateInShanghai() {
            // 2025-10-08T16:30Z is 2025-10-09 00:30 in China: a working day, though 2025-10-08 is a holiday
            assertThat(days.isWorkingDay(Instant.parse("2025-10-08T16:30:00Z"))).isTrue();
            assertThat(days.isWorkingDay(china("2025-10-08T23:59:59"))).isFalse();
        }

        @Test
        void shouldKeepTheLocalTimeWhenAddingWorkingDaysToAnInstant() {
            assertThat(days.plusWorkingDays(china("2025-09-30T15:00:00"), 1)).isEqualTo(china("2025-10-09T15:00:00"));
            assertThat(days.workingDaysBetween(china("2025-09-30T23:00:00"), Instant.parse("2025-10-08T16:00:00Z")))
                    .isEqualTo(1);
        }
    }

    @Nested
    class YearsWithoutANotice {

        @Test
        void shouldFallBackToMondayToFridayWhenTheNoticeIsNotPublished() {
            assertThat(days.isOfficial(2027)).isFalse();
            assertThat(days.fallbackYears()).isEmpty();
            assertThat(days.isWorkingDay(d("2027-10-01")))
                    .as("a Friday, counted without its notice")
                    .isTrue();
            assertThat(days.isWorkingDay(d("2027-10-02"))).isFalse();
            assertThat(days.fallbackYears()).containsExactly(2027);
        }

        @Test
        void shouldFallBackWhenTheYearHasNoFileAtAll() {
            assertThat(days.isOfficial(2023)).isFalse();
            assertThat(days.isOfficial(2030)).isFalse();
            assertThat(days.plusWorkingDays(d("2023-12-29"), 1)).isEqualTo(d("2024-01-02"));
            assertThat(days.fallbackYears()).containsExactly(2023);
        }

        @Test
        void shouldCountIntoAnUnpublishedYear() {
            assertThat(days.plusWorkingDays(d("2026-12-30"), 3)).isEqualTo(d("2027-01-04"));
            assertThat(days.fallbackYears()).containsExactly(2027);
        }

        @Test
        void shouldWarnOncePerYear() {
            PrintStream original = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                days.workingDaysBetween(d("2027-01-01"), d("2027-03-01"));
                days.isWorkingDay(d("2027-05-01"));
            } finally {
                System.setErr(original);
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            assertThat(log.split("NO OFFICIAL NOTICE FOR 2027", -1)).hasSize(2);
            assertThat(log).contains("WARN");
        }

        @Test
        void shouldKnowWhichYearsAreOfficial() {
            assertThat(CALENDAR.years()).contains(2024, 2025, 2026, 2027);
            assertThat(List.of(2024, 2025, 2026)).allMatch(days::isOfficial);
            assertThat(CALENDAR.source(2025))
                    .hasValueSatisfying(s -> assertThat(s).contains("国办发明电〔2024〕12号"));
        }
    }

    @Nested
    class CalendarData {

        @Test
        void shouldNameTheSevenHolidaysInEveryPublishedYear() {
            for (int year : List.of(2024, 2025, 2026)) {
                List<String> names = LocalDate.of(year, 1, 1)
                        .datesUntil(LocalDate.of(year + 1, 1, 1))
                        .flatMap(day -> CALENDAR.holiday(day).stream())
                        .distinct()
                        .toList();
                assertThat(String.join("", names))
                        .as("holidays of %d", year)
                        .contains("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节");
            }
        }

        @Test
        void shouldRejectAMakeUpWorkdayThatIsNotAWeekendDay() {
            HolidayCalendar.YearFile file = new HolidayCalendar.YearFile(
                    2025,
                    "test",
                    "2024-11-12",
                    true,
                    List.of(),
                    List.of(new HolidayCalendar.Day(d("2025-01-27"), "春节调休")));
            assertThatThrownBy(() -> HolidayCalendar.of(List.of(file)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("2025-01-27");
        }

        @Test
        void shouldRejectADayListedAsBothHolidayAndWorkday() {
            HolidayCalendar.Day day = new HolidayCalendar.Day(d("2025-02-08"), "春节");
            HolidayCalendar.YearFile file =
                    new HolidayCalendar.YearFile(2025, "test", "2024-11-12", true, List.of(day), List.of(day));
            assertThatThrownBy(() -> HolidayCalendar.of(List.of(file))).isInstanceOf(IllegalStateException.class);
        }
    }
}
