package vn.nq57.initiative.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import vn.nq57.platform.outbox.Outbox;

/** A write that stores its event and then fails, so that its transaction rolls back. */
@ApplicationScoped
public class RollbackProbe {

    @Inject
    Outbox outbox;

    @Transactional
    public void publishThenFail(String aggregateId) {
        outbox.publish("nq57.initiatives.v1", "nq57.test.rolled-back.v1", "test", aggregateId, 0, Map.of("x", 1));
        throw new IllegalStateException("the write fails after its event was stored");
    }
}
