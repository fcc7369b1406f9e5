package org.ggzy.sgw.gateway.push;

import org.ggzy.sgw.gateway.lifecycle.LifecycleService;
import org.ggzy.sgw.gateway.lifecycle.PushLate;
import org.ggzy.sgw.gateway.warning.WarningBus;
import org.springframework.stereotype.Component;

/** What the push path hands its accepted records to: lifecycle and rules, the lag measure, the warning bus. */
@Component
class Supervision {

    private final LifecycleService lifecycle;
    private final PushLate pushLate;
    private final WarningBus bus;

    Supervision(LifecycleService lifecycle, PushLate pushLate, WarningBus bus) {
        this.lifecycle = lifecycle;
        this.pushLate = pushLate;
        this.bus = bus;
    }

    LifecycleService lifecycle() {
        return lifecycle;
    }

    PushLate pushLate() {
        return pushLate;
    }

    WarningBus bus() {
        return bus;
    }
}
