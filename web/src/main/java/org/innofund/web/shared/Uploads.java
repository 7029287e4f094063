package org.innofund.web.shared;

import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiConsumer;

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
}
