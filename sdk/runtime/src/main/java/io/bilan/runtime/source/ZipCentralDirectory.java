package io.bilan.runtime.source;

import io.bilan.runtime.problem.ValidationCode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks what {@code java.util.zip} does not show: the central directory's record of each entry. A symbolic link
 * carries its Unix mode in the record's external attributes, and is refused because a package is plain files
 * (unpacked by someone else's tool, a link could point anywhere); a name that is not UTF-8 is refused because
 * the same bytes would name different files on different systems.
 */
final class ZipCentralDirectory {

    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int CENTRAL_FILE_HEADER = 0x02014b50;
    private static final int UNIX = 3;
    private static final int FILE_TYPE_MASK = 0170000;
    private static final int SYMBOLIC_LINK = 0120000;

    private ZipCentralDirectory() {
    }

    /** Refuses links and names that are not UTF-8; a directory it cannot read is left to the zip reader. */
    static void check(byte[] zip, String origin) throws PackageReadException {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int end = findEnd(bytes);
        if (end < 0) {
            return;
        }
        int entries = Short.toUnsignedInt(bytes.getShort(end + 10));
        long offset = Integer.toUnsignedLong(bytes.getInt(end + 16));
        for (int i = 0; i < entries && offset + 46 <= zip.length; i++) {
            int at = (int) offset;
            int nameLength = Short.toUnsignedInt(bytes.getShort(at + 28));
            if (bytes.getInt(at) != CENTRAL_FILE_HEADER || at + 46L + nameLength > zip.length) {
                return;
            }
            String name = utf8(bytes.slice(at + 46, nameLength), origin);
            int madeBy = Short.toUnsignedInt(bytes.getShort(at + 4)) >>> 8;
            int mode = bytes.getInt(at + 38) >>> 16;
            if (madeBy == UNIX && (mode & FILE_TYPE_MASK) == SYMBOLIC_LINK) {
                throw new PackageReadException(ValidationCode.LINK_IN_PACKAGE, origin + " holds a symbolic link: " + name);
            }
            offset += 46L + nameLength + Short.toUnsignedInt(bytes.getShort(at + 30))
                    + Short.toUnsignedInt(bytes.getShort(at + 32));
        }
    }

    private static String utf8(ByteBuffer name, String origin) throws PackageReadException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(name).toString();
        } catch (CharacterCodingException e) {
            throw new PackageReadException(ValidationCode.ENTRY_NAME_NOT_UTF8, origin + " has an entry whose name is not UTF-8", e);
        }
    }

    private static int findEnd(ByteBuffer bytes) {
        // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
        int last = bytes.capacity() - 22;
        for (int at = last; at >= 0 && at >= last - 65_535; at--) {
            if (bytes.getInt(at) == END_OF_CENTRAL_DIRECTORY) {
                return at;
            }
        }
        return -1;
    }
}
