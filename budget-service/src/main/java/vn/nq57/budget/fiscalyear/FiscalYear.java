package vn.nq57.budget.fiscalyear;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A fiscal year: the total state budget expenditure and its S&T, innovation and digital-transformation line, so that
 * the Resolution's rule (at least 3 % of annual state spending) can be checked.
 */
@Entity
@Table(name = "fiscal_year")
public class FiscalYear extends PanacheEntityBase {
    @Id
    public UUID id;
    public int year;
    @Column(name = "total_state_expenditure")
    public long totalStateExpenditure;
    @Column(name = "sti_budget")
    public long stiBudget;
    public String note;
    @Column(name = "origin_instance")
    public String originInstance;
    @Version
    public long version;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_by")
    public String updatedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static FiscalYear byYear(int year) {
        return find("year", year).firstResult();
    }
}
