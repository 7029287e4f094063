package org.innofund.evaluation.infrastructure;

import org.innofund.declaration.domain.Attachment;
import org.innofund.evaluation.domain.EvaluationBatch.Problem;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.FileType;
import org.innofund.shared.UploadInspector;
import org.innofund.shared.UploadedFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The report PDFs of a bulk upload, by file name: uploaded one by one or in one ZIP. Each is checked as an attachment
 * is ({@link UploadInspector}: content, not name; a PDF must open). A ZIP is read entry by entry and refused, whole,
 * past {@value #MAX_ENTRIES} entries, {@link #MAX_BATCH_BYTES} inflated or one entry above an attachment's limit (a zip
 * bomb), or with an entry that climbs
 * out of its folder (path traversal): nothing of it is ever written under its own name, but such an archive is not an
 * honest one. Only the base name counts ("报告/12.pdf" is "12.pdf").
 */
public final class BatchFiles implements AutoCloseable {

    /**
     * What one upload's reports may come to; refused above (413) before it is all read. Measured (BENCHMARKS.md): 250
     * reports of 200 KB (51 MB) are stored in their one transaction on the embedded H2 with the product's 512 MB heap;
     * 1,000 (205 MB) ran H2 out of memory mid-transaction and left the database unusable until a restart. A larger
     * batch goes in several uploads, each all or nothing.
     */
    public static final long MAX_BATCH_BYTES = 64L * 1024 * 1024;
    public static final long MAX_WORKBOOK_BYTES = 20L * 1024 * 1024;
    public static final int MAX_ENTRIES = 2_000;

    private final Map<String, UploadInspector.Inspected> pdfs = new HashMap<>();
    private final Map<String, FieldProblem> refused = new HashMap<>();
    /** Problems of the files as such (not of one row). */
    private final List<Problem> problems = new ArrayList<>();
    private final long maxBytes;
    private final int maxEntries;
    private long total;

    private BatchFiles(long maxBytes, int maxEntries) {
        this.maxBytes = maxBytes;
        this.maxEntries = maxEntries;
    }

    public static BatchFiles read(List<UploadedFile> uploads) {
        return read(uploads, MAX_BATCH_BYTES, MAX_ENTRIES);
    }

    /** With other limits (the tests' smaller ones). */
    static BatchFiles read(List<UploadedFile> uploads, long maxBytes, int maxEntries) {
        BatchFiles files = new BatchFiles(maxBytes, maxEntries);
        try {
            for (UploadedFile u : uploads == null ? List.<UploadedFile>of() : uploads) {
                String name = baseName(u.name());
                if (name.toLowerCase().endsWith(".zip")) {
                    files.unzip(u.content());
                } else {
                    files.add(name, u.content(), false);
                }
            }
            return files;
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
    }

    private void unzip(InputStream in) {
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (++entries > maxEntries) {
                    throw BusinessException.invalid("batch.zipUnsafe", "> " + maxEntries + " entries");
                }
                String path = e.getName().replace('\\', '/');
                if (path.startsWith("/") || path.contains("../") || path.contains(":")) {
                    throw BusinessException.invalid("batch.zipUnsafe", path);
                }
                if (!e.isDirectory()) {
                    add(baseName(path), zip, true);
                }
            }
        } catch (IOException e) {
            throw BusinessException.invalid("batch.zipUnsafe", e.getMessage());
        }
    }

    private void add(String name, InputStream content, boolean inArchive) {
        if (pdfs.containsKey(name) || refused.containsKey(name)) {
            problems.add(Problem.ofFile("batch.fileTwice", name));
            return;
        }
        try {
            UploadInspector.Inspected i = UploadInspector.inspect(new Counted(content), Attachment.MAX_BYTES);
            pdfs.put(name, i);
            if (i.type() != FileType.PDF) {
                refused.put(name, FieldProblem.of(name, "attachment.typeNotAllowed"));
                pdfs.remove(name).discard();
            }
        } catch (BusinessException e) {
            if (e.kind() == BusinessException.Kind.TOO_LARGE && "batch.tooLarge".equals(e.messageKey())) {
                throw e;
            }
            if (e.kind() == BusinessException.Kind.TOO_LARGE && inArchive) {
                // the rest of the entry would be inflated, uncounted, by the next getNextEntry(): not an honest archive
                throw BusinessException.invalid("batch.zipUnsafe", name + " > " + Attachment.MAX_BYTES / (1024 * 1024) + " MB");
            }
            refused.put(name, FieldProblem.of(name, e.messageKey(), e.arguments()));
        }
    }

    /**
     * Counts every byte read (inflated, for a ZIP's entry), refused files' included, and stops the whole upload past
     * the limit: a bomb of entries each refused on its own would otherwise inflate without end.
     * Closing it ends the entry, not the archive.
     */
    private final class Counted extends FilterInputStream {
        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            counted(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            counted(Math.max(n, 0));
            return n;
        }

        @Override
        public void close() {
            // the entry ends, not the archive; the request closes the parts
        }

        private void counted(int n) {
            total += n;
            if (total > maxBytes) {
                throw new BusinessException(BusinessException.Kind.TOO_LARGE, "batch.tooLarge", maxBytes / (1024 * 1024));
            }
        }
    }

    /** Why the named file cannot be the row's report: not uploaded, or refused when inspected. */
    public Optional<FieldProblem> problem(String name) {
        String base = baseName(name);
        if (refused.containsKey(base)) {
            return Optional.of(refused.get(base));
        }
        return pdfs.containsKey(base) ? Optional.empty()
                : Optional.of(FieldProblem.of(base, "batch.reportNotUploaded", base));
    }

    public Optional<UploadInspector.Inspected> pdf(String name) {
        return Optional.ofNullable(pdfs.get(baseName(name)));
    }

    /** Every file name uploaded (refused ones too), to find those no row names. */
    public Set<String> names() {
        Set<String> all = new HashSet<>(pdfs.keySet());
        all.addAll(refused.keySet());
        return all;
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    static String baseName(String name) {
        if (name == null) {
            return "";
        }
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1).strip();
    }

    @Override
    public void close() {
        pdfs.values().forEach(UploadInspector.Inspected::discard);
        pdfs.clear();
    }
}
