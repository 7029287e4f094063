package org.innofund.web.shared;

import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Files uploaded one request each and kept (in temporary files, never in memory) until the form they belong to is
 * sent: several files of up to a page upload's limit each go with one form, while every request stays under the Faces
 * servlet's multipart limits (web.xml). At most {@code max} are kept; the owner deletes them when done or destroyed.
 */
public final class StagedFiles implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One file kept for the form: the name its sender gave it, its size, where its bytes wait. */
    public record Staged(String name, long size, String path) implements Serializable {
    }

    private final int max;
    private final List<Staged> files = new ArrayList<>();

    public StagedFiles(int max) {
        this.max = max;
    }

    /** Keeps the uploaded file; false (nothing kept) if {@code max} are kept already or it cannot be read. */
    public boolean add(UploadedFile file) {
        if (files.size() >= max) {
            return false;
        }
        try (InputStream in = file.getInputStream()) {
            Path kept = Files.createTempFile("innofund-staged-", ".part");
            Files.copy(in, kept, StandardCopyOption.REPLACE_EXISTING);
            files.add(new Staged(file.getFileName(), Files.size(kept), kept.toString()));
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                file.delete();
            } catch (IOException ignored) {
                // the container removes its temporary part file at the end of the request anyway
            }
        }
    }

    public void remove(int index) {
        if (index >= 0 && index < files.size()) {
            delete(files.remove(index));
        }
    }

    /**
     * The kept files handed to one business call as streams, closed after; true if the call went through (the files
     * are then deleted), false if refused or a file unreadable (the reason is on the page; the files stay to amend).
     */
    public boolean send(Consumer<List<org.innofund.shared.UploadedFile>> call) {
        List<InputStream> open = new ArrayList<>();
        try {
            List<org.innofund.shared.UploadedFile> given = new ArrayList<>();
            for (Staged s : files) {
                InputStream content = Files.newInputStream(Path.of(s.path()));
                open.add(content);
                given.add(new org.innofund.shared.UploadedFile(s.name(), content));
            }
            boolean done = BusinessCall.run(() -> call.accept(given));
            if (done) {
                clear();
            }
            return done;
        } catch (IOException e) {
            Feedback.errorKey("attachment.unreadable");
            return false;
        } finally {
            for (InputStream in : open) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // nothing more to read from it
                }
            }
        }
    }

    public List<Staged> list() {
        return Collections.unmodifiableList(files);
    }

    public boolean isFull() {
        return files.size() >= max;
    }

    /** Deletes every kept file. */
    public void clear() {
        files.forEach(StagedFiles::delete);
        files.clear();
    }

    private static void delete(Staged s) {
        try {
            Files.deleteIfExists(Path.of(s.path()));
        } catch (IOException ignored) {
            // a temporary file; the system's cleaning takes it
        }
    }
}
