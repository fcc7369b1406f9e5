package org.ggzy.sgw.gateway.regulator;

import java.util.List;
import org.ggzy.sgw.gateway.regulator.ProjectData.ExpectationRow;
import org.ggzy.sgw.gateway.regulator.ProjectData.SectionRow;
import org.ggzy.sgw.gateway.regulator.ProjectData.VersionRow;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;

/** Reads of one project for the 一项一档 view and its archive: sections, record versions, expectations, receipts. */
@Repository
class ProjectRepository {

    /** Receipt ids per {@code IN (...)} query. */
    static final int RECEIPT_CHUNK = 200;

    private final DatabaseClient db;

    ProjectRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The project's sections in every trade type, the project row ({@code section_code = ''}) among them. */
    Flux<SectionRow> sections(String project) {
        return db.sql(
                        "SELECT s.trade_type, s.section_code, s.region_code, s.platform_code, "
                                + "pl.region_code AS platform_region FROM sections s LEFT JOIN platforms pl "
                                + "ON pl.code = s.platform_code WHERE s.project_code = :p ORDER BY s.trade_type, s.section_code")
                .bind("p", project)
                .map(row -> new SectionRow(
                        row.get("trade_type", String.class),
                        row.get("section_code", String.class),
                        emptyIfNull(row.get("region_code", String.class)),
                        row.get("platform_code", String.class),
                        emptyIfNull(row.get("platform_region", String.class))))
                .all();
    }

    /** Every stored version (accepted and stale) of every record attached to the project's sections. */
    Flux<VersionRow> versions(String tradeType, String project, boolean payloads) {
        return db.sql("SELECT sr.section_code, sr.platform_code, sr.dataset, sr.data_key, sr.record_id AS current_id, "
                        + "r.id, r.receipt_id, r.version, r.status, r.data_timestamp, r.received_at, r.digest"
                        + (payloads ? ", r.payload" : "")
                        + " FROM section_records sr JOIN records r ON r.platform_code = sr.platform_code "
                        + "AND r.dataset = sr.dataset AND r.data_key = sr.data_key "
                        + "WHERE sr.trade_type = :t AND sr.project_code = :p "
                        + "ORDER BY sr.section_code, sr.dataset, sr.data_key, sr.platform_code, r.received_at DESC, "
                        + "r.id DESC")
                .bind("t", tradeType)
                .bind("p", project)
                .map(row -> new VersionRow(
                        row.get("section_code", String.class),
                        row.get("platform_code", String.class),
                        row.get("dataset", String.class),
                        row.get("data_key", String.class),
                        row.get("current_id", String.class),
                        row.get("id", String.class),
                        row.get("receipt_id", String.class),
                        row.get("version", Integer.class),
                        row.get("status", String.class),
                        Times.read(row, "data_timestamp"),
                        Times.read(row, "received_at"),
                        row.get("digest", String.class),
                        payloads ? row.get("payload", String.class) : null))
                .all();
    }

    Flux<ExpectationRow> expectations(String tradeType, String project) {
        return db.sql("SELECT id, section_code, rule, dataset, discriminator, created_by, created_by_dataset, "
                        + "platform_code, due_at, status, met_by, met_at, warning_id, legal_basis FROM expectations "
                        + "WHERE trade_type = :t AND project_code = :p ORDER BY section_code, due_at, id")
                .bind("t", tradeType)
                .bind("p", project)
                .map(row -> new ExpectationRow(
                        row.get("id", String.class),
                        row.get("section_code", String.class),
                        row.get("rule", String.class),
                        row.get("dataset", String.class),
                        row.get("discriminator", String.class),
                        row.get("created_by", String.class),
                        row.get("created_by_dataset", String.class),
                        row.get("platform_code", String.class),
                        Times.read(row, "due_at"),
                        row.get("status", String.class),
                        row.get("met_by", String.class),
                        Times.read(row, "met_at"),
                        row.get("warning_id", String.class),
                        row.get("legal_basis", String.class)))
                .all();
    }

    /** The stored bodies of the given receipts, exactly as they were issued. */
    Flux<ReceiptBody> receipts(List<String> ids) {
        return Flux.range(0, (ids.size() + RECEIPT_CHUNK - 1) / RECEIPT_CHUNK)
                .map(i -> ids.subList(i * RECEIPT_CHUNK, Math.min(ids.size(), (i + 1) * RECEIPT_CHUNK)))
                .concatMap(chunk -> {
                    Where where = new Where().in("id", chunk);
                    return where.bindTo(db.sql("SELECT id, body FROM receipts" + where.sql() + " ORDER BY id"))
                            .map(row -> new ReceiptBody(row.get("id", String.class), row.get("body", String.class)))
                            .all();
                });
    }

    private static String emptyIfNull(String s) {
        return s == null ? "" : s;
    }

    record ReceiptBody(String id, String body) {}
}
