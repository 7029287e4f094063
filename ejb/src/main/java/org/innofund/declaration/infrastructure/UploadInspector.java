package org.innofund.declaration.infrastructure;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FileType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * Checks an upload by its content while streaming it to a temporary file: never more than the limit is read,
 * the SHA-256 is computed on the way, the type is recognised by its magic bytes (and a PDF must open, an XLSX
 * must be a workbook). What the client calls the file plays no part. A refused file leaves nothing behind.
 */
public final class UploadInspector {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] JPG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};

    private UploadInspector() {
    }

    /** A checked upload in a temporary file, which the caller must {@link #discard()} when done. */
    public record Inspected(Path file, long size, String sha256, FileType type) {
        public void discard() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static Inspected inspect(InputStream content, long maxBytes) {
        Path file;
        try {
            file = Files.createTempFile("innofund-upload-", ".bin");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean keep = false;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = copyAtMost(content, file, sha256, maxBytes);
            if (size == 0) {
                throw BusinessException.invalid("attachment.empty");
            }
            FileType type = detect(head(file)).orElseThrow(() -> BusinessException.invalid("attachment.typeNotAllowed"));
            if (type == FileType.PDF) {
                requireOpensAsPdf(file);
            } else if (type == FileType.XLSX) {
                requireWorkbook(file);
            }
            keep = true;
            return new Inspected(file, size, HexFormat.of().formatHex(sha256.digest()), type);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (!keep) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary file will go with the temporary directory
                }
            }
        }
    }

    private static long copyAtMost(InputStream in, Path file, MessageDigest digest, long maxBytes) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw BusinessException.invalid("attachment.tooLarge", maxBytes / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw BusinessException.invalid("attachment.unreadable");
        }
        return total;
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The type its first bytes say, if it is one of the allowed ones. */
    public static Optional<FileType> detect(byte[] head) {
        if (startsWith(head, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(head, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(head, JPG)) {
            return Optional.of(FileType.JPG);
        }
        if (startsWith(head, ZIP)) {
            return Optional.of(FileType.XLSX);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** The file is closed whether it opens or not (Loader does not close what it fails to parse). */
    private static void requireOpensAsPdf(Path file) {
        try (RandomAccessReadBufferedFile in = new RandomAccessReadBufferedFile(file.toFile());
             PDDocument ignored = Loader.loadPDF(in)) {
            // it opened: a PDF
        } catch (IOException | RuntimeException e) {
            throw BusinessException.invalid("attachment.pdfDamaged");
        }
    }

    /** A ZIP is an XLSX only if it holds a workbook part; other ZIPs (and DOCX, JARs...) are refused. */
    private static void requireWorkbook(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean contentTypes = zip.getEntry("[Content_Types].xml") != null;
            boolean workbook = zip.getEntry("xl/workbook.xml") != null;
            if (!contentTypes || !workbook) {
                throw BusinessException.invalid("attachment.typeNotAllowed");
            }
        } catch (IOException e) {
            throw BusinessException.invalid("attachment.typeNotAllowed");
        }
    }
}
