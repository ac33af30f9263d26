package org.radpair.api.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.radpair.api.support.Claims;
import org.radpair.api.support.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The console in a real browser (headless chromium through Selenium) against the running test instance:
 * sign-in, demo data, dashboard figures against /v1/audit/stats, filters, a claim, the patient timeline,
 * closing a finding, the CSV download, tenant isolation; axe-core on every page and a screenshot of each
 * under target/console-screenshots. Skipped where chromium and chromedriver are not installed.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserTest {

    static final String PATIENT = "MRN-CONSOLE-7731";
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    static final LocalDate FROM = TODAY.minusDays(365);

    static Browser browser;
    static String tenant;
    static String nodule;
    static Overdue noduleBucket;
    static String thyroid;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (Browser.installed().isEmpty()) {
            String message = "SKIPPED ConsoleBrowserTest: the console's browser tests need chromium and chromedriver "
                    + "(Debian: apt-get install -y chromium chromium-driver), or -Dradpair.chromium and "
                    + "-Dradpair.chromedriver pointing at them";
            // Surefire counts a class skipped in @BeforeAll as 0 tests run: say it where the build log shows it.
            System.out.println(message);
            Assumptions.abort(message);
        }
        browser = Browser.start();
        tenant = Claims.uniqueId("console");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return root.toString().replaceAll("/$", "") + path;
    }

    private void open(String path) {
        browser.driver.get(url(path));
        waitForPage();
    }

    private void waitForPage() {
        browser.wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")) && !d.findElements(By.id("main")).isEmpty());
    }

    private WebElement find(String css) {
        return browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** axe-core finds no WCAG 2.1 A/AA violation, and a screenshot is saved. */
    private void checkPage(String name) throws IOException {
        browser.screenshot(name);
        assertThat(browser.accessibilityViolations()).as("axe-core violations on " + name).isEmpty();
    }

    private void signIn(String asTenant, String role) {
        open("/console/sign-in");
        find("details summary").click();
        find("#dev-tenant").sendKeys(asTenant);
        new Select(find("#dev-role")).selectByValue(role);
        find("#dev-sign-in-tenant").click();
        try {
            browser.wait.until(ExpectedConditions.titleContains("Dashboard"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("No dashboard after the development sign-in:\n" + browser.diagnostics(), e);
        }
        waitForPage();
    }

    private void signOut() {
        find("form[action='/console/sign-out'] button").click();
        browser.wait.until(ExpectedConditions.titleContains("Sign in"));
    }

    private static String validate(String claimJson) {
        return given().header("Authorization", Tokens.validator(tenant)).contentType(ContentType.JSON).body(claimJson)
                .post("/v1/claims/validate").then().statusCode(200).extract().asString();
    }

    private static String claim(String claimId, LocalDate dos, String cpt, String finding, String... diagnoses) {
        String json = Claims.claim(claimId, PATIENT, dos.toString(), cpt, diagnoses);
        return finding == null ? json : json.replace("\"incidentalFindings\":[]", "\"incidentalFindings\":[\"" + finding + "\"]");
    }

    @Test
    @Order(1)
    void signInLoadTheDemoDataAndSeeAPopulatedDashboard() throws IOException {
        open("/console");
        assertThat(browser.driver.getTitle()).contains("Sign in");
        checkPage("sign-in");

        signIn(tenant, "manager");
        assertThat(find("#load-demo").isDisplayed()).isTrue();
        find("#load-demo").click();
        // A few seconds on a developer's machine; minutes on a loaded CI runner.
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofMinutes(5))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("p.notice")));
        waitForPage();
        long total = Long.parseLong(find("[data-figure='total']").getText());
        assertThat(total).isGreaterThan(1000);

        // Claims recorded through the API today, for the timeline and the worklist.
        nodule = Claims.uniqueId("CON-NODULE");
        // A lung nodule is due for its follow-up 12 months after it is found (Fleischner): found 16 months ago, it is overdue.
        String opened = validate(claim(nodule, TODAY.minusMonths(16), "71250", "R91.1", "R05.9", "R91.1"));
        assertThat(JsonPath.from(opened).getList("followUp.openFindings")).hasSize(1);
        noduleBucket = Overdue.of(java.time.LocalDate.parse(JsonPath.from(opened).getString("followUp.openFindings[0].dueOn")), TODAY);
        assertThat(noduleBucket).isEqualTo(Overdue.UP_TO_6);
        // A thyroid nodule recognised on a chest CT (no incidentalFindings), and its follow-up recognised on the neck
        // ultrasound coded with it first (no followUpOf).
        thyroid = Claims.uniqueId("CON-THYROID");
        assertThat(JsonPath.from(validate(claim(thyroid, TODAY.minusMonths(4), "71260", null, "R07.9", "E04.1")))
                .getString("followUp.openFindings[0].openedHow")).isEqualTo("INFERRED");
        assertThat(JsonPath.from(validate(claim(Claims.uniqueId("CON-NECK"), TODAY.minusMonths(1), "76536", null, "E04.1")))
                .getString("followUp.closedFindings[0].followedUpHow")).isEqualTo("INFERRED");
        validate(claim(Claims.uniqueId("CON-HEAD"), TODAY.minusDays(10), "70450", null, "R51.9"));
        validate(claim(Claims.uniqueId("CON-BAD"), TODAY.minusDays(5), "72148", null, "M54.5"));
    }

    @Test
    @Order(2)
    void theDashboardShowsWhatTheApiSaysForTheSameTenantAndPeriod() throws IOException {
        open("/console/dashboard?from=" + FROM + "&to=" + TODAY);
        JsonPath stats = given().header("Authorization", Tokens.auditor(tenant))
                .queryParam("from", FROM.toString()).queryParam("to", TODAY.toString())
                .get("/v1/audit/stats").then().statusCode(200).extract().jsonPath();
        assertThat(Long.parseLong(find("[data-figure='total']").getText())).isEqualTo(stats.getLong("total"));
        for (String verdict : List.of("PASS", "WARN", "FAIL")) {
            long api = stats.getMap("byVerdict").containsKey(verdict) ? stats.getLong("byVerdict." + verdict) : 0;
            assertThat(Long.parseLong(find("[data-figure='" + verdict + "']").getText())).as(verdict).isEqualTo(api);
        }
        Map<String, Object> byRule = stats.getMap("byRule");
        List<WebElement> rules = browser.driver.findElements(By.cssSelector("a[data-rule]"));
        assertThat(rules).isNotEmpty();
        for (WebElement rule : rules) {
            assertThat(Long.parseLong(rule.getText())).as(rule.getAttribute("data-rule"))
                    .isEqualTo(((Number) byRule.get(rule.getAttribute("data-rule"))).longValue());
        }
        Map<String, Object> byCategory = stats.getMap("byCategory");
        for (WebElement category : browser.driver.findElements(By.cssSelector("a[data-category]"))) {
            assertThat(Long.parseLong(category.getText()))
                    .isEqualTo(((Number) byCategory.get(category.getAttribute("data-category"))).longValue());
        }
        // The charts were drawn (Chart.js and htmx loaded from the WebJars).
        Object charts = ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("return typeof Chart !== 'undefined' && typeof htmx !== 'undefined' "
                        + "&& Chart.getChart(document.getElementById('trend-chart')) !== undefined");
        assertThat(charts).isEqualTo(Boolean.TRUE);
        assertThat(find("[data-overdue='3-6']").getText()).isNotBlank();
        checkPage("dashboard");
    }

    @Test
    @Order(3)
    void aFigureLeadsToTheFilteredListAndAClaimToItsPage() throws IOException {
        open("/console/dashboard?from=" + FROM + "&to=" + TODAY);
        find("#figure-FAIL").click();
        browser.wait.until(ExpectedConditions.titleContains("Claims"));
        waitForPage();
        assertThat(new Select(find("#f-verdict")).getFirstSelectedOption().getText()).isEqualTo("FAIL");
        List<WebElement> badges = browser.driver.findElements(By.cssSelector("#claims-table td .badge"));
        assertThat(badges).isNotEmpty().allSatisfy(badge -> assertThat(badge.getText()).isEqualTo("FAIL"));

        // Narrow down to a CPT with the filter form: the list is the API's first page for the same filters.
        find("#f-cpt").sendKeys("72148");
        find("#apply-filters").click();
        browser.wait.until(ExpectedConditions.urlContains("cpt=72148"));
        waitForPage();
        List<String> shown = browser.driver.findElements(By.cssSelector("#claims-table a.claim-link")).stream()
                .map(WebElement::getText).toList();
        List<String> api = given().header("Authorization", Tokens.auditor(tenant))
                .queryParam("from", FROM.toString()).queryParam("to", TODAY.toString()).queryParam("verdict", "FAIL")
                .queryParam("cpt", "72148").queryParam("limit", "50")
                .get("/v1/audit/claims").then().statusCode(200).extract().jsonPath().getList("items.claimId");
        assertThat(shown).isNotEmpty().isEqualTo(api);
        checkPage("claims");

        find("#next-page").click();
        browser.wait.until(ExpectedConditions.urlContains("cursor="));
        waitForPage();
        assertThat(browser.driver.findElements(By.cssSelector("#claims-table a.claim-link")).stream().map(WebElement::getText)
                .toList()).doesNotContainAnyElementsOf(shown);

        open("/console/claims?verdict=FAIL&cpt=72148");
        String first = find("#claims-table a.claim-link").getText();
        find("#claims-table a.claim-link").click();
        browser.wait.until(ExpectedConditions.titleContains("Claim " + first));
        waitForPage();
        assertThat(find("#latest-verdict").getText()).isEqualTo("FAIL");
        assertThat(find("table.edits").getText()).contains("ICD-003");
        checkPage("claim");
    }

    @Test
    @Order(4)
    void thePatientTimelineIsAskedForInAFormBodyNotInTheAddress() throws IOException {
        open("/console/patients");
        checkPage("patient-form");
        find("#patient-id").sendKeys(PATIENT);
        find("#show-timeline").click();
        find("#timeline");
        waitForPage();
        assertThat(browser.driver.getCurrentUrl()).doesNotContain(PATIENT);
        String timeline = find("#timeline").getText();
        assertThat(timeline).contains(nodule).contains("R91.1").contains("CON-HEAD").contains("CON-BAD");
        checkPage("patient-timeline");
    }

    @Test
    @Order(5)
    void aBillingManagerClosesAFindingWithAReasonAndAConfirmation() throws IOException {
        open("/console/findings?status=OPEN&overdue=" + noduleBucket.key());
        WebElement row = find("tr[id^='finding-'] a[href='/console/claims/" + nodule + "']")
                .findElement(By.xpath("./ancestor::tr"));
        String findingId = row.getAttribute("id").substring("finding-".length());
        assertThat(row.findElement(By.cssSelector(".opened-by")).getText()).contains("explicit (incidentalFindings)");
        row.findElement(By.cssSelector("details summary")).click();
        checkPage("findings");
        row.findElement(By.cssSelector("textarea")).sendKeys("Nodule reviewed by the radiologist: benign, no follow-up");
        row.findElement(By.cssSelector("input[type=checkbox]")).click();
        row.findElement(By.cssSelector("button.danger")).click();
        find("#closed-notice");
        waitForPage();
        assertThat(find("#finding-status").getText()).isEqualTo("CLOSED");
        assertThat(find("#closed-by").getText()).contains("dev-billing-manager@" + tenant).contains(TODAY.toString());
        checkPage("finding-closed");
        JsonPath api = given().header("Authorization", Tokens.auditor(tenant)).get("/v1/audit/findings/" + findingId)
                .then().statusCode(200).extract().jsonPath();
        assertThat(api.getString("finding.status")).isEqualTo("CLOSED");
        assertThat(api.getString("finding.closeReason")).startsWith("Nodule reviewed");
    }

    @Test
    @Order(6)
    void theWorklistSaysWhetherAFindingAndItsFollowUpWereReportedOrRecognised() throws IOException {
        open("/console/findings?status=FOLLOWED_UP&code=E04.1");
        WebElement row = find("tr[id^='finding-'] a[href='/console/claims/" + thyroid + "']").findElement(By.xpath("./ancestor::tr"));
        assertThat(row.findElement(By.cssSelector(".opened-by")).getText()).contains("inferred (FINDING-SECONDARY)");
        assertThat(row.findElement(By.cssSelector(".resolution")).getText()).contains("inferred (FOLLOWUP-CODE)");
        checkPage("findings-followed-up");
        row.findElement(By.cssSelector("th a")).click();
        browser.wait.until(ExpectedConditions.titleContains("Finding E04.1"));
        waitForPage();
        assertThat(find("#opened-by").getText()).contains(thyroid).contains("inferred (FINDING-SECONDARY)");
        assertThat(find("#followed-up-by").getText()).contains("inferred (FOLLOWUP-CODE)");
        checkPage("finding-followed-up");
    }

    @Test
    @Order(7)
    void aReadOnlyUserSeesNoCloseButton() throws IOException {
        signOut();
        signIn(tenant, "viewer");
        open("/console/findings?status=OPEN");
        assertThat(browser.driver.findElements(By.cssSelector("tr[id^='finding-']"))).isNotEmpty();
        assertThat(browser.driver.findElements(By.cssSelector("form.close-form"))).isEmpty();
        assertThat(browser.driver.getPageSource()).doesNotContain("Close finding");
        checkPage("findings-read-only");
    }

    @Test
    @Order(8)
    void theCsvDownloadHoldsTheFilteredClaims() throws Exception {
        try (Stream<Path> old = Files.list(Browser.DOWNLOADS)) {
            old.forEach(file -> file.toFile().delete());
        }
        open("/console/claims?from=" + FROM + "&to=" + TODAY + "&verdict=FAIL");
        find("#csv-download").click();
        Path csv = browser.wait.until(d -> {
            try (Stream<Path> files = Files.list(Browser.DOWNLOADS)) {
                return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
        List<String> lines = Files.readAllLines(csv);
        long fail = given().header("Authorization", Tokens.auditor(tenant))
                .queryParam("from", FROM.toString()).queryParam("to", TODAY.toString())
                .get("/v1/audit/stats").then().extract().jsonPath().getLong("byVerdict.FAIL");
        assertThat(lines.get(0)).startsWith("audit_id,claim_id");
        assertThat(lines).hasSize((int) fail + 1);
        assertThat(lines.subList(1, lines.size())).allSatisfy(line -> assertThat(line).contains(",FAIL,"));
    }

    @Test
    @Order(9)
    void anotherTenantSeesNoneOfIt() throws IOException {
        signOut();
        signIn(Claims.uniqueId("console-other"), "manager");
        open("/console/dashboard?from=" + FROM + "&to=" + TODAY);
        assertThat(find("[data-figure='total']").getText()).isEqualTo("0");
        open("/console/claims");
        find("#no-claims");
        open("/console/claims/" + nodule);
        assertThat(browser.driver.getTitle()).contains("No such claim");
        open("/console/findings?status=ALL");
        find("#no-findings");
        open("/console/patients");
        find("#patient-id").sendKeys(PATIENT);
        find("#show-timeline").click();
        find("#no-timeline");
        checkPage("other-tenant-timeline");
    }
}
