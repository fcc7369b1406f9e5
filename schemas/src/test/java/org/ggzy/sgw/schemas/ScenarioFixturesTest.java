package org.ggzy.sgw.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.ggzy.sgw.schemas.calendar.WorkingDays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * The lifecycle scenarios of {@code contracts/scenarios/}: each file is a sequence of pushes ({@code steps}, each
 * received by the gateway at its {@code at}), a deadline scan at {@code scanAt}, and the warnings the whole run must
 * produce ({@code expectedWarnings}). The scenarios are read from the class path ({@code sgw/contracts/scenarios/}),
 * a directory in the reactor and a jar once installed.
 *
 * <p>What is checked here is what the specification alone can decide: every record is valid, arrives in order and
 * within its data set's push SLA after its event time, after its prerequisites, from the scenario's platform; and, for
 * a scenario that expects no warning, every expectation a step creates is met (or cancelled by a tender exception) by
 * a later step before it is due. Deadlines are counted as the supervision rules count them: hours exactly, calendar
 * and working days up to the end of the last day (China Standard Time), the first day not counted.
 */
class ScenarioFixturesTest {

    static final String SCENARIOS = "sgw/contracts/scenarios";
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The scenarios the gateway's end-to-end tests rely on. */
    static final List<String> REQUIRED =
            List.of("gcjs-tender-to-contract", "gcjs-failed-tender", "zfcg-purchase-to-contract");

    /** The data set that cancels every open expectation of its section (流标/终止/撤销). */
    static final String TENDER_EXCEPTION = "gcjs.tender-exception";

    /** A01: the audio-video archive an expectation asks for is the one of the creating record's activity. */
    static final String AV_ARCHIVE = "gcjs.av-archive";

    static final Map<String, String> AV_ACTIVITY_BY_CREATOR = Map.of(
            "gcjs.bid-opening", "1",
            "gcjs.evaluation-report", "2");

    static Catalog catalog;
    static RecordValidator validator;
    static WorkingDays workingDays;
    static List<Scenario> scenarios;

    /** One scenario file and its parsed content. */
    record Scenario(String file, JsonNode content) {

        String name() {
            return file.substring(0, file.length() - ".json".length());
        }

        List<Step> steps() {
            List<Step> steps = new ArrayList<>();
            JsonNode nodes = content.path("steps");
            for (int i = 0; i < nodes.size(); i++) {
                steps.add(new Step(this, i + 1, nodes.get(i)));
            }
            return steps;
        }

        boolean expectsNoWarning() {
            return content.path("expectedWarnings").isArray()
                    && content.path("expectedWarnings").isEmpty();
        }
    }

    /** One push of a scenario: {@code number} counts from 1. */
    record Step(Scenario scenario, int number, JsonNode content) {

        String datasetId() {
            return content.path("dataset").asText();
        }

        JsonNode record() {
            return content.path("record");
        }

        String name() {
            return String.format(
                    "%s #%02d %s %s",
                    scenario.name(),
                    number,
                    datasetId(),
                    record().path("DATA_KEY").asText());
        }

        Dataset dataset() {
            return catalog.find(datasetId())
                    .orElseThrow(() -> new AssertionError(name() + ": no data set " + datasetId()));
        }

        Instant at() {
            return OffsetDateTime.parse(content.path("at").asText()).toInstant();
        }

        /** A spec time ({@code ts14}/{@code d8}) of the record; fails when absent or malformed. */
        Instant time(String field) {
            String text = record().path(field).asText(null);
            return SpecTime.parseInstant(text)
                    .orElseThrow(() -> new AssertionError(name() + ": " + field + " is not a spec time: " + text));
        }

        /** The project and sections the record belongs to, by the catalogue's subject fields. */
        Set<SectionKey> sections() {
            Dataset dataset = dataset();
            Dataset.Subject subject = dataset.subject();
            String project = subject.project() == null
                    ? ""
                    : record().path(subject.project()).asText("");
            Set<SectionKey> keys = new LinkedHashSet<>();
            for (String field : new String[] {subject.section(), subject.sections()}) {
                if (field == null) {
                    continue;
                }
                for (String code : record().path(field).asText("").split("[;,]")) {
                    if (!code.isBlank()) {
                        keys.add(new SectionKey(dataset.tradeType(), project, code.strip()));
                    }
                }
            }
            if (keys.isEmpty()) {
                keys.add(new SectionKey(dataset.tradeType(), project, ""));
            }
            return keys;
        }
    }

    /** A bid or purchase section, or a whole project ({@code section} empty). */
    record SectionKey(String tradeType, String project, String section) {

        /** Whether a record about {@code other} counts for this one: same project, and same section or a whole project. */
        boolean covers(SectionKey other) {
            return tradeType.equals(other.tradeType)
                    && project.equals(other.project)
                    && (section.isEmpty() || other.section.isEmpty() || section.equals(other.section));
        }

