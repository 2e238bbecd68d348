package vn.nq57.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every portal test starts with: the {@link Suite#WEB} instance with the sample and its portal, and a Chromium. */
@ExtendWith(Suite.class)
abstract class PortalBrowserTest {

    static final String PORTAL = "http://127.0.0.1:" + Suite.PORTAL;
    static Browser browser;
    static Suite suite;

    @BeforeAll
    static void start() throws Exception {
        suite = Suite.get();
        suite.startWeb();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
