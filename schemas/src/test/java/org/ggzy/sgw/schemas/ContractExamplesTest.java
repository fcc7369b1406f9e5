package org.ggzy.sgw.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The example payloads of {@code contracts/examples/<data set>/} against the catalogue: every {@code valid-*.json} is
 * a record that passes, every {@code invalid-*.json} names the exact violations its record produces. The examples are
 * read from the class path ({@code sgw/contracts/examples/}), which is a directory in the reactor and a jar once
 * installed.
 */
class ContractExamplesTest {

    static final String EXAMPLES = "sgw/contracts/examples";
    static final ObjectMapper MAPPER = new ObjectMapper();

    static Catalog catalog;
    static RecordValidator validator;
    static List<Example> examples;

    /** One example file: {@code dataset/file} and its parsed content. */
    record Example(String dataset, String file, JsonNode content) {

        boolean isValid() {
            return file.startsWith("valid-");
        }

        boolean isInvalid() {
            return file.startsWith("invalid-");
        }

        String name() {
            return dataset + "/" + file;
        }
    }

    /** What a violation is compared by. */
    record Expected(String pointer, String code, String keyword) {

        static Expected of(Violation v) {
            return new Expected(v.pointer(), v.code(), v.keyword());
        }

        static Expected of(JsonNode node) {
            return new Expected(
                    node.path("pointer").asText(),
                    node.path("code").asText(),
                    node.path("keyword").asText());
        }
    }

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        catalog = Catalog.load();
        validator = RecordValidator.standard(catalog);
        examples = readExamples();
    }

    static List<Example> readExamples() throws IOException, URISyntaxException {
        URL url = ContractExamplesTest.class.getClassLoader().getResource(EXAMPLES);
        assertThat(url).as("class path folder %s", EXAMPLES).isNotNull();
        URI uri = url.toURI();
        if (!"jar".equals(uri.getScheme())) {
            return walk(Path.of(uri));
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return walk(jar.getPath(EXAMPLES));
        } catch (FileSystemAlreadyExistsException e) {
            return walk(FileSystems.getFileSystem(uri).getPath(EXAMPLES));
        }
    }

    /** Reads every example below {@code root} into memory, so that a jar file system can be closed afterwards. */
    static List<Example> walk(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(Path::toString))
                    .map(p -> new Example(
                            p.getParent().getFileName().toString(),
                            p.getFileName().toString(),
                            read(p)))
                    .toList();
        }
    }

    static JsonNode read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read example " + file, e);
        }
    }

    static Dataset dataset(Example example) {
        return catalog.find(example.dataset())
                .orElseThrow(() -> new AssertionError(example.name() + ": no data set " + example.dataset()));
    }

    static Stream<Example> valid() {
        return examples.stream().filter(Example::isValid);
    }

    static Stream<Example> invalid() {
        return examples.stream().filter(Example::isInvalid);
    }

    @Test
    void shouldNameEveryExampleValidOrInvalidUnderAKnownDataSet() {
        assertThat(examples).isNotEmpty();
        assertThat(examples).allSatisfy(e -> {
            assertThat(e.isValid() || e.isInvalid())
                    .as("%s starts with valid- or invalid-", e.name())
                    .isTrue();
            assertThat(catalog.find(e.dataset()))
                    .as("%s is a catalogue data set", e.dataset())
                    .isPresent();
        });
    }

    @Test
    void shouldHaveAValidAndAnInvalidExampleForEveryDataSet() {
        Set<String> withValid = valid().map(Example::dataset).collect(Collectors.toSet());
        Set<String> withInvalid = invalid().map(Example::dataset).collect(Collectors.toSet());
        assertThat(catalog.datasets()).allSatisfy(d -> {
            assertThat(withValid).as("valid example of %s", d.id()).contains(d.id().value());
            assertThat(withInvalid).as("invalid example of %s", d.id()).contains(d.id().value());
        });
    }

    @TestFactory
    Stream<DynamicTest> shouldAcceptEveryValidExample() {
        return valid().map(e -> dynamicTest(e.name(), () -> {
            Validation v = validator.validate(dataset(e), e.content());
            assertThat(v.violations()).as(e.name()).isEmpty();
            assertThat(v.unknownFields())
                    .as("fields %s does not define", e.dataset())
                    .isEmpty();
        }));
    }

    @TestFactory
    Stream<DynamicTest> shouldReportExactlyTheListedViolationsOfEveryInvalidExample() {
        return invalid()
                .map(e -> dynamicTest(e.name(), () -> {
                    assertThat(e.content().path("description").asText())
                            .as("description")
                            .isNotBlank();
                    JsonNode record = e.content().get("record");
                    assertThat(record).as("record").isNotNull();
                    List<Expected> expected = new ArrayList<>();
                    e.content().path("violations").forEach(node -> expected.add(Expected.of(node)));
                    assertThat(expected).as("listed violations").isNotEmpty();

                    Validation v = validator.validate(dataset(e), record);
                    assertThat(v.violations())
                            .extracting(Expected::of)
                            .as(e.name() + ": " + v.violations())
                            .containsExactlyInAnyOrderElementsOf(expected);
                    assertThat(v.violations()).allSatisfy(x -> {
                        assertThat(x.message()).isNotBlank();
                        assertThat(x.messageZh()).isNotBlank();
                    });
                }));
    }

    /**
     * Removing one optional field keeps a record valid. A field that an {@code if}/{@code then} makes required (such
     * as {@code POST_OPEN_TIME} when {@code IS_POSTPONE} is 1) may instead give exactly one {@code required}
     * violation for itself.
     */
    @TestFactory
    Stream<DynamicTest> shouldStayValidWithoutAnyOneOptionalField() {
        return valid().flatMap(e -> {
            Dataset dataset = dataset(e);
            Set<String> conditional = conditionallyRequired(dataset.schema());
            List<DynamicTest> tests = new ArrayList<>();
            e.content().fieldNames().forEachRemaining(field -> {
                if (dataset.field(field).map(Dataset.Field::required).orElse(true)) {
                    return;
                }
                tests.add(dynamicTest(e.name() + " without " + field, () -> {
                    ObjectNode record = e.content().deepCopy();
                    record.remove(field);
                    List<Expected> found = validator.validate(dataset, record).violations().stream()
                            .map(Expected::of)
                            .toList();
                    if (conditional.contains(field) && !found.isEmpty()) {
                        assertThat(found)
                                .as("%s is required by a condition", field)
                                .containsExactly(
                                        new Expected(Violation.pointerOf(field), Violation.SCHEMA, "required"));
                    } else {
                        assertThat(found).as("without %s", field).isEmpty();
                    }
                }));
            });
            return tests.stream();
        });
    }

    /** Every field named in a {@code then} or {@code else} of the schema, at any depth. */
    static Set<String> conditionallyRequired(JsonNode schema) {
        Set<String> fields = new HashSet<>();
        collectConditional(schema, fields);
        return fields;
    }

    private static void collectConditional(JsonNode node, Set<String> fields) {
        if (node.isObject()) {
            for (String branch : List.of("then", "else")) {
                node.path(branch).path("required").forEach(r -> fields.add(r.asText()));
            }
        }
        node.elements().forEachRemaining(child -> collectConditional(child, fields));
    }

    @TestFactory
    Stream<DynamicTest> shouldGiveEveryPropertyATitleAndADescription() {
        return catalog.datasets().stream()
                .map(d -> dynamicTest(d.id().value(), () -> {
                    assertThat(d.schema().path("title").asText())
                            .as("schema title")
                            .isNotBlank();
                    assertThat(d.schema().path("description").asText())
                            .as("schema description")
                            .isNotBlank();
                    assertThat(d.fields()).isNotEmpty();
                    assertThat(d.fields().values()).allSatisfy(f -> {
                        assertThat(f.title()).as("title of %s", f.code()).isNotBlank();
                        assertThat(f.description())
                                .as("description of %s", f.code())
                                .isNotBlank();
                    });
                }));
    }

    /** The catalogue names only fields its data set's schema defines, and counts only optional ones as completeness. */
    @TestFactory
    Stream<DynamicTest> shouldNameOnlyFieldsTheSchemaDefines() {
        return catalog.datasets().stream()
                .map(d -> dynamicTest(d.id().value(), () -> {
                    Set<String> named = new TreeSet<>();
                    named.add(d.eventTime());
                    Stream.of(
                                    d.subject().project(),
                                    d.subject().section(),
                                    d.subject().sections(),
                                    d.subject().region())
                            .filter(Objects::nonNull)
                            .forEach(named::add);
                    d.expectations().forEach(x -> named.add(x.from()));
                    named.addAll(d.completeness());
                    named.addAll(d.personalData());
                    named.addAll(d.checks().uscc());
                    named.addAll(d.checks().regionCodes());
                    d.checks().dateOrder().forEach(o -> named.addAll(List.of(o.before(), o.after())));
                    d.checks().codePrefix().forEach(p -> named.addAll(List.of(p.field(), p.prefixField())));
                    assertThat(d.fields().keySet()).as("fields of %s", d.id()).containsAll(named);
                    assertThat(d.completeness())
                            .as("completeness fields of %s are optional", d.id())
                            .allSatisfy(f -> assertThat(d.fields().get(f).required())
                                    .as(f)
                                    .isFalse());
                    d.prerequisites().forEach(p -> assertThat(catalog.find(p))
                            .as("prerequisite %s", p)
                            .isPresent());
                    d.expectations().forEach(x -> assertThat(catalog.find(x.dataset()))
                            .as("expected data set %s", x.dataset())
                            .isPresent());
                }));
    }
}
