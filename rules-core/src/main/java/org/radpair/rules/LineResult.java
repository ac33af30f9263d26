package org.radpair.rules;

/** Per-line summary: the study, the diagnosis its first pointer designates, and whether it supports it. */
public record LineResult(int line, String cpt, String primaryDiagnosis, Pairing pairing) {
}
