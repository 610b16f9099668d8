package vn.motcua.dossier.spi;

import java.util.List;
import java.util.Map;

/**
 * What identifies the subject of a dossier (the child of a birth registration, the deceased, the couple …), offered by
 * a module above this one that knows the procedures' rules (the appraisal implements it). The dossier keeps a blind
 * index of those values when it stores the form, which is encrypted, so that "the same subject already registered"
 * is still found by equality ({@link vn.motcua.dossier.DossierSubjects}). Without an implementation nothing is indexed.
 */
public interface SubjectKeys {

    /**
     * The subject's values by kind (a kind names the form paths, e.g. {@code child.fullName,child.birthDate}), in a
     * fixed order; only kinds whose every value is filled in; empty when the procedure has none.
     */
    Map<String, List<String>> subject(String procedureCode, Map<String, Object> form);
}
