package org.ggzy.sgw.adapters;

import java.util.List;

/**
 * A party's standing in the credit database (信用信息库).
 *
 * @param partyCode the party's 统一社会信用代码
 * @param dishonest whether it is under joint punishment (失信联合惩戒) now
 * @param records the credit records behind the answer (as the credit database gave them, JSON text each)
 */
public record CreditStatus(String partyCode, boolean dishonest, List<String> records) {

    public CreditStatus {
        records = records == null ? List.of() : List.copyOf(records);
    }
}
