package org.innofund.subsidy.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.innofund.identity.domain.Uscc;
import org.innofund.shared.BaseEntity;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FlagConverter;
import org.innofund.shared.Lengths;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * 服务机构: a provider of R&D services whose invoices an innovation voucher (SHARED_SERVICE) refunds. Registered by a
 * reviewer, listed after a {@value #PUBLICITY_DAYS}-day publicity (SUBSIDY-RULES.md kind 4), suspended for periods.
 * A service counts only if {@link #countsOn} its invoice date.
 */
@Entity
@Table(name = "service_provider")
public class ServiceProvider extends BaseEntity {

    /**
     * The publicity before a provider is listed: fixed by the rules file for the registry as a whole, not a call's
     * parameter, since one registry serves every call. Registered on day D, listed from D + 7.
     */
    public static final int PUBLICITY_DAYS = 7;

    @Column(nullable = false, length = 18)
    private String uscc;

    @Column(nullable = false, length = 200)
    private String name;

    /** Registered in this city: the local bonus rate. */
    @Convert(converter = FlagConverter.class)
    @Column(name = "local_provider", nullable = false)
    private Boolean local;

    /** 实际控制人: a voucher for a service from a company of the enterprise's own controller is a related party's. */
    @Column(nullable = false, length = 200)
    private String controller;

    @Column(name = "registered_on", nullable = false)
    private LocalDate registeredOn;

    @Column(name = "listed_on", nullable = false)
    private LocalDate listedOn;

    @Column(name = "registered_by", nullable = false, length = 64)
    private String registeredBy;

    @ElementCollection
    @CollectionTable(name = "provider_suspension", joinColumns = @JoinColumn(name = "provider_id"))
    @OrderColumn(name = "position")
    private List<ProviderSuspension> suspensions = new ArrayList<>();

    protected ServiceProvider() {
    }

    /** Registered today (the bureau's date): in publicity until {@link #PUBLICITY_DAYS} days later. */
    public ServiceProvider(Uscc uscc, String name, boolean local, String controller, LocalDate today, String by,
                           Instant now) {
        super(now);
        this.uscc = uscc.value();
        describe(name, local, controller);
        this.registeredOn = Objects.requireNonNull(today);
        this.listedOn = today.plusDays(PUBLICITY_DAYS);
        this.registeredBy = Objects.requireNonNull(by);
    }

    /** Corrects the name, locality or controller; the publicity and the suspensions stay as they were. */
    public void describe(String name, boolean local, String controller) {
        this.name = required(name, "provider.name");
        this.controller = required(controller, "provider.controller");
        this.local = local;
    }

    /** A name (of a provider, of a controller): not blank, at most an organisation name's length; stripped. */
    static String required(String text, String messageKey) {
        if (text == null || text.isBlank() || text.strip().length() > Lengths.ORGANISATION_NAME) {
            throw BusinessException.invalid(messageKey, Lengths.ORGANISATION_NAME);
        }
        return text.strip();
    }

    /**
     * Suspends the provider from one date to another (both included). A suspension starts today or later: an invoice
     * already issued by a listed provider keeps counting.
     */
    public void suspend(LocalDate from, LocalDate until, String reason, LocalDate today, String by, Instant now) {
        if (from == null || until == null || until.isBefore(from)) {
            throw BusinessException.invalid("provider.suspensionPeriod");
        }
        if (from.isBefore(today)) {
            throw BusinessException.invalid("provider.suspensionPast", today);
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > Lengths.REASON) {
            throw BusinessException.invalid("provider.suspensionReason", Lengths.REASON);
        }
        suspensions.add(new ProviderSuspension(from, until, reason.strip(), Objects.requireNonNull(by), now));
    }

    /** Listed and not suspended on that day: its services of that day count. */
    public boolean countsOn(LocalDate date) {
        return statusOn(date) == ProviderStatus.LISTED;
    }

    public ProviderStatus statusOn(LocalDate date) {
        if (date.isBefore(listedOn)) {
            return ProviderStatus.PUBLICITY;
        }
        return suspensions.stream().anyMatch(s -> s.covers(date)) ? ProviderStatus.SUSPENDED : ProviderStatus.LISTED;
    }

    public String getUscc() {
        return uscc;
    }

    public String getName() {
        return name;
    }

    public boolean isLocal() {
        return local;
    }

    public String getController() {
        return controller;
    }

    public LocalDate getRegisteredOn() {
        return registeredOn;
    }

    public LocalDate getListedOn() {
        return listedOn;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public List<ProviderSuspension> getSuspensions() {
        return Collections.unmodifiableList(suspensions);
    }
}
