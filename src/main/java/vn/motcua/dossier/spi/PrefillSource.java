package vn.motcua.dossier.spi;

import java.util.Locale;
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

    /**
     * The values and what the page says of them: where they come from, or why a known source was not used (no consent
     * to reuse). The citizen checks prefilled values before submitting, so they must see their origin.
     */
    default Filled fill(String procedureCode, String username, Locale locale) {
        return new Filled(prefill(procedureCode, username), java.util.List.of());
    }

    /** @param notes sentences for the page, in the locale's language; empty when there is nothing to say */
    record Filled(Map<String, String> values, java.util.List<String> notes) {
    }
}
