package org.innofund.web.shared;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;

/**
 * An anonymous visitor's view is stateless from the moment it is created, not only once the layout's f:view is
 * built: PrimeFaces' CSP support asks whether the view is transient before the view is built, and for a view that
 * is not it keeps the page's nonce in the view map, which opens an HTTP session for every anonymous GET.
 */
public class AnonymousViewHandler extends ViewHandlerWrapper {

    public AnonymousViewHandler(ViewHandler wrapped) {
        super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
        UIViewRoot root = super.createView(context, viewId);
        if (root != null && context.getExternalContext().getUserPrincipal() == null) {
            root.setTransient(true);
        }
        return root;
    }
}
