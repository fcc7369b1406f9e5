package org.ggzy.sgw.gateway.ownership;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.audit.AuditLog;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Co-platform grants and handovers of projects (交易平台变更), each in one transaction with its audit entry; the
 * project's owner row is locked first, so that changes of one project never interleave.
 */
@Service
class OwnershipService {

    private final OwnershipRepository repository;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    OwnershipService(OwnershipRepository repository, AuditLog audit, TransactionalOperator tx, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    Mono<OwnershipView> find(String tradeType, String project) {
        return repository.view(tradeType, project).switchIfEmpty(Mono.error(() -> notFound(tradeType, project)));
    }

    Mono<OwnershipView> grant(AuditContext ctx, String tradeType, String project, String platform, String reason) {
        return owner(tradeType, project)
                .flatMap(owner -> owner.equals(platform)
                        ? Mono.error(ProblemType.CONFLICT.exception(platform + " owns " + project + " already."))
                        : existing(platform))
                .then(repository.grant(tradeType, project, platform, reason, ctx.actor(), clock.instant()))
                .flatMap(added -> audit.append(
                        ctx,
                        "project.co-platform.grant",
                        target(tradeType, project),
                        null,
                        details("coPlatform", platform, "reason", reason)))
                .then(Mono.defer(() -> find(tradeType, project)))
                .as(tx::transactional);
    }

    Mono<OwnershipView> revoke(AuditContext ctx, String tradeType, String project, String platform) {
        return owner(tradeType, project)
                .then(repository.revoke(tradeType, project, platform))
                .flatMap(removed -> removed
                        ? audit.append(
                                ctx,
                                "project.co-platform.revoke",
                                target(tradeType, project),
                                details("coPlatform", platform),
                                null)
                        : Mono.error(ProblemType.NOT_FOUND.exception(
                                platform + " is not a co-platform of " + project + ".")))
                .then(Mono.defer(() -> find(tradeType, project)))
                .as(tx::transactional);
    }

    Mono<OwnershipView> handOver(
            AuditContext ctx, String tradeType, String project, String to, String reason, boolean detach) {
        return owner(tradeType, project)
                .flatMap(from -> from.equals(to)
                        ? Mono.error(ProblemType.CONFLICT.exception(to + " owns " + project + " already."))
                        : existing(to)
                                .then(repository.handOver(tradeType, project, from, to, detach, clock.instant()))
                                .then(audit.append(
                                        ctx,
                                        "project.handover",
                                        target(tradeType, project),
                                        details("owner", from),
                                        details("owner", to, "reason", reason, "detachedPrevious", detach))))
                .then(Mono.defer(() -> find(tradeType, project)))
                .as(tx::transactional);
    }

    private Mono<String> owner(String tradeType, String project) {
        return repository.lockOwner(tradeType, project).switchIfEmpty(Mono.error(() -> notFound(tradeType, project)));
    }

    private Mono<Void> existing(String platform) {
        return repository
                .platformExists(platform)
                .flatMap(exists -> exists
                        ? Mono.<Void>empty()
                        : Mono.error(ProblemType.NOT_FOUND.exception("No platform " + platform + ".")));
    }

    private static RuntimeException notFound(String tradeType, String project) {
        return ProblemType.NOT_FOUND.exception(
                "No platform has pushed a record of " + tradeType + " project " + project + ".");
    }

    private static String target(String tradeType, String project) {
        return "project:" + tradeType + "/" + project;
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
