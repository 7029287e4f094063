package org.innofund.web.shared;

import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** A p:fileUpload's file handed to a business call as a stream (never whole in memory), its temporary part removed after. */
public final class Uploads {

    private Uploads() {
    }

    /** True if the call took the file; false if refused or unreadable (the reason is on the page). */
    public static boolean run(UploadedFile file, BiConsumer<String, InputStream> call) {
        try (InputStream content = file.getInputStream()) {
            return BusinessCall.run(() -> call.accept(file.getFileName(), content));
        } catch (IOException e) {
            Feedback.errorKey("attachment.unreadable");
            return false;
        } finally {
            try {
                file.delete();
            } catch (IOException ignored) {
                // the container removes its temporary part file at the end of the request anyway
            }
        }
    }

    /**
     * The chosen files (none if none was chosen) handed to one business call as streams, closed after; true if the
     * call succeeded, false if refused or a file unreadable (the reason is on the page).
     */
    public static boolean runAll(UploadedFiles chosen, Consumer<List<org.innofund.shared.UploadedFile>> call) {
        List<InputStream> open = new ArrayList<>();
        try {
            List<org.innofund.shared.UploadedFile> files = new ArrayList<>();
            for (UploadedFile f : chosen == null ? List.<UploadedFile>of() : chosen.getFiles()) {
                if (f.getSize() > 0) {
                    InputStream content = f.getInputStream();
                    open.add(content);
                    files.add(new org.innofund.shared.UploadedFile(f.getFileName(), content));
                }
            }
            return BusinessCall.run(() -> call.accept(files));
        } catch (IOException e) {
            Feedback.errorKey("attachment.unreadable");
            return false;
        } finally {
            for (InputStream in : open) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // a part file the container removes at the end of the request anyway
                }
            }
        }
    }
}
