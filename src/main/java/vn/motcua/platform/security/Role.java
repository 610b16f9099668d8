package vn.motcua.platform.security;

/** What a signed-in person may do. Citizens use the portal; all other roles are officers' roles. */
public enum Role {
    CITIZEN, RECEPTION_OFFICER, HANDLING_OFFICER, UNIT_LEADER, ADMIN, AUDITOR,
    /** Đại biểu Hội đồng nhân dân: reads the questions oversight of the agencies of their province or ward. */
    COUNCIL_MEMBER;

    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isOfficer() {
        return this != CITIZEN;
    }
}
