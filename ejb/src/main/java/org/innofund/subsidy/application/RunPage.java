package org.innofund.subsidy.application;

import java.io.Serializable;
import java.util.List;

/** A run with one page of its lines ({@code page} from 0) in the order asked; {@code lineCount} all of them. */
public record RunPage(RunView run, List<LineView> lines, int page, int size, long lineCount) implements Serializable {
}
