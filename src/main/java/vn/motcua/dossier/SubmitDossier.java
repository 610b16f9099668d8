package vn.motcua.dossier;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.motcua.platform.text.PlainText;

/**
 * A submission, online by a citizen or at the counter by a reception officer on the applicant's behalf.
 *
 * @param address     the applicant's place: a current commune-level unit code (or an older one, resolved
 *                    through lineage) and a free-text line (street, hamlet)
 * @param form        the e-form's fields, validated against the procedure version in force
 * @param attachments files, base64-encoded in JSON, or documents of the applicant's data store reused by id
 */
public record SubmitDossier(@NotBlank @Pattern(regexp = "\\d\\.\\d{6}") String procedureCode,
                            @NotNull @Valid ApplicantData applicant,
                            @Valid AddressData address,
                            Map<String, Object> form,
                            @Size(max = 20) List<@NotNull @Valid AttachmentData> attachments) {

    public record ApplicantData(Dossier.Applicant.Kind kind,
                                @NotBlank @Size(max = 200) @PlainText String name,
                                @Pattern(regexp = "\\d{12}|\\d{10}(-\\d{3})?") String personalId,
                                @Pattern(regexp = "\\+?[0-9 .]{9,15}") String phone,
                                @Email @Size(max = 200) String email) {
    }

    public record AddressData(@Pattern(regexp = "\\d{2}|\\d{5}") String unitCode, @Size(max = 300) @PlainText String line) {
    }

    /**
     * A file ({@code fileName} and {@code contentBase64}), or {@code reuse}: the id of a document held in the signed-in
     * applicant's data store (wallet), valid on the day, attached without an upload and recorded as reused.
     * {@code document}, optional: which required document of the procedure version the file is (its short name, e.g.
     * "Giấy chứng sinh", diacritics and case free); an unknown one is a 422. Without it the file is matched by its name.
     */
    public record AttachmentData(@Size(max = 200) String fileName, String contentBase64,
                                 @Pattern(regexp = "[0-9a-fA-F-]{36}") String reuse,
                                 @Size(max = 500) @PlainText String document) {

        public AttachmentData(String fileName, String contentBase64) {
            this(fileName, contentBase64, null, null);
        }

        public AttachmentData(String fileName, String contentBase64, String reuse) {
            this(fileName, contentBase64, reuse, null);
        }

        public static AttachmentData reused(java.util.UUID documentId) {
            return new AttachmentData(null, null, documentId.toString());
        }
    }
}
