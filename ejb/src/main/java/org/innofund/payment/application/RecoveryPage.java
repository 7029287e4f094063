package org.innofund.payment.application;

import java.io.Serializable;
import java.util.List;

/** One page ({@code page} from 0) of the recoveries a filter finds; {@code total} all of them. */
public record RecoveryPage(List<RecoveryView> items, int page, int size, long total) implements Serializable {
}
