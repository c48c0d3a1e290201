package io.bilan.engine.web.preview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.bilan.engine.config.PagesConfig;
import io.bilan.runtime.BilanRuntime;
import io.bilan.runtime.Instrument;
import io.bilan.runtime.InvalidPackageException;
import io.bilan.runtime.source.PackageReadException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The package an author previews ({@code bilan preview <folder>}): read from its folder again whenever a file of it
 * changes, with the one draft of the author trying it, kept in memory (a preview stores nothing).
 */
@ApplicationScoped
public class PreviewPackage {

    private final Optional<Path> folder;
    private final BilanRuntime runtime;
    private final String csrf;
    private String stamp;
    private Loaded loaded;
    private JsonNode draft = JsonNodeFactory.instance.objectNode();
    private Instant startedAt;

    PreviewPackage(PagesConfig config, BilanRuntime runtime) {
        this.folder = config.previewFolder();
        this.runtime = runtime;
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The package as last read: the instrument, or the problems that keep it from loading. */
    public record Loaded(Instrument instrument, List<String> problems, String stamp) {
    }

    public boolean enabled() {
        return folder.isPresent();
    }

    /** The token the preview's forms carry: there is no session, but a page of another site must not post here. */
    public String csrf() {
        return csrf;
    }

    /** The package, read again when a file changed since the last read; a new package starts a new draft. */
    public synchronized Loaded current() {
        String now = stamp();
        if (loaded == null || !now.equals(stamp)) {
            stamp = now;
            try {
                Instrument instrument = runtime.load(runtime.read(folder.orElseThrow()));
                loaded = new Loaded(instrument, List.of(), now);
            } catch (InvalidPackageException invalid) {
                loaded = new Loaded(null, invalid.problems().stream().filter(p -> p.severity() == io.bilan.api.report.Severity.ERROR)
                        .map(p -> p.file() + " " + p.pointer() + ": " + p.code() + ": " + p.message()).toList(), now);
            } catch (PackageReadException | RuntimeException unreadable) {
                loaded = new Loaded(null, List.of(String.valueOf(unreadable.getMessage())), now);
            }
        }
        return loaded;
    }

    /** What identifies the folder's content: every file's path, size and time of change. */
    public String stamp() {
        try (Stream<Path> files = Files.walk(folder.orElseThrow())) {
            return Integer.toHexString(files.filter(Files::isRegularFile).sorted().map(path -> {
                try {
                    return path + ":" + Files.size(path) + ":" + Files.getLastModifiedTime(path).toMillis();
                } catch (IOException e) {
                    return path.toString();
                }
            }).toList().hashCode());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized JsonNode draft() {
        return draft;
    }

    public synchronized void saveDraft(JsonNode answers) {
        draft = answers;
    }

    /** When the author first saw the instrument: a timed test counts from there, as for a beneficiary. */
    public synchronized Instant startedAt(Instant now) {
        if (startedAt == null) {
            startedAt = now;
        }
        return startedAt;
    }

    /** Starts again: a blank draft and the clock of a timed test reset. */
    public synchronized void restart() {
        draft = JsonNodeFactory.instance.objectNode();
        startedAt = null;
    }
}
