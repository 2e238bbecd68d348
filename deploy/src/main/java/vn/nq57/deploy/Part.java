package vn.nq57.deploy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * What every part of the sample works with: the users' clients, the calls' runner, the report, the ids of the
 * initiatives loaded (by code; the initiatives part fills it, the others read it) and the day the sample is loaded.
 */
abstract class Part {

    protected final Clients clients;
    protected final Calls calls;
    protected final Report report;
    protected final Map<String, UUID> initiativeIds;
    protected final LocalDate today;

    Part(Clients clients, Calls calls, Report report, Map<String, UUID> initiativeIds, LocalDate today) {
        this.clients = clients;
        this.calls = calls;
        this.report = report;
        this.initiativeIds = initiativeIds;
        this.today = today;
    }
}
