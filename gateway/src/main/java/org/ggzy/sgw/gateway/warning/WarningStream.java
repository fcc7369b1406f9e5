package org.ggzy.sgw.gateway.warning;

import java.time.Duration;
import java.util.TreeSet;
import org.ggzy.sgw.gateway.security.Scope;
import org.ggzy.sgw.gateway.session.SessionService;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The server-sent event stream of warnings in a caller's scope. The database is the source: each client reads the
 * events after the last one it was sent, whenever the bus says something changed (on any node) and at least every
 * {@code POLL} as a safety net, so a client sees every change once, in order, and {@code Last-Event-ID} resumes
 * exactly. Events whose transaction committed out of sequence order are caught by reading a little behind the
 * cursor and skipping what was already sent.
 */
@Component
class WarningStream {

    static final Duration POLL = Duration.ofSeconds(5);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    private static final int PAGE = 500;
    private static final int LOOK_BEHIND = 200;

    private final WarningRepository repository;
    private final WarningBus bus;
    private final SessionService sessions;

    WarningStream(WarningRepository repository, WarningBus bus, SessionService sessions) {
        this.repository = repository;
        this.bus = bus;
        this.sessions = sessions;
    }

    /**
     * The caller's stream; it ends when the caller's session does (logout, account changed or disabled). It opens with
     * a comment, so that the client has its answer (status and headers) at once rather than with the first warning,
     * and a comment every {@link #KEEP_ALIVE} keeps proxies from closing a quiet connection.
     */
    Flux<ServerSentEvent<Object>> stream(Scope scope, Long lastEventId) {
        Flux<ServerSentEvent<Object>> keepAlive =
                Flux.interval(KEEP_ALIVE, KEEP_ALIVE).map(i -> comment("keep-alive"));
        return sessions.untilSessionEnds(
                Flux.concat(Mono.just(comment("connected")), Flux.merge(events(scope, lastEventId), keepAlive)));
    }

    private static ServerSentEvent<Object> comment(String text) {
        return ServerSentEvent.builder().comment(text).build();
    }

    private Flux<ServerSentEvent<Object>> events(Scope scope, Long lastEventId) {
        Mono<Long> start = lastEventId != null ? Mono.just(lastEventId) : repository.lastSeq();
        return start.flatMapMany(from -> {
            Cursor cursor = new Cursor(from);
            Flux<Object> wakeUps = Flux.merge(bus.changes().map(p -> (Object) p), Flux.interval(POLL, POLL))
                    .onBackpressureLatest();
            return Flux.concat(Mono.just((Object) "start"), wakeUps)
                    .concatMap(w -> read(scope, cursor), 1)
                    .map(s -> ServerSentEvent.builder()
                            .id(Long.toString(s.seq()))
                            .event("warning")
                            .data((Object) s.warning())
                            .build());
        });
    }

    private Flux<WarningRepository.Streamed> read(Scope scope, Cursor cursor) {
        return repository
                .eventsAfter(Math.max(0, cursor.last - LOOK_BEHIND), scope, PAGE + LOOK_BEHIND)
                .filter(cursor::firstTime);
    }

    /** What one client has been sent: nothing at or below the floor, nothing twice. */
    private static final class Cursor {
        private final long floor;
        private long last;
        private final TreeSet<Long> sent = new TreeSet<>();

        Cursor(long from) {
            this.floor = from;
            this.last = from;
        }

        boolean firstTime(WarningRepository.Streamed s) {
            if (s.seq() <= floor || !sent.add(s.seq())) {
                return false;
            }
            last = Math.max(last, s.seq());
            sent.headSet(last - LOOK_BEHIND).clear();
            return true;
        }
    }
}
