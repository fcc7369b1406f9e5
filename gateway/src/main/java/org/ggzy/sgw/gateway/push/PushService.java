package org.ggzy.sgw.gateway.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcRollbackException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ggzy.sgw.gateway.config.Ids;
import org.ggzy.sgw.gateway.edge.SignatureMethod;
import org.ggzy.sgw.gateway.lifecycle.Arrival;
import org.ggzy.sgw.gateway.lifecycle.Lag;
import org.ggzy.sgw.gateway.lifecycle.LifecycleOutcome;
import org.ggzy.sgw.gateway.lifecycle.SectionKey;
import org.ggzy.sgw.gateway.lifecycle.Subjects;
import org.ggzy.sgw.gateway.ownership.ProjectOwnership;
import org.ggzy.sgw.gateway.platform.PlatformCredentials;
import org.ggzy.sgw.gateway.record.Applied;
import org.ggzy.sgw.gateway.record.IncomingRecord;
import org.ggzy.sgw.gateway.record.ReceiptRow;
import org.ggzy.sgw.gateway.record.RecordStatus;
import org.ggzy.sgw.gateway.record.RecordStore;
import org.ggzy.sgw.gateway.storage.StorageGuard;
import org.ggzy.sgw.gateway.warning.WarningChange;
import org.ggzy.sgw.gateway.web.ProblemType;
import org.ggzy.sgw.schemas.Dataset;
import org.ggzy.sgw.schemas.SpecTime;
import org.ggzy.sgw.schemas.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The push path after the edge: parse, validate (off the event loop), then one transaction that moves the record
 * heads, appends the records and stores the receipt. The receipt is returned only after the commit.
 */
@Service
class PushService {

    private static final DateTimeFormatter RECEIVED_AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(SpecTime.CHINA);

    private final RecordParser parser;
    private final RecordChecker checker;
    private final RecordStore store;
    private final TransactionalOperator tx;
    private final Clock clock;
    private final Supervision supervision;
    private final ObjectMapper json = new ObjectMapper();
    private final int retries;
    private final StorageGuard guard;

    PushService(
            RecordParser parser,
            RecordChecker checker,
            RecordStore store,
            TransactionalOperator tx,
            Clock clock,
            PushProperties properties,
            Supervision supervision,
            StorageGuard guard) {
        this.guard = guard;
        this.supervision = supervision;
        this.parser = parser;
        this.checker = checker;
        this.store = store;
        this.tx = tx;
        this.clock = clock;
        this.retries = properties.storeRetries();
    }

    /** Validates, stores and answers one push. */
    Mono<Receipt> push(PushRequest request) {
        Instant receivedAt = clock.instant();
        return check(request, receivedAt)
                .flatMap(checked -> Mono.defer(() -> commit(request, receivedAt, checked))
                        .as(tx::transactional)
                        .flatMap(committed -> supervision
                                .committed(
                                        committed.changes(),
                                        committed.deliveries(),
                                        request.platform().code(),
                                        request.platform().regionCode(),
                                        committed.arrivals())
                                .thenReturn(committed.receipt()))
                        .retryWhen(Retry.max(retries).filter(PushService::isTransient))
                        .onErrorMap(PushService::isTransient, e -> ProblemType.SERVICE_UNAVAILABLE
                                .exception("The push could not be stored because of concurrent updates; send it again.")
                                .header(HttpHeaders.RETRY_AFTER, "1")))
                .as(guard::push);
    }

