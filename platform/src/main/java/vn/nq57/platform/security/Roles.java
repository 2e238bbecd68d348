package vn.nq57.platform.security;

/** The realm roles of DESIGN.md (Keycloak realm {@code nq57}). */
public final class Roles {
    public static final String CENTRAL_ADMIN = "central-admin";
    public static final String MINISTRY_ADMIN = "ministry-admin";
    public static final String DATA_SUBMITTER = "data-submitter";
    public static final String VIEWER = "viewer";
    public static final String FEDERATION = "federation";

    private Roles() {
    }
}
