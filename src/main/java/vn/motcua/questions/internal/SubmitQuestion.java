package vn.motcua.questions.internal;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.catalogue.ProcedureVersion;
import vn.motcua.platform.text.PlainText;
import vn.motcua.territory.AdministrativeUnit;

/**
 * A question or feedback. Signed in as a citizen, {@code contact} is optional (the account's name and e-mail are
 * used); anonymously (or entered by an officer on a citizen's behalf) it must give a name and a phone number or an
 * e-mail address.
 *
 * @param place         where the matter is: a commune-level (5 digits) or province (2 digits) unit code, today's or
 *                      an older one (followed through the lineage)
 * @param procedureCode the procedure it is about, if any (routes like a dossier of that procedure)
 * @param attachments   files, base64-encoded like dossier attachments (at most {@value QuestionFiles#MAX_FILES})
 * @param dossierCode   the dossier it is about, if any (code or receipt number): linked when the asker may see it
 */
public record SubmitQuestion(@NotBlank @Size(max = 200) @PlainText String subject,
                             @NotBlank @Size(max = 5000) String text,
                             @NotNull @Valid Place place,
                             @Pattern(regexp = ProcedureVersion.CODE_SHAPE) String procedureCode,
                             @Valid Contact contact,
                             @Size(max = QuestionFiles.MAX_FILES) List<@NotNull Attachment> attachments,
                             @Size(max = 40) String dossierCode) {

    public SubmitQuestion(String subject, String text, Place place, String procedureCode, Contact contact) {
        this(subject, text, place, procedureCode, contact, null, null);
    }

    public SubmitQuestion(String subject, String text, Place place, String procedureCode, Contact contact,
                          List<Attachment> attachments) {
        this(subject, text, place, procedureCode, contact, attachments, null);
    }

    /** A file: its name and its bytes in base64. */
    public record Attachment(@Size(max = 200) String fileName, String contentBase64) {
    }

    public record Place(@NotBlank @Pattern(regexp = AdministrativeUnit.CODE_SHAPE) String unitCode) {
    }

    public record Contact(@Size(max = 200) @PlainText String name,
                          @Pattern(regexp = "\\+?[0-9 .]{9,15}") String phone,
                          @Email @Size(max = 200) String email) {
    }
}
