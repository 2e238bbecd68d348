package vn.nq57.budget.allocation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where the money comes from. The state sources are the central and local budgets and ODA (which Viet Nam channels
 * through the state budget); ENTERPRISE and SOCIAL are the non-state sources the Resolution wants above 60 %.
 */
@Schema(description = "Where the money comes from (ENTERPRISE and SOCIAL are the non-state sources)")
public enum FundingSource {
    CENTRAL_BUDGET, LOCAL_BUDGET, ODA, ENTERPRISE, SOCIAL, OTHER;

    public boolean isNonState() {
        return this == ENTERPRISE || this == SOCIAL;
    }
}
