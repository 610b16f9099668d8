package vn.motcua.platform.api;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Tomcat's own error reports — for requests refused before any servlet runs: {@code %2F} or {@code %00} in
 * the path, a request line or headers over the size limit — as problem details on API paths and as a plain
 * page elsewhere, instead of Tomcat's HTML report with its server banner.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ObjectProvider<ProblemWriter> problems;

    ProblemErrorReportValve(ObjectProvider<ProblemWriter> problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String uri = rawUri(request);
        boolean api = uri.isEmpty() ? !accepts(request, "text/html") : ApiPaths.isApi("", uri);
        try {
            if (api) {
                var s = ApiPaths.status(status);
                problems.getObject().write(request, response, s, ApiPaths.codeFor(s.value()), null, Map.of());
            } else {
                response.setContentType("text/html;charset=UTF-8");
                PrintWriter w = response.getReporter();
                if (w != null) {
                    w.write("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Đã có lỗi</title></head>"
                            + "<body><h1>Yêu cầu không hợp lệ (" + status + ")</h1>"
                            + "<p>Vui lòng kiểm tra lại địa chỉ hoặc thử lại sau.</p><p><a href=\"/\">Về trang chủ</a></p></body></html>");
                    w.flush();
                }
            }
        } catch (IOException | RuntimeException e) {
            container.getLogger().debug("Could not write the error report", e);
        }
    }

    private static String rawUri(Request request) {
        try {
            var mb = request.getCoyoteRequest().requestURI();
            if (mb == null || mb.isNull()) {
                return "";
            }
            mb.toBytes();
            return new String(mb.getByteChunk().getBytes(), mb.getByteChunk().getStart(), mb.getByteChunk().getLength(),
                    StandardCharsets.ISO_8859_1);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static boolean accepts(Request request, String type) {
        try {
            String accept = request.getCoyoteRequest().getMimeHeaders().getHeader("Accept");
            return accept != null && accept.contains(type);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
