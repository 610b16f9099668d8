package vn.motcua.assistant.web;

import vn.motcua.assistant.Assistant;
import vn.motcua.platform.api.ApiException;

/** The checks shared by the API and the page: 400 with a message key on bad input. */
final class AssistantRequest {

    private AssistantRequest() {
    }

    static void check(String q, String unit, int limit) {
        if (q == null || q.isBlank()) {
            throw ApiException.badRequest("assistant.error.emptyQuestion");
        }
        if (q.length() > Assistant.MAX_QUESTION) {
            throw ApiException.badRequest("assistant.error.longQuestion", Assistant.MAX_QUESTION);
        }
        if (limit < 1 || limit > 20) {
            throw ApiException.badRequest("assistant.error.limit");
        }
        if (unit != null && !unit.isBlank() && !unit.strip().matches("[A-Za-z0-9._-]{1,20}")) {
            throw ApiException.badRequest("assistant.error.unit");
        }
    }
}
