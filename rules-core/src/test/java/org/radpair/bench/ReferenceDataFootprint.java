package org.radpair.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

import org.radpair.codes.ReferenceData;

/**
 * Loads every reference table once in a fresh JVM and prints the load time and the heap the tables
 * retain (used heap after full GCs, with and without them).
 * Run: ./mvnw -pl rules-core -am -Pbench test-compile exec:exec -Dbench.main=org.radpair.bench.ReferenceDataFootprint -Dbench.args=
 */
public final class ReferenceDataFootprint {

    private ReferenceDataFootprint() {
    }

    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = settledHeap(memory);
        long start = System.nanoTime();
        ReferenceData data = ReferenceData.load();
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        long after = settledHeap(memory);
        System.out.printf("reference data %s%n", data.version());
        System.out.printf("icd10 codes %d, cpt codes %d, ncci pairs %d%n",
                data.icd10().size(), data.cpt().size(), data.ncci().size());
        System.out.printf("first load (cold JVM): %d ms%n", loadMillis);
        System.out.printf("retained heap: %.1f MB%n", (after - before) / 1_048_576.0);
        long warmStart = System.nanoTime();
        ReferenceData.load();
        System.out.printf("second load (warm JVM): %d ms%n", (System.nanoTime() - warmStart) / 1_000_000);
        if (data.icd10().size() == 0) {
            throw new IllegalStateException("nothing loaded");
        }
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
