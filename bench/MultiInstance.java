import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 15, several instances on one PostgreSQL: sends the same patients' claims, their exact and changed re-sends,
 * findings and follow-ups to three instances at once, while a "clock" thread keeps putting finished days back in
 * front of the roll-up watermark so that the instances' scheduled roll-ups race for them; then checks, through the
 * API of every instance and with SQL, that nothing was lost or counted twice. Prints every count it checked and
 * "multi-instance: N passed, M failed"; exits 1 on any mismatch.
 *
 *   java -cp CLASSES:postgresql.jar MultiInstance BASES STORIES CLIENTS JDBC_URL LOGS ANALYZE_SECONDS [SEED]
 *
 * BASES: the instances' API URLs, comma-separated. LOGS: their log files, comma-separated (roll-ups and ANALYZEs are
 * counted there). ANALYZE_SECONDS: the instances' radpair.database.analyze-interval. Compiled with FollowUpReplay.java
 * (its finding families and development tokens). Run from the repository root (the development key).
 *
 * Each story is one patient (claim ids: O opens a finding, F follows it up, U is unrelated, T are twin openings):
 *   explicit   O with context.incidentalFindings, two follow-ups F1 and F2 naming it in followUpOf, sent at once
 *   inferred   O with the finding as a secondary diagnosis, F1 and F2 listing it first on a follow-up study
 *   twins      T1 and T2, two studies of the same day that both show the finding, sent at once to two instances
 *              (one finding for the patient, as if they had come one after the other), then a follow-up
 *   open       O (explicit or inferred), never followed up
 * O is first sent to two or three instances at the same moment; then, at once, F1 and F2 to different instances,
 * exact and changed re-sends of O; then exact re-sends of everything and a changed F1. Every patient also gets
 * unrelated studies.
 *
 * The roll-up clock: the load lasts seconds, not days, so a thread plays midnight over and over. Each time the last
 * rewind has been rolled up it copies some of today's audit rows as rows received 1 to 20 days ago, empties the
 * roll-ups and moves the watermark back (under the watermark's lock, as a roll-up takes it); every instance's roll-up
 * runs every 2 s, so the three race for each rewind. Exactly one roll-up per rewind must move the watermark, and the
 * roll-ups must equal a recount. History rows (claim ids H...) are left out of the other checks.
 */
public class MultiInstance {

    enum Kind { EXPLICIT, INFERRED, TWINS, OPEN_EXPLICIT, OPEN_INFERRED }

    /** One claim body: the claim, which variant of it (changed re-sends are other variants), and the JSON. */
    record Body(String claimId, String variant, String json) {
    }

    /** A patient's story and what it should leave in the registry. */
    record Story(String tenant, String patient, Kind kind, FollowUpReplay.Family family, List<String> openers,
            List<String> followUps) {
    }

    /** What one send answered. */
    record Sent(Body body, int instance, int status, String auditId) {
    }

    static final Pattern AUDIT_ID = Pattern.compile("\"auditId\":\"([0-9a-f-]{36})\"");
    static final Pattern VERSION = Pattern.compile("\"auditId\":\"([0-9a-f-]{36})\",\"claimId\":\"[^\"]*\",\"version\":(\\d+)");
    static final Pattern FINDING = Pattern.compile("\\{\"findingId\"[^{}]*\\}");
    static final String[] PLACES = {"11", "22", "19", "23"};

    static List<String> bases;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    static final Map<String, String> validators = new ConcurrentHashMap<>();
    static final Map<String, String> auditors = new ConcurrentHashMap<>();
    static final List<Sent> sent = java.util.Collections.synchronizedList(new ArrayList<>());
    static final AtomicInteger retried = new AtomicInteger();
    static int passed;
    static int failed;

    public static void main(String[] args) throws Exception {
        bases = List.of(args[0].split(","));
        int stories = Integer.parseInt(args[1]);
        int clients = Integer.parseInt(args[2]);
        String jdbc = args[3];
        List<Path> logs = java.util.Arrays.stream(args[4].split(",")).map(Path::of).toList();
        int analyzeSeconds = Integer.parseInt(args[5]);
        long seed = args.length > 6 ? Long.parseLong(args[6]) : 15;
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Random random = new Random(seed);
        int tenants = Math.max(1, Math.min(4, stories / 10));
        List<Story> plans = new ArrayList<>();
        for (int s = 0; s < stories; s++) {
            plans.add(story(random, "multi-" + run + "-" + (s % tenants), "P" + run + "-" + s, Kind.values()[s % Kind.values().length]));
        }
        PrivateKey key = FollowUpReplay.privateKey();
        for (Story story : plans) {
            validators.computeIfAbsent(story.tenant(), t -> FollowUpReplay.token(key, t, List.of("claims:validate")));
            auditors.computeIfAbsent(story.tenant(), t -> FollowUpReplay.token(key, t, List.of("audit:read")));
        }

        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            db.setAutoCommit(true);
            // The first scheduled roll-up (5 s after start) moves the watermark off 1970: the count of roll-ups starts there.
            waitFor(db, "select rolled_before <> date '1970-01-01' from audit_stats_rollup", Duration.ofSeconds(60));
            Map<String, Long> analyzedBefore = analyzeCounts(db);
            Instant started = Instant.now();

            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicInteger rewinds = new AtomicInteger();
            Thread clock = new Thread(() -> {
                try (Connection own = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
                    while (loading.get()) {
                        // Each rewind after the last one was rolled up, so that every rewind is one roll-up.
                        waitFor(own, "select rolled_before <> date '2000-01-01' from audit_stats_rollup", Duration.ofSeconds(60));
                        Thread.sleep(1_000);
                        rewind(own, rewinds.get() + 1);
                        rewinds.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "roll-up clock");
            clock.start();

            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long loadStarted = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (Story story : plans) {
                done.add(pool.submit(() -> {
                    play(story, new Random(seed ^ story.patient().hashCode()));
                    return null;
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - loadStarted) / 1e9;
            loading.set(false);
            clock.join();
            // One last rewind after the load, so that the final roll-up also covers every history row.
            waitFor(db, "select rolled_before <> date '2000-01-01' from audit_stats_rollup", Duration.ofSeconds(60));
            rewind(db, rewinds.get() + 1);
            rewinds.incrementAndGet();
            System.out.printf("load: %d stories, %d requests to %d instances in %.1f s with %d clients; %d roll-up rewinds%n",
                    stories, sent.size(), bases.size(), seconds, clients, rewinds.get());

            checkSends();
            checkVersionsThroughTheApi(plans);
            checkFindingsThroughTheApi(plans, tenants);
            checkDatabase(db);
            checkRollUps(db, logs, rewinds.get(), plans);
            checkAnalyze(db, logs, analyzedBefore, Duration.between(started, Instant.now()), analyzeSeconds);
        }
        System.out.printf("multi-instance: %d passed, %d failed%n", passed, failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    // --- the stories ------------------------------------------------------------------------------------------

    static Story story(Random random, String tenant, String patient, Kind kind) {
        FollowUpReplay.Family family = FollowUpReplay.FAMILIES.get(random.nextInt(FollowUpReplay.FAMILIES.size()));
        List<String> openers = kind == Kind.TWINS ? List.of("T1-" + patient, "T2-" + patient) : List.of("O-" + patient);
        List<String> followUps = switch (kind) {
            case EXPLICIT, INFERRED -> List.of("F1-" + patient, "F2-" + patient);
            case TWINS -> List.of("F1-" + patient);
            default -> List.of();
        };
        return new Story(tenant, patient, kind, family, openers, followUps);
    }

    static void play(Story story, Random random) {
        LocalDate found = LocalDate.of(2026, 1, 5).plusDays(random.nextInt(200));
        LocalDate followUpOn = found.plusDays(40 + random.nextInt(80));
        FollowUpReplay.Family family = story.family();
        boolean explicit = story.kind() == Kind.EXPLICIT || story.kind() == Kind.OPEN_EXPLICIT;
        String hint = explicit ? ",\"incidentalFindings\":[\"" + family.code() + "\"]" : "";
        List<Body> openers = new ArrayList<>();
        for (int i = 0; i < story.openers().size(); i++) {
            // Twins: two different studies of the same day that both show the finding.
            String cpt = i == 0 ? family.foundOn() : family.followUpCpts().get(0);
            openers.add(body(story, story.openers().get(i), "v1", found, cpt, List.of(family.symptom(), family.code()), hint));
        }
        Body unrelated1 = body(story, "U1-" + story.patient(), "v1", found.plusDays(1), "73560", List.of("M25.561"), "");
        Body unrelated2 = body(story, "U2-" + story.patient(), "v1", followUpOn.minusDays(3), "73560", List.of("M25.562"), "");

        // A: the opening claim to two or three instances at the same moment (twins: one each), an unrelated study beside.
        List<Body> phaseA = new ArrayList<>();
        if (story.kind() == Kind.TWINS) {
            phaseA.addAll(openers);
        } else {
            for (int i = 0, copies = 2 + random.nextInt(2); i < copies; i++) {
                phaseA.add(openers.get(0));
            }
        }
        phaseA.add(unrelated1);
        sendAtOnce(story, phaseA, random);

        // B: the follow-ups to different instances at once, with exact and changed re-sends of the opening claim.
        String opener = story.openers().get(0);
        List<Body> followUps = new ArrayList<>();
        for (String followUp : story.followUps()) {
            String first = family.code();
            String cpt = family.followUpCpts().get(random.nextInt(family.followUpCpts().size()));
            String followUpHint = story.kind() == Kind.EXPLICIT ? ",\"followUpOf\":\"" + opener + "\"" : "";
            followUps.add(body(story, followUp, "v1", followUpOn, cpt, List.of(first), followUpHint));
        }
        List<Body> phaseB = new ArrayList<>(followUps);
        phaseB.add(openers.get(0));
        if (story.kind() != Kind.TWINS) {
            // Two changed re-sends at once; sometimes the same change twice (one new version, one audit id).
            for (int i = 0; i < 2; i++) {
                String place = PLACES[1 + random.nextInt(2)];
                phaseB.add(changed(openers.get(0), place));
            }
        }
        phaseB.add(unrelated2);
        sendAtOnce(story, phaseB, random);

        // C: exact re-sends of everything, a changed follow-up (a new version that follows nothing up again).
        List<Body> phaseC = new ArrayList<>(openers);
        phaseC.addAll(followUps);
        phaseC.add(unrelated1);
        if (!followUps.isEmpty()) {
            phaseC.add(changed(followUps.get(0), "23"));
        }
        sendAtOnce(story, phaseC, random);
    }

    /** The same claim with a place of service: a changed body, so a new version. */
    static Body changed(Body original, String place) {
        return new Body(original.claimId(), "pos" + place,
                original.json().replace("\"context\":{", "\"context\":{\"placeOfService\":\"" + place + "\","));
    }

    static Body body(Story story, String claimId, String variant, LocalDate dos, String cpt, List<String> diagnoses,
            String contextExtra) {
        StringBuilder codes = new StringBuilder();
        StringBuilder pointers = new StringBuilder();
        for (int i = 0; i < diagnoses.size(); i++) {
            codes.append(i == 0 ? "" : ",").append('"').append(diagnoses.get(i)).append('"');
            pointers.append(i == 0 ? "" : ",").append(i + 1);
        }
        String json = "{\"claimId\":\"" + claimId + "\",\"patient\":{\"id\":\"" + story.patient()
                + "\",\"sex\":\"F\",\"birthDate\":\"1958-04-02\"},\"payer\":{\"id\":\"MEDICARE-JL\",\"type\":\"MEDICARE\"},"
                + "\"dateOfService\":\"" + dos + "\",\"diagnoses\":[" + codes + "],\"lines\":[{\"cpt\":\"" + cpt
                + "\",\"modifiers\":[\"26\"],\"diagnosisPointers\":[" + pointers + "]}],\"context\":{\"purpose\":null"
                + contextExtra + "}}";
        return new Body(claimId, variant, json);
    }

    /** Sends the bodies at the same moment, each to an instance chosen at random but no two to the same one when avoidable. */
    static void sendAtOnce(Story story, List<Body> bodies, Random random) {
        List<Integer> instances = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            instances.add(i % bases.size());
        }
        java.util.Collections.shuffle(instances, random);
        List<CompletableFuture<Sent>> answers = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            Body body = bodies.get(i);
            int instance = instances.get(i);
            HttpRequest request = HttpRequest.newBuilder(URI.create(bases.get(instance) + "/v1/claims/validate"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + validators.get(story.tenant()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.json())).build();
            answers.add(send(request, body, instance, 1));
        }
        answers.forEach(answer -> sent.add(answer.join()));
    }

    /**
     * One send; a 503 (the database did not answer in time: on a busy machine, three JVMs share two cores) is sent
     * again to the same instance after its Retry-After, as the contract asks of clients, up to five times.
     */
    static CompletableFuture<Sent> send(HttpRequest request, Body body, int instance, int attempt) {
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                return CompletableFuture.completedFuture(new Sent(body, instance, -1, null));
            }
            if (response.statusCode() == 503 && attempt < 5) {
                retried.incrementAndGet();
                return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(1, java.util.concurrent.TimeUnit.SECONDS))
                        .thenCompose(ignored -> send(request, body, instance, attempt + 1));
            }
            Matcher id = AUDIT_ID.matcher(response.body());
            return CompletableFuture.completedFuture(new Sent(body, instance, response.statusCode(), id.find() ? id.group(1) : null));
        }).thenCompose(sent -> sent);
    }

    // --- the roll-up clock ----------------------------------------------------------------------------------

    /**
     * Puts finished days back in front of the watermark, as midnight (or a restart after days away) does: under the
     * watermark's lock, copies 25 of today's audit rows as history rows received 1 to 20 days ago, empties the
     * roll-ups and moves the watermark back to 2000-01-01. The instances' scheduled roll-ups then race to roll every
     * finished day up again; one of them must do it, once.
     */
    static void rewind(Connection db, int round) throws SQLException {
        db.setAutoCommit(false);
        try (Statement sql = db.createStatement()) {
            sql.execute("select rolled_before from audit_stats_rollup for update");
            sql.execute("create temp table history on commit drop as select * from audit_claim"
                    + " where claim_id not like 'H%' and received_at >= current_date order by random() limit 25");
            sql.execute("update history set audit_id = gen_random_uuid(), claim_id = 'H" + round + "-' || claim_id || '-' || version, version = 1,"
                    + " received_at = received_at - make_interval(days => 1 + abs(hashtext(claim_id)) % 20)");
            sql.execute("insert into audit_claim select * from history");
            sql.execute("truncate audit_daily_stats");
            sql.execute("update audit_stats_rollup set rolled_before = date '2000-01-01'");
            db.commit();
        } catch (SQLException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(true);
        }
    }

    // --- the checks -----------------------------------------------------------------------------------------

    static void check(String what, Object expected, Object actual) {
        boolean ok = java.util.Objects.equals(expected, actual);
        if (ok) {
            passed++;
        } else {
            failed++;
        }
        System.out.printf("%-4s %s: expected %s, got %s%n", ok ? "ok" : "FAIL", what, expected, actual);
    }

    static void checkSends() {
        long failures = sent.stream().filter(s -> s.status() != 200).count();
        Map<Integer, Long> statuses = new TreeMap<>();
        sent.forEach(s -> statuses.merge(s.status(), 1L, Long::sum));
        check("requests answered 200 (final statuses " + statuses + "; 503s sent again: " + retried.get() + ")", 0L, failures);
        Map<String, Set<String>> auditIds = new HashMap<>();
        Map<String, Set<Integer>> instances = new HashMap<>();
        Map<String, Integer> sends = new HashMap<>();
        for (Sent s : sent) {
            if (s.status() != 200) {
                continue;
            }
            String key = s.body().claimId() + "/" + s.body().variant();
            auditIds.computeIfAbsent(key, k -> new HashSet<>()).add(s.auditId());
            instances.computeIfAbsent(key, k -> new HashSet<>()).add(s.instance());
            sends.merge(key, 1, Integer::sum);
        }
        long resent = sends.values().stream().filter(n -> n > 1).count();
        long acrossInstances = instances.values().stream().filter(set -> set.size() > 1).count();
        long differing = auditIds.values().stream().filter(set -> set.size() != 1).count();
        System.out.printf("     identical bodies sent more than once: %d, of which to more than one instance: %d%n", resent,
                acrossInstances);
        check("identical bodies answered with more than one auditId", 0L, differing);
    }

    static void checkVersionsThroughTheApi(List<Story> plans) throws Exception {
        Map<String, String> tenantOf = new HashMap<>();
        plans.forEach(p -> {
            p.openers().forEach(c -> tenantOf.put(c, p.tenant()));
            p.followUps().forEach(c -> tenantOf.put(c, p.tenant()));
            tenantOf.put("U1-" + p.patient(), p.tenant());
            tenantOf.put("U2-" + p.patient(), p.tenant());
        });
        // Per claim: the audit ids its distinct bodies were answered with, one version each.
        Map<String, Set<String>> expected = new HashMap<>();
        for (Sent s : sent) {
            if (s.status() == 200) {
                expected.computeIfAbsent(s.body().claimId(), k -> new HashSet<>()).add(s.auditId());
            }
        }
        int claims = 0;
        int versions = 0;
        int wrong = 0;
        Random random = new Random(1);
        for (Map.Entry<String, Set<String>> claim : expected.entrySet()) {
            String base = bases.get(random.nextInt(bases.size()));
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/audit/claims/" + claim.getKey()))
                    .header("Authorization", "Bearer " + auditors.get(tenantOf.get(claim.getKey()))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Map<Integer, String> byVersion = new TreeMap<>();
            Matcher version = VERSION.matcher(answer.body());
            while (version.find()) {
                byVersion.put(Integer.parseInt(version.group(2)), version.group(1));
            }
            claims++;
            versions += byVersion.size();
            boolean contiguous = byVersion.isEmpty() || (byVersion.keySet().iterator().next() == 1
                    && ((TreeMap<Integer, String>) byVersion).lastKey() == byVersion.size());
            if (answer.statusCode() != 200 || !contiguous || !new HashSet<>(byVersion.values()).equals(claim.getValue())) {
                wrong++;
                if (wrong <= 5) {
                    System.out.printf("     claim %s: versions %s, answered audit ids %s%n", claim.getKey(), byVersion, claim.getValue());
                }
            }
        }
        System.out.printf("     claims read back through the API: %d, versions: %d%n", claims, versions);
        check("claims whose versions are not 1..n, one per distinct body, with the audit ids answered", 0, wrong);
    }

    static void checkFindingsThroughTheApi(List<Story> plans, int tenants) throws Exception {
        Map<String, String[]> items = new HashMap<>();
        int listed = 0;
        for (String tenant : auditors.keySet()) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(bases.get(0) + "/v1/audit/findings?limit=500"))
                    .header("Authorization", "Bearer " + auditors.get(tenant)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher item = FINDING.matcher(answer.body());
            while (item.find()) {
                String text = item.group();
                listed++;
                items.merge(FollowUpReplay.field(text, "openedBy") + "/" + FollowUpReplay.field(text, "code"),
                        new String[] {FollowUpReplay.field(text, "status"), FollowUpReplay.field(text, "resolvedBy"),
                                FollowUpReplay.field(text, "openedHow"), FollowUpReplay.field(text, "followedUpHow"), "1"},
                        (a, b) -> new String[] {a[0], a[1], a[2], a[3], Integer.toString(Integer.parseInt(a[4]) + 1)});
            }
        }
        int planned = 0;
        int openedOnce = 0;
        int followedUpAsPlanned = 0;
        int plannedFollowUps = 0;
        int openAsPlanned = 0;
        int plannedOpen = 0;
        List<String> wrong = new ArrayList<>();
        for (Story story : plans) {
            planned++;
            List<String[]> found = new ArrayList<>();
            for (String opener : story.openers()) {
                String[] item = items.get(opener + "/" + story.family().code());
                if (item != null) {
                    found.add(item);
                }
            }
            boolean once = found.size() == 1 && found.get(0)[4].equals("1");
            if (once) {
                openedOnce++;
            } else {
                wrong.add(story.patient() + " " + story.kind() + ": " + found.size() + " finding(s)");
                continue;
            }
            String[] item = found.get(0);
            String how = story.kind() == Kind.EXPLICIT || story.kind() == Kind.OPEN_EXPLICIT ? "EXPLICIT" : "INFERRED";
            if (story.followUps().isEmpty()) {
                plannedOpen++;
                if ("OPEN".equals(item[0]) && how.equals(item[2])) {
                    openAsPlanned++;
                } else {
                    wrong.add(story.patient() + " " + story.kind() + ": " + String.join(",", item));
                }
            } else {
                plannedFollowUps++;
                String followedHow = story.kind() == Kind.EXPLICIT ? "EXPLICIT" : "INFERRED";
                if ("FOLLOWED_UP".equals(item[0]) && story.followUps().contains(item[1]) && how.equals(item[2])
                        && followedHow.equals(item[3])) {
                    followedUpAsPlanned++;
                } else {
                    wrong.add(story.patient() + " " + story.kind() + ": " + String.join(",", item));
                }
            }
        }
        wrong.stream().limit(5).forEach(w -> System.out.println("     " + w));
        check("findings opened exactly once (of " + planned + " planned, twins included)", planned, openedOnce);
        check("findings followed up exactly once, by one of their planned follow-ups, EXPLICIT or INFERRED as sent",
                plannedFollowUps, followedUpAsPlanned);
        check("findings never followed up still OPEN", plannedOpen, openAsPlanned);
        check("registry items listed through the API (no unplanned finding)", planned, listed);
    }

    static void checkDatabase(Connection db) throws SQLException {
        long rows = count(db, "select count(*) from audit_claim where claim_id not like 'H%'");
        long claims = count(db, "select count(distinct (tenant, claim_id)) from audit_claim where claim_id not like 'H%'");
        System.out.printf("     audit rows: %d for %d claims (history rows of the roll-up clock excluded)%n", rows, claims);
        check("SQL: claims whose versions are not exactly 1..n", 0L, count(db, """
                select count(*) from (select tenant, claim_id from audit_claim group by 1, 2
                having min(version) <> 1 or max(version) <> count(*) or count(distinct version) <> count(*)) bad"""));
        check("SQL: identical requests stored twice", 0L, count(db, """
                select count(*) from (select 1 from audit_claim group by tenant, claim_id, request_hash having count(*) > 1) bad"""));
        long findings = count(db, "select count(*) from finding");
        long followed = count(db, "select count(*) from finding where status = 'FOLLOWED_UP'");
        System.out.printf("     findings: %d, followed up: %d, events: %d%n", findings, followed,
                count(db, "select count(*) from finding_event"));
        check("SQL: patients with two findings of one code (twins counted once)", 0L, count(db, """
                select count(*) from (select 1 from finding group by tenant, patient_key, code having count(*) > 1) bad"""));
        check("SQL: findings without exactly one OPEN event", 0L, count(db, """
                select count(*) from finding f where (select count(*) from finding_event e
                where e.finding_id = f.finding_id and e.from_status is null and e.to_status = 'OPEN'
                  and e.claim_id = f.opened_by_claim and e.audit_id = f.opened_by_audit) <> 1"""));
        check("SQL: findings whose FOLLOWED_UP events are not exactly one per follow-up (by its claim and audit id)", 0L, count(db, """
                select count(*) from finding f where (select count(*) from finding_event e
                where e.finding_id = f.finding_id and e.to_status = 'FOLLOWED_UP') <> (case when f.status = 'FOLLOWED_UP' then 1 else 0 end)
                or (f.status = 'FOLLOWED_UP' and not exists (select 1 from finding_event e where e.finding_id = f.finding_id
                  and e.from_status = 'OPEN' and e.to_status = 'FOLLOWED_UP' and e.claim_id = f.resolved_by_claim
                  and e.audit_id = f.resolved_by_audit))"""));
        check("SQL: finding events naming an audit row that is not that claim's", 0L, count(db, """
                select count(*) from finding_event e where e.audit_id is not null and not exists (select 1 from audit_claim a
                where a.audit_id = e.audit_id and a.claim_id = e.claim_id and a.tenant = e.tenant)"""));
        check("SQL: findings not listed as closed by exactly one stored result (followed up) or by none (open)", 0L, count(db, """
                select count(*) from finding f where (select count(*) from audit_claim a where a.tenant = f.tenant
                  and a.claim_id not like 'H%'
                  and a.result -> 'followUp' -> 'closedFindings' @> jsonb_build_array(jsonb_build_object('findingId', f.finding_id::text)))
                <> (case when f.status = 'FOLLOWED_UP' then 1 else 0 end)"""));
    }

    static void checkRollUps(Connection db, List<Path> logs, int rewinds, List<Story> plans) throws Exception {
        LocalDate cutoff = Instant.now().minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC).toLocalDate();
        // The last rewind is rolled up within one interval; wait for it, then give a second roll-up time to (wrongly) happen.
        waitFor(db, "select rolled_before = date '" + cutoff + "' from audit_stats_rollup", Duration.ofSeconds(30));
        Thread.sleep(4_000);
        check("roll-up watermark", cutoff.toString(), string(db, "select rolled_before::text from audit_stats_rollup"));
        long history = count(db, "select count(*) from audit_claim where received_at < (select rolled_before from audit_stats_rollup)");
        long rolled = count(db, "select coalesce(sum(claims), 0) from audit_daily_stats");
        System.out.printf("     audit rows before the watermark: %d in %d (tenant, day, verdict, rules) groups%n", history,
                count(db, "select count(*) from audit_daily_stats"));
        check("claims counted by the roll-ups (sum of audit_daily_stats)", history, rolled);
        check("roll-up groups that differ from a recount of audit_claim, or appear twice", 0L, count(db, """
                select count(*) from (
                  select tenant, day, verdict, rules, categories, sum(claims) as claims, count(*) as copies from audit_daily_stats
                  group by 1, 2, 3, 4, 5) r
                full join (
                  select tenant, (received_at at time zone 'UTC')::date as day, verdict, rules, categories, count(*) as claims
                  from audit_claim where received_at < (select rolled_before from audit_stats_rollup)::timestamp at time zone 'UTC'
                  group by 1, 2, 3, 4, 5) a using (tenant, day, verdict, rules, categories)
                where r.claims is distinct from a.claims or r.copies <> 1"""));
        Map<String, Integer> perInstance = new TreeMap<>();
        int rollUps = 0;
        for (Path log : logs) {
            int lines = (int) Files.readAllLines(log).stream().filter(line -> line.contains("Audit stats: rolled up")).count();
            perInstance.put(log.getFileName().toString(), lines);
            rollUps += lines;
        }
        System.out.printf("     roll-ups that moved the watermark, per instance: %s%n", perInstance);
        check("roll-ups that moved the watermark (the first one, then one per rewind)", rewinds + 1, rollUps);
        // Stats through the API of every instance: rolled-up days and the live day together, against a recount.
        LocalDate from = LocalDate.now(ZoneOffset.UTC).minusDays(30);
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        int compared = 0;
        int differing = 0;
        for (String tenant : auditors.keySet()) {
            Map<String, Long> recount = new TreeMap<>();
            try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("select verdict, count(*) from audit_claim"
                    + " where tenant = '" + tenant + "' and received_at >= date '" + from + "' and received_at < date '"
                    + to.plusDays(1) + "' group by 1")) {
                while (rs.next()) {
                    recount.put(rs.getString(1), rs.getLong(2));
                }
            }
            long total = recount.values().stream().mapToLong(Long::longValue).sum();
            for (String base : bases) {
                String body = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v1/audit/stats?from=" + from + "&to=" + to))
                        .header("Authorization", "Bearer " + auditors.get(tenant)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Map<String, Long> verdicts = new TreeMap<>();
                Matcher byVerdict = Pattern.compile("\"byVerdict\":\\{([^}]*)\\}").matcher(body);
                if (byVerdict.find()) {
                    Matcher pair = Pattern.compile("\"(\\w+)\":(\\d+)").matcher(byVerdict.group(1));
                    while (pair.find()) {
                        verdicts.put(pair.group(1), Long.parseLong(pair.group(2)));
                    }
                }
                Matcher totalField = Pattern.compile("\"total\":(\\d+)").matcher(body);
                compared++;
                if (!totalField.find() || Long.parseLong(totalField.group(1)) != total || !verdicts.equals(recount)) {
                    differing++;
                    System.out.printf("     %s %s: %s, recount %d %s%n", base, tenant, body, total, recount);
                }
            }
        }
        check("/v1/audit/stats answers (tenants x instances) that differ from a recount of audit_claim (" + compared + " compared)",
                0, differing);
    }

    /**
     * With autovacuum off the service analyzes the hot tables itself; with three instances that must not become three
     * ANALYZEs per interval. Counted from PostgreSQL's own analyze_count.
     */
    static void checkAnalyze(Connection db, List<Path> logs, Map<String, Long> before, Duration elapsed, int intervalSeconds)
            throws Exception {
        if (string(db, "select current_setting('autovacuum')").equals("on")) {
            System.out.println("     ANALYZE coordination not checked: this server's autovacuum is on, so the job does nothing");
            return;
        }
        Map<String, Long> after = analyzeCounts(db);
        long intervals = elapsed.toSeconds() / intervalSeconds + 1;
        for (String table : after.keySet()) {
            long analyzes = after.get(table) - before.getOrDefault(table, 0L);
            System.out.printf("     ANALYZE %s: %d in %d s (interval %d s, %d instances)%n", table, analyzes, elapsed.toSeconds(),
                    intervalSeconds, logs.size());
            check("ANALYZEs of " + table + " at most one per interval (" + intervals + ")", true, analyzes <= intervals);
        }
    }

    static Map<String, Long> analyzeCounts(Connection db) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("select relname, analyze_count"
                + " from pg_stat_user_tables where relname in ('audit_claim', 'finding')")) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    static void waitFor(Connection db, String condition, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!bool(db, condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for: " + condition);
            }
            Thread.sleep(250);
        }
    }

    static boolean bool(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static long count(Connection db, String sql) throws SQLException {
        return Long.parseLong(string(db, sql));
    }

    static String string(Connection db, String query) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
