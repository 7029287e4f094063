package org.innofund.audit.application;

import java.time.LocalDate;
import java.util.List;

/** The entries an export selected, and the bureau's date it was taken on (which names the file). */
public record AuditExport(LocalDate takenOn, List<AuditEntryView> entries) {
}
