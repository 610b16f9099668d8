package vn.motcua.assistant.training.web;

import org.springframework.security.core.Authentication;

import vn.motcua.platform.api.ApiException;

final class TrainingAccess {

    private TrainingAccess() {
    }

    static void officer(Authentication auth) {
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().startsWith("ROLE_")
                && !"ROLE_CITIZEN".equals(a.getAuthority()))) {
            throw ApiException.forbidden("appraisal.officersOnly");
        }
    }

    static void leader(Authentication auth) {
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("ROLE_UNIT_LEADER")
                || a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_AUDITOR"))) {
            throw ApiException.forbidden("training.leadersOnly");
        }
    }

    static String code(String code) {
        if (!vn.motcua.catalogue.ProcedureVersion.isCode(code)) {
            throw ApiException.badRequest("training.procedure.code");
        }
        return code;
    }
}
