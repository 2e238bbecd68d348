package vn.nq57.platform.period;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The one source of "now" for the rules that depend on the date (deadlines, the reporting calendar, warnings,
 * compliance, a value's period in the future): every service injects {@link Clock} and asks {@link Period#today(Clock)}.
 * The clock is Viet Nam's ({@link Period#VIETNAM}), whatever the host's zone; a test replaces it for one test with
 * {@code QuarkusMock.installMockForType(Clock.fixed(...), Clock.class)} to see a rule on a given day.
 */
@ApplicationScoped
public class Clocks {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(Period.VIETNAM);
    }
}
