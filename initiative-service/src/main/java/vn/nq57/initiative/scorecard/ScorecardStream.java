package vn.nq57.initiative.scorecard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import vn.nq57.initiative.scorecard.ScorecardViews.ScorecardChange;

/**
 * The live stream behind {@code GET /api/v1/scorecard/stream}, correct with any number of replicas: changes come from
 * the committed log ({@link ScorecardChangeLog}), which one connection per replica follows ({@code LISTEN}, then
 * everything after the last number it relayed), so every subscriber of every replica receives every change in its
 * scope, in commit order, each with its number as the event's {@code id}. A client reconnecting with
 * {@code Last-Event-ID} first gets what it missed from the log (up to {@link #MAX_REPLAY}; older than the retention or
 * more than that, a {@code reload} message says to reload the page's figures instead). On shutdown every stream ends,
 * so clients reconnect to another replica. A heartbeat comes every 15 seconds.
 */
@vn.nq57.platform.jdbc.Jdbc("a connection of its own that LISTENs for the change log's notifications")
@ApplicationScoped
public class ScorecardStream {

    private static final Logger LOG = Logger.getLogger(ScorecardStream.class);
    /** The most missed changes a reconnecting client is sent; beyond it, it is told to reload. */
    static final int MAX_REPLAY = 10_000;
    private static final int PAGE = 1000;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Inject
    ObjectMapper json;

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** The highest number this replica has relayed. */
    private volatile long relayed = -1;
    private volatile boolean running;
    private Thread listener;
    private long lastHeartbeat = System.nanoTime();
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    void start(@Observes StartupEvent e) {
        running = true;
        listener = new Thread(this::follow, "scorecard-stream-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent e) {
        running = false;
        subscribers.forEach(Subscriber::close);
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** How many clients this replica streams to. */
    public int subscribers() {
        return subscribers.size();
    }

    /**
     * Changes for a subscriber: those of {@code system} (if given) and of the agencies in {@code agencies} (null: all
     * agencies), after {@code lastEventId} if the client reconnects.
     */
    public Multi<OutboundSseEvent> subscribe(Sse sse, String system, Set<String> agencies, Long lastEventId) {
        Predicate<ScorecardChange> wanted = c -> (system == null || system.equalsIgnoreCase(c.system()))
                && (agencies == null || (c.agency() != null && agencies.contains(c.agency().toUpperCase())));
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            Subscriber s = new Subscriber(sse, emitter, wanted, lastEventId == null ? relayed : lastEventId);
            subscribers.add(s);
            emitter.onTermination(() -> subscribers.remove(s));
            if (!running) {
                s.close();
            } else if (lastEventId == null) {
                s.live();
            } else {
                replay(s, lastEventId);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Sends {@code s} the logged changes after {@code after}, then what arrived meanwhile, then goes live. */
    private void replay(Subscriber s, long after) {
        try (Connection c = connect(); PreparedStatement st = c.prepareStatement("""
                SELECT r.pruned_upto, (SELECT max(id) FROM scorecard_change),
                       (SELECT count(*) FROM (SELECT 1 FROM scorecard_change WHERE id > ? LIMIT ?) m)
                FROM scorecard_change_retention r""")) {
            st.setLong(1, after);
            st.setInt(2, MAX_REPLAY + 1);
            long pruned;
            long newest;
            long missed;
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                pruned = rs.getLong(1);
                newest = rs.getLong(2);
                missed = rs.getLong(3);
            }
            if (after < pruned || after > Math.max(newest, pruned) || missed > MAX_REPLAY) {
                s.reload(Math.max(newest, relayed), after < pruned || missed > MAX_REPLAY
                        ? "the changes after " + after + " are no longer kept: reload"
                        : "change " + after + " is unknown here: reload");
                return;
            }
            long last = after;
            while (true) {
                List<Logged> page = read(c, last);
                for (Logged l : page) {
                    s.replayed(l);
                    last = l.id();
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            s.live();
        } catch (SQLException e) {
            LOG.warnf("a client's missed changes could not be read: %s", e.getMessage());
            s.reload(relayed, "the missed changes could not be read: reload");
        }
    }

    /** Follows the log on a connection of its own: LISTEN, relay what is new, wait to be notified (or 10 s). */
    private void follow() {
        long backoff = 500;
        while (running) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("LISTEN " + ScorecardChangeLog.CHANNEL);
                PGConnection pg = c.unwrap(PGConnection.class);
                if (relayed < 0) {
                    try (ResultSet rs = st.executeQuery("SELECT coalesce(max(id), 0) FROM scorecard_change")) {
                        rs.next();
                        relayed = rs.getLong(1);
                    }
                }
                backoff = 500;
                while (running) {
                    relay(c);
                    heartbeat();
                    pg.getNotifications(5_000);
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("the stream's log connection failed (%s); reconnecting in %d ms", e.getMessage(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** Every 15 seconds a heartbeat to every subscriber (without an id, so a client's Last-Event-ID stays). */
    private void heartbeat() {
        long now = System.nanoTime();
        if (now - lastHeartbeat >= HEARTBEAT.toNanos()) {
            lastHeartbeat = now;
            subscribers.forEach(Subscriber::heartbeat);
        }
    }

    private void relay(Connection c) throws SQLException {
        while (true) {
            List<Logged> page = read(c, relayed);
            for (Logged l : page) {
                for (Subscriber s : subscribers) {
                    s.offer(l);
                }
                relayed = l.id();
            }
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    private List<Logged> read(Connection c, long after) throws SQLException {
        List<Logged> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, body::text FROM scorecard_change WHERE id > ? ORDER BY id LIMIT " + PAGE)) {
            st.setLong(1, after);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    try {
                        out.add(new Logged(rs.getLong(1), json.readValue(rs.getString(2), ScorecardChange.class)));
                    } catch (java.io.IOException e) {
                        LOG.warnf("change %d of the stream's log is not readable: %s", rs.getLong(1), e.getMessage());
                    }
                }
            }
        }
        return out;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user.orElse(null), password.orElse(null));
    }

    static OutboundSseEvent event(Sse sse, Long id, ScorecardChange change) {
        OutboundSseEvent.Builder b = sse.newEventBuilder().mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(ScorecardChange.class, change);
        if (id != null) {
            b.id(Long.toString(id));
        }
        return b.build();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    record Logged(long id, ScorecardChange change) {
    }

    /**
     * One client: while its missed changes are replayed, what the listener relays waits; every change is sent once,
     * in order (numbers at or below the last sent are dropped).
     */
    static final class Subscriber {
        private final Sse sse;
        private final MultiEmitter<? super OutboundSseEvent> emitter;
        private final Predicate<ScorecardChange> wanted;
        private List<Logged> waiting = new ArrayList<>();
        private long last;

        Subscriber(Sse sse, MultiEmitter<? super OutboundSseEvent> emitter, Predicate<ScorecardChange> wanted,
                   long after) {
            this.sse = sse;
            this.emitter = emitter;
            this.wanted = wanted;
            this.last = after;
        }

        synchronized void offer(Logged l) {
            if (waiting != null) {
                waiting.add(l);
            } else {
                send(l);
            }
        }

        synchronized void replayed(Logged l) {
            send(l);
        }

        /** From now on live: what waited is sent unless already sent. */
        synchronized void live() {
            List<Logged> w = waiting;
            waiting = null;
            if (w != null) {
                w.forEach(this::send);
            }
        }

        /** Tells the client to reload (its missed changes are not kept), then goes live after {@code upto}. */
        synchronized void reload(long upto, String why) {
            last = Math.max(last, upto);
            emitter.emit(event(sse, last, new ScorecardChange("reload", null, null, null, why, null, now())));
            live();
        }

        synchronized void heartbeat() {
            if (!emitter.isCancelled()) {
                emitter.emit(event(sse, null, new ScorecardChange("heartbeat", null, null, null, null, null, now())));
            }
        }

        synchronized void close() {
            emitter.complete();
        }

        private void send(Logged l) {
            if (l.id() <= last) {
                return;
            }
            last = l.id();
            if (wanted.test(l.change()) && !emitter.isCancelled()) {
                emitter.emit(event(sse, l.id(), l.change()));
            }
        }
    }
}
