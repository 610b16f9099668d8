package vn.motcua.assistant;

import java.util.Locale;

/** Question → procedures. Implemented by the assistant module; the portal's box and the public API call it. */
public interface Assistant {

    /** Longest question accepted (characters). */
    int MAX_QUESTION = 300;

    /**
     * The procedures that fit a citizen's question, best first.
     *
     * @param question  everyday Vietnamese, with or without diacritics (1..{@value #MAX_QUESTION} characters)
     * @param unitCode  the citizen's commune-level or province-level unit (its procedures first), or null
     * @param limit     1..20
     * @param locale    language of the clarifying question
     */
    Answers ask(String question, String unitCode, int limit, Locale locale);
}
