import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Inclusive share of CPU samples (jdk.ExecutionSample) per part of the request path: a sample counts for a part when any
 * frame of its stack belongs to it, so the shares overlap (the PostgreSQL client calls back into the rest).
 * Usage: java bench/JfrSummary.java recording.jfr
 */
public class JfrSummary {

    static final Map<String, List<String>> PARTS = new LinkedHashMap<>();
    static {
        PARTS.put("JWT verification (smallrye-jwt, jose4j)", List.of("io.smallrye.jwt.", "org.jose4j.", "io.quarkus.smallrye.jwt."));
        PARTS.put("token cache (RadPair)", List.of("org.radpair.api.security.VerifiedTokens"));
        PARTS.put("Hibernate Validator (request shape)", List.of("org.hibernate.validator."));
        PARTS.put("regular expressions", List.of("java.util.regex."));
        PARTS.put("Jackson", List.of("com.fasterxml.jackson."));
        PARTS.put("PostgreSQL client", List.of("io.vertx.pgclient.", "io.vertx.sqlclient."));
        PARTS.put("patient history read (AuditLog.pastOf, HistoryReads)", List.of("org.radpair.audit.AuditLog.pastOf", "org.radpair.audit.HistoryReads"));
        PARTS.put("patient key (HMAC)", List.of("org.radpair.audit.PatientKeys"));
        PARTS.put("the rules (ClaimChecker)", List.of("org.radpair.rules."));
        PARTS.put("Netty / Vert.x HTTP", List.of("io.netty.", "io.vertx.core.http."));
        PARTS.put("JIT / GC (no Java frame)", List.of());
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> counts = new LinkedHashMap<>();
        PARTS.keySet().forEach(part -> counts.put(part, 0));
        Map<String, Integer> topFrames = new java.util.HashMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            total++;
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                counts.merge("JIT / GC (no Java frame)", 1, Integer::sum);
                continue;
            }
            RecordedFrame top = frames.get(0);
            topFrames.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
                boolean in = false;
                for (RecordedFrame frame : frames) {
                    String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                    for (String prefix : part.getValue()) {
                        if (name.startsWith(prefix)) {
                            in = true;
                        }
                    }
                }
                if (in) {
                    counts.merge(part.getKey(), 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d CPU samples; inclusive share per part:%n", total);
        for (Map.Entry<String, Integer> part : counts.entrySet()) {
            System.out.printf("  %5.1f %%  %s%n", 100.0 * part.getValue() / Math.max(1, total), part.getKey());
        }
        System.out.println("top methods (self):");
        int samples = total;
        topFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}
