/**
 * Judge0 CE's API at {@code /judge0}, for Judge0's clients (Judge0 IDE, its SDKs, graders built on
 * {@code /submissions}): submissions with {@code base64_encoded}, {@code wait} and {@code fields},
 * batches, languages under Judge0's ids (configured per language entry, {@code judge0-ids}), and
 * Judge0's statuses. A thin translation onto {@code ExecutionService}: a token is an EDC uuid,
 * and a submission is read back from EDC's own record.
 */
package dev.edc.judge0;
