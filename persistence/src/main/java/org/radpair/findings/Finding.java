package org.radpair.findings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An incidental finding waiting for (or given) its follow-up study. */
@Entity
@Table(name = "finding")
public class Finding extends PanacheEntityBase {

    @Id
    @Column(name = "finding_id")
    public UUID findingId;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "patient_key", nullable = false)
    public String patientKey;

    @Column(nullable = false)
    public String code;

    /** Body regions of the study that found it. */
    @Column(nullable = false)
    public String[] regions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FindingStatus status;

    @Column(name = "opened_by_claim", nullable = false)
    public String openedByClaim;

    @Column(name = "opened_by_audit", nullable = false)
    public UUID openedByAudit;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "resolved_by_claim")
    public String resolvedByClaim;

    @Column(name = "resolved_by_audit")
    public UUID resolvedByAudit;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "close_reason")
    public String closeReason;

    /** EXPLICIT (the claim's incidentalFindings) or INFERRED (recognised from its secondary diagnoses). */
    @Column(name = "opened_how", nullable = false)
    public String openedHow;

    /** The rule that opened an inferred finding (e.g. FINDING-SECONDARY), null for explicit ones. */
    @Column(name = "opening_rule")
    public String openingRule;

    /** When its follow-up study is due. */
    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    /** EXPLICIT (followUpOf) or INFERRED, once FOLLOWED_UP. */
    @Column(name = "followed_up_how")
    public String followedUpHow;

    /** The rule that recognised the follow-up (FOLLOWUP-EXPLICIT, FOLLOWUP-CODE, FOLLOWUP-FAMILY, FOLLOWUP-RESULT). */
    @Column(name = "follow_up_rule")
    public String followUpRule;

    @Version
    public int version;
}
