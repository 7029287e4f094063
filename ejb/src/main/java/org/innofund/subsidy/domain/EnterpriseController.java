package org.innofund.subsidy.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.innofund.identity.domain.Uscc;
import org.innofund.shared.BaseEntity;

import java.time.Instant;
import java.util.Objects;

/**
 * 实际控制人 of an enterprise, by its USCC (it may not have registered yet), as a reviewer recorded it: the
 * SHARED_SERVICE controller cap and related-party check read it.
 */
@Entity
@Table(name = "enterprise_controller")
public class EnterpriseController extends BaseEntity {

    @Column(nullable = false, length = 18)
    private String uscc;

    @Column(nullable = false, length = 200)
    private String controller;

    @Column(name = "recorded_by", nullable = false, length = 64)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected EnterpriseController() {
    }

    public EnterpriseController(Uscc uscc, String controller, String by, Instant now) {
        super(now);
        this.uscc = uscc.value();
        record(controller, by, now);
    }

    public void record(String controller, String by, Instant now) {
        this.controller = ServiceProvider.required(controller, "provider.controller");
        this.recordedBy = Objects.requireNonNull(by);
        this.recordedAt = now;
    }

    public String getUscc() {
        return uscc;
    }

    public String getController() {
        return controller;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
