package org.ggzy.sgw.gateway.ownership;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code /api/v1/admin/projects/{tradeType}/{projectCode}/...}: who owns a project, co-platform grants and handovers
 * ({@code SYSADMIN}).
 */
@Component
class OwnershipHandler {

    private static final Pattern TRADE_TYPE = Pattern.compile("^[a-z]{2,8}$");
    private static final Pattern PROJECT = Pattern.compile("^[0-9A-Za-z_-]{1,100}$");
    private static final Pattern PLATFORM = Pattern.compile("^[0-9A-Z]{18}$");

    private final OwnershipService service;

    OwnershipHandler(OwnershipService service) {
        this.service = service;
    }

    Mono<ServerResponse> ownership(ServerRequest request) {
        Project p = project(request, List.of());
        return service.find(p.tradeType(), p.code())
                .flatMap(v -> ServerResponse.ok().bodyValue(v));
    }

    Mono<ServerResponse> grant(ServerRequest request) {
        return request.bodyToMono(Grant.class)
                .defaultIfEmpty(new Grant(null))
                .flatMap(body -> {
                    List<String> errors = new ArrayList<>();
                    String platform = platform(request.pathVariable("platformCode"), errors);
                    String reason = reason(body.reason(), errors);
                    Project p = project(request, errors);
                    return AuditContext.of(request)
                            .flatMap(ctx -> service.grant(ctx, p.tradeType(), p.code(), platform, reason));
                })
                .flatMap(v -> ServerResponse.ok().bodyValue(v));
    }

    Mono<ServerResponse> revoke(ServerRequest request) {
        List<String> errors = new ArrayList<>();
        String platform = platform(request.pathVariable("platformCode"), errors);
        Project p = project(request, errors);
        return AuditContext.of(request)
                .flatMap(ctx -> service.revoke(ctx, p.tradeType(), p.code(), platform))
                .flatMap(v -> ServerResponse.ok().bodyValue(v));
    }

    Mono<ServerResponse> handOver(ServerRequest request) {
        return request.bodyToMono(Handover.class)
                .defaultIfEmpty(new Handover(null, null, null))
                .flatMap(body -> {
                    List<String> errors = new ArrayList<>();
                    String to = platform(body.platformCode(), errors);
                    String reason = reason(body.reason(), errors);
                    Project p = project(request, errors);
                    return AuditContext.of(request)
                            .flatMap(ctx -> service.handOver(
                                    ctx,
                                    p.tradeType(),
                                    p.code(),
                                    to,
                                    reason,
                                    Boolean.TRUE.equals(body.detachPrevious())));
                })
                .flatMap(v -> ServerResponse.ok().bodyValue(v));
    }

    /** The project of the path; throws every problem found so far with it. */
    private static Project project(ServerRequest request, List<String> errors) {
        String tradeType = request.pathVariable("tradeType");
        String code = request.pathVariable("projectCode");
        if (!TRADE_TYPE.matcher(tradeType).matches()) {
            errors.add("tradeType must be a trade type such as gcjs or zfcg");
        }
        if (!PROJECT.matcher(code).matches()) {
            errors.add("projectCode must be 1-100 of [0-9A-Za-z_-]");
        }
        if (!errors.isEmpty()) {
            throw ProblemType.INVALID_REQUEST
                    .exception(String.join("; ", errors))
                    .with("errors", List.copyOf(errors));
        }
        return new Project(tradeType, code);
    }

    private static String platform(String code, List<String> errors) {
        if (code == null || !PLATFORM.matcher(code).matches()) {
            errors.add("platformCode must be 18 characters 0-9 A-Z");
        }
        return code;
    }

    private static String reason(String reason, List<String> errors) {
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            errors.add(
                    "reason is required (at most 1,000 characters): it is kept with the grant and in the audit trail");
            return null;
        }
        return reason.strip();
    }

    private record Project(String tradeType, String code) {}

    record Grant(String reason) {}

    record Handover(String platformCode, String reason, Boolean detachPrevious) {}
}
