package org.innofund.declaration.application;

import java.io.Serializable;

/** A declaration as the reviewer checks it: as last submitted, with its budget summed by category and source. */
public record ReviewSheet(DeclarationDetail declaration, BudgetTable budget) implements Serializable {
}
