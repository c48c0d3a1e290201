package io.bilan.cli;

import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.plugin.PluginFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --plugins}: the Java scorers of packages that name one, loaded from plugin jars exactly as the
 * engine loads its plugins folder (one class loader per jar, sharing only the SDK API).
 */
final class PluginsOption {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--plugins", paramLabel = "<folder-or-jar>",
            description = "Java scorer plugins: a folder of jars, as the engine's plugins folder, or one jar")
    private Path plugins;

    /** A runtime builder with these plugins, or, without the option, those on the class path. */
    BilanRuntime.Builder runtime() {
        BilanRuntime.Builder builder = BilanRuntime.builder().beforeScripts(CompilerRestart.hook());
        if (plugins == null) {
            return builder;
        }
        if (!Files.exists(plugins)) {
            throw new ParameterException(spec.commandLine(), "--plugins " + plugins + ": no such folder or jar");
        }
        if (!Files.isDirectory(plugins) && !PluginFolder.isJar(plugins)) {
            throw new ParameterException(spec.commandLine(), "--plugins " + plugins + ": neither a folder nor a .jar");
        }
        PluginFolder.Loaded loaded = PluginFolder.load(plugins);
        loaded.failures().forEach(failure -> spec.commandLine().getErr().println("bilan: plugin " + failure));
        return builder.plugins(loaded.plugins()).pluginFailures(loaded.failures());
    }
}
