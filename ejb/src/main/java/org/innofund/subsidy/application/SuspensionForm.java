package org.innofund.subsidy.application;

import java.time.LocalDate;

/** A suspension to record, with the provider's version read. */
public record SuspensionForm(LocalDate from, LocalDate until, String reason, Long version) {
}
