package vn.nq57.initiative.warning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "INFO: worth knowing; WARNING: act soon; CRITICAL: act now (mailed at once)")
public enum Severity { INFO, WARNING, CRITICAL }
