package vn.nq57.initiative.warning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "OPEN → ACKNOWLEDGED (someone took it up) → RESOLVED (its cause went away, by itself)")
public enum WarningStatus { OPEN, ACKNOWLEDGED, RESOLVED }
