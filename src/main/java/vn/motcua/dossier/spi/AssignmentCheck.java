package vn.motcua.dossier.spi;

/**
 * A port for modules above the dossier module that may refuse giving a dossier's step to a named officer (the
 * assistant's training: an officer who has not completed a procedure's training, when the setting blocks it). The
 * dossier module consults every implementation inside the assignment's transaction (a refusal rolls it back).
 */
public interface AssignmentCheck {

    /**
     * Returns normally when {@code assignee} may be given a step of a dossier of {@code procedureCode}; otherwise
     * throws a {@code vn.motcua.platform.api.ApiException} (a 409 with the reason in the caller's language).
     */
    void beforeAssigning(String procedureCode, String assignee);
}
