package vn.nq57.budget.disbursement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Business figures on {@code /q/metrics}: payments and reversals recorded and the VND they moved, counted when their
 * transaction commits (a refused or rolled-back batch counts nothing).
 */
@ApplicationScoped
public class DisbursementMetrics {

    @Inject
    MeterRegistry registry;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private Counter payments;
    private Counter reversals;
    private Counter paidVnd;
    private Counter reversedVnd;

    @PostConstruct
    void register() {
        payments = registry.counter("nq57.budget.disbursements.recorded", "kind", "payment");
        reversals = registry.counter("nq57.budget.disbursements.recorded", "kind", "reversal");
        paidVnd = registry.counter("nq57.budget.disbursed.vnd", "kind", "payment");
        reversedVnd = registry.counter("nq57.budget.disbursed.vnd", "kind", "reversal");
    }

    /** Counts a disbursement of the current transaction once it commits. */
    void recorded(Disbursement d) {
        boolean payment = d.kind == Disbursement.Kind.PAYMENT;
        long amount = Math.abs(d.amount);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    (payment ? payments : reversals).increment();
                    (payment ? paidVnd : reversedVnd).increment(amount);
                }
            }
        });
    }
}
