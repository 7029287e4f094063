package org.innofund.payment.application;

import org.innofund.shared.Money;

import java.io.Serializable;

/**
 * 可追回: in one call, what an enterprise was paid (its PAID items), what was asked back from it already (its
 * recoveries, settled or not), and the difference, the most a new recovery may ask.
 */
public record Recoverable(long callId, String callTitle, int year, Money paid, Money askedBack, Money recoverable)
        implements Serializable {
}
