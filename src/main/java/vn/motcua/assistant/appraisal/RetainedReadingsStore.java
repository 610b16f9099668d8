package vn.motcua.assistant.appraisal;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.motcua.privacy.RetainedReadings;

/**
 * The appraisal's side of retention (privacy's port {@link RetainedReadings}): what was read out of an anonymised
 * dossier's files goes with them, unless another dossier still holds the same file (readings are kept per file).
 */
@Component
class RetainedReadingsStore implements RetainedReadings {

    private final JdbcClient jdbc;

    RetainedReadingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void forgetReadings(Collection<String> attachmentHashes) {
        for (String h : attachmentHashes) {
            jdbc.sql("""
                            delete from appraisal_reading r where r.sha256 = ?
                              and not exists (select 1 from dossier_attachment a where a.sha256 = r.sha256)""")
                    .param(h).update();
        }
    }
}
