package org.ggzy.sgw.gateway.regulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ggzy.sgw.gateway.regulator.ProjectData.SectionRow;
import org.ggzy.sgw.gateway.regulator.ProjectData.VersionRow;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.gateway.warning.WarningRepository;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The 一项一档 view and archive. A project exists for a caller when at least one of its sections (or the project row)
 * is in the caller's scope; the same code in two trade types shows the first trade type the caller sees.
 */
@Service
class ProjectService {

    private final ProjectRepository repository;
    private final WarningRepository warnings;
    private final ObjectMapper json;
    private final Clock clock;

    ProjectService(ProjectRepository repository, WarningRepository warnings, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.warnings = warnings;
        this.json = json;
        this.clock = clock;
    }

    Mono<ProjectView> view(String project, Scope scope) {
        return load(project, scope, false).map(data -> ProjectAssembler.view(data, scope, clock.instant()));
    }

    /** The ZIP: loaded with R2DBC, zipped on a worker thread (never on the event loop). */
    Mono<byte[]> archive(String project, Scope scope) {
        return load(project, scope, true).flatMap(data -> {
            Instant now = clock.instant();
            ProjectView view = ProjectAssembler.view(data, scope, now);
            List<VersionRow> versions =
                    ProjectAssembler.visibleVersions(data, ProjectAssembler.visibleSections(data.sections(), scope));
            List<String> receiptIds = versions.stream()
                    .map(VersionRow::receiptId)
                    .distinct()
                    .sorted()
                    .toList();
            return repository
                    .receipts(receiptIds)
                    .collectMap(ProjectRepository.ReceiptBody::id, ProjectRepository.ReceiptBody::body, TreeMap::new)
                    .flatMap(receipts -> zip(project, now, view, versions, receipts));
        });
    }

    private Mono<byte[]> zip(
            String project, Instant now, ProjectView view, List<VersionRow> versions, Map<String, String> receipts) {
        return Mono.fromCallable(() ->
                        ProjectArchive.zip(project, now, ProjectArchive.entries(view, versions, receipts, json), json))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private Mono<ProjectData> load(String project, Scope scope, boolean payloads) {
        return repository.sections(project).collectList().flatMap(rows -> {
            Map<String, List<SectionRow>> byTradeType = new TreeMap<>();
            rows.forEach(s -> byTradeType
                    .computeIfAbsent(s.tradeType(), t -> new ArrayList<>())
                    .add(s));
            String tradeType = byTradeType.entrySet().stream()
                    .filter(e -> !ProjectAssembler.visibleSections(e.getValue(), scope)
                            .isEmpty())
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (tradeType == null) {
                return Mono.error(ProblemType.NOT_FOUND.exception("No project " + project + " in your scope."));
            }
            List<SectionRow> sections = byTradeType.get(tradeType);
            return Mono.zip(
                            repository.versions(tradeType, project, payloads).collectList(),
                            repository.expectations(tradeType, project).collectList(),
                            warnings.ofProject(project)
                                    .filter(w -> tradeType.equals(w.tradeType()))
                                    .collectList())
                    .map(t -> new ProjectData(project, tradeType, sections, t.getT1(), t.getT2(), t.getT3()));
        });
    }
}
