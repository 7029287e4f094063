package org.innofund.declaration.domain.kind;

import java.time.LocalDate;

/**
 * What the call and the enterprise's standing add to a kind's inputs: the call's year Y, its service period
 * (SHARED_SERVICE: invoices outside it are excluded), and step 1 of SUBSIDY-RULES.md — whether the enterprise is
 * registered and on the integrity blacklist on the calculation date.
 */
public record CalculationContext(int year, LocalDate servicePeriodStart, LocalDate servicePeriodEnd,
                                 LocalDate calculationDate, boolean registered, boolean blacklisted) {
}
