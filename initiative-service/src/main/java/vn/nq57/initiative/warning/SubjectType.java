package vn.nq57.initiative.warning;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a warning's subject is")
public enum SubjectType { INITIATIVE, INDICATOR, OUTPUT, OBSTACLE, ALLOCATION }
