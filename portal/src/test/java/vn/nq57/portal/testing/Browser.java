package vn.nq57.portal.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the portal can tell: keeps the portal's cookies (and only sends them to the portal), follows
 * redirects one by one so a test sees each hop, and signs in at the stub provider as the user it is told to be (it
 * adds {@code login_hint}, as a person would type their name on Keycloak's form). Every response is kept in
 * {@link #history()}.
 */
public final class Browser {

    /** A Set-Cookie header: name, value, and its attributes by lower-case name (flags map to ""). */
    public record SetCookie(String name, String value, Map<String, String> attributes, String raw) {

        public boolean httpOnly() {
            return attributes.containsKey("httponly");
        }

        public String sameSite() {
            return attributes.get("samesite");
        }

        /** True when the header deletes the cookie (Max-Age 0 or an Expires in the past). */
        public boolean removes() {
            String maxAge = attributes.get("max-age");
            if (maxAge != null) {
                try {
                    return Long.parseLong(maxAge.trim()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            String expires = attributes.get("expires");
            if (expires != null) {
                try {
                    return ZonedDateTime.parse(expires.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .isBefore(ZonedDateTime.now());
                } catch (RuntimeException e) {
                    return false;
                }
            }
            return false;
        }

        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim();
                int e = p.indexOf('=');
                attributes.put((e < 0 ? p : p.substring(0, e)).trim().toLowerCase(Locale.ROOT),
                        e < 0 ? "" : p.substring(e + 1).trim());
            }
            return new SetCookie(parts[0].substring(0, eq).trim(), parts[0].substring(eq + 1).trim(), attributes,
                    header);
        }
    }

    /** One response, as received. */
    public record Response(String method, URI uri, int status, HttpHeaders headers, String body, long millis) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public List<SetCookie> setCookies() {
            return headers.allValues("Set-Cookie").stream().map(SetCookie::parse).toList();
        }

        public boolean redirect() {
            return status >= 300 && status < 400 && header("Location") != null;
        }

        public URI location() {
            return uri.resolve(header("Location"));
        }

        /** The query parameters of the Location header, decoded. */
        public Map<String, String> locationQuery() {
            return StubServer.query(location().getRawQuery());
        }

        @Override
        public String toString() {
            return method + " " + uri + " -> " + status + (redirect() ? " Location: " + header("Location") : "")
                    + (body == null || body.isEmpty() ? "" : "\n" + body.substring(0, Math.min(body.length(), 2000)));
        }
    }

    private static final Pattern FORM = Pattern.compile(
            "<form[^>]*\\saction=\"([^\"]*)\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private final URI portal;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final List<Response> history = new ArrayList<>();
    private String user;

    public Browser(URI portal) {
        this.portal = portal;
    }

    /** The user this browser signs in as when the provider asks. */
    public Browser as(String username) {
        this.user = username;
        return this;
    }

    /** Opens the overview, signs in at the provider as {@code username} and lands on the overview (200). */
    public Response signIn(String username) {
        as(username);
        Response landed = open("/");
        if (landed.status() != 200 || !landed.uri().getPath().equals("/")) {
            throw new AssertionError("sign-in as " + username + " did not land on the overview:\n"
                    + history.stream().map(Response::toString).collect(Collectors.joining("\n")));
        }
        return landed;
    }

    /** GET and follow redirects to the end. */
    public Response open(String pathOrUrl, String... headers) {
        return follow(get(pathOrUrl, headers));
    }

    /** Follows the redirects of {@code response} (as GETs) to the first response that is not one. */
    public Response follow(Response response) {
        Response current = response;
        for (int hop = 0; hop < 10 && current.redirect(); hop++) {
            URI next = current.location();
            if (user != null && next.toString().startsWith(Stub.authorizationEndpoint())) {
                next = URI.create(next + "&login_hint=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
            }
            current = get(next.toString());
        }
        return current;
    }

    /** One GET, no redirect followed. {@code headers}: name, value, name, value... */
    public Response get(String pathOrUrl, String... headers) {
        return send(request(pathOrUrl, headers).GET());
    }

    /** One form POST, no redirect followed. */
    public Response post(String pathOrUrl, Map<String, String> form, String... headers) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(pathOrUrl, headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The hidden fields of the page's form posting to {@code action} (the CSRF token among them). */
    public static Map<String, String> formFields(Response page, String action) {
        Matcher form = FORM.matcher(page.body());
        while (form.find()) {
            if (form.group(1).equals(action)) {
                Map<String, String> fields = new LinkedHashMap<>();
                Matcher hidden = HIDDEN.matcher(form.group(2));
                while (hidden.find()) {
                    fields.put(hidden.group(1), hidden.group(2));
                }
                return fields;
            }
        }
        throw new AssertionError("no form posting to " + action + " in " + page);
    }

    public List<Response> history() {
        return List.copyOf(history);
    }

    /** The cookies this browser holds for the portal. */
    public Map<String, String> cookies() {
        return Map.copyOf(cookies);
    }

    public URI portal() {
        return portal;
    }

    private HttpRequest.Builder request(String pathOrUrl, String... headers) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : portal.resolve(pathOrUrl);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", "vi-VN,vi;q=0.9,en;q=0.5");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        if (toPortal(uri) && !cookies.isEmpty()) {
            b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        return b;
    }

    private Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Response response = new Response(request.method(), request.uri(), r.statusCode(), r.headers(), r.body(),
                    (System.nanoTime() - start) / 1_000_000);
            if (toPortal(request.uri())) {
                for (SetCookie c : response.setCookies()) {
                    if (c.removes()) {
                        cookies.remove(c.name());
                    } else {
                        cookies.put(c.name(), c.value());
                    }
                }
            }
            history.add(response);
            return response;
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private boolean toPortal(URI uri) {
        return uri.getAuthority().equals(portal.getAuthority());
    }
}