    /** Validates a push and predicts each record's status against what is stored; stores nothing. */
    Mono<Receipt> dryRun(PushRequest request) {
        Instant receivedAt = clock.instant();
        return check(request, receivedAt)
                .flatMap(all -> {
                    String platform = request.platform().code();
                    Map<Integer, List<SectionKey>> subjects = subjects(request.dataset(), all);
                    return supervision
                            .ownership()
                            .lookup(
                                    platform,
                                    subjects.values().stream()
                                            .flatMap(List::stream)
                                            .toList())
                            .map(owners -> owned(request.dataset(), platform, all, subjects, owners));
                })
                .flatMap(checked -> reactor.core.publisher.Flux.fromIterable(checked)
                        .filter(RecordChecker.Checked::valid)
                        .concatMap(c -> store.findHead(
                                        request.platform().code(),
                                        request.dataset().id().value(),
                                        c.dataKey())
                                .map(head -> new Applied(
                                        c.raw().index(),
                                        head.judge(c.dataTimestamp(), c.contentDigest()),
                                        head.version(),
                                        null))
                                .defaultIfEmpty(new Applied(c.raw().index(), RecordStatus.ACCEPTED, 1, null)))
                        .collectList()
                        .map(applied -> receipt(request, null, receivedAt, checked, applied)));
    }

    /**
     * Parses and validates. A small body (a few records: tens to hundreds of microseconds) is checked on the thread
     * that has it, which saves two thread hand-offs a push; a larger one on the parallel scheduler, so that no event
     * loop is held for milliseconds.
     */
    private Mono<List<RecordChecker.Checked>> check(PushRequest request, Instant receivedAt) {
        Mono<List<RecordChecker.Checked>> check =
                Mono.fromCallable(() -> parser.parse(request.body(), request.ndjson()).stream()
                        .map(raw -> checker.check(
                                request.dataset(),
                                request.platform().code(),
                                request.platform().regionCode(),
                                receivedAt,
                                raw))
                        .toList());
        return request.body().length <= INLINE_CHECK_BYTES ? check : check.subscribeOn(Schedulers.parallel());
    }

    /** Bodies up to this size are checked without leaving the current thread. */
    static final int INLINE_CHECK_BYTES = 16 * 1024;

    /**
     * Inside the transaction: claims the projects of the valid records (the first platform to push a record of a
     * project owns it), refuses the records that name another platform's project ({@code NOT_OWNER}), then stores the
     * rest.
     */
    private Mono<Committed> commit(PushRequest request, Instant receivedAt, List<RecordChecker.Checked> checked) {
        String platform = request.platform().code();
        Map<Integer, List<SectionKey>> subjects = subjects(request.dataset(), checked);
        List<SectionKey> projects =
                subjects.values().stream().flatMap(List::stream).toList();
        return supervision
                .ownership()
                .claim(platform, projects, receivedAt)
                .flatMap(owners -> store(
                        request, receivedAt, owned(request.dataset(), platform, checked, subjects, owners), owners));
    }

    /** The projects and sections each valid record names, by record index. */
    private static Map<Integer, List<SectionKey>> subjects(Dataset dataset, List<RecordChecker.Checked> checked) {
        Map<Integer, List<SectionKey>> subjects = new java.util.HashMap<>();
        for (RecordChecker.Checked c : checked) {
            if (c.valid()) {
                subjects.put(c.raw().index(), Subjects.of(dataset, c.raw().node()));
            }
        }
        return subjects;
    }

    /** The checked records, those naming a project of another platform (without a grant) refused. */
    static List<RecordChecker.Checked> owned(
            Dataset dataset,
            String platform,
            List<RecordChecker.Checked> checked,
            Map<Integer, List<SectionKey>> subjects,
            ProjectOwnership.Owners owners) {
        List<RecordChecker.Checked> result = new ArrayList<>(checked.size());
        for (RecordChecker.Checked c : checked) {
            SectionKey refused =
                    c.valid() ? owners.refused(platform, subjects.get(c.raw().index())) : null;
            result.add(refused == null ? c : c.refused(notOwner(dataset, refused, owners.ownerOf(refused))));
        }
        return result;
    }

