package io.bilan.engine;

import static io.restassured.RestAssured.given;

/**
 * The catalogue is published in the background at start: tests wait until the engine reports ready. About ten
 * seconds on a quiet machine; the bound is generous because a loaded build machine takes minutes, and a test that
 * waits longer costs nothing when the engine is quick.
 */
public final class CatalogReady {

    private CatalogReady() {
    }

    public static void await() throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the engine was not ready within 300 s");
            }
            Thread.sleep(100);
        }
    }
}
