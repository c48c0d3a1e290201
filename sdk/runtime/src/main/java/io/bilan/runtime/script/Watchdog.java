package io.bilan.runtime.script;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.graalvm.polyglot.Context;

/**
 * One daemon thread per sandbox that looks at every call in flight every {@link #TICK_NANOS} and cancels the
 * context of a call that is past its deadline or whose thread allocated more than the limit since the call started.
 * Watching a call is a set insert and remove, so it costs next to nothing when no limit fires.
 */
final class Watchdog implements AutoCloseable {

    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** How a watched call ended; the limits are set by the watchdog, {@code FINISHED} by the calling thread. */
    enum Outcome { RUNNING, FINISHED, TIME_LIMIT, SHORT_LIMIT, MEMORY_LIMIT }

    private final long maxAllocatedBytes;
    private final com.sun.management.ThreadMXBean threads;
    /** Whether a thread's CPU time can be read, for the short limit of a call made without waiting. */
    private final boolean cpuClock;
    private final Set<Watch> inFlight = ConcurrentHashMap.newKeySet();
    private final Thread patrol;
    private volatile boolean idle;
    private volatile boolean stopped;

    Watchdog(long maxAllocatedBytes) {
        this.maxAllocatedBytes = maxAllocatedBytes;
        this.threads = allocationCounter();
        this.cpuClock = threads != null && threads.isThreadCpuTimeSupported();
        this.patrol = Thread.ofPlatform().daemon().name("bilan-script-watchdog").unstarted(this::patrol);
        patrol.start();
    }

    /**
     * Starts watching a call about to run on the current thread in {@code context}, for at most {@code timeLimitNanos}
     * of wall-clock time and, when {@code shortLimitNanos} is positive, that much of the thread's CPU time
     * ({@link Outcome#SHORT_LIMIT}): a thread the system set aside for a while has not run the script meanwhile.
     * Without a clock of the thread's CPU time, the short limit is of wall-clock time.
     */
    Watch watch(Context context, long timeLimitNanos, long shortLimitNanos) {
        long cpuAtStart = shortLimitNanos > 0 && cpuClock ? threads.getCurrentThreadCpuTime() : -1;
        long start = System.nanoTime();
        Watch watch = new Watch(context, Thread.currentThread().threadId(), start, start + timeLimitNanos,
                shortLimitNanos > 0 ? shortLimitNanos : -1, cpuAtStart, allocatedByCurrentThread());
        inFlight.add(watch);
        if (idle) {
            LockSupport.unpark(patrol);
        }
        return watch;
    }

    @Override
    public void close() {
        stopped = true;
        LockSupport.unpark(patrol);
        try {
            patrol.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One call being watched. */
    final class Watch {

        private final Context context;
        private final long threadId;
        private final long start;
        private final long deadline;
        /** The short limit, or -1 when only the deadline holds; of CPU time from {@code cpuAtStart} when known. */
        private final long shortLimit;
        private final long cpuAtStart;
        private final long allocatedAtStart;
        private final AtomicReference<Outcome> outcome = new AtomicReference<>(Outcome.RUNNING);

        private Watch(Context context, long threadId, long start, long deadline, long shortLimit, long cpuAtStart,
                long allocatedAtStart) {
            this.context = context;
            this.threadId = threadId;
            this.start = start;
            this.deadline = deadline;
            this.shortLimit = shortLimit;
            this.cpuAtStart = cpuAtStart;
            this.allocatedAtStart = allocatedAtStart;
        }

        /**
         * Stops watching, from the calling thread once the call returned or threw. Returns {@link Outcome#FINISHED}
         * when the call stayed within its limits, else the limit it broke: when the watchdog fired, it also owns the
         * context and closes it.
         */
        Outcome finish() {
            if (!outcome.compareAndSet(Outcome.RUNNING, Outcome.FINISHED)) {
                return outcome.get();
            }
            inFlight.remove(this);
            // A call can allocate a lot between two ticks (one large string), so check once more at the end.
            return allocatedSinceStart(allocatedByCurrentThread()) ? Outcome.MEMORY_LIMIT : Outcome.FINISHED;
        }

        /** Whether the watchdog stopped the call, in which case it closes the context. */
        boolean cancelledByWatchdog() {
            Outcome current = outcome.get();
            return current != Outcome.RUNNING && current != Outcome.FINISHED;
        }

        private boolean pastShortLimit(long now) {
            if (shortLimit < 0) {
                return false;
            }
            long cpuNow = cpuAtStart < 0 ? -1 : threads.getThreadCpuTime(threadId);
            return cpuNow >= 0 ? cpuNow - cpuAtStart > shortLimit : now - start > shortLimit;
        }

        private boolean allocatedSinceStart(long allocatedNow) {
            return allocatedAtStart >= 0 && allocatedNow >= 0 && allocatedNow - allocatedAtStart > maxAllocatedBytes;
        }
    }

    private void patrol() {
        while (!stopped) {
            if (inFlight.isEmpty()) {
                idle = true;
                if (inFlight.isEmpty() && !stopped) {
                    LockSupport.parkNanos(this, IDLE_PARK_NANOS);
                }
                idle = false;
                continue;
            }
            long now = System.nanoTime();
            for (Watch watch : inFlight) {
                Outcome breach = now - watch.deadline > 0 ? Outcome.TIME_LIMIT
                        : watch.pastShortLimit(now) ? Outcome.SHORT_LIMIT
                        : watch.allocatedSinceStart(allocatedBy(watch.threadId)) ? Outcome.MEMORY_LIMIT : null;
                if (breach != null && watch.outcome.compareAndSet(Outcome.RUNNING, breach)) {
                    inFlight.remove(watch);
                    cancel(watch.context);
                }
            }
            LockSupport.parkNanos(this, TICK_NANOS);
        }
    }

    /** Closing a running context waits until its thread stops, so it happens off the watchdog thread. */
    private static void cancel(Context context) {
        Thread.ofPlatform().daemon().name("bilan-script-cancel").start(() -> {
            try {
                context.close(true);
            } catch (RuntimeException alreadyClosingOrClosed) {
                // the context is unusable either way and is never handed out again
            }
        });
    }

    private long allocatedByCurrentThread() {
        return threads == null ? -1 : threads.getCurrentThreadAllocatedBytes();
    }

    private long allocatedBy(long threadId) {
        return threads == null ? -1 : threads.getThreadAllocatedBytes(threadId);
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            if (!threads.isThreadAllocatedMemoryEnabled()) {
                threads.setThreadAllocatedMemoryEnabled(true);
            }
            return threads;
        }
        return null;
    }
}
