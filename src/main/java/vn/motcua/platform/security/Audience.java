package vn.motcua.platform.security;

/** The two audiences Motcua serves: citizens in the public portal, officers in the workbench. */
public enum Audience {
    CITIZEN, OFFICER
}
