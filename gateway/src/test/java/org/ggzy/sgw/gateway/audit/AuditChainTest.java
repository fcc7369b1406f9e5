package org.ggzy.sgw.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant AT = Instant.parse("2026-12-04T08:00:00.123Z");

    /** A valid chain of n entries. */
    static List<AuditEntry> chain(int n) {
        List<AuditEntry> entries = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditEntry e = AuditChain.seal(new AuditEntry(
                    i,
                    AT.plusSeconds(i),
                    "secadmin",
                    "user.update",
                    "user:reg-" + i,
                    "10.0.0.1",
                    "req-" + i,
                    "{\"enabled\":true}",
                    "{\"enabled\":false}",
                    prev,
                    null));
            entries.add(e);
            prev = e.hash();
        }
        return entries;
    }

    static AuditEntry withActor(AuditEntry e, String actor) {
        return new AuditEntry(
                e.seq(),
                e.at(),
                actor,
                e.action(),
                e.target(),
                e.sourceAddress(),
                e.requestId(),
                e.before(),
                e.after(),
                e.prevHash(),
                e.hash());
    }

    @Nested
    class Hash {

        @Test
        void shouldBeSha256HexOfTheCanonicalForm() {
            AuditEntry e = chain(1).get(0);

            assertThat(e.hash()).matches("[0-9a-f]{64}");
            assertThat(AuditChain.canonical(e))
                    .isEqualTo("[\"sgw-audit/v1\",1,\"2026-12-04T08:00:01.123Z\",\"secadmin\",\"user.update\","
                            + "\"user:reg-1\",\"10.0.0.1\",\"req-1\",\"{\\\"enabled\\\":true}\","
                            + "\"{\\\"enabled\\\":false}\",\"" + AuditChain.GENESIS + "\"]");
            assertThat(e.selfConsistent()).isTrue();
        }

        @Test
        void shouldChangeWhenAnyFieldChanges() {
            AuditEntry e = chain(1).get(0);

            assertThat(AuditChain.hash(withActor(e, "sysadmin"))).isNotEqualTo(e.hash());
            assertThat(withActor(e, "sysadmin").selfConsistent()).isFalse();
        }

        @Test
        void shouldTellANullFieldFromTheTextNull() {
            AuditEntry e = chain(1).get(0);
            AuditEntry nullBefore =
                    new AuditEntry(1, e.at(), "a", "x", "t", "s", "r", null, null, AuditChain.GENESIS, null);
            AuditEntry textNull =
                    new AuditEntry(1, e.at(), "a", "x", "t", "s", "r", "null", null, AuditChain.GENESIS, null);

            assertThat(AuditChain.hash(nullBefore)).isNotEqualTo(AuditChain.hash(textNull));
        }
    }

    @Nested
    class Walk {

        @Test
        void shouldFindAnIntactChainIntact() {
            List<AuditEntry> entries = chain(5);

            ChainWalk walk =
                    ChainWalk.start().then(entries).against(5, entries.get(4).hash());

            assertThat(walk.intact()).isTrue();
            assertThat(walk.entries()).isEqualTo(5);
        }

        @Test
        void shouldNameAnEditedEntry() {
            List<AuditEntry> entries = new ArrayList<>(chain(5));
            entries.set(2, withActor(entries.get(2), "nobody"));

            ChainWalk walk =
                    ChainWalk.start().then(entries).against(5, entries.get(4).hash());

            assertThat(walk.firstBrokenSeq()).isEqualTo(3L);
            assertThat(walk.entries()).isEqualTo(5);
        }

        @Test
        void shouldNameTheNextEntryWhenAnEditedEntryWasResealed() {
            List<AuditEntry> entries = new ArrayList<>(chain(5));
            entries.set(1, AuditChain.seal(withActor(entries.get(1), "nobody")));

            assertThat(ChainWalk.start().then(entries).firstBrokenSeq()).isEqualTo(3L);
        }

        @Test
        void shouldNameARemovedEntry() {
            List<AuditEntry> entries = new ArrayList<>(chain(5));
            entries.remove(3);

            assertThat(ChainWalk.start().then(entries).firstBrokenSeq()).isEqualTo(4L);
        }

        @Test
        void shouldNameEntriesRemovedFromTheEnd() {
            List<AuditEntry> entries = chain(5);

            ChainWalk walk = ChainWalk.start()
                    .then(entries.subList(0, 3))
                    .against(5, entries.get(4).hash());

            assertThat(walk.firstBrokenSeq()).isEqualTo(4L);
        }

        @Test
        void shouldWalkInBatchesAsInOne() {
            List<AuditEntry> entries = chain(7);

            ChainWalk batched = ChainWalk.start()
                    .then(entries.subList(0, 3))
                    .then(entries.subList(3, 6))
                    .then(entries.subList(6, 7));

            assertThat(batched).isEqualTo(ChainWalk.start().then(entries));
        }
    }
}
