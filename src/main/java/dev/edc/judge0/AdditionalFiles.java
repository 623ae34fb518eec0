package dev.edc.judge0;

import dev.edc.execution.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Judge0's {@code additional_files}: a Base64 zip archive whose files sit beside the program (a C
 * header, a Python module, a data file). They become EDC's files after the program's own; they
 * must be text, and all of them together no larger than the largest program (read no further:
 * an archive that unzips to more is refused, whatever it claims).
 */
final class AdditionalFiles {

    private AdditionalFiles() {}

    /**
     * The archive's files, in its order.
     *
     * @throws IllegalArgumentException saying, in Judge0's manner, what is wrong with the archive
     */
    static List<SourceFile> unzip(String base64, long maxBytes) {
        byte[] archive;
        try {
            archive = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("is not Base64");
        }
        List<SourceFile> files = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] contents = zip.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes - total + 1));
                total += contents.length;
                if (total > maxBytes) {
                    throw new IllegalArgumentException(
                            "is larger than this server's largest program once unzipped (" + maxBytes + " bytes)");
                }
                files.add(new SourceFile(entry.getName().replaceFirst("^\\./", ""), text(entry.getName(), contents)));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("is not a zip archive: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("is not a zip archive, or holds no file");
        }
        return files;
    }

    private static String text(String name, byte[] contents) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(contents))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(
                    "holds " + name + ", which is not UTF-8 text (this server runs text files)");
        }
    }
}
