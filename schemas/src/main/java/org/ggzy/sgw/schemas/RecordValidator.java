package org.ggzy.sgw.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.schemas.check.SemanticChecks;

/**
 * Validates records against the specification: the data set's JSON Schema (compiled once, here), then the semantic
 * checks JSON Schema cannot express. Thread-safe; CPU only, no I/O. This is the only class that touches the JSON
 * Schema library.
 */
public final class RecordValidator {

    private static final Comparator<Violation> ORDER = Comparator.comparing(Violation::pointer)
            .thenComparing(Violation::code)
            .thenComparing(Violation::keyword);

    private final Map<DatasetId, Schema> compiled = new HashMap<>();
    private final SemanticChecks semantic;

    public RecordValidator(Catalog catalog, SemanticChecks semantic) {
        this.semantic = semantic;
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
                SpecificationVersion.DRAFT_2020_12, b -> b.schemaRegistryConfig(config));
        for (Dataset dataset : catalog.datasets()) {
            Schema schema = registry.getSchema(dataset.schema());
            schema.initializeValidators();
            compiled.put(dataset.id(), schema);
        }
    }

    /** A validator of the catalogue shipped with this library. */
    public static RecordValidator standard(Catalog catalog) {
        return new RecordValidator(catalog, SemanticChecks.standard());
    }

    /**
     * Validates one record of a data set. A missing record ({@code null}, e.g. what a parser returns for input without
     * a value) is validated as JSON {@code null}, a type violation: the schema library's validators assume a node and
     * throw a {@link NullPointerException} on {@code null}.
     */
    public Validation validate(Dataset dataset, JsonNode record) {
        return validateNode(dataset, record == null || record.isMissingNode() ? NullNode.getInstance() : record);
    }

    private Validation validateNode(Dataset dataset, JsonNode record) {
        Schema schema = compiled.get(dataset.id());
        if (schema == null) {
            throw new IllegalArgumentException("data set not in this validator's catalogue: " + dataset.id());
        }
        List<Violation> violations = new ArrayList<>();
        for (Error error : schema.validate(record)) {
            violations.add(SchemaMessages.toViolation(dataset, error));
        }
        if (record.isObject()) {
            semantic.check(dataset, record, violations);
        }
        violations.sort(ORDER);
        return new Validation(violations, unknownFields(dataset, record));
    }

    private static List<String> unknownFields(Dataset dataset, JsonNode record) {
        List<String> unknown = new ArrayList<>();
        record.fieldNames().forEachRemaining(name -> {
            if (!dataset.fields().containsKey(name)) {
                unknown.add(name);
            }
        });
        return unknown;
    }
}
