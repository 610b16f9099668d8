package vn.motcua.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the indicator pages' tests read in a page's HTML: the ids of its table rows, how often a text stands in it. */
final class PageText {

    private PageText() {
    }

    /** The ids of the table rows whose id starts with {@code prefix}, without it, in page order. */
    static List<String> ids(String html, String prefix) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr id=\"" + Pattern.quote(prefix) + "([^\"]+)\"").matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** How many times {@code s} stands in the page (overlapping places counted). */
    static long count(String html, String s) {
        long n = 0;
        for (int i = html.indexOf(s); i >= 0; i = html.indexOf(s, i + 1)) {
            n++;
        }
        return n;
    }
}
