package io.bilan.engine;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine's clock in tests: it starts on {@link #START} whatever the real date, and moves a millisecond each time
 * it is read, so that what is written one after the other is ordered. Tests set it or move it on.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    /** Where the clock starts: a Monday morning of November 2026, in UTC. */
    public static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);

    /** Sets the time. */
    public void set(Instant instant) {
        now.set(instant);
    }

    /** Moves the time on (or back, with a negative duration). */
    public void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    /**
     * Moves the time on to just after {@code instant} if it is not past it yet: for a test whose records must be the
     * newest, when tests before it set the clock back.
     */
    public void moveAfter(Instant instant) {
        now.updateAndGet(current -> current.isAfter(instant) ? current : instant.plusSeconds(1));
    }

    /** Moves the time on past every API key already created, so that the next ones are the newest. */
    public void moveAfterEveryApiKey() {
        io.bilan.engine.security.ApiKeyRecord latest = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> io.bilan.engine.security.ApiKeyRecord.<io.bilan.engine.security.ApiKeyRecord>find(
                        "order by createdAt desc").firstResult());
        if (latest != null) {
            moveAfter(latest.createdAt.toInstant());
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the engine reads time in UTC");
    }

    @Override
    public Instant instant() {
        return now.getAndUpdate(instant -> instant.plusMillis(1));
    }
}
