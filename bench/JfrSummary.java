import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Share of CPU samples (jdk.ExecutionSample) per part of the request path. Each sample counts once, for the part of the
 * frame nearest its leaf that belongs to one (a JDK frame such as BigInteger arithmetic counts for its caller, jose4j):
 * inclusive shares would overlap, as the HTTP layer, the security pipeline and the PostgreSQL client call back into the rest.
 * Usage: java bench/JfrSummary.java recording.jfr [frame prefix: the top methods of only the samples through it]
 */
public class JfrSummary {

    static final Map<String, List<String>> PARTS = new LinkedHashMap<>();
    static {
        PARTS.put("JWT parsing and signature (smallrye-jwt, jose4j)", List.of("io.smallrye.jwt.", "org.jose4j."));
        PARTS.put("token cache (VerifiedTokens)", List.of("org.radpair.api.security.VerifiedTokens", "org.radpair.api.security.RememberedTokens"));
        PARTS.put("Quarkus security (mechanism, identity, roles)", List.of("io.quarkus.smallrye.jwt.", "io.quarkus.security.",
                "io.quarkus.vertx.http.runtime.security."));
        PARTS.put("Hibernate Validator (request shape)", List.of("org.hibernate.validator."));
        PARTS.put("regular expressions", List.of("java.util.regex."));
        PARTS.put("Jackson", List.of("com.fasterxml.jackson."));
        PARTS.put("PostgreSQL client", List.of("io.vertx.pgclient.", "io.vertx.sqlclient."));
        PARTS.put("patient key (HMAC)", List.of("org.radpair.audit.PatientKeys"));
        PARTS.put("the rules (ClaimChecker)", List.of("org.radpair.rules."));
        PARTS.put("RESTEasy Reactive, ArC, Mutiny, context propagation (request glue)", List.of("org.jboss.resteasy.reactive.",
                "io.quarkus.resteasy.reactive.", "io.quarkus.arc.", "io.smallrye.mutiny.", "io.smallrye.context."));
        PARTS.put("RadPair service code (mapping, ClaimValidation, audit)", List.of("org.radpair.api.", "org.radpair.audit.",
                "org.radpair.findings."));
        PARTS.put("Micrometer (HTTP metrics)", List.of("io.quarkus.micrometer.", "io.micrometer."));
        PARTS.put("Netty / Vert.x HTTP (everything it calls)", List.of("io.netty.", "io.vertx.core.http."));
        PARTS.put("JIT / GC (no Java frame)", List.of());
        PARTS.put("other (JDK only)", List.of());
    }

    static String owner(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
            for (Map.Entry<String, List<String>> part : PARTS.entrySet()) {
                for (String prefix : part.getValue()) {
                    if (name.startsWith(prefix)) {
                        return part.getKey();
                    }
                }
            }
        }
        return "other (JDK only)";
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
            if (args.length > 1 && frames.stream().noneMatch(f -> (f.getMethod().getType().getName() + "." + f.getMethod().getName()).startsWith(args[1]))) {
                continue;
            }
            RecordedFrame top = frames.get(0);
            topFrames.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            counts.merge(owner(frames), 1, Integer::sum);
        }
        System.out.printf("%d CPU samples; share per part (each sample counted once, for the part nearest its leaf frame):%n", total);
        for (Map.Entry<String, Integer> part : counts.entrySet()) {
            System.out.printf("  %5.1f %%  %s%n", 100.0 * part.getValue() / Math.max(1, total), part.getKey());
        }
        System.out.println("top methods (self):");
        int samples = total;
        topFrames.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / Math.max(1, samples), e.getKey()));
    }
}
