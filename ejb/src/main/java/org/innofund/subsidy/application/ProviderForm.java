package org.innofund.subsidy.application;

/** What a reviewer types to register or correct a provider; {@code version} the one read (ignored on register). */
public record ProviderForm(String uscc, String name, boolean local, String controller, Long version) {
}
