package org.innofund.web.shared;

import org.primefaces.PrimeFaces;

/**
 * A dialog whose action went through: it closes (the page's {@code oncomplete} reads {@code args.done}) and the parts
 * of the page behind it are redrawn. A dialog whose action was refused stays open with the message inside it, as
 * its button redraws only its own form.
 */
public final class Dialogs {

    private Dialogs() {
    }

    public static void done(String... redraw) {
        PrimeFaces.current().ajax().addCallbackParam("done", true);
        PrimeFaces.current().ajax().update(redraw);
    }
}
