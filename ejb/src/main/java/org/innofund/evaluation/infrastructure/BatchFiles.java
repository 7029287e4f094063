package org.innofund.evaluation.infrastructure;

import org.innofund.declaration.domain.Attachment;
import org.innofund.evaluation.application.EvaluationBatches;
import org.innofund.evaluation.domain.EvaluationBatch.Problem;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FieldProblem;
import org.innofund.shared.FileType;
import org.innofund.shared.UploadInspector;

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
 * past {@value #MAX_ENTRIES} entries or {@link #MAX_BATCH_BYTES} inflated (a zip bomb), or with an entry that climbs
 * out of its folder (path traversal): nothing of it is ever written under its own name, but such an archive is not an
 * honest one. Only the base name counts ("报告/12.pdf" is "12.pdf").
 */
public final class BatchFiles implements AutoCloseable {

    /** 1,000 evaluations with a report of about 200 KB fit with room; refused above (413) before it is all read. */
    public static final long MAX_BATCH_BYTES = 512L * 1024 * 1024;
    public static final long MAX_WORKBOOK_BYTES = 20L * 1024 * 1024;
    public static final int MAX_ENTRIES = 2_000;

    private final Map<String, UploadInspector.Inspected> pdfs = new HashMap<>();
    private final Map<String, FieldProblem> refused = new HashMap<>();
    /** Problems of the files as such (not of one row). */
    private final List<Problem> problems = new ArrayList<>();
    private long total;

    private BatchFiles() {
    }

    public static BatchFiles read(List<EvaluationBatches.Upload> uploads) {
        BatchFiles files = new BatchFiles();
        try {
            for (EvaluationBatches.Upload u : uploads == null ? List.<EvaluationBatches.Upload>of() : uploads) {
                String name = baseName(u.name());
                if (name.toLowerCase().endsWith(".zip")) {
                    files.unzip(u.content());
                } else {
                    files.add(name, u.content());
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
                if (++entries > MAX_ENTRIES) {
                    throw BusinessException.invalid("batch.zipUnsafe", "> " + MAX_ENTRIES + " entries");
                }
                String path = e.getName().replace('\\', '/');
                if (path.startsWith("/") || path.contains("../") || path.contains(":")) {
                    throw BusinessException.invalid("batch.zipUnsafe", path);
                }
                if (!e.isDirectory()) {
                    add(baseName(path), new FilterInputStream(zip) {
                        @Override
                        public void close() {
                            // the entry ends, not the archive
                        }
                    });
                }
            }
        } catch (IOException e) {
            throw BusinessException.invalid("batch.zipUnsafe", e.getMessage());
        }
    }

    private void add(String name, InputStream content) {
        if (pdfs.containsKey(name) || refused.containsKey(name)) {
            problems.add(Problem.ofFile("batch.fileTwice", name));
            return;
        }
        try {
            UploadInspector.Inspected i = UploadInspector.inspect(content, Attachment.MAX_BYTES);
            total += i.size();
            pdfs.put(name, i);
            if (total > MAX_BATCH_BYTES) {
                throw new BusinessException(BusinessException.Kind.TOO_LARGE, "batch.tooLarge", MAX_BATCH_BYTES / (1024 * 1024));
            }
            if (i.type() != FileType.PDF) {
                refused.put(name, FieldProblem.of(name, "attachment.typeNotAllowed"));
                pdfs.remove(name).discard();
            }
        } catch (BusinessException e) {
            if (e.kind() == BusinessException.Kind.TOO_LARGE && "batch.tooLarge".equals(e.messageKey())) {
                throw e;
            }
            refused.put(name, FieldProblem.of(name, e.messageKey(), e.arguments()));
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