    private static Violation notOwner(Dataset dataset, SectionKey key, String owner) {
        String field = dataset.subject().project();
        return new Violation(
                Violation.pointerOf(field),
                Violation.NOT_OWNER,
                "owner",
                "Project " + key.project() + " belongs to platform " + owner
                        + "; the pushing platform is neither its owner nor a co-platform of it",
                dataset.label(field) + " " + key.project() + " 属于交易平台 " + owner + "，推送平台无权推送该项目的数据");
    }

    private Mono<Committed> store(
            PushRequest request,
            Instant receivedAt,
            List<RecordChecker.Checked> checked,
            ProjectOwnership.Owners owners) {
        String platform = request.platform().code();
        String dataset = request.dataset().id().value();
        Map<Integer, Lag> lags = new java.util.HashMap<>();
        List<IncomingRecord> valid = checked.stream()
                .filter(RecordChecker.Checked::valid)
                .map(c -> {
                    Lag lag = supervision
                            .pushLate()
                            .lag(request.dataset(), c.raw().node(), receivedAt)
                            .orElse(null);
                    lags.put(c.raw().index(), lag);
                    return incoming(c, lag);
                })
                .toList();
        String receiptId = Ids.next();
        return store.apply(platform, dataset, receivedAt, valid).flatMap(applied -> {
            Receipt receipt = receipt(request, receiptId, receivedAt, checked, applied);
            Map<Integer, IncomingRecord> byIndex =
                    valid.stream().collect(Collectors.toMap(IncomingRecord::index, Function.identity()));
            List<RecordStore.Stored> rows = applied.stream()
                    .filter(a -> a.recordId() != null)
                    .map(a -> new RecordStore.Stored(a.recordId(), byIndex.get(a.index()), a.status(), a.version()))
                    .toList();
            List<Arrival> arrivals = rows.stream()
                    .filter(r -> r.status() == RecordStatus.ACCEPTED)
                    .map(r -> new Arrival(
                            r.record().index(),
                            r.recordId(),
                            request.dataset(),
                            r.record().dataKey(),
                            r.record().node(),
                            lags.get(r.record().index())))
                    .toList();
            return store.insertReceipt(row(request, receipt, receivedAt))
                    .then(store.insertRecords(receiptId, platform, dataset, receivedAt, rows))
                    .then(supervision
                            .lifecycle()
                            .apply(platform, request.platform().regionCode(), owners, receivedAt, arrivals))
                    .flatMap(outcome -> supervision
                            .deliveries(platform, request.platform().regionCode(), arrivals, receivedAt)
                            .flatMap(deliveries ->
                                    withWarnings(request, receipt, receivedAt, outcome, deliveries, arrivals)));
        });
    }

    /** A valid record as the store takes it, with its lag (measured once per record, kept for the lifecycle). */
    private static IncomingRecord incoming(RecordChecker.Checked c, Lag lag) {
        return new IncomingRecord(
                c.raw().index(),
                c.dataKey(),
                c.dataTimestamp(),
                c.raw().payload(),
                c.digest(),
                c.contentDigest(),
                c.raw().node(),
                lag == null ? null : lag.eventAt(),
                lag == null ? null : lag.lagSeconds(),
                lag == null ? null : lag.withinSla());
    }

    /** Adds the warnings the records raised to the stored receipt. */
    private Mono<Committed> withWarnings(
            PushRequest request,
            Receipt receipt,
            Instant receivedAt,
            LifecycleOutcome outcome,
            int deliveries,
            List<Arrival> arrivals) {
        if (outcome.changes().isEmpty()) {
            return Mono.just(new Committed(receipt, outcome.changes(), deliveries, arrivals));
        }
        Receipt full = receipt.withWarnings(outcome::warnings);
        return store.updateReceiptBody(
                        receipt.receiptId(), row(request, full, receivedAt).body())
                .thenReturn(new Committed(full, outcome.changes(), deliveries, arrivals));
    }

    private record Committed(Receipt receipt, List<WarningChange> changes, int deliveries, List<Arrival> arrivals) {}

