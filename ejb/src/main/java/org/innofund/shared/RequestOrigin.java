package org.innofund.shared;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request comes from, filled in by the web layer for the audit trail. Empty outside a
 * web request (timers, start-up).
 */
@RequestScoped
public class RequestOrigin {

    private String clientAddress;

    public String getClientAddress() {
        return clientAddress;
    }

    public void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }
}
