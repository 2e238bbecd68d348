package vn.nq57.budget.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An allocation's lifecycle as a plain rule: PLANNED → APPROVED, and cancelled from either; nothing after that. */
class AllocationStatusTest {

    @Test
    void plannedIsApprovedOrCancelledAndApprovedCanOnlyBeCancelled() {
        assertEquals(List.of(AllocationStatus.APPROVED, AllocationStatus.CANCELLED), AllocationStatus.PLANNED.allowedNext());
        assertEquals(List.of(AllocationStatus.CANCELLED), AllocationStatus.APPROVED.allowedNext());
        assertEquals(List.of(), AllocationStatus.CANCELLED.allowedNext());
    }
}
