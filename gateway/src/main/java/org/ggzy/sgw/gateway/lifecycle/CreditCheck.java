package org.ggzy.sgw.gateway.lifecycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ggzy.sgw.adapters.CreditLookup;
import org.ggzy.sgw.adapters.CreditStatus;
import org.ggzy.sgw.gateway.rules.Finding;
import org.ggzy.sgw.gateway.rules.Severity;
import org.ggzy.sgw.gateway.warning.WarningBus;
import org.ggzy.sgw.gateway.warning.WarningDraft;
import org.ggzy.sgw.gateway.warning.WarningService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * C01 {@code DISHONEST_PARTY}: when a bidder, candidate or winner arrives, asks the credit database (cached, behind
 * its circuit breaker) whether the party is under joint punishment (失信联合惩戒), and raises a RED warning with the
 * credit records as evidence. Runs after the push has committed, so the platform's receipt never waits for the
 * credit database; when it cannot answer, the check is skipped (and logged).
 */
@Component
public class CreditCheck {

    static final String RULE = "DISHONEST_PARTY";
    static final String BASIS = "《关于对失信被执行人实施联合惩戒的合作备忘录》；《辽宁省公共资源交易平台服务标准（试行）》10.3：失信主体限制参与公共资源交易";
    /** The party-code fields to check, by data set. */
    public static final Map<String, List<String>> PARTIES = Map.of(
            "gcjs.bidder", List.of("BIDDER_ORG_CODE"),
            "gcjs.candidate-publicity", List.of("FIRST_BIDDER_CODE", "SECOND_BIDDER_CODE", "THIRD_BIDDER_CODE"),
            "gcjs.win-result", List.of("WIN_BIDDER_CODE"));

    private static final Logger log = LoggerFactory.getLogger(CreditCheck.class);

    private final ObjectProvider<CreditLookup> credit;
    private final WarningService warnings;
    private final TransactionalOperator tx;
    private final WarningBus bus;
    private final Clock clock;

    CreditCheck(
            ObjectProvider<CreditLookup> credit,
            WarningService warnings,
            TransactionalOperator tx,
            WarningBus bus,
            Clock clock) {
        this.credit = credit;
        this.warnings = warnings;
        this.tx = tx;
        this.bus = bus;
        this.clock = clock;
    }

    /** Checks the parties of records just committed; completes when every answer is handled. */
    public Mono<Void> check(String platform, String region, List<Arrival> arrivals) {
        CreditLookup lookup = credit.getIfAvailable();
        if (lookup == null) {
            return Mono.empty();
        }
        return Flux.fromIterable(arrivals)
                .filter(a -> PARTIES.containsKey(a.datasetId()))
                .concatMap(
                        a -> Flux.fromIterable(parties(a)).concatMap(code -> Mono.fromFuture(() -> lookup.lookup(code))
                                .flatMap(Mono::justOrEmpty)
                                .filter(CreditStatus::dishonest)
                                .flatMap(status -> raise(a, status, platform, region))))
                .onErrorResume(e -> {
                    log.warn("credit check failed", e);
                    return Mono.empty();
                })
                .then();
    }

    private Mono<Void> raise(Arrival a, CreditStatus status, String platform, String region) {
        List<SectionKey> keys = Subjects.of(a.dataset(), a.node());
        if (keys.isEmpty()) {
            return Mono.empty();
        }
        SectionKey key = keys.get(0);
        String named = Subjects.region(a.dataset(), a.node());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("partyCode", status.partyCode());
        evidence.put("dataKey", a.dataKey());
        evidence.put("creditRecords", status.records());
        Finding finding = new Finding(
                RULE,
                Severity.RED,
                a.datasetId(),
                status.partyCode(),
                "Party " + status.partyCode() + " in " + a.datasetId() + " " + a.dataKey()
                        + " is under joint punishment according to the credit database",
                "信用信息库显示，" + a.dataset().nameZh() + "（" + a.dataKey() + "）中的主体 " + status.partyCode() + " 为失信联合惩戒对象",
                BASIS,
                evidence,
                List.of(a.recordId()),
                null);
        WarningDraft draft = new WarningDraft(
                finding, key.tradeType(), key.project(), key.section(), platform, named == null ? region : named, null);
        return warnings.raise(draft, clock.instant())
                .as(tx::transactional)
                .flatMap(change -> bus.publish(List.of(change)));
    }

    private static List<String> parties(Arrival a) {
        List<String> codes = new ArrayList<>();
        for (String field : PARTIES.get(a.datasetId())) {
            String value = a.node().path(field).asText("");
            for (String code : value.split("[;；,，]")) {
                if (code.strip().length() == 18) {
                    codes.add(code.strip());
                }
            }
        }
        return codes;
    }
}
