package io.bilan.engine.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.engine.config.EngineConfig;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.script.SandboxLimits;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/** Makes the one SDK runtime of the process (and its JavaScript engine) available to the engine's services. */
public class RuntimeProducer {

    @Produces
    @Singleton
    BilanRuntime runtime(EngineConfig config) {
        EngineConfig.Sandbox sandbox = config.sandbox();
        SandboxLimits limits = SandboxLimits.defaults()
                .withStatementLimit(sandbox.statementLimit())
                .withTimeLimit(sandbox.timeLimit())
                .withMaxAllocatedBytes(sandbox.maxAllocated().asLongValue())
                .withMaxStringLength(sandbox.maxStringLength())
                .withMaxArrayLength(sandbox.maxArrayLength())
                .withMaxIdleContexts(sandbox.maxIdleContexts());
        limits = limits.withMaxConcurrentCalls(sandbox.maxConcurrentCalls()
                .orElse(SandboxLimits.concurrentCallsFor(limits.maxAllocatedBytes(), sandbox.maxIdleContexts())));
        return BilanRuntime.builder()
                .sandboxLimits(limits)
                .requiredLanguages(Set.copyOf(config.catalog().requiredLanguages()))
                .build();
    }

    void close(@Disposes BilanRuntime runtime) {
        runtime.close();
    }

    /** The runtime's JSON mapper, for reading response sets with its limits on depth and size. */
    @Produces
    @Singleton
    @RuntimeJson
    ObjectMapper runtimeJson(BilanRuntime runtime) {
        return runtime.json();
    }
}
