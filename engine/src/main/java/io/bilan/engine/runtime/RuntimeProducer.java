package io.bilan.engine.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.api.spi.BilanPlugin;
import io.bilan.engine.config.EngineConfig;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.plugin.PluginFolder;
import io.bilan.runtime.script.SandboxLimits;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.jboss.logging.Logger;

/** Makes the one SDK runtime of the process (and its JavaScript engine) available to the engine's services. */
public class RuntimeProducer {

    private static final Logger LOG = Logger.getLogger(RuntimeProducer.class);

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
        List<BilanPlugin> plugins = new ArrayList<>();
        ServiceLoader.load(BilanPlugin.class).forEach(plugins::add);
        List<String> failures = List.of();
        if (config.pluginsFolder().isPresent()) {
            PluginFolder.Loaded loaded = PluginFolder.load(config.pluginsFolder().get());
            plugins.addAll(loaded.plugins());
            failures = loaded.failures();
            LOG.infof("plugins folder %s: %d plugin(s) loaded", config.pluginsFolder().get(), loaded.plugins().size());
            failures.forEach(failure -> LOG.errorf("plugin not loaded: %s", failure));
        }
        return BilanRuntime.builder()
                .plugins(plugins)
                .pluginFailures(failures)
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
