package vn.nq57.initiative.obligation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "DEFAULT: derived from the indicator (its reporting agencies, else its initiative's lead and "
        + "coordinating agencies, else its owner) and kept in step with it; MANUAL: created or edited by a central "
        + "admin, never changed by the defaults")
public enum ObligationSource { DEFAULT, MANUAL }
