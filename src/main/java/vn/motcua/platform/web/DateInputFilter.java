package vn.motcua.platform.web;

import java.util.regex.Pattern;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Joins the three boxes of each date named by {@code _dates} into one ISO parameter (see {@link DateInputs}). Only
 * forms that carry {@code _dates} are touched: the e-forms join their own dates.
 */
@Component
class DateInputFilter extends OncePerRequestFilter {

    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.]{0,60}");

    /** The API takes JSON: asking an API request for {@code _dates} would only make Tomcat parse its parameters. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return vn.motcua.platform.api.ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String[] names = request.getParameterValues(DateInputs.FIELDS);
        if (names == null || names.length == 0) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> params = new LinkedHashMap<>(request.getParameterMap());
        Map<String, String> errors = DateInputs.newErrors(request);
        for (String name : names) {
            if (name == null || !FIELD_NAME.matcher(name).matches()) {
                continue;
            }
            DateInputs.Parsed p = DateInputs.parse(request.getParameter(name + DateInputs.DAY),
                    request.getParameter(name + DateInputs.MONTH), request.getParameter(name + DateInputs.YEAR));
            params.remove(name);
            if (p.date() != null) {
                params.put(name, new String[]{p.date().toString()});
            } else if (p.error() != null) {
                errors.put(name, p.error());
            }
        }
        Map<String, String[]> joined = Collections.unmodifiableMap(params);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getParameter(String name) {
                String[] v = joined.get(name);
                return v == null || v.length == 0 ? null : v[0];
            }

            @Override
            public String[] getParameterValues(String name) {
                return joined.get(name);
            }

            @Override
            public Map<String, String[]> getParameterMap() {
                return joined;
            }

            @Override
            public Enumeration<String> getParameterNames() {
                return Collections.enumeration(joined.keySet());
            }
        }, response);
    }
}
