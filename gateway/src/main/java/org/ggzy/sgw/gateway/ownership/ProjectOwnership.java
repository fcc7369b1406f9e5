package org.ggzy.sgw.gateway.ownership;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ggzy.sgw.gateway.config.Sql;
import org.ggzy.sgw.gateway.lifecycle.SectionKey;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * Who may push records of which project: the platform that first pushed a record of the project owns it (and every
 * section and expectation of it); other platforms only when a system administrator has made them co-platforms of the
 * project. Checked inside the push transaction, before any record is stored: the owner rows of the push's projects are
 * created if new, in key order (a concurrent push of the same new project waits on the primary key and then reads the
 * committed owner), and read back.
 */
@Repository
public class ProjectOwnership {

    private static final Class<?>[] OWNER_TYPES = {
        String.class, String.class, String.class, Instant.class, Instant.class
    };

    private final DatabaseClient db;

    ProjectOwnership(DatabaseClient db) {
        this.db = db;
    }

    /** Claims the projects that have no owner yet for this platform, then reads every project's owner and grants. */
    public Mono<Owners> claim(String platform, Collection<SectionKey> projects, Instant now) {
        Set<SectionKey> keys = projectKeys(projects);
        if (keys.isEmpty()) {
            return Mono.just(Owners.NONE);
        }
        List<Object[]> rows = keys.stream()
                .map(k -> new Object[] {k.tradeType(), k.project(), platform, now, now})
                .toList();
        return Sql.insert(
                        db,
                        "INSERT INTO project_owners (trade_type, project_code, platform_code, created_at, updated_at)",
                        "ON CONFLICT DO NOTHING",
                        OWNER_TYPES,
                        rows)
                .then(read(platform, keys));
    }

    /** The owners and grants of these projects for this platform, claiming nothing (for dry runs and views). */
    public Mono<Owners> lookup(String platform, Collection<SectionKey> projects) {
        Set<SectionKey> keys = projectKeys(projects);
        return keys.isEmpty() ? Mono.just(Owners.NONE) : read(platform, keys);
    }

    /** The owners of the projects and the grants to this platform among them, in one statement. */
    private Mono<Owners> read(String platform, Set<SectionKey> keys) {
        List<Object[]> pairs = keys.stream()
                .map(k -> new Object[] {k.tradeType(), k.project()})
                .toList();
        Map<SectionKey, String> owners = new java.util.HashMap<>();
        Set<SectionKey> granted = new java.util.HashSet<>();
        return db.sql("SELECT o.trade_type, o.project_code, o.platform_code, g.platform_code AS granted "
                        + "FROM project_owners o LEFT JOIN project_co_platforms g ON g.trade_type = o.trade_type "
                        + "AND g.project_code = o.project_code AND g.platform_code = :platform "
                        + "WHERE (o.trade_type, o.project_code) IN (:projects)")
                .bind("platform", platform)
                .bind("projects", pairs)
                .map((row, meta) -> {
                    SectionKey key = new SectionKey(
                            row.get("trade_type", String.class), row.get("project_code", String.class), "");
                    owners.put(key, row.get("platform_code", String.class));
                    if (row.get("granted", String.class) != null) {
                        granted.add(key);
                    }
                    return key;
                })
                .all()
                .then(Mono.fromSupplier(() -> new Owners(owners, granted)));
    }

    private static Set<SectionKey> projectKeys(Collection<SectionKey> keys) {
        return keys.stream().map(SectionKey::projectKey).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The owners of some projects, and those of them the pushing platform is a co-platform of.
     *
     * @param owners owner platform by project key (section empty)
     * @param granted the projects the pushing platform may write as a co-platform
     */
    public record Owners(Map<SectionKey, String> owners, Set<SectionKey> granted) {

        public static final Owners NONE = new Owners(Map.of(), Set.of());

        public Owners {
            owners = Map.copyOf(owners);
            granted = Set.copyOf(granted);
        }

        /** The owner of the project of this key, or {@code null} if it has none yet. */
        public String ownerOf(SectionKey key) {
            return owners.get(key.projectKey());
        }

        /** Of these keys, the first whose project another platform owns without a grant to this one. */
        public SectionKey refused(String platform, Collection<SectionKey> keys) {
            for (SectionKey key : keys) {
                String owner = ownerOf(key);
                if (owner != null && !owner.equals(platform) && !granted.contains(key.projectKey())) {
                    return key;
                }
            }
            return null;
        }
    }
}