        @Override
        public String toString() {
            return section.isEmpty() ? project : section;
        }
    }

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        catalog = Catalog.load();
        validator = RecordValidator.standard(catalog);
        workingDays = WorkingDays.standard();
        scenarios = readScenarios();
    }

    static List<Scenario> readScenarios() throws IOException, URISyntaxException {
        URL url = ScenarioFixturesTest.class.getClassLoader().getResource(SCENARIOS);
        assertThat(url).as("class path folder %s", SCENARIOS).isNotNull();
        URI uri = url.toURI();
        if (!"jar".equals(uri.getScheme())) {
            return walk(Path.of(uri));
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return walk(jar.getPath(SCENARIOS));
        } catch (FileSystemAlreadyExistsException e) {
            return walk(FileSystems.getFileSystem(uri).getPath(SCENARIOS));
        }
    }

    /** Reads every scenario below {@code root} into memory, so that a jar file system can be closed afterwards. */
    static List<Scenario> walk(Path root) throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(p -> new Scenario(p.getFileName().toString(), read(p)))
                    .toList();
        }
    }

    static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }

    static Stream<Step> steps() {
        return scenarios.stream().flatMap(s -> s.steps().stream());
    }

    static Stream<DynamicTest> perScenario(Function<Scenario, Executable> check) {
        return scenarios.stream().map(s -> dynamicTest(s.name(), check.apply(s)));
    }

    static Stream<DynamicTest> perStep(Function<Step, Executable> check) {
        return steps().map(step -> dynamicTest(step.name(), check.apply(step)));
    }

    /**
     * The end of a delay after {@code from}, as the supervision rules count it: hours exactly; calendar or working
     * days up to the end of the last day in China Standard Time, the first day not counted (a delay of 0 days ends at
     * {@code from}).
     */
    static Instant deadline(Instant from, Delay delay) {
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
        return ZonedDateTime.of(last.plusDays(1).atStartOfDay(), SpecTime.CHINA).toInstant();
    }

    @Test
    void shouldShipTheLifecycleScenarios() {
        assertThat(scenarios).extracting(Scenario::name).containsAll(REQUIRED);
    }

    @Test
    void shouldCountDeadlinesAsTheRulesDo() {
        Instant friday = OffsetDateTime.parse("2026-04-03T10:00:00+08:00").toInstant();
        assertThat(deadline(friday, Delay.ofHours(24))).isEqualTo(friday.plusSeconds(86_400));
        assertThat(deadline(friday, Delay.ofDays(3)))
                .as("3 days after Friday 3 April end when Monday 6 April ends")
                .isEqualTo(OffsetDateTime.parse("2026-04-07T00:00:00+08:00").toInstant());
        assertThat(deadline(friday, Delay.ofWorkingDays(2)))
                .as("清明 2026 is 4-6 April: 2 working days after Friday 3 April end when Wednesday 8 April ends")
                .isEqualTo(OffsetDateTime.parse("2026-04-09T00:00:00+08:00").toInstant());
        assertThat(deadline(friday, Delay.ofHours(0))).isEqualTo(friday);
    }

    @TestFactory
    Stream<DynamicTest> shouldDescribeEveryScenario() {
        return perScenario(s -> () -> {
            JsonNode c = s.content();
            assertThat(c.path("name").asText()).as("name is the file name").isEqualTo(s.name());
            assertThat(c.path("description").asText()).as("description").isNotBlank();
            assertThat(c.path("descriptionZh").asText()).as("descriptionZh").isNotBlank();
            assertThat(c.path("platformCode").asText()).as("platformCode").matches("^[0-9A-Z]{18}$");
            assertThat(c.path("tenderProjectCode").asText())
                    .as("tenderProjectCode")
                    .isNotBlank();
            assertThat(c.path("steps").isArray() && !c.path("steps").isEmpty())
                    .as("steps is a non-empty list")
                    .isTrue();
            assertThat(c.path("expectedWarnings").isArray())
                    .as("expectedWarnings is a list")
                    .isTrue();
            Set<String> keys = new HashSet<>();
            for (Step step : s.steps()) {
                assertThat(step.content().path("at").isTextual())
                        .as("%s: at", step.name())
                        .isTrue();
                assertThat(step.record().isObject())
                        .as("%s: record", step.name())
                        .isTrue();
                assertThat(keys.add(step.record().path("DATA_KEY").asText()))
                        .as("%s: DATA_KEY unique in the scenario", step.name())
                        .isTrue();
            }
            List<Step> steps = s.steps();
            Instant last = steps.get(steps.size() - 1).at();
            Instant scanAt = OffsetDateTime.parse(c.path("scanAt").asText()).toInstant();
            assertThat(scanAt).as("scanAt is after the last step").isAfter(last);
        });
    }

    @TestFactory
    Stream<DynamicTest> shouldHoldOnlyValidRecords() {
        return perStep(step -> () -> {
            Validation v = validator.validate(step.dataset(), step.record());
            assertThat(v.violations()).as(step.name()).isEmpty();
            assertThat(v.unknownFields())
                    .as("%s: fields %s does not define", step.name(), step.datasetId())
                    .isEmpty();
        });
    }

    @TestFactory
    Stream<DynamicTest> shouldBelongToTheScenarioPlatformAndProject() {
        return perStep(step -> () -> {
            JsonNode scenario = step.scenario().content();
            assertThat(step.record().path("PLATFORM_CODE").asText())
                    .as("%s: PLATFORM_CODE", step.name())
                    .isEqualTo(scenario.path("platformCode").asText());
            for (String field : List.of("TENDER_PROJECT_CODE", "PURCHASE_PROJECT_CODE")) {
                if (step.record().has(field)) {
                    assertThat(step.record().path(field).asText())
                            .as("%s: %s", step.name(), field)
                            .isEqualTo(scenario.path("tenderProjectCode").asText());
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> shouldPushEveryRecordInOrderAndWithinItsSla() {
        return scenarios.stream().flatMap(s -> {
            List<Step> steps = s.steps();
            return IntStream.range(0, steps.size()).mapToObj(i -> {
                Step step = steps.get(i);
                return dynamicTest(step.name(), () -> {
                    Instant at = step.at();
                    if (i > 0) {
                        assertThat(at)
                                .as("%s: at is not before the previous step", step.name())
                                .isAfterOrEqualTo(steps.get(i - 1).at());
                    }
                    assertThat(step.time("DATA_TIMESTAMP"))
                            .as("%s: DATA_TIMESTAMP is not after at", step.name())
                            .isBeforeOrEqualTo(at);
                    Dataset dataset = step.dataset();
                    Instant event = step.time(dataset.eventTime());
                    assertThat(event)
                            .as("%s: event time %s is not after at", step.name(), dataset.eventTime())
                            .isBeforeOrEqualTo(at);
                    assertThat(at)
                            .as(
                                    "%s: received within the push SLA (%s) of %s",
                                    step.name(), dataset.sla(), dataset.eventTime())
                            .isBeforeOrEqualTo(deadline(event, dataset.sla()));
                });
            });
        });
    }

    @TestFactory
    Stream<DynamicTest> shouldPushEveryPrerequisiteFirst() {
        return scenarios.stream().flatMap(s -> {
            List<Step> steps = s.steps();
            return IntStream.range(0, steps.size()).mapToObj(i -> {
                Step step = steps.get(i);
                return dynamicTest(step.name(), () -> {
                    for (DatasetId prerequisite : step.dataset().prerequisites()) {
                        for (SectionKey section : step.sections()) {
                            boolean earlier = steps.subList(0, i).stream()
                                    .filter(p -> p.datasetId().equals(prerequisite.value()))
                                    .flatMap(p -> p.sections().stream())
                                    .anyMatch(k -> k.covers(section));
                            assertThat(earlier)
                                    .as("%s: prerequisite %s of %s pushed earlier", step.name(), prerequisite, section)
                                    .isTrue();
                        }
                    }
                });
            });
        });
    }

    /**
     * In a scenario that expects no warning, every expectation of the catalogue (STAGE_MISSING, AV_ARCHIVE_MISSING)
     * that a step creates is met by a later step of the expected data set for the same section before it is due (the
     * expected data set's push SLA included), or cancelled before then by a tender exception of the section.
     */
    @TestFactory
    Stream<DynamicTest> shouldMeetEveryExpectationOfACleanScenarioBeforeItIsDue() {
        return scenarios.stream().filter(Scenario::expectsNoWarning).flatMap(s -> {
            List<Step> steps = s.steps();
            return IntStream.range(0, steps.size())
                    .filter(i -> !steps.get(i).dataset().expectations().isEmpty())
                    .mapToObj(i -> {
                        Step creator = steps.get(i);
                        return dynamicTest(creator.name(), () -> {
                            List<Step> later = steps.subList(i + 1, steps.size());
                            for (Dataset.Expectation x : creator.dataset().expectations()) {
                                Dataset expected = catalog.find(x.dataset()).orElseThrow();
                                Instant due = deadline(deadline(creator.time(x.from()), x.after()), expected.sla());
                                for (SectionKey section : creator.sections()) {
                                    Optional<Step> outcome = later.stream()
                                            .filter(l -> !l.at().isAfter(due))
                                            .filter(l -> meets(l, x, creator)
                                                    || l.datasetId().equals(TENDER_EXCEPTION))
                                            .filter(l -> l.sections().stream().anyMatch(k -> k.covers(section)))
                                            .findFirst();
                                    assertThat(outcome)
                                            .as(
                                                    "%s: %s %s of %s, due %s, met or cancelled by a later step",
                                                    creator.name(),
                                                    x.rule(),
                                                    x.dataset(),
                                                    section,
                                                    due.atZone(SpecTime.CHINA).toOffsetDateTime())
                                            .isPresent();
                                }
                            }
                        });
                    });
        });
    }

    static boolean meets(Step candidate, Dataset.Expectation x, Step creator) {
        if (!candidate.datasetId().equals(x.dataset().value())) {
            return false;
        }
        String activity = AV_ACTIVITY_BY_CREATOR.get(creator.datasetId());
        return !x.dataset().value().equals(AV_ARCHIVE)
                || activity == null
                || activity.equals(candidate.record().path("ACTIVITY_TYPE").asText());
    }
}
