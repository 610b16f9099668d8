package vn.motcua.dossier.spi;

import java.util.Map;

/**
 * A source of values for a new online e-form, offered by a module above this one (the assistant: the account's last
 * dossier and its name; the wallet: the citizen's profile). The submission page asks all sources once through the
 * dossier module, which merges them by {@link #order()}: a later source's non-blank value wins. Without any source
 * the form starts empty.
 */
public interface PrefillSource {

    /** Where this source stands in the merge: higher comes later and wins where two know a field. */
    int order();

    /** Field path ({@code applicant.fullName}) → value for a new form of the procedure; empty when nothing is known. */
    Map<String, String> prefill(String procedureCode, String username);
}