    private Receipt receipt(
            PushRequest request,
            String receiptId,
            Instant receivedAt,
            List<RecordChecker.Checked> checked,
            List<Applied> applied) {
        Map<Integer, Applied> byIndex = applied.stream().collect(Collectors.toMap(Applied::index, Function.identity()));
        List<RecordOutcome> outcomes = new ArrayList<>(checked.size());
        int[] counts = new int[RecordStatus.values().length];
        for (RecordChecker.Checked c : checked) {
            RecordOutcome outcome =
                    outcome(request.dataset(), c, byIndex.get(c.raw().index()));
            counts[outcome.status().ordinal()]++;
            outcomes.add(outcome);
        }
        SignatureMethod method = request.method();
        String at = RECEIVED_AT.format(receivedAt);
        String digest = method.labelled(request.bodyDigest());
        String signature = receiptId == null
                ? null
                : Base64.getEncoder()
                        .encodeToString(
                                method.hmac(request.platform().currentSecret(), receiptId + "\n" + at + "\n" + digest));
        return new Receipt(
                receiptId,
                request.platform().code(),
                request.dataset().id().value(),
                at,
                counts[RecordStatus.ACCEPTED.ordinal()],
                counts[RecordStatus.DUPLICATE.ordinal()],
                counts[RecordStatus.STALE.ordinal()],
                counts[RecordStatus.REJECTED.ordinal()],
                outcomes,
                digest,
                method.header(),
                signature);
    }

    private static RecordOutcome outcome(Dataset dataset, RecordChecker.Checked c, Applied applied) {
        if (!c.valid()) {
            return new RecordOutcome(
                    c.raw().index(),
                    c.raw().line(),
                    c.dataKey(),
                    RecordStatus.REJECTED,
                    null,
                    c.violations(),
                    c.unknownFields(),
                    List.of());
        }
        List<Violation> violations = applied.versionConflict()
                ? List.of(new Violation(
                        "/DATA_TIMESTAMP",
                        Violation.VERSION_CONFLICT,
                        "version",
                        "A different record with the same DATA_KEY and DATA_TIMESTAMP is stored; send corrections "
                                + "with a newer DATA_TIMESTAMP",
                        "已存在数据主键和" + dataset.label("DATA_TIMESTAMP") + "相同但内容不同的记录，更正数据须使用更新的数据时间戳"))
                : List.of();
        return new RecordOutcome(
                c.raw().index(),
                c.raw().line(),
                c.dataKey(),
                applied.status(),
                applied.version(),
                violations,
                c.unknownFields(),
                List.of());
    }

    private ReceiptRow row(PushRequest request, Receipt r, Instant receivedAt) {
        try {
            return new ReceiptRow(
                    r.receiptId(),
                    r.platformCode(),
                    r.dataset(),
                    receivedAt,
                    request.requestId(),
                    r.signatureMethod(),
                    r.digest(),
                    r.accepted(),
                    r.duplicates(),
                    r.stale(),
                    r.rejected(),
                    json.writeValueAsString(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("receipt not serialisable", e);
        }
    }

    /**
     * Whether the transaction lost a race that a new attempt can win: a concurrent insert of the same key, a deadlock
     * or a serialization failure (SQLSTATE class 40). Not timeouts: waiting again would only hold the platform longer.
     */
    static boolean isTransient(Throwable e) {
        if (e instanceof DuplicateKeyException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof R2dbcRollbackException
                    || (t instanceof R2dbcException r
                            && r.getSqlState() != null
                            && r.getSqlState().startsWith("40"))) {
                return true;
            }
        }
        return false;
    }

    /** One push as the handler hands it over. */
    record PushRequest(
            PlatformCredentials platform,
            SignatureMethod method,
            Dataset dataset,
            byte[] body,
            String bodyDigest,
            boolean ndjson,
            String requestId) {}
}
