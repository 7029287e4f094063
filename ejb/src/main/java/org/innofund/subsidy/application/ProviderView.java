package org.innofund.subsidy.application;

import org.innofund.subsidy.domain.ProviderStatus;
import org.innofund.subsidy.domain.ProviderSuspension;
import org.innofund.subsidy.domain.ServiceProvider;

import java.time.LocalDate;
import java.util.List;

/** A provider as the reviewer's registry shows it, with its status on the bureau's today. */
public record ProviderView(long id, long version, String uscc, String name, boolean local, String controller,
                           LocalDate registeredOn, LocalDate listedOn, ProviderStatus status,
                           List<Suspension> suspensions) {

    public record Suspension(LocalDate from, LocalDate until, String reason, String by) {
    }

    static ProviderView of(ServiceProvider p, LocalDate today) {
        return new ProviderView(p.getId(), p.getVersion(), p.getUscc(), p.getName(), p.isLocal(), p.getController(),
                p.getRegisteredOn(), p.getListedOn(), p.statusOn(today),
                p.getSuspensions().stream().map(ProviderView::suspension).toList());
    }

    private static Suspension suspension(ProviderSuspension s) {
        return new Suspension(s.getSuspendedFrom(), s.getSuspendedUntil(), s.getReason(), s.getSuspendedBy());
    }
}
