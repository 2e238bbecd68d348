package vn.nq57.platform.federation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.security.Caller;
import vn.nq57.platform.security.Roles;

/** Federation between a ministry instance and central (DESIGN.md §3 Federation), the same in every service. */
@Path("/api/v1/federation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Federation", description = "Ministry instances report to central; central serves the catalogue")
public class FederationResource {

    /** The claim naming the instance a federation client belongs to. */
    public static final String INSTANCE_CLAIM = "instance";

    @Inject
    Federation federation;

    @Inject
    FederationReceiver receiver;

    @Inject
    Instance<CatalogFeed.Source> sources;

    @Inject
    CatalogPuller puller;

    @Inject
    FederationForwarder forwarder;

    @Inject
    FederationHealth health;

    @Inject
    Caller caller;

    @Inject
    FederationConfig config;

    @Inject
    AuditTrail audit;

    @Inject
    FederationConflicts conflicts;

    /** A ministry's batch of its own events. */
    @Schema(name = "FederationEventBatch", description = "A batch of CloudEvents a ministry instance forwards to central")
    public record EventBatch(@NotNull @Size(max = 500) List<@NotNull JsonNode> events) {
    }

    /** An operator's request to send again or pull again from a cursor. */
    @Schema(name = "FederationResync", description = "Where to restart federation from: outbox position and/or catalogue cursor")
    public record Resync(@PositiveOrZero Long forwardFrom, @PositiveOrZero Long catalogueFrom) {
    }

    /** What an on-demand sync or a resync did. */
    @Schema(name = "FederationSyncResult", description = "What a sync or resync did")
    public record SyncResult(Integer catalogueApplied, Long catalogueCursor, Integer eventsToResend,
                             Integer eventsForwarded, Long forwardCursor) {
    }

