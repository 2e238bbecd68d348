package vn.nq57.initiative.federation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import vn.nq57.platform.federation.Handover;

/**
 * initiative-service's rows of a ministry (issue #20): the initiatives its agencies lead, with their coordinators,
 * outputs, milestones, status history and obstacles.
 */
@ApplicationScoped
public class InitiativeHandover implements Handover {

    private static final String OWNED = "t.initiative_id IN (SELECT i.id FROM initiative i WHERE i.origin = ?1)";

    @Override
    public List<Kind> kinds() {
        return List.of(
                Kind.owner("initiative", "initiative",
                        "t.lead_agency_id IN (SELECT a.id FROM agency a WHERE a.code = ANY(string_to_array(?2, ',')))", "version",
                        "origin_instance"),
                Kind.child("initiative-coordinator", "initiative_coordinator",
                        "t.initiative_id::text || '/' || t.agency_id::text", OWNED, "initiative", "initiative_id"),
                Kind.owner("initiative-output", "initiative_output", OWNED, "version"),
                Kind.child("initiative-milestone", "initiative_milestone", "id", OWNED, "initiative", "initiative_id"),
                Kind.child("initiative-transition", "initiative_transition", "id", OWNED, "initiative",
                        "initiative_id"),
                Kind.owner("obstacle", "obstacle", OWNED, "version", "origin_instance"));
    }
}
