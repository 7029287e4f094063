package org.innofund.shared;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

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
        return inspect(content, maxBytes, ZipLimits.XLSX);
    }

    /** The same, an XLSX held to the given limits (one to be read whole into memory needs stricter ones). */
    public static Inspected inspect(InputStream content, long maxBytes, ZipLimits xlsxLimits) {
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
                requireModestExpansion(file, xlsxLimits);
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

    /**
     * A PDF, or refused with {@code notPdfKey} (422) whatever else it is, recognised or not: for uploads that take
     * PDFs only (an evaluation report, a progress report's files).
     */
    public static Inspected inspectPdf(InputStream content, long maxBytes, String notPdfKey) {
        Inspected file;
        try {
            file = inspect(content, maxBytes);
        } catch (BusinessException e) {
            throw "attachment.typeNotAllowed".equals(e.messageKey()) ? BusinessException.invalid(notPdfKey) : e;
        }
        if (file.type() != FileType.PDF) {
            file.discard();
            throw BusinessException.invalid(notPdfKey);
        }
        return file;
    }

    private static long copyAtMost(InputStream in, Path file, MessageDigest digest, long maxBytes) {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw new BusinessException(BusinessException.Kind.TOO_LARGE, "attachment.tooLarge", maxBytes / (1024 * 1024));
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

    /**
     * How far a ZIP may expand: a zip bomb (a megabyte that inflates to a gigabyte) must not reach a reviewer's
     * spreadsheet program or a later import. Real workbooks compress XML around 10 to 30 times.
     *
     * @param maxEntries        entries in the archive
     * @param maxExpandedBytes  all entries inflated together
     * @param maxRatio          inflated to compressed bytes of one entry, checked once it passes {@link #RATIO_FROM_BYTES}
     */
    public record ZipLimits(int maxEntries, long maxExpandedBytes, int maxRatio) {
        public static final ZipLimits XLSX = new ZipLimits(10_000, 256L * 1024 * 1024, 100);
        static final long RATIO_FROM_BYTES = 1024 * 1024;
    }

    /**
     * Inflates every entry without keeping it, counting the bytes that really come out (the sizes an archive
     * declares are the attacker's to choose), and stops at the first limit passed.
     */
    static void requireModestExpansion(Path file, ZipLimits limits) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > limits.maxEntries()) {
                throw zipBomb(limits);
            }
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (java.util.Enumeration<? extends java.util.zip.ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                java.util.zip.ZipEntry entry = entries.nextElement();
                long compressed = Math.max(1, entry.getCompressedSize());
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) != -1) {
                        inflated += n;
                        total += n;
                        if (total > limits.maxExpandedBytes()
                                || inflated > ZipLimits.RATIO_FROM_BYTES && inflated > compressed * limits.maxRatio()) {
                            throw zipBomb(limits);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof BusinessException refused) {
                throw refused;
            }
            throw BusinessException.invalid("attachment.typeNotAllowed");
        }
    }

    private static BusinessException zipBomb(ZipLimits limits) {
        return BusinessException.invalid("attachment.zipBomb", limits.maxEntries(), limits.maxExpandedBytes() / (1024 * 1024),
                limits.maxRatio());
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
