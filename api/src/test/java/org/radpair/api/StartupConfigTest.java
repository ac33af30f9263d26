package org.radpair.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.radpair.api.settings.RadPairSettings;

/** What RadPairMain reads before Quarkus starts: the same names and defaults as the service's own settings. */
class StartupConfigTest {

    @AfterEach
    void clear() {
        System.clearProperty("radpair.home");
        System.clearProperty("radpair.embedded-db.port");
        System.clearProperty("quarkus.datasource.reactive.url");
    }

    private static RadPairSettings settings() {
        return RadPairMain.startupConfig().withMapping(RadPairSettings.class).build().getConfigMapping(RadPairSettings.class);
    }

    @Test
    void defaultsAreTheMappingsOwn() {
        assertThat(settings().home()).isEqualTo(System.getProperty("user.home") + "/.radpair");
        assertThat(settings().embeddedDb().port()).isEmpty();
        assertThat(RadPairMain.startupConfig().build().getOptionalValue("quarkus.datasource.reactive.url", String.class))
                .isEmpty();
    }

    @Test
    void systemPropertiesWin() {
        System.setProperty("radpair.home", "/srv/radpair");
        System.setProperty("radpair.embedded-db.port", "15433");
        System.setProperty("quarkus.datasource.reactive.url", "postgresql://db:5432/radpair");
        assertThat(settings().home()).isEqualTo("/srv/radpair");
        assertThat(settings().embeddedDb().port()).hasValue(15433);
        assertThat(RadPairMain.startupConfig().build().getOptionalValue("quarkus.datasource.reactive.url", String.class))
                .hasValue("postgresql://db:5432/radpair");
    }

    @Test
    void anEmptySettingIsNoSetting() {
        System.setProperty("quarkus.datasource.reactive.url", "");
        assertThat(RadPairMain.startupConfig().build().getOptionalValue("quarkus.datasource.reactive.url", String.class))
                .isEmpty();
    }
}
