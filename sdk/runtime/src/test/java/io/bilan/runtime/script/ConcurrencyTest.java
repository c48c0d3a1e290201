package io.bilan.runtime.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Threads share one compiled script; each call gets a context of its own, so every result is right. */
class ConcurrencyTest {

    private static final String[] SCALES = {"anxiety", "mood", "sleep", "energy", "focus", "social"};
    private static final int[] REVERSED = {5, 17, 29, 41, 53};

    @Test
    void fourThreadsTimesTwoHundredCallsOnOneScriptAllScoreCorrectly() throws Exception {
        // What is checked is that every result is right, not how fast: a call's time limit is wall time, and on a
        // busy machine the first calls, compiling, can take longer than the default 500 ms.
        try (ScriptSandbox sandbox = new ScriptSandbox(SandboxLimits.defaults().withMaxIdleContexts(4)
                .withTimeLimit(Duration.ofSeconds(30)));
                ExecutorService threads = Executors.newFixedThreadPool(4)) {
            CompiledScript script = sandbox.compile("sixty-items.js", TestScripts.read("sixty-items.js"));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> workers = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int seed = thread;
                Callable<Integer> worker = () -> {
                    start.await();
                    int correct = 0;
                    for (int call = 0; call < 200; call++) {
                        int[] answers = answers(seed * 1000 + call);
                        assertEquals(expected(answers), script.call(input(answers)));
                        correct++;
                    }
                    return correct;
                };
                workers.add(threads.submit(worker));
            }
            start.countDown();

            for (Future<Integer> worker : workers) {
                assertEquals(200, worker.get());
            }
            // At most one context per thread, and none closed because the pool keeps four.
            assertTrue(script.contextsCreated() <= 4, "contexts created: " + script.contextsCreated());
        }
    }

    private static int[] answers(int seed) {
        int[] answers = new int[60];
        for (int item = 0; item < 60; item++) {
            answers[item] = Math.floorMod(seed * 31 + item * 7 + item * item, 5);
        }
        return answers;
    }

    private static String input(int[] answers) {
        StringBuilder json = new StringBuilder("{\"answers\":[");
        for (int item = 0; item < answers.length; item++) {
            json.append(item == 0 ? "" : ",").append(answers[item]);
        }
        return json.append("]}").toString();
    }

    /** What sixty-items.js computes, in Java. */
    static String expected(int[] answers) {
        int[] scales = new int[6];
        for (int item = 0; item < 60; item++) {
            boolean reversed = false;
            for (int reversedItem : REVERSED) {
                reversed |= reversedItem == item;
            }
            scales[item / 10] += reversed ? 4 - answers[item] : answers[item];
        }
        StringBuilder json = new StringBuilder("{\"scales\":{");
        int total = 0;
        for (int scale = 0; scale < 6; scale++) {
            json.append(scale == 0 ? "" : ",").append('"').append(SCALES[scale]).append("\":").append(scales[scale]);
            total += scales[scale];
        }
        return json.append("},\"total\":").append(total).append('}').toString();
    }
}
