package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Down: the national catalogue central serves to ministries, {@code GET /api/v1/federation/catalog?since={cursor}}.
 * Every catalogue table at central carries {@code change_seq}, stamped by the platform's
 * {@code catalog_change_stamp()} trigger on insert and update (stamps become visible in increasing order), so a
 * ministry's cursor is the highest stamp it has applied.
 */
public final class CatalogFeed {

    private CatalogFeed() {
    }

    /**
     * One catalogue row as it is at central: its kind ({@code system}, {@code phase}, {@code agency},
     * {@code initiative}, {@code indicator}), id, version, change stamp, owning instance and its data.
     */
    @Schema(name = "CatalogItem", description = "One change of the national catalogue (a System, phase, agency, initiative or indicator; or a tombstone)")
    public record Item(String kind, String id, long version, long seq, String origin, JsonNode data) {
    }

    /** A page of changes after a cursor; {@code next} is the cursor for the following page. */
    @Schema(name = "CatalogPage", description = "Catalogue changes after a cursor, in change order")
    public record Page(List<Item> items, long next, boolean more) {
    }

    /** The instance asking (a ministry's federation client) and the agency it reports for. */
    public record Peer(String instance, String agency) {
    }

    /**
     * Central's side, one per service that owns catalogue data (initiative-service: Systems, phases, agencies,
     * initiatives; kpi-service: indicators). Return the changes after {@code since} in stamp order, at most
     * {@code limit}, leaving out what the peer does not need (initiatives it neither leads nor coordinates) and what
     * the peer itself owns; {@code next} still moves past what was left out.
     */
    public interface Source {
        Page changes(long since, int limit, Peer peer);
    }

    /**
     * A ministry's side: upsert one item into the local replica, keeping the item's origin so that local writes to it
     * are refused (409 read-only-replica), and announce it on the local topics when other local services replicate
     * it. Called inside the transaction that moves the cursor; throwing fails the page, which is pulled again.
     */
    public interface Sink {
        void apply(Item item);
    }
}
