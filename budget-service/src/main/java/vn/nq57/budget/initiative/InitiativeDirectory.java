package vn.nq57.budget.initiative;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import vn.nq57.budget.initiative.InitiativeViews.InitiativeFacts;
import vn.nq57.budget.initiative.InitiativeViews.InitiativeRegistration;
import vn.nq57.budget.initiative.InitiativeViews.InitiativeView;
import vn.nq57.platform.agency.ReplicaAgencyHierarchy;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.error.Problem;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.paging.Conditions;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.AgencyAccess;
import vn.nq57.platform.security.Roles;

/**
 * The one place budget-service learns about initiatives. Until the {@code nq57.initiatives.v1} feed arrives, any
 * initiative UUID is accepted: an unknown one is entered into the replica from the facts the request carries (code,
 * System, lead agency, key flag). When the feed arrives, {@link #resolve} refuses unknown ids instead, and entries
 * that came from the feed can no longer be changed through the API.
 */
@ApplicationScoped
public class InitiativeDirectory {

    @Inject
    ReplicaAgencyHierarchy agencies;

    @Inject
    AgencyAccess access;

    @Inject
    AuditTrail audit;

    @Inject
    EntityManager em;

    /** The initiative {@code id}, entered into the replica from {@code facts} when it is not known yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public InitiativeReplica resolve(UUID id, InitiativeFacts facts, String field) {
        InitiativeReplica known = em.find(InitiativeReplica.class, id);
        if (known != null && "CANCELLED".equals(known.status)) {
            throw ApiException.unprocessable("initiative " + (known.code == null ? id : known.code)
                    + " is cancelled; it gets no new allocations").with("field", "initiativeId");
        }
        if (known == null && facts == null) {
            throw ApiException.unprocessable("initiative " + id + " is not known here: initiative-service publishes "
                    + "every initiative (a new one arrives within seconds), or register it with its facts under '"
                    + field + "'").with("field", "initiativeId");
        }
        if (known != null) {
            if (facts != null) {
                List<String> mismatches = new ArrayList<>();
                mismatch(mismatches, "code", facts.code(), known.code);
                mismatch(mismatches, "system", upper(facts.system()), known.systemCode);
                mismatch(mismatches, "leadAgency", upper(facts.leadAgency()), known.leadAgencyCode);
                if (facts.key() != null && facts.key() != known.key) {
                    mismatches.add("key is " + known.key);
                }
                if (!mismatches.isEmpty()) {
                    throw ApiException.conflict("initiative " + id + " is known here with other facts: "
                            + String.join(", ", mismatches) + " (correct it with PUT /api/v1/initiatives/" + id + ")");
                }
            }
            return known;
        }
        List<Problem.Violation> missing = new ArrayList<>();
        if (facts == null || facts.system() == null || facts.system().isBlank()) {
            missing.add(new Problem.Violation(field + ".system", "required for an initiative this service does not know yet"));
        }
        if (facts == null || facts.leadAgency() == null || facts.leadAgency().isBlank()) {
            missing.add(new Problem.Violation(field + ".leadAgency", "required for an initiative this service does not know yet"));
        }
        if (!missing.isEmpty()) {
            throw ApiException.badRequest("initiative " + id + " is not known here yet: give its system and lead agency",
                    missing);
        }
        String lead = agency(field + ".leadAgency", facts.leadAgency());
        InitiativeReplica r = new InitiativeReplica();
        r.id = id;
        r.code = facts.code() == null || facts.code().isBlank() ? null : upper(facts.code());
        r.systemCode = upper(facts.system());
        r.leadAgencyCode = lead;
        r.key = Boolean.TRUE.equals(facts.key());
        r.source = InitiativeReplica.FROM_REQUEST;
        r.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        r.persist();
        em.flush();
        audit.record("initiative-replica.registered", "initiative", r.id, null, InitiativeView.of(r));
        return r;
    }

    /**
     * Applies an initiative event of initiative-service ({@code nq57.initiative.created|updated|status-changed.v1}):
     * the entry now comes from the feed; an event older than the one applied last is skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyEvent(com.fasterxml.jackson.databind.JsonNode d, long aggregateVersion) {
        UUID id = UUID.fromString(d.get("id").asText());
        InitiativeReplica r = em.find(InitiativeReplica.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (r != null && r.sourceVersion != null && r.sourceVersion >= aggregateVersion) {
            return;
        }
        boolean created = r == null;
        InitiativeView before = created ? null : InitiativeView.of(r);
        if (created) {
            r = new InitiativeReplica();
            r.id = id;
        }
        r.code = upper(d.path("code").asText(r.code));
        r.systemCode = upper(d.path("system").asText(r.systemCode));
        r.leadAgencyCode = upper(d.path("leadAgencyCode").asText(r.leadAgencyCode));
        r.status = d.hasNonNull("status") ? upper(d.get("status").asText()) : r.status;
        r.key = d.path("key").asBoolean(r.key);
        r.source = InitiativeReplica.FROM_EVENT;
        r.sourceVersion = aggregateVersion;
        r.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            r.persist();
        }
        em.flush();
        audit.record("initiative-replica.synchronised", "initiative", r.id, before, InitiativeView.of(r));
    }

    public InitiativeReplica get(UUID id) {
        InitiativeReplica r = InitiativeReplica.findById(id);
        if (r == null) {
            throw ApiException.notFound("Initiative", id);
        }
        return r;
    }

    /** Registers or corrects an initiative (interim: central-admin, or a ministry-admin of its lead agency). */
    @Transactional
    public RegistrationResult register(UUID id, String ifMatch, InitiativeRegistration request) {
        String lead = agency("leadAgency", request.leadAgency());
        access.requireRoleInScope(lead, Roles.MINISTRY_ADMIN);
        InitiativeReplica r = em.find(InitiativeReplica.class, id, LockModeType.PESSIMISTIC_WRITE);
        InitiativeView before = null;
        boolean created = r == null;
        if (created) {
            r = new InitiativeReplica();
            r.id = id;
            r.source = InitiativeReplica.FROM_REQUEST;
        } else {
            ETags.require(ifMatch, r.version);
            if (InitiativeReplica.FROM_EVENT.equals(r.source)) {
                throw ApiException.conflict("initiative " + id + " comes from the initiative feed and is read-only here");
            }
            access.requireRoleInScope(r.leadAgencyCode, Roles.MINISTRY_ADMIN);
            before = InitiativeView.of(r);
        }
        r.code = request.code() == null || request.code().isBlank() ? null : upper(request.code());
        r.systemCode = upper(request.system());
        r.leadAgencyCode = lead;
        r.status = request.status() == null || request.status().isBlank() ? null : upper(request.status());
        r.key = Boolean.TRUE.equals(request.key());
        r.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (created) {
            r.persist();
        }
        em.flush();
        InitiativeView after = InitiativeView.of(r);
        audit.record(created ? "initiative-replica.registered" : "initiative-replica.updated", "initiative", r.id,
                before, after);
        return new RegistrationResult(after, created);
    }

    public record RegistrationResult(InitiativeView view, boolean created) {
    }

    public Page<InitiativeView> list(String system, String leadAgency, Boolean key, PageRequest page) {
        Conditions c = new Conditions()
                .code("systemCode = :system", "system", system)
                .code("leadAgencyCode = :lead", "lead", leadAgency)
                .and("key = :key", "key", key);
        var query = InitiativeReplica.<InitiativeReplica>find(c.where(), Sort.by("code").and("id"), c.params());
        long total = query.count();
        return Page.of(query.page(page.page, page.size).list().stream().map(InitiativeView::of).toList(), page, total);
    }

    private String agency(String field, String code) {
        if (!agencies.exists(code)) {
            throw ApiException.badRequest(field, "agency '" + code + "' does not exist");
        }
        return upper(code);
    }

    private static void mismatch(List<String> out, String name, String given, String known) {
        if (given != null && !given.isBlank() && !Objects.equals(upper(given), known)) {
            out.add(name + " is " + known);
        }
    }

    static String upper(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }
}
