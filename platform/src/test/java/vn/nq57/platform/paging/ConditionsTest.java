package vn.nq57.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.nq57.platform.federation.OriginFilter;

/** A list's filters become conditions only when given, with their parameters bound as the list's rules say. */
class ConditionsTest {

    @Test
    void noFilterGivenIsEveryRow() {
        Conditions c = new Conditions().and("a.status = :status", "status", null).code("a.code = :code", "code", " ")
                .search("a.searchText like :q", "q", "").text("a.subject = :subject", "subject", null)
                .origin(null, "a.origin");
        assertEquals("1 = 1", c.where());
        assertEquals(Map.of(), c.params().map());
    }

    @Test
    void aCodeIsTrimmedAndUpperCasedAndASearchIsFoldedWithoutAccents() {
        Conditions c = new Conditions().code("a.agency = :agency", "agency", "  bkhcn ")
                .search("a.searchText like :q", "q", " Chuyển đổi SỐ ").and("a.year = :year", "year", 2026);
        assertEquals("1 = 1 and a.agency = :agency and a.searchText like :q and a.year = :year", c.where());
        assertEquals(Map.of("agency", "BKHCN", "q", "%chuyen doi so%", "year", 2026), c.params().map());
    }

    @Test
    void theOwnerFilterIsAColumnValueOrThisInstancesOwnRows() {
        Conditions other = new Conditions().origin(new OriginFilter.Filter("bkhcn"), "m.origin");
        assertEquals("1 = 1 and m.origin = :origin", other.where());
        assertEquals(Map.of("origin", "bkhcn"), other.params().map());
        Conditions own = new Conditions().origin(new OriginFilter.Filter(null), "m.origin");
        assertEquals("1 = 1 and m.origin is null", own.where());
        assertEquals(Map.of(), own.params().map());
    }

    @Test
    void aConditionWhoseTextDependsOnTheFilterBindsItsOwnParameters() {
        boolean open = true;
        Conditions c = new Conditions()
                .and(open ? "w.status <> :resolved" : "w.status = :resolved", "resolved", "RESOLVED")
                .and("never", "unused", null).and("w.id in :ids", "ids", List.of(1, 2));
        assertEquals("1 = 1 and w.status <> :resolved and w.id in :ids", c.where());
        assertEquals(Map.of("resolved", "RESOLVED", "ids", List.of(1, 2)), c.params().map());
    }
}
