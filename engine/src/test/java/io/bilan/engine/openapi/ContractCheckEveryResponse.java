package io.bilan.engine.openapi;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Before each Quarkus test: every response a test receives through REST Assured is checked against the engine's
 * OpenAPI document ({@link ContractCheck}).
 */
public class ContractCheckEveryResponse implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ContractCheck check = ContractCheck.INSTANCE;
        java.util.List<io.restassured.filter.Filter> filters = new java.util.ArrayList<>(RestAssured.filters());
        filters.removeIf(filter -> filter instanceof ContractCheck);
        filters.add(check);
        RestAssured.replaceFiltersWith(filters);
    }
}
