package vn.nq57.e2e;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A real headless Chromium (Debian's package, installed by {@code .ci/run}; Playwright never downloads a browser here)
 * for the portal tests: a fresh context per user, the real Keycloak sign-in form, screenshots and the axe-core scan.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("nq57.chromium", "/usr/bin/chromium"));
    static final Path SHOTS = Path.of(System.getProperty("nq57.repo", "..")).toAbsolutePath().normalize()
            .resolve("e2e/target/screenshots");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(CHROMIUM + " is missing: install Debian's chromium (bash .ci/run does: "
                    + "apt-get install -y chromium fonts-dejavu-core fonts-liberation)");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    /** A new browser context (its own cookies) with a desktop or a phone-sized window, in Vietnamese. */
    BrowserContext context(int width, int height) {
        return browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("vi-VN").setTimezoneId("Asia/Ho_Chi_Minh"));
    }

    /** Opens the portal and signs in on Keycloak's own login page; answers the page, back on the portal. */
    static Page signIn(BrowserContext context, String portal, String user) {
        Page page = context.newPage();
        page.navigate(portal + "/");
        page.waitForSelector("#username");
        page.fill("#username", user);
        page.fill("#password", Suite.PASSWORD);
        page.click("#kc-login");
        page.waitForURL(portal + "/**");
        page.waitForSelector("main#main");
        return page;
    }

    /** A full-page screenshot under e2e/target/screenshots. */
    static Path shot(Page page, String name) {
        Path file = SHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page, one line each. */
    static List<String> accessibilityProblems(Page page) {
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(Browser::describe).collect(Collectors.toList());
    }

    private static String describe(Rule v) {
        return v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at " + v.getNodes().stream().limit(3)
                .map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
