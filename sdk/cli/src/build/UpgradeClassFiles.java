import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites, in place, the class files of a jar older than Java 6 (major version below 50) as Java 8 class files
 * (52) with stack maps, leaving their code as it is.
 *
 * <p>Why: the JVM's ahead-of-time cache leaves out every such "old" class that the training run linked ("Old class
 * has been linked"), because it cannot verify them when it writes the cache. picocli is compiled for Java 5, so
 * its 170-odd classes were loaded, parsed and verified from the jar on every start of {@code bin/bilan}; upgraded,
 * they come from the cache like the rest (docs/performance.md, "Command line vs R").
 *
 * <p>Run by the build in source-file mode: {@code java UpgradeClassFiles.java <jar>...}. A jar with no old class
 * is left untouched, so running it twice changes nothing.
 */
public final class UpgradeClassFiles {

    private static final int OLD_BELOW = ClassFile.JAVA_6_VERSION;

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            upgrade(Path.of(arg));
        }
    }

    private static void upgrade(Path jar) throws IOException {
        Path upgraded = jar.resolveSibling(jar.getFileName() + ".upgraded");
        int classes = 0;
        try (ZipFile in = new ZipFile(jar.toFile());
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(upgraded))) {
            // Stack maps need the common super class of two types: resolved from the jar itself, then the JDK.
            ClassFile classFile = ClassFile.of(
                    ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                byte[] bytes;
                try (InputStream input = in.getInputStream(entry)) {
                    bytes = input.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
                    ClassModel model = classFile.parse(bytes);
                    if (model.majorVersion() < OLD_BELOW) {
                        // Every method body goes through a code builder, which writes its stack map; copied as
                        // they are, bodies would keep none.
                        bytes = classFile.transformClass(model, ClassTransform.transformingMethodBodies(
                                CodeTransform.ACCEPT_ALL).andThen(ClassTransform.endHandler(
                                builder -> builder.withVersion(ClassFile.JAVA_8_VERSION, 0))));
                        classes++;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        if (classes == 0) {
            Files.delete(upgraded);
            return;
        }
        Files.move(upgraded, jar, StandardCopyOption.REPLACE_EXISTING);
        System.out.println(jar.getFileName() + ": " + classes + " class files upgraded to Java 8 with stack maps");
    }
}
