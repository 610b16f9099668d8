package vn.motcua.dossier.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.web.multipart.MultipartFile;
import vn.motcua.dossier.SubmitDossier;

/** Files uploaded through a page, as the attachments the dossier services take (empty inputs skipped). */
final class Uploads {

    private Uploads() {
    }

    static List<SubmitDossier.AttachmentData> attachments(List<MultipartFile> files) {
        List<SubmitDossier.AttachmentData> attachments = new ArrayList<>();
        if (files == null) {
            return attachments;
        }
        for (MultipartFile f : files) {
            if (!f.isEmpty()) {
                try {
                    attachments.add(new SubmitDossier.AttachmentData(f.getOriginalFilename(),
                            Base64.getEncoder().encodeToString(f.getBytes())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return attachments;
    }
}
