package io.bilan.runtime.plugin;

import io.bilan.api.spi.BilanPlugin;
import io.bilan.api.spi.Scorer;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Loads the Java scorer plugins of a folder: each {@code *.jar} in a class loader of its own, whose parent is the
 * platform class loader and which shares with the engine only the SDK API ({@code io.bilan.api.*}). A plugin thus
 * sees neither the engine's classes nor another plugin's, and brings its own libraries. A jar that cannot be
 * loaded is reported with the reason and left out: only the instruments naming its scorers fail.
 */
public final class PluginFolder {

    private static final String API_PACKAGE = "io.bilan.api.";

    private PluginFolder() {
    }

    /** The plugins found, and the jars that failed with why. */
    public record Loaded(List<BilanPlugin> plugins, List<String> failures) {

        public Loaded {
            plugins = List.copyOf(plugins);
            failures = List.copyOf(failures);
        }
    }

    /**
     * Loads every jar of {@code folder}, in name order; a missing folder holds no plugins. {@code folder}
     * may also be one jar, which is then loaded alone; any other file is reported as a failure.
     */
    public static Loaded load(Path folder) {
        List<BilanPlugin> plugins = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Path> jars;
        if (!Files.exists(folder)) {
            return new Loaded(plugins, failures);
        } else if (!Files.isDirectory(folder)) {
            if (!isJar(folder)) {
                return new Loaded(plugins, List.of(folder + ": neither a folder nor a .jar"));
            }
            jars = List.of(folder);
        } else {
            try (Stream<Path> files = Files.list(folder)) {
                jars = files.filter(PluginFolder::isJar).sorted().toList();
            } catch (IOException e) {
                return new Loaded(plugins, List.of(folder + ": cannot be listed: " + e.getMessage()));
            }
        }
        for (Path jar : jars) {
            try {
                List<BilanPlugin> found = loadJar(jar);
                if (found.isEmpty()) {
                    failures.add(jar.getFileName() + ": no plugin (META-INF/services/" + BilanPlugin.class.getName()
                            + " is missing or empty)");
                }
                for (BilanPlugin plugin : found) {
                    // Asked now, so that a plugin failing to build its scorers is reported with its jar.
                    plugin.scorers().forEach(Scorer::name);
                    plugins.add(plugin);
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                failures.add(jar.getFileName() + ": " + describe(e));
            }
        }
        return new Loaded(plugins, failures);
    }

    /** Whether {@code path} is named as a plugin jar is: {@code *.jar}. */
    public static boolean isJar(Path path) {
        return path.getFileName() != null && path.getFileName().toString().endsWith(".jar");
    }

    private static List<BilanPlugin> loadJar(Path jar) {
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
        ClassLoader loader = new URLClassLoader("bilan-plugin-" + jar.getFileName(), new URL[] {url},
                new ApiOnly(BilanPlugin.class.getClassLoader()));
        return ServiceLoader.load(BilanPlugin.class, loader).stream().map(ServiceLoader.Provider::get).toList();
    }

    private static String describe(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + cause + ")";
    }

    /** The parent of plugin class loaders: the JDK's platform classes, and the SDK API from the engine. */
    private static final class ApiOnly extends ClassLoader {

        private final ClassLoader api;

        ApiOnly(ClassLoader api) {
            super("bilan-plugin-api", ClassLoader.getPlatformClassLoader());
            this.api = api;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(API_PACKAGE)) {
                return api.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith(API_PACKAGE.replace('.', '/')) ? api.getResource(name) : super.getResource(name);
        }
    }
}
