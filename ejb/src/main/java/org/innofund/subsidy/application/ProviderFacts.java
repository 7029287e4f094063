package org.innofund.subsidy.application;

/**
 * What the registry says of a provider on one day, for a SHARED_SERVICE calculation: {@code listed} listed and not
 * suspended that day; {@code local} registered in this city; {@code controller} its actual controller (null if the
 * provider is unknown).
 */
public record ProviderFacts(boolean listed, boolean local, String controller) {

    public static final ProviderFacts UNKNOWN = new ProviderFacts(false, false, null);
}
