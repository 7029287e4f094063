package org.innofund.subsidy.application;

/** An enterprise's actual controller as recorded, with the version to send with a change. */
public record ControllerView(String uscc, String controller, long version) {
}
