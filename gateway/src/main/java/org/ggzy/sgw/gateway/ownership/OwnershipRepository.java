package org.ggzy.sgw.gateway.ownership;

import static org.ggzy.sgw.gateway.config.Sql.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The administration side of {@code project_owners} and {@code project_co_platforms}. */
@Repository
class OwnershipRepository {

    private final DatabaseClient db;

    OwnershipRepository(DatabaseClient db) {
        this.db = db;
    }

    /** The project's owner, locked until the transaction ends (handovers and grants of one project serialise). */
    Mono<String> lockOwner(String tradeType, String project) {
        return db.sql("SELECT platform_code FROM project_owners WHERE trade_type = :t AND project_code = :p FOR UPDATE")
                .bind("t", tradeType)
                .bind("p", project)
                .map((row, meta) -> row.get("platform_code", String.class))
                .one();
    }

    Mono<OwnershipView> view(String tradeType, String project) {
        Mono<OwnershipView> owner = db.sql("SELECT platform_code, created_at, updated_at FROM project_owners "
                        + "WHERE trade_type = :t AND project_code = :p")
                .bind("t", tradeType)
                .bind("p", project)
                .map((row, meta) -> new OwnershipView(
                        tradeType,
                        project,
                        row.get("platform_code", String.class),
                        row.get("created_at", OffsetDateTime.class).toInstant(),
                        row.get("updated_at", OffsetDateTime.class).toInstant(),
                        List.of()))
                .one();
        return owner.flatMap(
                o -> db.sql("SELECT platform_code, reason, granted_by, granted_at FROM project_co_platforms "
                                + "WHERE trade_type = :t AND project_code = :p ORDER BY platform_code")
                        .bind("t", tradeType)
                        .bind("p", project)
                        .map((row, meta) -> new OwnershipView.CoPlatform(
                                row.get("platform_code", String.class),
                                row.get("reason", String.class),
                                row.get("granted_by", String.class),
                                row.get("granted_at", OffsetDateTime.class).toInstant()))
                        .all()
                        .collectList()
                        .map(o::withCoPlatforms));
    }

    Mono<Boolean> platformExists(String code) {
        return db.sql("SELECT code FROM platforms WHERE code = :c")
                .bind("c", code)
                .map((row, meta) -> row.get("code", String.class))
                .one()
                .hasElement();
    }

    /** Grants (or re-grants, with the new reason) co-platform rights; whether the grant is new. */
    Mono<Boolean> grant(String tradeType, String project, String platform, String reason, String by, Instant at) {
        return revoke(tradeType, project, platform)
                .flatMap(existed -> db.sql("INSERT INTO project_co_platforms (trade_type, project_code, platform_code, "
                                + "reason, granted_by, granted_at) VALUES (:t, :p, :pl, :r, :by, :at)")
                        .bind("t", tradeType)
                        .bind("p", project)
                        .bind("pl", platform)
                        .bind("r", reason)
                        .bind("by", by)
                        .bind("at", utc(at))
                        .then()
                        .thenReturn(!existed));
    }

    /** Removes a grant; whether there was one. */
    Mono<Boolean> revoke(String tradeType, String project, String platform) {
        return db.sql("DELETE FROM project_co_platforms WHERE trade_type = :t AND project_code = :p "
                        + "AND platform_code = :pl")
                .bind("t", tradeType)
                .bind("p", project)
                .bind("pl", platform)
                .fetch()
                .rowsUpdated()
                .map(n -> n > 0);
    }

    /**
     * Moves the project to another platform: the owner row, the sections (their region is taken again from the new
     * owner's next record) and the open expectations, which the new owner now answers for. With {@code detach}, the
     * previous owner's records leave the project's sections (they stay stored, with their receipts) and the open
     * expectations their records created are cancelled instead of moved.
     */
    Mono<Void> handOver(String tradeType, String project, String from, String to, boolean detach, Instant now) {
        Mono<Void> detached = detach
                ? project(
                                "UPDATE expectations SET status = 'CANCELLED', next_check_at = NULL, updated_at = :now "
                                        + "WHERE trade_type = :t AND project_code = :p AND platform_code = :from "
                                        + "AND status IN ('OPEN', 'BREACHED')",
                                tradeType,
                                project)
                        .bind("from", from)
                        .bind("now", utc(now))
                        .then()
                        .then(project(
                                        "DELETE FROM section_records WHERE trade_type = :t AND project_code = :p "
                                                + "AND platform_code = :from",
                                        tradeType,
                                        project)
                                .bind("from", from)
                                .then())
                : Mono.empty();
        return detached.then(moved("project_owners", "", tradeType, project, from, to, now))
                .then(project(
                                "UPDATE sections SET platform_code = :to, region_code = '', updated_at = :now "
                                        + "WHERE trade_type = :t AND project_code = :p",
                                tradeType,
                                project)
                        .bind("to", to)
                        .bind("now", utc(now))
                        .then())
                .then(moved("expectations", "AND status IN ('OPEN', 'BREACHED')", tradeType, project, from, to, now))
                .then(revoke(tradeType, project, to))
                .then();
    }

    /** Rows of the project that belong to {@code from} given to {@code to}. */
    private Mono<Void> moved(
            String table, String condition, String tradeType, String project, String from, String to, Instant now) {
        return project(
                        "UPDATE " + table + " SET platform_code = :to, updated_at = :now WHERE trade_type = :t "
                                + "AND project_code = :p AND platform_code = :from " + condition,
                        tradeType,
                        project)
                .bind("from", from)
                .bind("to", to)
                .bind("now", utc(now))
                .then();
    }

    /** A statement about one project's rows ({@code :t}, {@code :p} bound). */
    private DatabaseClient.GenericExecuteSpec project(String sql, String tradeType, String project) {
        return db.sql(sql).bind("t", tradeType).bind("p", project);
    }
}
