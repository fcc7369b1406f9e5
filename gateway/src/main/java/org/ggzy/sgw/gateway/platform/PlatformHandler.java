package org.ggzy.sgw.gateway.platform;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ggzy.sgw.gateway.audit.AuditContext;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.schemas.Catalog;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code /api/v1/admin/platforms}: register, list, change, rotate secrets ({@code SYSADMIN}). */
@Component
class PlatformHandler {

    private static final Pattern CODE = Pattern.compile("^[0-9A-Z]{18}$");
    private static final Pattern REGION = Pattern.compile("^[1-9][0-9]{5}$");

    private final PlatformService service;
    private final Catalog catalog;

    PlatformHandler(PlatformService service, Catalog catalog) {
        this.service = service;
        this.catalog = catalog;
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return request.bodyToMono(CreatePlatform.class)
                .switchIfEmpty(Mono.error(() -> ProblemType.INVALID_REQUEST.exception("A JSON body is required.")))
                .zipWith(AuditContext.of(request))
                .flatMap(t -> {
                    CreatePlatform body = t.getT1();
                    List<String> errors = new ArrayList<>();
                    if (body.platformCode() == null
                            || !CODE.matcher(body.platformCode()).matches()) {
                        errors.add("platformCode must be 18 characters 0-9 A-Z");
                    }
                    checkName(body.name(), true, errors);
                    checkRegion(body.regionCode(), true, errors);
                    Set<String> datasets = datasets(body.datasets(), errors);
                    rejectIfAny(errors);
                    return service.create(
                            t.getT2(),
                            body.platformCode(),
                            body.name().strip(),
                            body.regionCode(),
                            datasets,
                            body.enabled() == null || body.enabled());
                })
                .flatMap(issued -> ServerResponse.created(URI.create(
                                "/api/v1/admin/platforms/" + issued.platform().platformCode()))
                        .bodyValue(secretBody(issued)));
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return service.findAll().map(Platform::view).collectList().flatMap(items -> ServerResponse.ok()
                .bodyValue(Map.of("items", items)));
    }

    Mono<ServerResponse> one(ServerRequest request) {
        return service.find(request.pathVariable("code"))
                .flatMap(p -> ServerResponse.ok().bodyValue(p.view()));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        return request.bodyToMono(UpdatePlatform.class)
                .switchIfEmpty(Mono.error(() -> ProblemType.INVALID_REQUEST.exception("A JSON body is required.")))
                .zipWith(AuditContext.of(request))
                .flatMap(t -> {
                    UpdatePlatform body = t.getT1();
                    List<String> errors = new ArrayList<>();
                    checkName(body.name(), false, errors);
                    checkRegion(body.regionCode(), false, errors);
                    Set<String> datasets = body.datasets() == null ? null : datasets(body.datasets(), errors);
                    rejectIfAny(errors);
                    return service.update(
                            t.getT2(),
                            request.pathVariable("code"),
                            body.name(),
                            body.regionCode(),
                            body.enabled(),
                            datasets);
                })
                .flatMap(p -> ServerResponse.ok().bodyValue(p.view()));
    }

    Mono<ServerResponse> rotateSecret(ServerRequest request) {
        return AuditContext.of(request)
                .flatMap(ctx -> service.rotateSecret(ctx, request.pathVariable("code")))
                .flatMap(issued -> ServerResponse.status(HttpStatus.OK).bodyValue(secretBody(issued)));
    }

    private Set<String> datasets(List<String> requested, List<String> errors) {
        Set<String> datasets = new LinkedHashSet<>();
        if (requested == null || requested.isEmpty()) {
            errors.add("datasets must list at least one data set id (GET /api/v1/datasets)");
            return datasets;
        }
        for (String id : requested) {
            if (catalog.find(id).isEmpty()) {
                errors.add("datasets: unknown data set '" + id + "'");
            } else {
                datasets.add(id);
            }
        }
        return datasets;
    }

    private static void checkName(String name, boolean required, List<String> errors) {
        if ((name == null && required) || (name != null && (name.isBlank() || name.length() > 200))) {
            errors.add("name is required, not blank, at most 200 characters");
        }
    }

    private static void checkRegion(String regionCode, boolean required, List<String> errors) {
        if ((regionCode == null && required)
                || (regionCode != null && !REGION.matcher(regionCode).matches())) {
            errors.add("regionCode must be a 6-digit GB/T 2260 code");
        }
    }

    private static void rejectIfAny(List<String> errors) {
        if (!errors.isEmpty()) {
            throw ProblemType.INVALID_REQUEST
                    .exception(String.join("; ", errors))
                    .with("errors", errors);
        }
    }

    private static Map<String, Object> secretBody(PlatformService.IssuedSecret issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("platformCode", issued.platform().platformCode());
        body.put("secret", issued.secret());
        body.put("secretNotice", "Shown this once; the gateway stores it encrypted and cannot show it again.");
        body.put("platform", issued.platform());
        return body;
    }

    record CreatePlatform(
            String platformCode, String name, String regionCode, List<String> datasets, Boolean enabled) {}

    record UpdatePlatform(String name, String regionCode, Boolean enabled, List<String> datasets) {}
}
