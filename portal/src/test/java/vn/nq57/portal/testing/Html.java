package vn.nq57.portal.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.nq57.portal.testing.Browser.Response;

/** What the tests read in the portal's HTML, and the pages they visit. */
public final class Html {

    /** The initiative the fixtures hold (H4-01, led by BKHCN). */
    public static final String INITIATIVE_ID = "a96e08c6-f5e3-4fca-9150-f866a88a4fb8";

    /** Every page that calls the services. */
    public static final List<String> PAGES = List.of("/", "/systems/H4", "/agencies/BKHCN",
            "/initiatives/" + INITIATIVE_ID, "/indicators/R57-RD-GDP", "/budget");

    private static final Pattern USER_INFO = Pattern.compile("<p class=\"user\" id=\"user-info\">(.*?)</p>",
            Pattern.DOTALL);
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOTICE = Pattern.compile(
            "<div class=\"notice notice-([a-z-]+)\" role=\"alert\"><p>(.*?)</p></div>", Pattern.DOTALL);

    private Html() {
    }

    /** The header's "who is signed in" paragraph. */
    public static String userInfo(Response page) {
        Matcher m = USER_INFO.matcher(page.body());
        if (!m.find()) {
            throw new AssertionError("no user info in the header of " + page);
        }
        return m.group(1).replaceAll("\\s+", " ");
    }

    /** Script elements without a src attribute (inline scripts). */
    public static List<String> inlineScripts(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = SCRIPT.matcher(html);
        while (m.find()) {
            if (!m.group(1).matches("(?s).*\\ssrc\\s*=.*")) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** Tags with a style attribute or an inline event handler (onclick=...), or a style element. */
    public static List<String> inlineStylesAndHandlers(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = TAG.matcher(html);
        while (m.find()) {
            String tag = m.group();
            if (STYLE_ATTRIBUTE.matcher(tag).find() || EVENT_ATTRIBUTE.matcher(tag).find()
                    || tag.toLowerCase().startsWith("<style")) {
                out.add(tag);
            }
        }
        return out;
    }

    /** The notices of the parts that are missing: "problem: text". */
    public static List<String> notices(Response page) {
        List<String> out = new ArrayList<>();
        Matcher m = NOTICE.matcher(page.body());
        while (m.find()) {
            out.add(m.group(1) + ": " + m.group(2));
        }
        return out;
    }
}
