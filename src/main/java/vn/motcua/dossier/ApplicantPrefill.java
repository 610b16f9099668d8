package vn.motcua.dossier;

import java.util.Map;

/**
 * What the online e-form is prefilled with for the signed-in citizen (their profile in the wallet's data store), keyed
 * by the e-forms' field paths ({@code applicant.fullName}). Defined here, implemented by the wallet, so the dossier
 * module does not depend on it; without an implementation the form starts empty.
 */
public interface ApplicantPrefill {

    Map<String, String> prefill(String username);
}
