package io.bilan.runtime.batch;

/**
 * What a batch did: every data row read is either scored or refused.
 *
 * @param rows    data rows read (CSV rows after the header, non-blank NDJSON lines)
 * @param scored  rows that produced a score report
 * @param refused rows written with an error instead: invalid response set, unreadable row or cell, or a
 *                script or Java scorer failure
 */
public record BatchSummary(long rows, long scored, long refused) {
}
