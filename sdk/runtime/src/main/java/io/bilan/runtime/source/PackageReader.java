package io.bilan.runtime.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bilan.runtime.problem.ValidationCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads instrument packages from folders and zips, refusing anything unsafe: entries that escape the
 * package, links, duplicates, names that are not UTF-8, and anything over the {@link PackageLimits}.
 * Nothing is ever written to disk. Hidden files (a name starting with {@code .}) and macOS metadata are
 * skipped.
 *
 * <p>A folder may leave out the files its manifest includes ({@code "scoring": {"include": ["shared/text.js"]}}):
 * one it lacks is read from the folder's parent at the same path ({@code instruments/shared/text.js} for
 * {@code instruments/work-values}), so packages of one library share helper files. The file then belongs to the
 * package read: it counts in the digest and packing copies it into the zip, which is self-contained. A zip is
 * never completed this way.
 */
public final class PackageReader {

    /** The form the manifest's schema gives included paths: nothing that could leave the library folder. */
    private static final Pattern SAFE_INCLUDE = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*\\.js");
    private static final ObjectMapper MANIFEST_READER = new ObjectMapper();

    private final PackageLimits limits;

    public PackageReader(PackageLimits limits) {
        this.limits = limits;
    }

    /** A reader with the default limits. */
    public PackageReader() {
        this(PackageLimits.defaults());
    }

    /** Reads a package folder, or a zip file. */
    public PackageSource read(Path path) throws PackageReadException {
        if (Files.isDirectory(path)) {
            return readFolder(path);
        }
        if (!Files.isRegularFile(path)) {
            throw new PackageReadException(ValidationCode.PACKAGE_NOT_FOUND, path + " is neither a package folder nor a zip file");
        }
        try {
            if (Files.size(path) > limits.maxArchiveBytes()) {
                throw new PackageReadException(ValidationCode.PACKAGE_TOO_LARGE,
                        path + " is larger than " + limits.maxArchiveBytes() + " bytes");
            }
            return readZip(Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new PackageReadException(ValidationCode.PACKAGE_UNREADABLE, "cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a zipped package from memory, e.g. an upload. */
    public PackageSource readZip(byte[] zip, String origin) throws PackageReadException {
        if (zip.length > limits.maxArchiveBytes()) {
            throw new PackageReadException(ValidationCode.PACKAGE_TOO_LARGE,
                    origin + " is larger than " + limits.maxArchiveBytes() + " bytes");
        }
        ZipCentralDirectory.check(zip, origin);
        return readZip(new java.io.ByteArrayInputStream(zip), origin);
    }

    private PackageSource readZip(InputStream in, String origin) throws PackageReadException {
        Map<String, byte[]> files = new TreeMap<>();
        long expanded = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = nextEntry(zip, origin)) != null) {
                if (++entries > limits.maxEntries()) {
                    throw new PackageReadException(ValidationCode.TOO_MANY_ENTRIES,
                            origin + " holds more than " + limits.maxEntries() + " entries");
                }
                String name = entry.getName();
                if (entry.isDirectory()) {
                    checkPath(name.substring(0, name.length() - 1), origin);
                    continue;
                }
                String path = checkPath(name, origin);
                byte[] content = readBounded(zip, path, limits.maxExpandedBytes() - expanded);
                expanded += content.length;
                if (files.put(path, content) != null) {
                    throw new PackageReadException(ValidationCode.DUPLICATE_ENTRY, origin + " holds " + path + " twice");
                }
            }
        } catch (ZipException e) {
            throw new PackageReadException(ValidationCode.NOT_A_ZIP, origin + " is not a valid zip: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new PackageReadException(ValidationCode.PACKAGE_UNREADABLE, "cannot read " + origin + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new PackageReadException(ValidationCode.NOT_A_ZIP, origin + " is empty or not a zip file");
        }
        return new PackageSource(origin, stripSingleTopFolder(files));
    }

    private static ZipEntry nextEntry(ZipInputStream zip, String origin) throws IOException, PackageReadException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            // ZipInputStream reports an entry name that is not valid UTF-8 this way.
            throw new PackageReadException(ValidationCode.ENTRY_NAME_NOT_UTF8, origin + " has an entry whose name is not UTF-8", e);
        }
    }

