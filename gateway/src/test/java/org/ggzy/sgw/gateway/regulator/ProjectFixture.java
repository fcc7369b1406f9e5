package org.ggzy.sgw.gateway.regulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.ggzy.sgw.gateway.regulator.ProjectData.ExpectationRow;
import org.ggzy.sgw.gateway.regulator.ProjectData.SectionRow;
import org.ggzy.sgw.gateway.regulator.ProjectData.VersionRow;
import org.ggzy.sgw.gateway.warning.Warning;

/**
 * A gcjs project with two sections in two cities: {@code 001} in 350100 (a tender notice in two accepted versions
 * and one stale one, an overdue and a met expectation, a warning) and {@code 002} in 350200 (a bid opening, a
 * breached expectation, a warning); the project row in 350100 holds the tender project record.
 */
final class ProjectFixture {

    static final String PROJECT = "E3501000717002688002";
    static final String S1 = PROJECT + "001";
    static final String S2 = PROJECT + "002";
    static final String PLATFORM = "91350000MA347WHE48";
    static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    static final String NOTICE_V1 = "{\"DATA_KEY\":\"N-1\",\"v\":1}";
    static final String NOTICE_V2 = "{\"DATA_KEY\": \"N-1\", \"v\": 2}";
    static final String NOTICE_STALE = "{\"DATA_KEY\":\"N-1\",\"v\":0}";
    static final String PROJECT_RECORD = "{\"TENDER_PROJECT_CODE\":\"" + PROJECT + "\",\"名称\":\"道路\"}";
    static final String OPENING = "{\"DATA_KEY\":\"O-2\"}";

    private ProjectFixture() {}

    static List<SectionRow> sections() {
        return List.of(
                new SectionRow("gcjs", "", "350100", PLATFORM, "350000"),
                new SectionRow("gcjs", S1, "350100", PLATFORM, "350000"),
                new SectionRow("gcjs", S2, "350200", PLATFORM, "350000"));
    }

    /** Versions as the repository orders them: by section, data set, key, then newest first. */
    static List<VersionRow> versions() {
        return List.of(
                version(
                        "",
                        "gcjs.tender-project",
                        "TP/1",
                        "R5",
                        "R5",
                        "RC3",
                        1,
                        "2026-11-01T00:00:00Z",
                        PROJECT_RECORD),
                version(S1, "gcjs.tender-notice", "N-1", "R2", "R3", "RC2", null, "2026-11-03T00:00:00Z", NOTICE_STALE),
                version(S1, "gcjs.tender-notice", "N-1", "R2", "R2", "RC2", 2, "2026-11-03T00:00:00Z", NOTICE_V2),
                version(S1, "gcjs.tender-notice", "N-1", "R2", "R1", "RC1", 1, "2026-11-02T00:00:00Z", NOTICE_V1),
                version(S2, "gcjs.bid-opening", "O-2", "R4", "R4", "RC4", 1, "2026-11-04T00:00:00Z", OPENING));
    }

    static List<ExpectationRow> expectations() {
        return List.of(
                expectation("E1", S1, "gcjs.bid-opening", "OPEN", "2026-11-20T00:00:00Z", null),
                expectation("E2", S1, "gcjs.bidder", "MET", "2026-11-20T00:00:00Z", "2026-11-19T00:00:00Z"),
                expectation("E3", S1, "gcjs.evaluation-report", "OPEN", "2026-11-30T00:00:00Z", null),
                expectation("E4", S2, "gcjs.evaluation-report", "BREACHED", "2026-11-10T00:00:00Z", null));
    }

    static List<Warning> warnings() {
        return List.of(
                warning("W2", S2, "350200", List.of()),
                warning("W1", S1, "350100", List.of(new Warning.Event(7, "RAISED", "system", "t", null, "OPEN", "x"))));
    }

    static ProjectData data() {
        return new ProjectData(PROJECT, "gcjs", sections(), versions(), expectations(), warnings());
    }

    static ObjectMapper json() {
        return new ObjectMapper();
    }

    private static VersionRow version(
            String section,
            String dataset,
            String key,
            String current,
            String id,
            String receipt,
            Integer version,
            String at,
            String payload) {
        Instant received = Instant.parse(at);
        return new VersionRow(
                section,
                PLATFORM,
                dataset,
                key,
                current,
                id,
                receipt,
                version,
                version == null ? "STALE" : "ACCEPTED",
                received.minusSeconds(3600),
                received,
                "sha256:" + id,
                payload);
    }

    private static ExpectationRow expectation(
            String id, String section, String dataset, String status, String due, String met) {
        return new ExpectationRow(
                id,
                section,
                "STAGE_MISSING",
                dataset,
                "",
                "R2",
                "gcjs.tender-notice",
                PLATFORM,
                Instant.parse(due),
                status,
                met == null ? null : "R9",
                met == null ? null : Instant.parse(met),
                null,
                "basis");
    }

    static Warning warning(String id, String section, String region, List<Warning.Event> events) {
        return new Warning(
                id,
                "PUSH_LATE",
                "YELLOW",
                "OPEN",
                PLATFORM,
                region,
                "gcjs",
                PROJECT,
                section,
                "gcjs.tender-notice",
                "fp-" + id,
                "late",
                "迟报",
                null,
                json().createObjectNode().put("lagSeconds", 90000),
                "t",
                "t",
                1,
                null,
                null,
                null,
                null,
                null,
                0,
                null,
                false,
                events);
    }
}
