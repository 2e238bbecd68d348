package vn.nq57.budget.disbursement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.nq57.budget.allocation.Allocation;
import vn.nq57.budget.disbursement.DisbursementService.Outcome;
import vn.nq57.budget.disbursement.DisbursementService.Payment;
import vn.nq57.budget.disbursement.DisbursementViews.ImportSummary;
import vn.nq57.budget.disbursement.DisbursementViews.ImportCount;
import vn.nq57.budget.disbursement.DisbursementViews.RowResult;
import vn.nq57.budget.disbursement.DisbursementViews.RowStatus;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.Problem;
import vn.nq57.platform.upload.ImportMode;

/**
 * Bulk disbursements (a JSON batch or an uploaded file, read and checked by {@link DisbursementRows}) with a per-row
 * import summary. Each row follows exactly the rules
 * of a single payment. All-or-nothing by default: one rejected row and nothing is written (422 with the summary);
 * {@code PARTIAL} keeps the valid rows. Idempotent on the payment reference: a row already recorded with the same
 * figures is UNCHANGED, so a re-sent file never doubles a payment.
 */
@ApplicationScoped
public class BulkDisbursementService {

    @Inject
    DisbursementService disbursements;

    @Inject
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** What the audit trail keeps of a batch (each disbursement also carries who recorded it, for which agency). */
    record BatchAudit(String source, String mode, ImportCount importCount, List<UUID> disbursementIds) {
    }

    /** Applies the rows in order, in one transaction, with every referenced allocation locked (in id order). */
    @Transactional
    public ImportSummary run(List<DisbursementRows.ParsedRow> rows, ImportMode mode, String source) {
        Map<String, Allocation> byRef = lockAllocations(rows);
        Map<String, Disbursement> known = existingReferences(byRef.values(), rows);
        Map<UUID, ApiException> outOfScope = new HashMap<>();
        for (Allocation a : new LinkedHashSet<>(byRef.values())) {
            try {
                disbursements.requireRecorder(a);
            } catch (ApiException e) {
                outOfScope.put(a.id, e);
            }
        }
        List<RowResult> results = new ArrayList<>(rows.size());
        int forbidden = 0;
        for (DisbursementRows.ParsedRow r : rows) {
            if (!r.problems().isEmpty()) {
                results.add(DisbursementRows.rejected(r, r.problems()));
                continue;
            }
            Allocation locked = byRef.get(DisbursementRows.refKey(r.allocation()));
            if (locked == null) {
                results.add(DisbursementRows.rejected(r, List.of(new Problem.Violation("allocation",
                        "allocation " + r.allocation() + " does not exist"))));
                continue;
            }
            if (outOfScope.containsKey(locked.id)) {
                forbidden++;
                results.add(DisbursementRows.rejected(r, DisbursementRows.reasons(outOfScope.get(locked.id))));
                continue;
            }
            // the row lock is held until the transaction ends; the entity is read again after each row's flush, with
            // its initiative (the payment's event carries the allocation's System)
            Allocation a = em.createQuery("from Allocation a join fetch a.initiative where a.id = :id", Allocation.class)
                    .setParameter("id", locked.id).getSingleResult();
            try {
                Outcome outcome = disbursements.payInScope(a, new Payment(r.date(), r.amount(), r.paymentReference(),
                        r.note()), reference -> known.get(a.id + "|" + reference), false);
                Disbursement d = outcome.disbursement();
                known.put(a.id + "|" + d.paymentReference, d);
                results.add(new RowResult(r.row(), outcome.created() ? RowStatus.IMPORTED : RowStatus.UNCHANGED,
                        r.allocation(), r.paymentReference(), r.amount(), d.id, List.of()));
            } catch (ApiException e) {
                results.add(DisbursementRows.rejected(r, DisbursementRows.reasons(e)));
            }
            // each payment was flushed (one allocation version per payment); keep the persistence context small
            em.clear();
        }
        ImportSummary summary = DisbursementRows.summary(results, mode, forbidden);
        if (summary.committed()) {
            audit.record("disbursement.batch-imported", "disbursement-batch", UUID.randomUUID(), null,
                    new BatchAudit(source, mode.name(), summary.importCount(), results.stream()
                            .filter(x -> x.status() == RowStatus.IMPORTED).map(RowResult::disbursementId).toList()));
        }
        return summary;
    }

    /** Locks the allocations the rows name, in id order (so concurrent batches cannot deadlock); by id and code. */
    private Map<String, Allocation> lockAllocations(List<DisbursementRows.ParsedRow> rows) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> codes = new LinkedHashSet<>();
        for (DisbursementRows.ParsedRow r : rows) {
            if (r.allocation() == null || r.allocation().isBlank()) {
                continue;
            }
            try {
                ids.add(UUID.fromString(r.allocation()));
            } catch (IllegalArgumentException notUuid) {
                codes.add(r.allocation().toUpperCase(Locale.ROOT));
            }
        }
        Set<UUID> all = new LinkedHashSet<>(ids);
        if (!codes.isEmpty()) {
            all.addAll(em.createQuery("select a.id from Allocation a where a.code in :codes", UUID.class)
                    .setParameter("codes", codes).getResultList());
        }
        Map<String, Allocation> byRef = new HashMap<>();
        if (all.isEmpty()) {
            return byRef;
        }
        List<Allocation> locked = em.createQuery("from Allocation a where a.id in :ids order by a.id", Allocation.class)
                .setParameter("ids", all).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (Allocation a : locked) {
            byRef.put(DisbursementRows.refKey(a.id.toString()), a);
            // codes are unique per owning instance: a code names this instance's own allocation before a replica's
            Allocation sameCode = byRef.get(DisbursementRows.refKey(a.code));
            if (sameCode == null || (sameCode.origin != null && a.origin == null)) {
                byRef.put(DisbursementRows.refKey(a.code), a);
            }
        }
        return byRef;
    }

    private Map<String, Disbursement> existingReferences(java.util.Collection<Allocation> allocations,
                                                         List<DisbursementRows.ParsedRow> rows) {
        Map<String, Disbursement> known = new HashMap<>();
        Set<UUID> ids = new LinkedHashSet<>();
        allocations.forEach(a -> ids.add(a.id));
        Set<String> references = new LinkedHashSet<>();
        rows.stream().filter(r -> r.paymentReference() != null).forEach(r -> references.add(r.paymentReference()));
        if (ids.isEmpty() || references.isEmpty()) {
            return known;
        }
        em.createQuery("from Disbursement d where d.allocation.id in :ids and d.kind = :kind "
                        + "and d.paymentReference in :refs", Disbursement.class)
                .setParameter("ids", ids).setParameter("kind", Disbursement.Kind.PAYMENT)
                .setParameter("refs", references).getResultList()
                .forEach(d -> known.put(d.allocation.id + "|" + d.paymentReference, d));
        return known;
    }

}