    private byte[] readBounded(InputStream in, String path, long remaining) throws IOException, PackageReadException {
        long allowed = Math.min(limits.maxFileBytes(), remaining);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) != -1) {
            if (out.size() + (long) read > allowed) {
                boolean fileLimit = allowed == limits.maxFileBytes();
                throw new PackageReadException(fileLimit ? ValidationCode.FILE_TOO_LARGE : ValidationCode.PACKAGE_TOO_LARGE, fileLimit
                        ? path + " expands to more than " + limits.maxFileBytes() + " bytes"
                        : "the package expands to more than " + limits.maxExpandedBytes() + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static String checkPath(String name, String origin) throws PackageReadException {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || name.matches("^[A-Za-z]:.*")) {
            throw new PackageReadException(ValidationCode.ENTRY_OUTSIDE_PACKAGE, origin + " has an unsafe entry name: " + name);
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                throw new PackageReadException(ValidationCode.ENTRY_OUTSIDE_PACKAGE,
                        origin + " has an entry that escapes the package: " + name);
            }
        }
        return name;
    }

    private PackageSource readFolder(Path root) throws PackageReadException {
        TreeMap<String, byte[]> files = new TreeMap<>();
        long[] expanded = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    return !dir.equals(root) && isSkipped(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    if (isSkipped(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String path = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
                    try {
                        if (Files.isSymbolicLink(file) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                            throw new PackageReadException(ValidationCode.LINK_IN_PACKAGE,
                                    root + " holds a link or special file: " + path);
                        }
                        if (files.size() >= limits.maxEntries()) {
                            throw new PackageReadException(ValidationCode.TOO_MANY_ENTRIES,
                                    root + " holds more than " + limits.maxEntries() + " files");
                        }
                        try (InputStream in = Files.newInputStream(file)) {
                            byte[] content = readBounded(in, path, limits.maxExpandedBytes() - expanded[0]);
                            expanded[0] += content.length;
                            files.put(path, content);
                        }
                    } catch (PackageReadException e) {
                        throw new WrappedReadException(e);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (WrappedReadException e) {
            throw e.cause;
        } catch (IOException e) {
            throw new PackageReadException(ValidationCode.PACKAGE_UNREADABLE, "cannot read " + root + ": " + e.getMessage(), e);
        }
        addIncludes(root, files, expanded[0]);
        return new PackageSource(root.toString(), files);
    }

    /** Adds the included files the folder lacks, read from its parent folder; see the class comment. */
    private void addIncludes(Path root, TreeMap<String, byte[]> files, long expanded) throws PackageReadException {
        List<String> includes = includesOf(files.get(PackageSource.MANIFEST));
        if (includes.isEmpty()) {
            return;
        }
        Path library = root.toAbsolutePath().normalize().getParent();
        if (library == null) {
            return;
        }
        for (String include : includes) {
            if (files.containsKey(include) || !SAFE_INCLUDE.matcher(include).matches()) {
                continue; // present, or refused by the manifest's schema with a pointer to it
            }
            Path file = library.resolve(include);
            try {
                if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                        || !file.toRealPath().startsWith(library.toRealPath())) {
                    continue; // reported as a missing file when the package is loaded
                }
                if (files.size() >= limits.maxEntries()) {
                    throw new PackageReadException(ValidationCode.TOO_MANY_ENTRIES,
                            root + " holds more than " + limits.maxEntries() + " files with its includes");
                }
                try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                    byte[] content = readBounded(in, include, limits.maxExpandedBytes() - expanded);
                    expanded += content.length;
                    files.put(include, content);
                }
            } catch (IOException e) {
                throw new PackageReadException(ValidationCode.PACKAGE_UNREADABLE, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The manifest's {@code scoring.include} paths; none when the manifest cannot be read (the validator says why). */
    private static List<String> includesOf(byte[] manifest) {
        if (manifest == null) {
            return List.of();
        }
        try {
            JsonNode include = MANIFEST_READER.readTree(manifest).path("scoring").path("include");
            List<String> paths = new ArrayList<>();
            include.forEach(path -> {
                if (path.isTextual()) {
                    paths.add(path.asText());
                }
            });
            return paths;
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    private static boolean isSkipped(Path path) {
        String name = path.getFileName().toString();
        return name.startsWith(".") || name.equals("__MACOSX");
    }

    /** A zip made by zipping a folder holds that folder: read the package inside it. */
    private static TreeMap<String, byte[]> stripSingleTopFolder(Map<String, byte[]> files) {
        TreeMap<String, byte[]> visible = new TreeMap<>();
        files.forEach((path, content) -> {
            boolean hidden = false;
            for (String segment : path.split("/")) {
                hidden |= segment.startsWith(".") || segment.equals("__MACOSX");
            }
            if (!hidden) {
                visible.put(path, content);
            }
        });
        if (visible.containsKey(PackageSource.MANIFEST)) {
            return visible;
        }
        String first = visible.isEmpty() ? "" : visible.keySet().iterator().next();
        int slash = first.indexOf('/');
        if (slash < 0) {
            return visible;
        }
        String top = first.substring(0, slash + 1);
        if (!visible.keySet().stream().allMatch(path -> path.startsWith(top))) {
            return visible;
        }
        TreeMap<String, byte[]> stripped = new TreeMap<>();
        visible.forEach((path, content) -> stripped.put(path.substring(top.length()), content));
        return stripped;
    }

    private static final class WrappedReadException extends IOException {
        final PackageReadException cause;

        WrappedReadException(PackageReadException cause) {
            this.cause = cause;
        }
    }
}
