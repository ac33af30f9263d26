import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replays synthetic patient histories (issue 19) against a running service, half the claims as JSON and half
 * as X12 837P (chosen per claim, so one patient's story mixes both), then reads the follow-up worklist and
 * prints how many planned follow-ups were recognised and how many findings were closed by a claim that was not
 * their follow-up. No hints: no claim carries incidentalFindings or followUpOf.
 *
 * Each patient (two years, 2025-01 to 2026-11) has one of: a finding followed up with its code listed first;
 * a finding followed up with a definitive result listed first; a finding never followed up; no finding. Every
 * patient also gets unrelated studies (some of the finding's region and modality, with an unrelated diagnosis)
 * and screening studies, dated between the finding and its follow-up where there is one.
 *
 *   java bench/FollowUpReplay.java BASE_URL PATIENTS [SEED] [THREADS] [CHANNEL] [HINTS] [SERVICE_PID]
 *
 * CHANNEL: mixed (default; JSON or X12 by a hash of the claim id) or json. HINTS: false (default) or true: the
 * opening claims carry incidentalFindings and the follow-ups followUpOf, as JSON (the old, explicit way; only
 * with CHANNEL json, as X12 cannot carry them). SERVICE_PID: the service's CPU time while the claims are sent
 * is printed (from /proc, Linux).
 *
 * Patients are spread over tenants of 100 (the worklist answers at most 500 items per call). Claim ids say
 * what each claim is: O- opens a finding, F- follows it up, U- unrelated, S- screening.
 */
public class FollowUpReplay {

    record Family(String code, String symptom, String foundOn, List<String> followUpCpts, List<String> results) {
    }

    static final List<Family> FAMILIES = List.of(
            new Family("R91.1", "R10.9", "74177", List.of("71250", "71260"), List.of("C34.11", "D14.31", "J84.10")),
            new Family("N28.89", "R10.9", "74177", List.of("76770", "76775", "74178", "74183"), List.of("N28.1", "C64.1", "D17.71")),
            new Family("K76.89", "R10.9", "74177", List.of("76705", "74183", "76700"), List.of("D18.03", "C22.0")),
            new Family("E04.1", "R07.9", "71260", List.of("76536"), List.of("C73", "D34")),
            new Family("E27.8", "R07.9", "71260", List.of("74150", "74183"), List.of("D35.01", "E27.8")),
            new Family("N83.201", "R10.9", "74177", List.of("76856", "76830"), List.of("D27.0", "N83.01")),
            new Family("D32.9", "R51.9", "70450", List.of("70553", "70551"), List.of("D32.0")),
            new Family("K86.2", "R10.9", "74177", List.of("74183"), List.of("D13.6", "K86.3")),
            new Family("I77.811", "R10.9", "74177", List.of("76775", "74175"), List.of("I71.40")));

    /** Unrelated studies: cpt and first-listed diagnosis (some share the region and modality of a finding's follow-up). */
    static final String[][] UNRELATED = {
            {"73560", "M25.561"}, {"70450", "R51.9"}, {"71046", "R05.9"}, {"74177", "K35.80"}, {"76705", "K80.20"},
            {"72148", "M54.50"}, {"71250", "J18.9"}, {"76856", "N92.0"}, {"70553", "G43.909"}, {"76536", "R22.1"}};

    /** Screening studies: cpt and first-listed diagnosis. */
    static final String[][] SCREENING = {{"77067", "Z12.31"}, {"71271", "Z87.891"}};

    record Claim(String claimId, String patient, LocalDate dos, String cpt, List<String> diagnoses, boolean screening) {
    }

    /** What a patient's story should do: the finding's opening claim and, if any, the claim that follows it up. */
    record Plan(String tenant, String patient, String openedBy, String code, String followedUpBy, List<Claim> claims) {
    }

    static final LocalDate START = LocalDate.of(2025, 1, 2);
    static final LocalDate END = LocalDate.of(2026, 11, 30);
    static final DateTimeFormatter D8 = DateTimeFormatter.BASIC_ISO_DATE;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int patients = Integer.parseInt(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 19;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        boolean mixed = args.length <= 4 || !args[4].equals("json");
        boolean hints = args.length > 5 && Boolean.parseBoolean(args[5]);
        String servicePid = args.length > 6 ? args[6] : null;
        if (hints && mixed) {
            throw new IllegalArgumentException("hints need CHANNEL json: X12 cannot carry them");
        }
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Random random = new Random(seed);
        List<Plan> plans = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            plans.add(plan(random, "replay-" + run + "-" + (p / 100), "P" + run + p, p));
        }
        PrivateKey key = privateKey();
        Map<String, String> validators = new HashMap<>();
        Map<String, String> auditors = new HashMap<>();
        for (Plan plan : plans) {
            validators.computeIfAbsent(plan.tenant(), t -> token(key, t, List.of("claims:validate")));
            auditors.computeIfAbsent(plan.tenant(), t -> token(key, t, List.of("audit:read")));
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        AtomicInteger json = new AtomicInteger();
        AtomicInteger x12 = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        int claims = plans.stream().mapToInt(plan -> plan.claims().size()).sum();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long cpuBefore = cpuTicks(servicePid);
        long started = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (Plan plan : plans) {
            // One patient's claims in date order, one at a time; patients in parallel.
            done.add(pool.submit(() -> {
                for (Claim claim : plan.claims()) {
                    // Half the claims as X12, chosen by a hash of the claim id (the same in both modes).
                    boolean asX12 = mixed && (((claim.claimId().hashCode() * 0x9E3779B1) >>> 16) & 1) == 1;
                    try {
                        int status = asX12 ? sendX12(http, base, validators.get(plan.tenant()), claim)
                                : sendJson(http, base, validators.get(plan.tenant()), claim, hints ? plan : null);
                        (asX12 ? x12 : json).incrementAndGet();
                        if (status != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long cpu = cpuTicks(servicePid) - cpuBefore;
        pool.shutdown();
        System.out.printf("claims sent: %d (JSON %d, X12 %d, failed %d; hints %s) in %.1f s: %.0f claims/s with %d clients,"
                + " %.2f ms per claim of wall time; service CPU %s%n",
                claims, json.get(), x12.get(), failures.get(), hints, seconds, claims / seconds, threads,
                1000.0 * seconds / claims,
                servicePid == null ? "not measured" : String.format("%.2f ms per claim", 10.0 * cpu / claims));

        // The worklist, tenant by tenant: each finding with the claim that opened it and the one that followed it up.
        Map<String, String[]> findings = new HashMap<>();
        int inferred = 0;
        for (String tenant : auditors.keySet()) {
            for (String status : List.of("OPEN", "FOLLOWED_UP", "CLOSED")) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/audit/findings?limit=500&status=" + status))
                        .header("Authorization", "Bearer " + auditors.get(tenant)).GET().build(), HttpResponse.BodyHandlers.ofString());
                Matcher item = ITEM.matcher(answer.body());
                while (item.find()) {
                    String text = item.group();
                    findings.put(field(text, "openedBy") + "/" + field(text, "code"),
                            new String[] {field(text, "status"), field(text, "resolvedBy"), field(text, "openedHow"), field(text, "followUpRule")});
                    if ("INFERRED".equals(field(text, "openedHow"))) {
                        inferred++;
                    }
                }
            }
        }
        int plannedFindings = 0;
        int opened = 0;
        int plannedFollowUps = 0;
        int recognised = 0;
        int wronglyClosed = 0;
        Map<String, Integer> rules = new HashMap<>();
        for (Plan plan : plans) {
            if (plan.openedBy() == null) {
                continue;
            }
            plannedFindings++;
            if (plan.followedUpBy() != null) {
                plannedFollowUps++;
            }
            String[] finding = findings.get(plan.openedBy() + "/" + plan.code());
            if (finding == null) {
                continue;
            }
            opened++;
            if (plan.followedUpBy() != null) {
                if ("FOLLOWED_UP".equals(finding[0]) && plan.followedUpBy().equals(finding[1])) {
                    recognised++;
                    rules.merge(finding[3], 1, Integer::sum);
                }
            }
            if ("FOLLOWED_UP".equals(finding[0]) && !finding[1].equals(plan.followedUpBy())) {
                wronglyClosed++;
            }
        }
        long closedByOthers = findings.values().stream()
                .filter(f -> "FOLLOWED_UP".equals(f[0]) && f[1] != null && !f[1].startsWith("F-")).count();
        System.out.printf("findings planned: %d, opened: %d (%.2f %%); registry items: %d, of which inferred: %d%n",
                plannedFindings, opened, 100.0 * opened / Math.max(1, plannedFindings), findings.size(), inferred);
        System.out.printf("follow-ups planned: %d, recognised: %d (%.2f %%) by rule %s%n", plannedFollowUps, recognised,
                100.0 * recognised / Math.max(1, plannedFollowUps), rules);
        System.out.printf("findings wrongly closed (not by their planned follow-up): %d; closed by an unrelated or screening claim: %d%n",
                wronglyClosed, closedByOthers);
    }

    static Plan plan(Random random, String tenant, String patient, int index) {
        List<Claim> claims = new ArrayList<>();
        int kind = random.nextInt(10); // 0-4 follow-up listed first, 5-6 definitive result, 7 never followed up, 8-9 no finding
        Family family = FAMILIES.get(random.nextInt(FAMILIES.size()));
        LocalDate found = START.plusDays(random.nextInt(540));
        String openedBy = null;
        String followedUpBy = null;
        LocalDate followUpOn = null;
        if (kind <= 7) {
            openedBy = "O-" + patient;
            claims.add(new Claim(openedBy, patient, found, family.foundOn(), List.of(family.symptom(), family.code()), false));
            if (kind <= 6) {
                followUpOn = found.plusDays(30 + random.nextInt(330));
                if (followUpOn.isAfter(END)) {
                    followUpOn = END;
                }
                followedUpBy = "F-" + patient;
                String first = kind <= 4 ? family.code() : family.results().get(random.nextInt(family.results().size()));
                String cpt = family.followUpCpts().get(random.nextInt(family.followUpCpts().size()));
                claims.add(new Claim(followedUpBy, patient, followUpOn, cpt, List.of(first), false));
            }
        }
        // Unrelated and screening studies, between the finding and its follow-up when there is one.
        LocalDate from = openedBy == null ? START : found.plusDays(1);
        LocalDate to = followUpOn == null ? END : followUpOn.minusDays(1);
        int span = (int) Math.max(1, to.toEpochDay() - from.toEpochDay());
        int unrelated = 1 + random.nextInt(3);
        for (int u = 0; u < unrelated; u++) {
            String[] study = UNRELATED[random.nextInt(UNRELATED.length)];
            claims.add(new Claim("U" + u + "-" + patient, patient, from.plusDays(random.nextInt(span)), study[0], List.of(study[1]), false));
        }
        if (random.nextInt(3) == 0) {
            String[] study = SCREENING[random.nextInt(SCREENING.length)];
            claims.add(new Claim("S-" + patient, patient, from.plusDays(random.nextInt(span)), study[0], List.of(study[1]), true));
        }
        claims.sort((a, b) -> a.dos().compareTo(b.dos()) != 0 ? a.dos().compareTo(b.dos())
                : Integer.compare(order(a.claimId()), order(b.claimId())));
        return new Plan(tenant, patient, openedBy, family.code(), followedUpBy, claims);
    }

    private static int order(String claimId) {
        return claimId.startsWith("O-") ? 0 : claimId.startsWith("F-") ? 2 : 1;
    }

    /** utime + stime of a process, in clock ticks (1/100 s), or 0. */
    static long cpuTicks(String pid) {
        if (pid == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (Exception e) {
            return 0;
        }
    }

    static int sendJson(HttpClient http, String base, String token, Claim claim, Plan hints) throws Exception {
        StringBuilder codes = new StringBuilder();
        StringBuilder pointers = new StringBuilder();
        for (int i = 0; i < claim.diagnoses().size(); i++) {
            codes.append(i == 0 ? "" : ",").append('"').append(claim.diagnoses().get(i)).append('"');
            pointers.append(i == 0 ? "" : ",").append(i + 1);
        }
        String body = "{\"claimId\":\"" + claim.claimId() + "\",\"patient\":{\"id\":\"" + claim.patient()
                + "\",\"sex\":\"F\",\"birthDate\":\"1958-04-02\"},\"payer\":{\"id\":\"MEDICARE-JL\",\"type\":\"MEDICARE\"},"
                + "\"dateOfService\":\"" + claim.dos() + "\",\"diagnoses\":[" + codes + "],\"lines\":[{\"cpt\":\"" + claim.cpt()
                + "\",\"modifiers\":[\"26\"],\"diagnosisPointers\":[" + pointers + "]}],\"context\":{\"purpose\":"
                + (claim.screening() ? "\"SCREENING\"" : "null") + hint(claim, hints) + "}}";
        return http.send(HttpRequest.newBuilder(URI.create(base + "/v1/claims/validate")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The explicit hints of the old way: incidentalFindings on the opening claim, followUpOf on the follow-up. */
    static String hint(Claim claim, Plan plan) {
        if (plan == null) {
            return "";
        }
        if (claim.claimId().equals(plan.openedBy())) {
            return ",\"incidentalFindings\":[\"" + plan.code() + "\"]";
        }
        if (claim.claimId().equals(plan.followedUpBy())) {
            return ",\"followUpOf\":\"" + plan.openedBy() + "\"";
        }
        return "";
    }

    static int sendX12(HttpClient http, String base, String token, Claim claim) throws Exception {
        List<String> segments = new ArrayList<>();
        segments.add("ST*837*0001*005010X222A1");
        segments.add("BHT*0019*00*0123*20261201*1200*CH");
        segments.add("NM1*41*2*REPLAY*****46*REPLAY01");
        segments.add("NM1*40*2*PAYER*****46*PAYER01");
        segments.add("HL*1**20*1");
        segments.add("NM1*85*2*RADIOLOGY GROUP*****XX*1234567893");
        segments.add("HL*2*1*22*0");
        segments.add("SBR*P*18*******MB");
        segments.add("NM1*IL*1*DOE*JANE****MI*" + claim.patient());
        segments.add("DMG*D8*19580402*F");
        segments.add("NM1*PR*2*MEDICARE JL*****PI*MEDICARE-JL");
        segments.add("CLM*" + claim.claimId() + "*250***11:B:1*Y*A*Y*Y");
        StringBuilder hi = new StringBuilder("HI");
        StringBuilder pointers = new StringBuilder();
        for (int i = 0; i < claim.diagnoses().size(); i++) {
            hi.append('*').append(i == 0 ? "ABK:" : "ABF:").append(claim.diagnoses().get(i).replace(".", ""));
            pointers.append(i == 0 ? "" : ":").append(i + 1);
        }
        segments.add(hi.toString());
        segments.add("LX*1");
        segments.add("SV1*HC:" + claim.cpt() + ":26*250*UN*1***" + pointers);
        segments.add("DTP*472*D8*" + claim.dos().format(D8));
        segments.add("SE*" + (segments.size() + 1) + "*0001");
        StringBuilder x12 = new StringBuilder("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261201*1200*^*00501*000000905*0*T*:~");
        x12.append("GS*HC*SENDER*RECEIVER*20261201*1200*1*X*005010X222A1~");
        segments.forEach(segment -> x12.append(segment).append('~'));
        x12.append("GE*1*1~IEA*1*000000905~");
        return http.send(HttpRequest.newBuilder(URI.create(base + "/v1/x12/837p")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/edi-x12").POST(HttpRequest.BodyPublishers.ofString(x12.toString())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static final Pattern ITEM = Pattern.compile("\\{\"findingId\"[^{}]*\\}");

    static String field(String item, String name) {
        Matcher value = Pattern.compile("\"" + name + "\":(null|\"([^\"]*)\")").matcher(item);
        return value.find() ? value.group(2) : null;
    }

    static PrivateKey privateKey() throws Exception {
        String pem = Files.readString(Path.of("api/src/test/resources/dev-jwt/privateKey.pem"))
                .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    static String token(PrivateKey key, String tenant, List<String> groups) {
        try {
            long now = Instant.now().getEpochSecond();
            String payload = "{\"iss\":\"https://radpair.local/dev\",\"sub\":\"replay\",\"upn\":\"replay\",\"tenant\":\"" + tenant
                    + "\",\"groups\":[" + String.join(",", groups.stream().map(g -> "\"" + g + "\"").toList())
                    + "],\"iat\":" + now + ",\"exp\":" + (now + 12 * 3600) + ",\"jti\":\"" + java.util.UUID.randomUUID() + "\"}";
            String input = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + b64(payload);
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
