package io.bilan.engine;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Before each Quarkus test: requests go with the staff key unless the test says otherwise. */
public class DefaultTestCaller implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        TestCallers.useStaffByDefault();
    }
}
