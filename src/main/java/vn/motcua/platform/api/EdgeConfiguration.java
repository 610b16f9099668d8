package vn.motcua.platform.api;

import java.io.IOException;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The edge of the API: the input filter (after authentication), problem details for requests the security
 * firewall rejects ({@code ;jsessionid}, {@code ..;/}, {@code %2e%2e}) and for Tomcat's own error reports.
 */
@Configuration(proxyBeanMethods = false)
class EdgeConfiguration {

    /** After Spring Security's filter chain (order -100), so that an anonymous caller is known as such. */
    static final int INPUT_FILTER_ORDER = 0;

    @Bean
    FilterRegistrationBean<ApiInputFilter> apiInputFilter(BodyLimits limits, ProblemWriter problems) {
        var registration = new FilterRegistrationBean<>(new ApiInputFilter(limits, problems));
        registration.addUrlPatterns("/api/*", "/actuator/*");
        registration.setOrder(INPUT_FILTER_ORDER);
        return registration;
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> {
            if (ApiPaths.isApi(request)) {
                problems.write(request, response, HttpStatus.BAD_REQUEST, "error.badRequest");
            } else {
                try {
                    response.sendError(HttpStatus.BAD_REQUEST.value());
                } catch (IllegalStateException committed) {
                    throw new IOException(committed);
                }
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectProvider<ProblemWriter> problems) {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                for (Valve v : host.getPipeline().getValves()) {
                    if (v instanceof ErrorReportValve && !(v instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(v);
                    }
                }
                boolean present = java.util.Arrays.stream(host.getPipeline().getValves())
                        .anyMatch(ProblemErrorReportValve.class::isInstance);
                if (!present) {
                    host.getPipeline().addValve(new ProblemErrorReportValve(problems));
                }
            }
        }));
    }
}
