package vn.nq57.initiative.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The initiative's lifecycle as a plain rule: DRAFT → APPROVED → IN_PROGRESS → COMPLETED, suspend and cancel. */
class InitiativeStatusTest {

    @Test
    void theMainPathGoesForwardOneStepAtATime() {
        assertTrue(InitiativeStatus.DRAFT.allowedNext().contains(InitiativeStatus.APPROVED));
        assertTrue(InitiativeStatus.APPROVED.allowedNext().contains(InitiativeStatus.IN_PROGRESS));
        assertTrue(InitiativeStatus.IN_PROGRESS.allowedNext().contains(InitiativeStatus.COMPLETED));
        assertFalse(InitiativeStatus.DRAFT.allowedNext().contains(InitiativeStatus.IN_PROGRESS), "no step skipped");
        assertFalse(InitiativeStatus.APPROVED.allowedNext().contains(InitiativeStatus.DRAFT), "no step back");
    }

    @Test
    void anyStateThatIsNotFinalCanBeSuspendedOrCancelledAndASuspendedOneResumes() {
        for (InitiativeStatus s : InitiativeStatus.values()) {
            if (s.isFinal()) {
                assertEquals(Set.of(), s.allowedNext(), s + " is final");
            } else {
                assertTrue(s.allowedNext().contains(InitiativeStatus.CANCELLED), s + " can be cancelled");
                assertTrue(s == InitiativeStatus.SUSPENDED || s.allowedNext().contains(InitiativeStatus.SUSPENDED),
                        s + " can be suspended");
            }
        }
        assertEquals(EnumSet.of(InitiativeStatus.IN_PROGRESS, InitiativeStatus.CANCELLED),
                InitiativeStatus.SUSPENDED.allowedNext());
        assertEquals(EnumSet.of(InitiativeStatus.COMPLETED, InitiativeStatus.CANCELLED),
                EnumSet.copyOf(java.util.Arrays.stream(InitiativeStatus.values()).filter(InitiativeStatus::isFinal).toList()));
    }
}
