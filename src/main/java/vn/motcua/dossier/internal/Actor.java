package vn.motcua.dossier.internal;

/** Who acts on a dossier, as they are at that moment: kept on every event, never rewritten. */
public record Actor(String username, String displayName, String agencyCode, String postTitle) {

    public static Actor system() {
        return new Actor("system", "Hệ thống", null, null);
    }
}
