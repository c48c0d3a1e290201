package io.bilan.bench;

import io.bilan.runtime.script.CompiledScript;
import io.bilan.runtime.script.ScriptException;
import io.bilan.runtime.script.ScriptSandbox;
import io.bilan.runtime.script.SandboxLimits;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The latency of a well-behaved scoring script before, during and after a burst of hostile scripts that spend
 * their time inside single built-ins, in one sandbox with the production limits. Prints p50, p99 and the
 * longest call of each phase and how the hostile calls ended. Run with
 * {@code java -cp sdk/bench/target/classes:sdk/bench/target/lib/* io.bilan.bench.HostileScriptsLatency [seconds]}.
 */
public final class HostileScriptsLatency {

    /** Each runs until a limit stops it; the BigInt one is refused when compiled, as at publication. */
    private static final Map<String, String> HOSTILE = Map.of(
            "bigint-power", "function score(input) { return { d: String(3n ** 200000000n).length }; }",
            "regexp-backtracking", "function score(input) { for (;;) /^(a+)+\\1$/.test('a'.repeat(40) + 'b'); }",
            "sort-with-collator", "function score(input) { const w = Array.from({ length: 1000000 }, String); "
                    + "const c = new Intl.Collator('fr').compare; for (;;) w.sort(c); }",
            "json-stringify-shared", "function score(input) { let t = [1]; for (let i = 0; i < 26; i++) t = [t, t]; "
                    + "return { n: JSON.stringify(t).length }; }",
            "string-doubling", "function score(input) { let s = 'x'; for (;;) s += s + s.toUpperCase(); }");

    private HostileScriptsLatency() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        try (ScriptSandbox sandbox = new ScriptSandbox(SandboxLimits.defaults())) {
            CompiledScript good = sandbox.compile("scoring.js", read("/bench/scripted/scoring.js"));
            String input = "{\"answers\":" + read("/bench/answers.json")
                    + ",\"scales\":{\"R\":{\"raw\":31},\"I\":{\"raw\":44},\"A\":{\"raw\":27},\"S\":{\"raw\":38},"
                    + "\"E\":{\"raw\":44},\"C\":{\"raw\":22}}}";
            System.out.println("warm-up: " + measure(good, input, seconds * 2, null).summary());
            Phase before = measure(good, input, seconds, null);
            Map<String, Integer> endings = new ConcurrentHashMap<>();
            Phase during = measure(good, input, seconds, () -> attack(sandbox, endings));
            Phase after = measure(good, input, seconds, null);
            System.out.println("before: " + before.summary());
            System.out.println("during: " + during.summary());
            System.out.println("after:  " + after.summary());
            System.out.printf("p99 during / before: %.2f%n", during.percentile(0.99) / before.percentile(0.99));
            System.out.println("hostile calls: " + new TreeMap<>(endings));
        }
    }

    /** Four attackers, each calling the hostile scripts in turn as fast as they end. */
    private static void attack(ScriptSandbox sandbox, Map<String, Integer> endings) {
        List<String> names = new ArrayList<>(HOSTILE.keySet());
        Collections.sort(names);
        for (int i = 0; ; i++) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            String name = names.get(i % names.size());
            String ending;
            try {
                sandbox.compile(name + ".js", HOSTILE.get(name)).call("{}");
                ending = "returned";
            } catch (ScriptException e) {
                ending = e.kind() == ScriptException.Kind.RUNTIME ? "RUNTIME (" + e.getMessage() + ")" : e.kind().name();
            } catch (IllegalStateException closed) {
                return;
            }
            endings.merge(name + " " + ending, 1, Integer::sum);
        }
    }

    private static Phase measure(CompiledScript good, String input, int seconds, Runnable attacker)
            throws InterruptedException {
        List<Thread> attackers = new ArrayList<>();
        if (attacker != null) {
            for (int i = 0; i < 4; i++) {
                attackers.add(Thread.ofPlatform().daemon().start(attacker));
            }
        }
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            callers.add(Thread.ofPlatform().start(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    try {
                        good.call(input);
                        nanos.add(System.nanoTime() - start);
                    } catch (ScriptException e) {
                        failures.merge(e.kind().name(), 1, Integer::sum);
                    }
                }
            }));
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        for (Thread caller : callers) {
            caller.join();
        }
        attackers.forEach(Thread::interrupt);
        for (Thread a : attackers) {
            a.join(5000);
        }
        return new Phase(new ArrayList<>(nanos), new TreeMap<>(failures));
    }

    private record Phase(List<Long> nanos, Map<String, Integer> failures) {

        double percentile(double p) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN
                    : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1)) / 1e6;
        }

        String summary() {
            double max = nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
            return String.format("%d calls, failed %s, p50 %.2f ms, p99 %.2f ms, max %.1f ms", nanos.size(), failures,
                    percentile(0.5), percentile(0.99), max);
        }
    }

    private static String read(String resource) throws Exception {
        try (InputStream in = HostileScriptsLatency.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
