package org.radpair.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.radpair.claim.HistoryNeeds;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * How what-if checks share history reads, with a plain function in place of the database read (which is tested against
 * PostgreSQL in api: org.radpair.api.audit.HistoryReadsTest).
 */
class HistoryReadsTest {

    /** A read the test answers when it chooses. */
    private record Read(List<AuditLog.Pending> pendings, UniEmitter<? super List<AuditLog.PatientPast>> emitter) {

        /** Each patient's past names its patient, so that a past delivered to the wrong claim shows. */
        void answer() {
            emitter.complete(pendings.stream().map(p -> new AuditLog.PatientPast(List.of(),
                    List.of(new AuditLog.Study("of-" + p.patientKey(), new String[] {"77067"}, p.dateOfService())))).toList());
        }
    }

    private final List<Read> reads = new ArrayList<>();

    private HistoryReads historyReads(int atOnce, int groupSize) {
        return new HistoryReads(atOnce, groupSize,
                pendings -> Uni.createFrom().emitter(answer -> reads.add(new Read(List.copyOf(pendings), answer))));
    }

    private static AuditLog.Pending ask(String patient) {
        return new AuditLog.Pending("tenant-1", "WHATIF-" + patient, null, patient, null, LocalDate.parse("2026-03-02"),
                HistoryNeeds.FINDINGS_ONLY);
    }

    private static Map<String, String> subscribe(HistoryReads historyReads, List<String> patients) {
        Map<String, String> answered = new ConcurrentHashMap<>();
        for (String patient : patients) {
            historyReads.pastOf(ask(patient)).subscribe().with(past -> answered.put(patient, past.studies().get(0).claimId()));
        }
        return answered;
    }

    @Test
    void aQuietServiceReadsAtOnceAndAlone() {
        HistoryReads historyReads = historyReads(2, 64);
        Map<String, String> answered = subscribe(historyReads, List.of("p1"));
        assertThat(reads).hasSize(1);
        reads.get(0).answer();
        assertThat(answered).containsExactly(Map.entry("p1", "of-p1"));
    }

    @Test
    void asksThatArriveWhileReadsRunShareTheNextReadAndEachGetsItsOwnPast() {
        HistoryReads historyReads = historyReads(2, 64);
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            patients.add("p" + i);
        }
        // Two patients twice: a read changes nothing, so the same patient may be asked twice in one read.
        patients.add("p3");
        patients.add("p4");
        Map<String, String> answered = subscribe(historyReads, patients);
        assertThat(reads).hasSize(2);
        assertThat(reads.get(0).pendings()).hasSize(1);
        reads.get(0).answer();
        assertThat(reads).hasSize(3);
        assertThat(reads.get(2).pendings()).extracting(AuditLog.Pending::patientKey).containsExactlyElementsOf(patients.subList(2, 32));
        reads.get(1).answer();
        reads.get(2).answer();
        assertThat(answered).hasSize(30).allSatisfy((patient, pastOf) -> assertThat(pastOf).isEqualTo("of-" + patient));
        assertThat(historyReads.counts()).isEqualTo(new AuditLog.ReadCounts(3, 32, 30));
    }

    @Test
    void aReadCarriesAtMostTheGroupSize() {
        HistoryReads historyReads = historyReads(1, 10);
        List<String> patients = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            patients.add("p" + i);
        }
        Map<String, String> answered = subscribe(historyReads, patients);
        while (answered.size() < 25) {
            reads.get(reads.size() - 1).answer();
        }
        assertThat(reads).extracting(read -> read.pendings().size()).containsExactly(1, 10, 10, 4);
    }

    @Test
    void aFailedReadFailsItsAsksOnlyAndTheNextReadsGoOn() {
        HistoryReads historyReads = historyReads(1, 64);
        List<String> failed = new ArrayList<>();
        Map<String, String> answered = new ConcurrentHashMap<>();
        for (String patient : List.of("a", "b", "c")) {
            historyReads.pastOf(ask(patient)).subscribe().with(past -> answered.put(patient, past.studies().get(0).claimId()),
                    failure -> failed.add(patient));
        }
        reads.get(0).emitter().fail(new IllegalStateException("connection lost"));
        assertThat(failed).containsExactly("a");
        reads.get(1).answer();
        assertThat(answered).containsOnlyKeys("b", "c");
    }
}
