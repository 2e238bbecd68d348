package vn.nq57.initiative.agency;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.nq57.initiative.agency.AgencyViews.AgencyNode;
import vn.nq57.initiative.agency.AgencyViews.AgencyRequest;
import vn.nq57.initiative.agency.AgencyViews.AgencyView;
import vn.nq57.initiative.events.InitiativeEvents;
import vn.nq57.platform.InstanceConfig;
import vn.nq57.platform.audit.AuditTrail;
import vn.nq57.platform.error.ApiException;
import vn.nq57.platform.federation.Federation;
import vn.nq57.platform.http.ETags;
import vn.nq57.platform.outbox.Outbox;
import vn.nq57.platform.paging.Conditions;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;

@ApplicationScoped
public class AgencyService {

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    InstanceConfig instance;

    @Inject
    Federation federation;

    public Page<AgencyView> list(AgencyLevel level, String parentCode, String text, PageRequest page) {
        Conditions c = new Conditions()
                .and("a.level = :level", "level", level)
                .code("a.parent.code = :parent", "parent", parentCode)
                .search("a.searchText like :q", "q", text);
        var query = Agency.<Agency>find("from Agency a left join fetch a.parent where " + c.where(), Sort.by("a.code"),
                c.params());
        long total = Agency.count("from Agency a where " + c.where(), c.params());
        List<AgencyView> items = query.page(page.page, page.size).list().stream().map(AgencyView::of).toList();
        return Page.of(items, page, total);
    }

    /** The whole tree (or one subtree), in one query. */
    public List<AgencyNode> tree(AgencyLevel level, String rootCode) {
        List<Agency> all = Agency.<Agency>find("from Agency a left join fetch a.parent").list();
        Map<UUID, List<Agency>> children = new HashMap<>();
        List<Agency> roots = new ArrayList<>();
        for (Agency a : all) {
            if (a.parent == null) {
                roots.add(a);
            } else {
                children.computeIfAbsent(a.parent.id, k -> new ArrayList<>()).add(a);
            }
        }
        if (rootCode != null && !rootCode.isBlank()) {
            Agency root = all.stream().filter(a -> a.code.equalsIgnoreCase(rootCode.trim())).findFirst()
                    .orElseThrow(() -> ApiException.notFound("Agency", rootCode));
            roots = List.of(root);
        }
        return roots.stream().sorted(Comparator.comparing(a -> a.code))
                .map(a -> node(a, children, level)).toList();
    }

    private AgencyNode node(Agency a, Map<UUID, List<Agency>> children, AgencyLevel level) {
        List<AgencyNode> kids = children.getOrDefault(a.id, List.of()).stream()
                .sorted(Comparator.comparing(c -> c.code))
                .map(c -> node(c, children, level))
                .filter(n -> level == null || n.level() == level || !n.children().isEmpty())
                .toList();
        return new AgencyNode(a.id, a.code, a.nameVi, a.nameEn, a.level, kids);
    }

    public Agency get(UUID id) {
        Agency a = Agency.findById(id);
        if (a == null) {
            throw ApiException.notFound("Agency", id);
        }
        return a;
    }

    public Agency getByCode(String code) {
        return Agency.byCode(code).orElseThrow(() -> ApiException.notFound("Agency", code));
    }

    /** An agency named in a request: unknown is 422 naming the field. */
    public Agency referenced(String field, String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return Agency.byCode(code).orElseThrow(() -> ApiException.unprocessable("agency " + code + " does not exist")
                .with("field", field));
    }

    @Transactional
    public Agency create(AgencyRequest request) {
        String code = request.code().trim().toUpperCase();
        federation.requireCatalogueWritable("Agency", code);
        if (Agency.byCode(code).isPresent()) {
            throw ApiException.conflict("agency " + code + " already exists");
        }
        Agency a = new Agency();
        a.id = UUID.randomUUID();
        a.code = code;
        a.originInstance = instance.id();
        a.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(a, request);
        a.persist();
        AgencyView after = AgencyView.of(a);
        audit.record("agency.created", "agency", a.id, null, after);
        outbox.publish(InitiativeEvents.TOPIC, InitiativeEvents.AGENCY_CREATED, "agency", a.id, a.version, after);
        return a;
    }

    @Transactional
    public Agency update(UUID id, String ifMatch, AgencyRequest request) {
        Agency a = get(id);
        federation.requireCatalogueWritable("Agency", a.code);
        federation.requireOwned(a.origin, "Agency", a.code);
        ETags.require(ifMatch, a.version);
        if (!a.code.equalsIgnoreCase(request.code().trim())) {
            throw ApiException.badRequest("code", "an agency's code cannot change (it is the scope key in tokens)");
        }
        AgencyView before = AgencyView.of(a);
        apply(a, request);
        Agency.getEntityManager().flush();
        AgencyView after = AgencyView.of(a);
        audit.record("agency.updated", "agency", a.id, before, after);
        outbox.publish(InitiativeEvents.TOPIC, InitiativeEvents.AGENCY_UPDATED, "agency", a.id, a.version, after);
        return a;
    }

    private void apply(Agency a, AgencyRequest request) {
        // resolve references before changing the entity: a query on a dirty entity's table flushes it early
        Agency parent = referenced("parentCode", request.parentCode());
        a.nameVi = request.nameVi().trim();
        a.nameEn = request.nameEn() == null ? null : request.nameEn().trim();
        a.level = request.level();
        for (Agency p = parent; p != null; p = p.parent) {
            if (p.id.equals(a.id)) {
                throw ApiException.unprocessable("agency " + a.code + " cannot be placed below itself")
                        .with("field", "parentCode");
            }
        }
        a.parent = parent;
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }
}
