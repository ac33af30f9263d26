package org.radpair.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One recorded validation. Immutable: the table refuses updates and deletes. */
@Entity
@Immutable
@Table(name = "audit_claim")
public class AuditRecord extends PanacheEntityBase {

    @Id
    @Column(name = "audit_id")
    public UUID auditId;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "claim_id", nullable = false)
    public String claimId;

    @Column(nullable = false)
    public int version;

    @Column(name = "patient_key", nullable = false)
    public String patientKey;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(name = "date_of_service", nullable = false)
    public LocalDate dateOfService;

    @Column(name = "payer_id")
    public String payerId;

    @Column(name = "payer_type")
    public String payerType;

    @Column(nullable = false)
    public String[] cpts;

    @Column(nullable = false)
    public String[] diagnoses;

    @Column(nullable = false)
    public String verdict;

    /** Ids of the rules that fired, for the audit filters. */
    @Column(nullable = false)
    public String[] rules;

    /** Categories of the edits, for the audit filters. */
    @Column(nullable = false)
    public String[] categories;

    @Column(name = "ruleset_version", nullable = false)
    public String rulesetVersion;

    /** The request as received, with the patient identifier replaced by its key. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String request;

    /** The validation result as answered (without auditId). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String result;
}
