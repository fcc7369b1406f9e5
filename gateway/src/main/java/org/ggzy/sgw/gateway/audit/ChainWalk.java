package org.ggzy.sgw.gateway.audit;

import java.util.List;

/**
 * The state of a walk along the chain (pure, immutable): entries seen, the first broken link, and the last entry's
 * seq and stored hash. A link is broken when an entry's seq does not follow the one before (a removed entry: the
 * missing seq is named), its {@code prevHash} is not the stored hash of the entry before, or its stored hash is not
 * the hash of its fields.
 *
 * @param entries how many entries were walked
 * @param firstBrokenSeq the seq of the first broken link, {@code null} while the chain is intact
 * @param lastSeq the seq of the last entry walked (0 before the first)
 * @param lastHash the stored hash of the last entry walked ({@link AuditChain#GENESIS} before the first)
 */
record ChainWalk(long entries, Long firstBrokenSeq, long lastSeq, String lastHash) {

    static ChainWalk start() {
        return new ChainWalk(0, null, 0, AuditChain.GENESIS);
    }

    ChainWalk then(AuditEntry e) {
        Long broken = firstBrokenSeq;
        if (broken == null) {
            if (e.seq() != lastSeq + 1) {
                broken = lastSeq + 1;
            } else if (!e.prevHash().equals(lastHash) || !e.selfConsistent()) {
                broken = e.seq();
            }
        }
        return new ChainWalk(entries + 1, broken, e.seq(), e.hash());
    }

    ChainWalk then(List<AuditEntry> batch) {
        ChainWalk walk = this;
        for (AuditEntry e : batch) {
            walk = walk.then(e);
        }
        return walk;
    }

    /** The walk checked against the chain head read before it began: entries missing at the end break the chain. */
    ChainWalk against(long headSeq, String headHash) {
        if (firstBrokenSeq != null) {
            return this;
        }
        if (lastSeq < headSeq) {
            return new ChainWalk(entries, lastSeq + 1, lastSeq, lastHash);
        }
        if (lastSeq == headSeq && !lastHash.equals(headHash)) {
            return new ChainWalk(entries, lastSeq, lastSeq, lastHash);
        }
        return this;
    }

    boolean intact() {
        return firstBrokenSeq == null;
    }
}
