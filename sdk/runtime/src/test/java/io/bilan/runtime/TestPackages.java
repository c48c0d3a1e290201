package io.bilan.runtime;

import io.bilan.runtime.source.PackageReadException;
import io.bilan.runtime.source.PackageSource;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The test packages under {@code src/test/resources/packages}, and one runtime shared by the tests. */
public final class TestPackages {

    private static final BilanRuntime RUNTIME = BilanRuntime.builder().build();

    private TestPackages() {
    }

    public static BilanRuntime runtime() {
        return RUNTIME;
    }

    public static Path path(String name) {
        try {
            return Path.of(TestPackages.class.getResource("/packages/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PackageSource source(String name) {
        try {
            return RUNTIME.read(path(name));
        } catch (PackageReadException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Instrument load(String name) {
        try {
            return RUNTIME.load(source(name));
        } catch (InvalidPackageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
