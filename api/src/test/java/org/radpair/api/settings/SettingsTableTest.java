package org.radpair.api.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.radpair.audit.PersistenceSettings;

import io.smallrye.config.ConfigMappingInterface.Property;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.ConfigMappings.ConfigClass;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.PropertiesConfigSourceLoader;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * README.md's configuration table lists every RadPair setting (as its environment variable) with the default the
 * code has, and nothing else under {@code RADPAIR_}; the two mappings share the {@code radpair} prefix without
 * either rejecting the other's settings.
 */
class SettingsTableTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final String NO_DEFAULT = "(no default)";

    private static final List<ConfigClass> MAPPINGS = List.of(
            ConfigClass.configClass(RadPairSettings.class, "radpair"),
            ConfigClass.configClass(PersistenceSettings.class, "radpair"));

    @Test
    void theReadmeListsEverySettingWithItsDefault() throws IOException {
        assertThat(readmeTable()).isEqualTo(mappedSettings());
    }

    @Test
    void bothMappingsAcceptApplicationPropertiesInEveryProfile() {
        for (String profile : List.of("prod", "dev", "test")) {
            builder().withProfile(profile).build();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"radpair.limits.max-uri-lenght", "radpair.audit.replica.max-lagg", "radpair.unheard-of"})
    void aMisspelledSettingStopsTheStart(String misspelled) {
        SmallRyeConfigBuilder builder = builder()
                .withSources(new PropertiesConfigSource(Map.of(misspelled, "1"), "misspelled", 400));
        assertThatThrownBy(builder::build).hasMessageContaining(misspelled);
    }

    private static SmallRyeConfigBuilder builder() {
        // application.properties and user.home only: system properties hold the build's own radpair.test.* settings.
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .addDiscoveredConverters()
                .withSources(PropertiesConfigSourceLoader.inClassPath("application.properties", 250,
                        SettingsTableTest.class.getClassLoader()))
                .withSources(new PropertiesConfigSource(Map.of("user.home", System.getProperty("user.home")), "user.home", 0))
                .withValidateUnknown(true);
        MAPPINGS.forEach(builder::withMapping);
        return builder;
    }

    /** Environment variable → default, from both mappings. */
    private static Map<String, String> mappedSettings() {
        Map<String, String> settings = new TreeMap<>();
        for (ConfigClass mapping : MAPPINGS) {
            for (Map.Entry<String, Property> entry : ConfigMappings.getProperties(mapping).entrySet()) {
                Property property = entry.getValue();
                if (property.isLeaf() || property.isOptional() || property.isPrimitive()) {
                    String value = property.hasDefaultValue() ? property.getDefaultValue() : NO_DEFAULT;
                    settings.put(environmentVariable(entry.getKey()), value.replace("${user.home}", "~"));
                }
            }
        }
        return settings;
    }

    private static String environmentVariable(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Environment variable → default, from the table's rows that name {@code RADPAIR_} settings. A row lists one or
     * more variables ({@code `_OTHER`} after {@code `RADPAIR_BILATERAL_MEDICARE`} is {@code RADPAIR_BILATERAL_OTHER})
     * and their defaults in the same order, the last one standing for the rest; a default without code ("unset: …",
     * "a free port") is none.
     */
    private static Map<String, String> readmeTable() throws IOException {
        String readme = Files.readString(README);
        String section = readme.substring(readme.indexOf("\n## Configuration"));
        section = section.substring(0, section.indexOf("\n## ", 1));
        Map<String, String> settings = new TreeMap<>();
        for (String line : section.lines().filter(line -> line.startsWith("| `")).toList()) {
            String[] cells = line.split("\\|");
            List<String> names = codes(cells[1]);
            if (!names.get(0).startsWith("RADPAIR_")) {
                continue;
            }
            List<String> defaults = codes(cells[2]);
            String first = names.get(0);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i).startsWith("_") ? first.substring(0, first.lastIndexOf('_')) + names.get(i)
                        : names.get(i);
                String value = defaults.isEmpty() ? NO_DEFAULT : defaults.get(Math.min(i, defaults.size() - 1));
                assertThat(settings.put(name, value)).as("%s listed twice", name).isNull();
            }
        }
        return settings;
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }
}
