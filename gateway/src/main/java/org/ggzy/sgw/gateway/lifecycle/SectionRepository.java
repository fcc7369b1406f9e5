package org.ggzy.sgw.gateway.lifecycle;

import static org.ggzy.sgw.gateway.config.Sql.utc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.ggzy.sgw.gateway.rules.SectionRecord;
import org.ggzy.sgw.gateway.rules.SectionState;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** {@code sections} and {@code section_records}: which records belong to which section, and the section's state. */
@Repository
class SectionRepository {

    private final DatabaseClient db;
    private final ObjectMapper json = new ObjectMapper();

    SectionRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Creates the section if it is new, then locks it until the transaction ends; returns its region code. */
    Mono<String> lock(SectionKey key, String region, String platform, Instant now) {
        return db.sql("INSERT INTO sections (trade_type, project_code, section_code, region_code, platform_code, "
                        + "created_at, updated_at) VALUES (:t, :p, :s, :r, :pl, :now, :now) ON CONFLICT DO NOTHING")
                .bind("t", key.tradeType())
                .bind("p", key.project())
                .bind("s", key.section())
                .bind("r", region == null ? "" : region)
                .bind("pl", platform)
                .bind("now", utc(now))
                .then()
                .then(db.sql("SELECT region_code FROM sections WHERE trade_type = :t AND project_code = :p "
                                + "AND section_code = :s FOR UPDATE")
                        .bind("t", key.tradeType())
                        .bind("p", key.project())
                        .bind("s", key.section())
                        .map((row, meta) -> {
                            String r = row.get("region_code", String.class);
                            return r == null ? "" : r;
                        })
                        .one())
                .flatMap(stored -> stored.isEmpty() && region != null
                        ? setRegion(key, region, now).thenReturn(region)
                        : Mono.just(stored));
    }

    /** Records the section's own region code (from its section record) once it is known. */
    Mono<Void> setRegion(SectionKey key, String region, Instant now) {
        return db.sql("UPDATE sections SET region_code = :r, updated_at = :now WHERE trade_type = :t "
                        + "AND project_code = :p AND section_code = :s")
                .bind("r", region)
                .bind("now", utc(now))
                .bind("t", key.tradeType())
                .bind("p", key.project())
                .bind("s", key.section())
                .then();
    }

    /** Points the section at the record's current version. */
    Mono<Void> attach(SectionKey key, String platform, String dataset, String dataKey, String recordId, Instant at) {
        return db.sql("INSERT INTO section_records (trade_type, project_code, section_code, platform_code, dataset, "
                        + "data_key, record_id, received_at) VALUES (:t, :p, :s, :pl, :d, :k, :id, :at) "
                        + "ON CONFLICT DO NOTHING")
                .bind("t", key.tradeType())
                .bind("p", key.project())
                .bind("s", key.section())
                .bind("pl", platform)
                .bind("d", dataset)
                .bind("k", dataKey)
                .bind("id", recordId)
                .bind("at", utc(at))
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? Mono.empty()
                        : db.sql("UPDATE section_records SET record_id = :id, received_at = :at WHERE trade_type = :t "
                                        + "AND project_code = :p AND section_code = :s AND platform_code = :pl "
                                        + "AND dataset = :d AND data_key = :k")
                                .bind("id", recordId)
                                .bind("at", utc(at))
                                .bind("t", key.tradeType())
                                .bind("p", key.project())
                                .bind("s", key.section())
                                .bind("pl", platform)
                                .bind("d", dataset)
                                .bind("k", dataKey)
                                .then());
    }

    /** The sections of a project (not the project row itself), in lock order. */
    Flux<SectionKey> sectionsOf(String tradeType, String project) {
        return db.sql("SELECT section_code FROM sections WHERE trade_type = :t AND project_code = :p "
                        + "AND section_code <> '' ORDER BY section_code")
                .bind("t", tradeType)
                .bind("p", project)
                .map((row, meta) -> new SectionKey(tradeType, project, row.get("section_code", String.class)))
                .all();
    }

    /** The current version of every record of the section and of its project. */
    Mono<SectionState> state(SectionKey key) {
        return db.sql("SELECT sr.dataset, sr.platform_code, sr.data_key, sr.record_id, sr.received_at, r.payload "
                        + "FROM section_records sr JOIN records r ON r.id = sr.record_id WHERE sr.trade_type = :t "
                        + "AND sr.project_code = :p AND (sr.section_code = :s OR sr.section_code = '') "
                        + "ORDER BY sr.received_at, sr.record_id")
                .bind("t", key.tradeType())
                .bind("p", key.project())
                .bind("s", key.section())
                .map((row, meta) -> new SectionRecord(
                        row.get("dataset", String.class),
                        row.get("platform_code", String.class),
                        row.get("data_key", String.class),
                        row.get("record_id", String.class),
                        row.get("received_at", OffsetDateTime.class).toInstant(),
                        parse(row.get("payload", String.class))))
                .all()
                .collectList()
                .map(records -> new SectionState(key.tradeType(), key.project(), key.section(), records));
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record is not JSON", e);
        }
    }
}
