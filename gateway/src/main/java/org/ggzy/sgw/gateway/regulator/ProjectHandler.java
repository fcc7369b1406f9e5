package org.ggzy.sgw.gateway.regulator;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/projects/{tenderProjectCode}} and its {@code /archive}. */
@Component
class ProjectHandler {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");

    private final ProjectService service;

    ProjectHandler(ProjectService service) {
        this.service = service;
    }

    Mono<ServerResponse> view(ServerRequest request) {
        String project = request.pathVariable("tenderProjectCode");
        return QualityHandler.caller()
                .flatMap(scope -> service.view(project, scope))
                .flatMap(view -> ServerResponse.ok().bodyValue(view));
    }

    Mono<ServerResponse> archive(ServerRequest request) {
        String project = request.pathVariable("tenderProjectCode");
        return QualityHandler.caller()
                .flatMap(scope -> service.archive(project, scope))
                .flatMap(zip -> ServerResponse.ok()
                        .contentType(ZIP)
                        .header(
                                HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment()
                                        .filename(ProjectArchive.safe(project) + ".zip")
                                        .build()
                                        .toString())
                        .bodyValue(zip));
    }
}
