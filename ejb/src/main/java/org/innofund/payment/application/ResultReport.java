package org.innofund.payment.application;

import java.io.Serializable;
import java.util.List;

/**
 * What recording results did: lines newly paid and failed, lines whose same result was already recorded (changed
 * nothing), and the batch after. From a file, {@code problems} lists every bad line and then nothing was recorded
 * ({@code stored} false), as on a dry run.
 */
public record ResultReport(BatchView batch, int paid, int failed, int unchanged, boolean stored,
                           List<LineProblem> problems) implements Serializable {

    public ResultReport {
        problems = List.copyOf(problems);
    }

    /** A bad line of the bank's file (0: the whole file), by its message key and arguments. */
    public record LineProblem(int line, String messageKey, List<String> arguments) implements Serializable {
        public LineProblem {
            arguments = List.copyOf(arguments);
        }
    }
}
