package vn.nq57.initiative.agency;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The kind of an agency in the tree")
public enum AgencyLevel {
    CENTRAL_BODY, MINISTRY, PROVINCE, AGENCY_UNIT, ENTERPRISE, INSTITUTE
}
