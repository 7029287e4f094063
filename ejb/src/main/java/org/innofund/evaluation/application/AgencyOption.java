package org.innofund.evaluation.application;

import java.io.Serializable;

/** An evaluation agency as the reviewer picks it when assigning. */
public record AgencyOption(Long id, String name) implements Serializable {
}
