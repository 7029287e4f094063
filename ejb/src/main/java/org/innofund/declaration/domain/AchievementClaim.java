package org.innofund.declaration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.io.Serializable;
import java.time.LocalDate;

/** An achievement claimed in a REWARD declaration, with its evidence. */
@Embeddable
public class AchievementClaim implements Serializable {

    private static final long serialVersionUID = 1L;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    private Achievement achievement;

    @Column(name = "certificate_no", length = 64)
    private String certificateNo;

    @Column(name = "recognised_on")
    private LocalDate recognisedOn;

    protected AchievementClaim() {
    }

    public AchievementClaim(Achievement achievement, String certificateNo, LocalDate recognisedOn) {
        this.achievement = achievement;
        this.certificateNo = certificateNo == null ? null : certificateNo.strip();
        this.recognisedOn = recognisedOn;
    }

    public Achievement getAchievement() {
        return achievement;
    }

    public String getCertificateNo() {
        return certificateNo;
    }

    public LocalDate getRecognisedOn() {
        return recognisedOn;
    }
}
