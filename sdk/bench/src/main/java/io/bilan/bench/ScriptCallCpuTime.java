package io.bilan.bench;

import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.scoring.ScoreOptions;
import io.bilan.runtime.script.*;
import java.lang.management.ManagementFactory;
import java.nio.file.*;
import java.io.InputStream;
import java.util.*;

/**
 * The CPU time of the calling thread per scored response set, declarative and scripted, and of two sandbox calls of
 * an empty script (without and with the benchmark's 120-value layout): on the shared machine, where JMH's wall-clock
 * samples measure the load, a thread's CPU time moves much less. Rounds of 2,000 calls; prints the best and median
 * of each measurement's second half. Run: java [bin/bench's flags] -cp [bin/bench's class path]
 * io.bilan.bench.ScriptCallCpuTime [rounds] [all|script]
 */
public final class ScriptCallCpuTime {
    static com.sun.management.ThreadMXBean T = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    static int failures;
    interface Body { void run() throws Exception; }
    // Runs rounds of n calls; prints the best and median CPU µs per call of the last rounds.
    static void measure(String label, int rounds, int n, Body body) throws Exception {
        double[] r = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            long c0 = T.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) { try { body.run(); } catch (RuntimeException e) { failures++; } }
            r[k] = (T.getCurrentThreadCpuTime() - c0) / 1000.0 / n;
        }
        double[] last = Arrays.copyOfRange(r, rounds / 2, rounds);
        Arrays.sort(last);
        System.out.printf("%-28s cpu µs/call: best %.2f median %.2f (first round %.1f), failures %d%n", label, last[0], last[last.length / 2], r[0], failures);
    }
    static Path copy(String variant, Path root) throws Exception {
        Path target = root.resolve(variant);
        for (String file : List.of("manifest.json", "fixtures/bench.json", "scoring.js")) {
            try (InputStream in = ScriptCallCpuTime.class.getResourceAsStream("/bench/" + variant + "/" + file)) {
                if (in != null) { Files.createDirectories(target.resolve(file).getParent()); Files.copy(in, target.resolve(file)); }
            }
        }
        return target;
    }
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args.length > 0 ? args[0] : "40");
        BilanRuntime runtime = BilanRuntime.builder().plugins(List.of(new io.bilan.bench.HollandScorer())).build();
        Path root = Files.createTempDirectory("bilan-cpu");
        Instrument declarative = runtime.load(runtime.read(copy("declarative", root)));
        Instrument scripted = runtime.load(runtime.read(copy("scripted", root)));
        Map<String, Object> answers;
        try (InputStream in = ScriptCallCpuTime.class.getResourceAsStream("/bench/answers.json")) {
            answers = runtime.json().convertValue(runtime.json().readTree(in),
                    new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() { });
        }
        ScoreOptions options = ScoreOptions.in("en");
        System.out.println("scripted report: " + runtime.json().writeValueAsString(scripted.scoreValidated(answers, options)));
        String mode = args.length > 1 ? args[1] : "all";
        if (mode.equals("all") || mode.equals("parts")) {
            ScriptSandbox sandbox = new ScriptSandbox(SandboxLimits.defaults());
            CompiledScript empty = sandbox.compile("e.js", "function score(input) { return {}; }");
            List<String> keys = new ArrayList<>(); Object[] vals = new Object[120];
            for (int i = 0; i < 60; i++) { keys.add("i" + i); vals[i] = (i % 5) + 1; }
            List<String> fields = List.of("raw", "mean", "answered", "items", "min", "max", "prorated", "status", "norm", "band");
            for (int j = 0; j < 6; j++) { int b = 60 + j * 10; vals[b] = 30.0; vals[b+1] = 3.0; vals[b+2] = 10; vals[b+3] = 10; vals[b+4] = 10.0; vals[b+5] = 50.0; vals[b+6] = false; vals[b+7] = "ok"; vals[b+8] = null; vals[b+9] = null; }
            CompiledScript laid = sandbox.compile(List.of(), "l.js", "function score(input) { return {}; }",
                new InputLayout(keys, Set.of(), List.of("R","I","A","S","E","C"), fields, Set.of("norm")));
            for (int w = 0; w < 3; w++) {
                measure("empty script, no layout", rounds, 2000, () -> empty.call("{}"));
                measure("empty script, 120 values", rounds, 2000, () -> laid.call("{\"instrument\":{\"id\":\"x\",\"version\":\"1\"}}", vals));
            }
        }
        for (int w = 0; w < 3; w++) {
            measure("declarativeOnly", rounds, 2000, () -> declarative.scoreValidated(answers, options));
            measure("declarativeAndScript", rounds, 2000, () -> scripted.scoreValidated(answers, options));
        }
        runtime.close();
        System.exit(0);
    }
}
