package org.ggzy.sgw.adapters;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lookup of a party in the credit database: the answer, the cache, and what a failure gives. */
class CreditLookupIT extends AdapterITSupport {

    private static final String DISHONEST = "91350100MA2YKQ8N5J";
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @Autowired
    CreditLookup credit;

    @Test
    void shouldAnswerThatADishonestPartyIsDishonest() throws Exception {
        Optional<CreditStatus> status = credit.lookup(DISHONEST).get(WAIT, SECONDS);

        assertThat(status).hasValueSatisfying(s -> {
            assertThat(s.partyCode()).isEqualTo(DISHONEST);
            assertThat(s.dishonest()).isTrue();
            assertThat(s.records()).singleElement().asString().contains("\"recordType\":\"JOINT_PUNISHMENT\"");
        });
    }

    @Test
    void shouldAskTheCreditDatabaseOnceForTwoLookupsOfOneParty() throws Exception {
        String code = partyCode();

        Optional<CreditStatus> first = credit.lookup(code).get(WAIT, SECONDS);
        Optional<CreditStatus> second = credit.lookup(code).get(WAIT, SECONDS);

        assertThat(first).hasValue(new CreditStatus(code, false, List.of()));
        assertThat(second).isEqualTo(first);
        assertThat(requests(code)).isEqualTo(1);
    }

    @Test
    void shouldAnswerThatAnUnknownPartyIsNotDishonest() throws Exception {
        assertThat(credit.lookup("UNKNOWN-1").get(WAIT, SECONDS))
                .hasValueSatisfying(s -> assertThat(s.dishonest()).isFalse());
    }

    @Test
    void shouldAnswerEmptyAndKeepNothingWhenTheCreditDatabaseFails() throws Exception {
        String code = "SIM500" + partyCode();

        assertThat(credit.lookup(code).get(WAIT, SECONDS)).isEmpty();
        assertThat(credit.lookup(code).get(WAIT, SECONDS)).isEmpty();

        assertThat(requests(code)).isEqualTo(2);
    }

    @Test
    void shouldAnswerEmptyWhenTheCreditDatabaseIsTooSlowOrDropsTheConnection() throws Exception {
        long start = System.nanoTime();
        assertThat(credit.lookup("SIMSLOW" + partyCode()).get(WAIT, SECONDS)).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));

        assertThat(credit.lookup("SIMRESET" + partyCode()).get(WAIT, SECONDS)).isEmpty();
    }

    @Test
    void shouldNotAskAboutACodeThatCannotBeAParty() throws Exception {
        assertThat(credit.lookup("../../admin").get(WAIT, SECONDS)).isEmpty();
        assertThat(credit.lookup(null).get(WAIT, SECONDS)).isEmpty();
    }

    private static int requests(String code) {
        return FakeSystems.server("credit")
                .findAll(getRequestedFor(urlPathEqualTo("/credit/v1/parties/" + code)))
                .size();
    }

    /** A well-formed code of a party the fake holds nothing against, new to this test. */
    private static String partyCode() {
        StringBuilder code = new StringBuilder("9135");
        while (code.length() < 18) {
            code.append(CODE_CHARS.charAt(ThreadLocalRandom.current().nextInt(CODE_CHARS.length())));
        }
        return code.toString();
    }
}
