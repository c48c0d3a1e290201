import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/**
 * Links the engine's own Java runtime: the JDK that runs the build, with every module but its Graal compiler module
 * (and the linking tools, which need the JDK's packaged modules).
 *
 * <p>Why: the optimizing JavaScript runtime needs the Graal compiler as the module {@code jdk.graal.compiler}. The
 * JDK has a module of that name (empty in most builds), so the compiler's jar could only replace it through
 * {@code --upgrade-module-path}, and the JVM turns class-data sharing off with that option: no ahead-of-time cache
 * could serve the engine, and every start loaded, parsed and verified its 24,000 classes. In a runtime without the
 * JDK's module, the compiler's jar goes on the plain {@code --module-path}, and the cache that the build trains
 * ({@code TrainAotCache.java}) serves every start (docs/performance.md, "Engine start").
 *
 * <p>Run by the build in source-file mode: {@code java RuntimeImage.java <output folder>}. The folder is replaced.
 */
public final class RuntimeImage {

    /**
     * Modules left out, and with them every module that needs one of them. The incubating vector API is never
     * resolved unless asked for; left out, jlink does not warn about it.
     */
    private static final Set<String> LEFT_OUT = Set.of("jdk.graal.compiler", "jdk.graal.compiler.management",
            "jdk.jlink", "jdk.incubator.vector");

    public static void main(String[] args) throws IOException {
        Path output = Path.of(args[0]);
        Folders.deleteRecursively(output);
        Map<String, ModuleDescriptor> modules = new TreeMap<>();
        for (ModuleReference module : ModuleFinder.ofSystem().findAll()) {
            modules.put(module.descriptor().name(), module.descriptor());
        }
        modules.keySet().removeAll(LEFT_OUT);
        // A module that needs one left out cannot be linked: leave it out too, until none is left.
        boolean removed = true;
        while (removed) {
            removed = modules.values().removeIf(module -> module.requires().stream()
                    .anyMatch(requires -> !modules.containsKey(requires.name())
                            && !requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)));
        }
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("this JDK has no jlink"));
        int status = jlink.run(System.out, System.err, "--add-modules", String.join(",", modules.keySet()),
                "--no-header-files", "--no-man-pages", "--output", output.toString());
        if (status != 0) {
            throw new IllegalStateException("jlink failed with status " + status);
        }
        System.out.println("Linked " + modules.size() + " modules into " + output + ": "
                + modules.keySet().stream().collect(Collectors.joining(" ")));
    }
}
