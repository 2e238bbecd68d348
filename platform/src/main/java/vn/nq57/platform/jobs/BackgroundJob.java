package vn.nq57.platform.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The timing of a background job that runs in rounds (the outbox relay, the federation forwarder, the catalogue
 * puller): exponential backoff after a failed round (1 s, doubling, capped) and waking a round right away on a thread
 * of its own (after a commit that gave it work), with wake-ups that arrive while one is waiting merged into it.
 * The owner keeps its schedule and calls {@link #due()} at the start of a round, {@link #succeeded()} or
 * {@link #failed()} at its end, and {@link #close()} when it is destroyed.
 */
public final class BackgroundJob implements AutoCloseable {

    private final Runnable round;
    private final Supplier<Duration> maxBackoff;
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ExecutorService waker;
    private volatile Instant nextAttempt = Instant.EPOCH;
    private volatile Duration backoff = Duration.ZERO;

    /**
     * @param threadName the name of the thread that runs woken rounds
     * @param round      one round of the job (it checks {@link #due()} itself)
     * @param maxBackoff the longest wait between failed rounds (read at each failure: configuration may be late)
     */
    public BackgroundJob(String threadName, Runnable round, Supplier<Duration> maxBackoff) {
        this.round = round;
        this.maxBackoff = maxBackoff;
        this.waker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** False while backing off after a failure. */
    public boolean due() {
        return !Instant.now().isBefore(nextAttempt);
    }

    /** True while the last round failed (and no success or {@link #retryNow()} came since). */
    public boolean backingOff() {
        return !backoff.isZero();
    }

    /** Ends the backoff after a successful round. */
    public void succeeded() {
        retryNow();
    }

    /** Records a failed round: the next one waits 1 s, then twice as long each time, up to the maximum. */
    public Duration failed() {
        Duration next = backoff.isZero() ? Duration.ofSeconds(1) : backoff.multipliedBy(2);
        Duration max = maxBackoff.get();
        backoff = next.compareTo(max) > 0 ? max : next;
        nextAttempt = Instant.now().plus(backoff);
        return backoff;
    }

    /** Lets the next round run at once (the failing party is back, an operator asked, a test). */
    public void retryNow() {
        backoff = Duration.ZERO;
        nextAttempt = Instant.EPOCH;
    }

    /**
     * Runs a round now on the job's own thread (in a request context, as a scheduled round); a wake-up while one is
     * already waiting to run is merged into it.
     */
    public void wake() {
        if (woken.compareAndSet(false, true)) {
            waker.execute(() -> {
                woken.set(false);
                RequestScope.run(round);
            });
        }
    }

    @Override
    public void close() {
        waker.shutdownNow();
    }
}
