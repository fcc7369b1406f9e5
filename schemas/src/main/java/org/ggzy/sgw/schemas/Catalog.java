package org.ggzy.sgw.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data specification as data: every data set of {@code sgw/spec/catalog.json} with its JSON Schema, loaded and
 * bundled once. Bundling inlines the shared definitions of {@code common.schema.json}, so every schema the
 * catalogue hands out is self-contained (what {@code GET /api/v1/datasets/{id}/schema} serves and what a trading
 * platform can validate with any draft 2020-12 validator).
 */
public final class Catalog {

    static final String ROOT = "sgw/spec/";

    private final String version;
    private final Map<DatasetId, Dataset> datasets;

    private Catalog(String version, Map<DatasetId, Dataset> datasets) {
        this.version = version;
        this.datasets = Collections.unmodifiableMap(datasets);
    }

    /** Loads the catalogue shipped on the class path of this library. */
    public static Catalog load() {
        return load(Catalog.class.getClassLoader());
    }

    public static Catalog load(ClassLoader loader) {
        ObjectMapper mapper = new ObjectMapper();
        CatalogFile file = read(mapper, loader, ROOT + "catalog.json", CatalogFile.class);
        JsonNode common = read(mapper, loader, ROOT + "datasets/common.schema.json", JsonNode.class);
        SchemaBundler bundler = new SchemaBundler(common);
        Map<DatasetId, Dataset> datasets = new LinkedHashMap<>();
        for (CatalogFile.Entry entry : file.datasets()) {
            DatasetId id = DatasetId.of(entry.id());
            JsonNode raw = read(mapper, loader, ROOT + "datasets/" + id + ".schema.json", JsonNode.class);
            ObjectNode schema = bundler.bundle(id, raw);
            if (datasets.put(id, entry.toDataset(id, schema)) != null) {
                throw new IllegalStateException("data set listed twice in the catalogue: " + id);
            }
        }
        return new Catalog(file.version(), datasets);
    }

    private static <T> T read(ObjectMapper mapper, ClassLoader loader, String resource, Class<T> type) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("specification resource missing: " + resource);
            }
            return mapper.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read specification resource " + resource, e);
        }
    }

    /** The catalogue's version, e.g. {@code 2026.1}. */
    public String version() {
        return version;
    }

    public Optional<Dataset> find(DatasetId id) {
        return Optional.ofNullable(datasets.get(id));
    }

    /** Finds a data set by its id text; unknown or malformed ids give an empty result. */
    public Optional<Dataset> find(String id) {
        return DatasetId.isWellFormed(id) ? find(DatasetId.of(id)) : Optional.empty();
    }

    /** Every data set, in catalogue order. */
    public Collection<Dataset> datasets() {
        return datasets.values();
    }

    /** The catalogue file's shape. */
    record CatalogFile(String version, List<Entry> datasets) {

        record Entry(
                String id,
                String dataNo,
                String nameZh,
                String nameEn,
                String eventTime,
                Delay sla,
                Dataset.Subject subject,
                List<DatasetId> prerequisites,
                List<Dataset.Expectation> expectations,
                List<String> completeness,
                List<String> personalData,
                Dataset.Checks checks) {

            Dataset toDataset(DatasetId id, ObjectNode schema) {
                return new Dataset(
                        id,
                        dataNo,
                        nameZh,
                        nameEn,
                        eventTime,
                        sla == null ? Delay.ofHours(24) : sla,
                        subject == null ? new Dataset.Subject(null, null, null, null) : subject,
                        listOrEmpty(prerequisites),
                        listOrEmpty(expectations),
                        listOrEmpty(completeness),
                        listOrEmpty(personalData),
                        checks == null ? Dataset.Checks.NONE : checks,
                        SchemaBundler.fields(schema),
                        schema);
            }

            private static <T> List<T> listOrEmpty(List<T> list) {
                return list == null ? List.of() : List.copyOf(list);
            }
        }
    }
}
