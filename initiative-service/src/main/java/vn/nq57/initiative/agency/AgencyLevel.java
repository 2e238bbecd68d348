package vn.nq57.initiative.agency;

public enum AgencyLevel {
    CENTRAL_BODY, MINISTRY, PROVINCE, AGENCY_UNIT, ENTERPRISE, INSTITUTE
}
