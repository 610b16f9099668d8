package vn.motcua.catalogue.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ImportReportTest {

    /** Reports stored in catalogue_import_run before session 15 have no "refused": they still read. */
    @Test
    void aReportStoredBeforeRefusalsWereCountedReadsWithNoneRefused() {
        String stored = """
                {"startedAt":"2026-01-05T01:00:00Z","finishedAt":"2026-01-05T01:01:00Z","skipped":false,
                 "listedPerFile":{"a.xlsx.gz":2},"listed":2,"detailed":1,"procedures":2,"procedureRowsWritten":2,
                 "versionsCreated":2,"timeParsed":1,"feesParsed":1,"documentsParsed":1,"performerResolved":1,
                 "flagged":0,"flags":[],"rejectedRows":[]}""";
        ImportReport report = JsonMapper.builder().build().readValue(stored, ImportReport.class);
        assertThat(report.refused()).isEmpty();
        assertThat(report.summary()).endsWith("details refused (name mismatch) 0");
    }
}
