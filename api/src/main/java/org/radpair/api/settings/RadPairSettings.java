package org.radpair.api.settings;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import org.radpair.rules.PayerPolicies.BilateralStyle;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service's own settings ({@code radpair.*}, or {@code RADPAIR_…} in the environment) and their defaults. The
 * persistence module's settings are in {@code org.radpair.audit.PersistenceSettings}; settings of Quarkus and
 * MicroProfile ({@code quarkus.*}, {@code mp.jwt.*}) are theirs. README.md's configuration table lists them all
 * (SettingsTableTest checks it).
 */
@ConfigMapping(prefix = "radpair")
public interface RadPairSettings {

    /** Where the embedded database ({@code pgdata/}) and the development patient-key secret live. */
    @WithDefault("${user.home}/.radpair")
    String home();

    EmbeddedDb embeddedDb();

    PatientKey patientKey();

    Bilateral bilateral();

    RateLimit rateLimit();

    Database database();

    Limits limits();

    Findings findings();

    Security security();

    Console console();

    interface EmbeddedDb {

        /** Unset: a free port. */
        OptionalInt port();
    }

    interface PatientKey {

        /** HMAC secret for patient keys: required in production, generated once into {@code home} in dev and test. */
        Optional<String> secret();
    }

    /** How each payer type wants bilateral studies billed. */
    interface Bilateral {

        @WithDefault("MODIFIER_50")
        BilateralStyle medicare();

        @WithDefault("EITHER")
        BilateralStyle medicaid();

        @WithDefault("EITHER")
        BilateralStyle commercial();

        @WithDefault("EITHER")
        BilateralStyle other();
    }

    /** Per tenant, with bursts of twice the rate; zero turns a limit off. */
    interface RateLimit {

        @WithDefault("2000")
        double requestsPerSecond();

        /**
         * Look-ups by patient (the patient view of the audit history, claims that name a finding they follow up): a
         * lower rate, so that patient or finding identifiers cannot be guessed at the general rate.
         */
        @WithDefault("10")
        double patientLookupsPerSecond();
    }

    interface Database {

        /** How long a validation waits on PostgreSQL. */
        @WithDefault("PT5S")
        Duration timeout();

        /** How many validations wait on PostgreSQL at once. */
        @WithDefault("512")
        int maxInFlight();
    }

    interface Limits {

        /** Single claims and every call but the bulk ones (those have {@code quarkus.http.limits.max-body-size}). */
        @WithDefault("1M")
        MemorySize claimBodySize();

        @WithDefault("4096")
        int maxUriLength();

        @WithDefault("20K")
        MemorySize maxHeaderSize();
    }

    interface Findings {

        /**
         * Whether findings and follow-ups are recognised from the claims (issue 19); false leaves only the explicit
         * {@code incidentalFindings} and {@code followUpOf} (for measuring what the recognition costs).
         */
        @WithDefault("true")
        boolean inference();
    }

    interface Security {

        /**
         * How long a verified token is remembered (never past its {@code exp} or maximum age): each distinct token is then
         * verified once (VerifiedTokens); zero verifies every request.
         */
        @WithDefault("PT1M")
        Duration verifiedTokenCache();
    }

    /** The billing managers' console (docs/console.md). */
    interface Console {

        Oidc oidc();

        /** Session cookies are Secure; false only to try the console over plain HTTP on another host than localhost. */
        @WithDefault("true")
        boolean secureCookies();

        /** One-click sign-in as a development user (never with the prod profile: the service refuses to start). */
        @WithDefault("false")
        boolean devSignIn();

        interface Oidc {

            /** The provider's base URL (its discovery document is under /.well-known/openid-configuration); unset: none. */
            Optional<String> authServerUrl();

            @WithDefault("radpair-console")
            String clientId();

            Optional<String> clientSecret();

            /** Where the ID token carries the roles (the API reads them from the access token's {@code groups}). */
            @WithDefault("groups")
            String rolesClaim();
        }
    }
}
