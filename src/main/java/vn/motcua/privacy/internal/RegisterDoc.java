package vn.motcua.privacy.internal;

import java.util.stream.Collectors;

/** The register as Markdown: the generated part of docs/privacy.md (between the register markers). */
public final class RegisterDoc {

    public static final String START = "<!-- register:start (generated from src/main/resources/privacy/register.json by PersonalDataRegisterTest; do not edit) -->";
    public static final String END = "<!-- register:end -->";

    private RegisterDoc() {
    }

    public static String markdown(Register r) {
        StringBuilder s = new StringBuilder(START).append("\n\n");
        s.append("### Legal bases\n\n| key | basis |\n|---|---|\n");
        r.legalBases().forEach((k, v) -> s.append("| `").append(k).append("` | ").append(cell(v)).append(" |\n"));
        s.append("\n### Categories\n\n| category | meaning |\n|---|---|\n");
        r.categories().forEach((k, v) -> s.append("| ").append(k).append(" | ").append(cell(v)).append(" |\n"));
        s.append("\n### Columns holding personal data\n\n");
        s.append("| table.column | category | data | purpose | legal basis | retention | in the citizen's export |\n");
        s.append("|---|---|---|---|---|---|---|\n");
        for (Register.Table t : r.tables()) {
            for (Register.Column c : t.columns()) {
                s.append("| `").append(t.table()).append('.').append(c.column()).append("` | ").append(c.category())
                        .append(" | ").append(cell(c.data())).append(" | ").append(cell(r.purposeOf(t, c)))
                        .append(" | `").append(r.legalBasisOf(t, c)).append("` | ").append(cell(r.retentionOf(t, c)))
                        .append(" | ").append(t.subject() == null ? "— (not a citizen's)"
                                : c.isFile() ? "metadata only" : c.exported() ? "`" + t.exportAs() + "`" : "no")
                        .append(" |\n");
            }
        }
        s.append("\n### Encrypted at rest, and sensitive fields in the clear\n\n| table.column | stored | blind index |\n|---|---|---|\n");
        for (Register.Table t : r.tables()) {
            for (Register.Column c : t.columns()) {
                if (c.isEncrypted() || c.clear() != null) {
                    s.append("| `").append(t.table()).append('.').append(c.column()).append("` | ")
                            .append(c.isFile() ? "encrypted (file)" : c.encrypted() != null ? "encrypted (" + c.encrypted() + ")"
                                    : "in the clear: " + cell(c.clear()))
                            .append(" | ").append(c.blindIndex() == null ? "—" : "`" + c.blindIndex() + "`").append(" |\n");
                }
            }
        }
        s.append("\n### Files\n\n| path | category | data | purpose | legal basis | retention |\n|---|---|---|---|---|---|\n");
        for (Register.FileEntry f : r.files()) {
            s.append("| `").append(f.path()).append("` | ").append(f.category()).append(" | ").append(cell(f.data()))
                    .append(" | ").append(cell(f.purpose())).append(" | `").append(f.legalBasis()).append("` | ")
                    .append(cell(f.retention())).append(" |\n");
        }
        s.append("\n### How a citizen's rows are found (the data export follows these)\n\n| table | rows of the citizen `:user` | exported as |\n|---|---|---|\n");
        for (Register.Table t : r.tables()) {
            if (t.subject() != null) {
                s.append("| `").append(t.table()).append("` | `").append(cell(t.subject())).append("` | `")
                        .append(t.exportAs()).append("` |\n");
            }
        }
        s.append("\n### Columns whose names look personal but are not\n\n| table.column | why |\n|---|---|\n");
        for (Register.Table t : r.tables()) {
            t.notPersonal().forEach((c, why) -> s.append("| `").append(t.table()).append('.').append(c).append("` | ")
                    .append(cell(why)).append(" |\n"));
        }
        return s.append('\n').append(END).toString();
    }

    private static String cell(String v) {
        return v == null ? "" : v.lines().map(String::strip).collect(Collectors.joining(" ")).replace("|", "\\|");
    }
}