    @POST
    @Path("/events")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FEDERATION)
    @Operation(summary = "Take a ministry's events (central)", description = "Up to 500 CloudEvents the calling "
            + "ministry originated, in its commit order. Answers per event: APPLIED, DUPLICATE (event id seen before), "
            + "SUPERSEDED (an older version than the one applied for its aggregate), IGNORED (a type this service does "
            + "not take), PARKED (cannot apply yet; retried, later events of the aggregate wait behind it), REJECTED "
            + "(origin is not the caller's instance, or it would change data the caller does not own) or INVALID.")
    public FederationReceiver.Answer events(@NotNull @Valid EventBatch batch,
                                            @Parameter(description = "How many events the ministry still has to "
                                                    + "send after this batch (shown in central's federation health)",
                                                    example = "0")
                                            @HeaderParam("X-NQ57-Pending") Long pendingAtOrigin) {
        if (federation.isMinistry()) {
            throw ApiException.conflict("this is a ministry instance; events are taken by the central instance");
        }
        if (!config.intakeEnabled()) {
            throw ApiException.forbidden("this instance does not take federated events (nq57.federation.intake-enabled=false)");
        }
        if (caller.agency() == null) {
            throw ApiException.forbidden("a federation token must carry the agency claim (the agency its instance "
                    + "reports for)");
        }
        return receiver.receive(sender(), caller.agency(), batch.events(), pendingAtOrigin);
    }

    @GET
    @Path("/catalog")
    @RolesAllowed({Roles.FEDERATION, Roles.CENTRAL_ADMIN})
    @Operation(summary = "Catalogue changes after a cursor (central)", description = "Systems, phases, agencies, the "
            + "initiatives the calling ministry leads or coordinates, and indicators, in change order; pass the "
            + "answer's next as since for the following page.")
    public CatalogFeed.Page catalog(@Parameter(description = "The cursor: the `next` of the previous page (0: from the start)",
                                        example = "0")
                                @QueryParam("since") @DefaultValue("0") @PositiveOrZero long since,
                                @Parameter(description = "Changes per page, 1 to 1000", example = "500")
                                @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(1000) int limit) {
        if (!sources.isResolvable()) {
            throw ApiException.notFound("catalogue of service", "this service");
        }
        String instance = caller.hasRole(Roles.FEDERATION) ? sender() : null;
        return sources.get().changes(since, limit, new CatalogFeed.Peer(instance, caller.agency()));
    }

    @GET
    @Path("/health")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Federation health", description = "A ministry: events waiting for central and the age of the "
            + "oldest, the cursor, last success, failures and why; the catalogue pull. Central: per ministry, when it "
            + "last sent, the lag of its last event, its backlog, counts by answer, parked events, last rejection.")
    public FederationHealth.View health() {
        return health.view();
    }

    @POST
    @Path("/sync")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Pull the catalogue and forward pending events now (ministry)")
    public SyncResult sync() {
        requireMinistry();
        CatalogPuller.Pull pull = puller.active() ? puller.pull() : null;
        int forwarded = 0;
        FederationForwarder.Round round;
        do {
            round = forwarder.forwardOnce();
            forwarded += round.sent();
        } while (round.sent() > 0);
        return new SyncResult(pull == null ? null : pull.applied(), pull == null ? null : pull.cursor(), null,
                forwarded, null);
    }

    @POST
    @Path("/resync")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Send again / pull again from a cursor (ministry)", description = "forwardFrom: every own "
            + "event after that outbox position is sent to central again (central drops what it has); catalogueFrom: "
            + "the next pull starts there (0: the whole catalogue). Audited.")
    public SyncResult resync(@NotNull @Valid Resync request) {
        requireMinistry();
        if (request.forwardFrom() == null && request.catalogueFrom() == null) {
            throw ApiException.badRequest("forwardFrom", "give forwardFrom, catalogueFrom or both");
        }
        Integer resend = request.forwardFrom() == null ? null : forwarder.resendFrom(request.forwardFrom());
        if (request.catalogueFrom() != null) {
            puller.resetCursor(request.catalogueFrom());
        }
        audit.record("federation.resync", "federation", federation.instanceId(), null,
                Map.of("forwardFrom", String.valueOf(request.forwardFrom()),
                        "catalogueFrom", String.valueOf(request.catalogueFrom()),
                        "eventsToResend", String.valueOf(resend)));
        return new SyncResult(null, request.catalogueFrom(), resend, null, request.forwardFrom());
    }

    @GET
    @Path("/conflicts")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Writes central refused", description = "A ministry: its own events central answered "
            + "REJECTED or INVALID (with central's reason), for its admins to resolve. Central: the ministries' events it "
            + "refused (origin filters one ministry). Open ones unless all=true; newest first.")
    public vn.nq57.platform.paging.Page<FederationConflicts.View> conflicts(
            @Parameter(description = "Also the resolved ones", example = "false") @QueryParam("all") @DefaultValue("false") boolean all,
            @Parameter(description = "(central) One ministry's", example = "bkhcn") @QueryParam("origin") @Size(max = 50) String origin,
            @jakarta.ws.rs.BeanParam @Valid vn.nq57.platform.paging.PageRequest page) {
        if (federation.isMinistry() ? !caller.hasRole(Roles.MINISTRY_ADMIN) && !caller.hasRole(Roles.CENTRAL_ADMIN)
                : !caller.hasRole(Roles.CENTRAL_ADMIN)) {
            throw ApiException.forbidden("central's list of the ministries' refused writes is for central admins");
        }
        return conflicts.list(all, origin, page);
    }

    @POST
    @Path("/conflicts/{eventId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN})
    @Operation(summary = "Resolve a refused write", description = "A ministry: RESUBMIT (send the event and the later "
            + "events of its record again, e.g. after central handed the record over; refused again, it reopens), "
            + "WITHDRAW (central's data stands) or ASK_CENTRAL. Central: KEEP_CENTRAL with the reason in note. Audited "
            + "on the record; 409 when resolved already.")
    public FederationConflicts.View resolve(@jakarta.ws.rs.PathParam("eventId") java.util.UUID eventId,
                                            @NotNull @Valid FederationConflicts.Decision decision) {
        if (!federation.isMinistry() && !caller.hasRole(Roles.CENTRAL_ADMIN)) {
            throw ApiException.forbidden("central's conflicts are resolved by central admins");
        }
        FederationConflicts.View resolved = conflicts.resolve(eventId, decision);
        if (decision.action() == FederationConflicts.Resolution.RESUBMIT) {
            forwarder.wake();
        }
        return resolved;
    }

    @GET
    @Path("/conflicts/decisions")
    @RolesAllowed({Roles.FEDERATION, Roles.CENTRAL_ADMIN})
    @Operation(summary = "Central's decisions about a ministry's refused writes (central)", description = "The "
            + "conflicts central resolved (KEEP_CENTRAL with its reason) after a time, oldest decision first: a "
            + "ministry's instance pulls those of its own events with its federation token and resolves them on its "
            + "side (a central admin names the ministry with origin).")
    public List<FederationConflicts.View> decisions(
            @Parameter(description = "Decisions after this time, epoch milliseconds (0: all)", example = "0")
            @QueryParam("after") @DefaultValue("0") @PositiveOrZero long after,
            @Parameter(description = "(central admin) The ministry", example = "bkhcn") @QueryParam("origin") @Size(max = 50) String origin,
            @Parameter(description = "At most this many, 1 to 500", example = "200")
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(500) int limit) {
        if (federation.isMinistry()) {
            throw ApiException.conflict("this is a ministry instance; central serves its decisions");
        }
        String of = caller.hasRole(Roles.FEDERATION) ? sender() : origin;
        if (of == null) {
            throw ApiException.badRequest("origin", "name the ministry instance, e.g. bkhcn");
        }
        return conflicts.decisions(of, after, limit);
    }

    @GET
    @Path("/records/{aggregateId}")
    @RolesAllowed({Roles.CENTRAL_ADMIN, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER})
    @Operation(summary = "Whether central holds a record written here (ministry)", description = "LOCAL (not "
            + "forwarded: central's own, a replica, or this is central), PENDING (not sent or not answered yet, or parked "
            + "at central), APPLIED, or REJECTED with central's reason (see the conflicts).")
    public FederationConflicts.Status record(@jakarta.ws.rs.PathParam("aggregateId") @Size(max = 150) String aggregateId) {
        return conflicts.status(aggregateId);
    }

    private String sender() {
        return sender(caller);
    }

    /** The instance of a federation token (its {@code instance} claim); 403 without one. */
    static String sender(Caller caller) {
        String instance = caller.claim(INSTANCE_CLAIM);
        if (instance == null) {
            throw ApiException.forbidden("a federation token must carry the instance claim");
        }
        return instance;
    }

    private void requireMinistry() {
        if (!federation.isMinistry()) {
            throw ApiException.conflict("this is the central instance; sync and resync run at a ministry instance");
        }
    }
}
