package org.ggzy.sgw.gateway.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.ggzy.sgw.gateway.lifecycle.LifecycleOutcome;
import org.ggzy.sgw.gateway.record.RecordStatus;
import org.ggzy.sgw.schemas.Violation;

/** One record's line in a receipt. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record RecordOutcome(
        int index,
        Integer line,
        String dataKey,
        RecordStatus status,
        Integer version,
        List<Violation> violations,
        List<String> unknownFields,
        List<LifecycleOutcome.WarningRef> warnings) {

    RecordOutcome withWarnings(List<LifecycleOutcome.WarningRef> raised) {
        return new RecordOutcome(index, line, dataKey, status, version, violations, unknownFields, raised);
    }
}
