package org.radpair.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rule: api → persistence → rules-core, api → rules-core, never backwards, and
 * rules-core free of any framework.
 */
@AnalyzeClasses(packages = "org.radpair", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] RULES_CORE = {"org.radpair.claim..", "org.radpair.codes..", "org.radpair.rules.."};
    static final String[] PERSISTENCE = {"org.radpair.audit..", "org.radpair.findings.."};
    static final String API = "org.radpair.api..";

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("api").definedBy(API)
            .layer("persistence").definedBy(PERSISTENCE)
            .layer("rules-core").definedBy(RULES_CORE)
            .whereLayer("api").mayNotBeAccessedByAnyLayer()
            .whereLayer("persistence").mayOnlyBeAccessedByLayers("api")
            .whereLayer("rules-core").mayOnlyBeAccessedByLayers("api", "persistence")
            .withOptionalLayers(true);

    @ArchTest
    static final ArchRule rulesCoreIsPlainJava = noClasses().that().resideInAnyPackage(RULES_CORE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.quarkus..", "jakarta..", "javax.persistence..", "io.smallrye..", "org.hibernate..",
                    "com.fasterxml..", "io.vertx..", "org.jboss..", "org.eclipse.microprofile..")
            .because("rules-core is a plain function of its inputs, testable and fast without any framework");

    @ArchTest
    static final ArchRule persistenceKnowsNothingOfHttp = noClasses().that().resideInAnyPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "io.vertx.ext.web..");

    /**
     * Persistence answers the rules' questions in the rules' own types (HistoryNeeds in, ClaimHistory out: a port that
     * rules-core owns) but never runs the rules: checking a claim is the api's job.
     */
    @ArchTest
    static final ArchRule persistenceSpeaksTheRulesLanguageButNeverRunsThem = noClasses().that().resideInAnyPackage(PERSISTENCE)
            .should().dependOnClassesThat().resideInAnyPackage("org.radpair.rules..")
            .because("the history is read for the rules, in their terms (org.radpair.claim), not by them");

    @ArchTest
    static final ArchRule persistenceAnswersInTheRulesTypes = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().haveFullyQualifiedName("org.radpair.audit.AuditLog$PatientPast")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.radpair.claim.ClaimHistory")
            .because("persistence depends on rules-core for this: the patient's past as the rules read it");

    @ArchTest
    static final ArchRule apiPackagesAreFreeOfCycles = slices().matching("org.radpair.api.(*)..").should().beFreeOfCycles()
            .because("a package that reaches back to its dependants cannot be understood or changed on its own");
}
