package org.radpair.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A native executable holds only the class-path resources {@code quarkus.native.resources.includes} names; the
 * reference and rule tables are read with getResourceAsStream at start, so a table the globs miss would
 * fail the native service at start (no GraalVM here to prove it by building). Every non-class resource under
 * {@code org/radpair/} (rules-core's tables, and any other module's) must match one of the globs.
 */
class NativeResourcesTest {

    @Test
    void everyResourceUnderOrgRadpairIsIncludedInTheNativeImage() throws Exception {
        List<PathMatcher> includes = includes();
        List<String> resources = resourcesUnder("org/radpair/");
        // rules-core's tables are there: the scan itself works.
        assertThat(resources).anyMatch(r -> r.startsWith("org/radpair/codes/"))
                .anyMatch(r -> r.startsWith("org/radpair/rules/"));
        List<String> missed = resources.stream()
                .filter(resource -> includes.stream().noneMatch(glob -> glob.matches(Path.of(resource))))
                .toList();
        assertThat(missed).as("class-path resources not covered by quarkus.native.resources.includes").isEmpty();
    }

    @Test
    void theGlobsAreReadAsQuarkusReadsThem() throws Exception {
        PathMatcher rules = FileSystems.getDefault().getPathMatcher("glob:org/radpair/rules/**");
        assertThat(rules.matches(Path.of("org/radpair/rules/x.tsv"))).isTrue();
        assertThat(rules.matches(Path.of("org/radpair/codes/x.tsv"))).isFalse();
    }

    private static List<PathMatcher> includes() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RadPairMain.class.getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        String globs = properties.getProperty("quarkus.native.resources.includes", "");
        return Arrays.stream(globs.split(",")).map(String::strip).filter(g -> !g.isEmpty())
                .map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
    }

    private static List<String> resourcesUnder(String prefix) throws IOException, URISyntaxException {
        TreeSet<String> found = new TreeSet<>();
        for (URL root : Collections.list(NativeResourcesTest.class.getClassLoader().getResources(prefix))) {
            if ("jar".equals(root.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) root.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(e -> e.getName())
                            .filter(name -> name.startsWith(prefix) && !name.endsWith("/") && !name.endsWith(".class"))
                            .forEach(found::add);
                }
            } else if ("file".equals(root.getProtocol())) {
                Path directory = Path.of(root.toURI());
                Path base = directory;
                for (int i = 0; i < prefix.split("/").length; i++) {
                    base = base.getParent();
                }
                try (Stream<Path> files = Files.walk(directory)) {
                    Path classPathRoot = base;
                    files.filter(Files::isRegularFile).map(f -> classPathRoot.relativize(f).toString().replace('\\', '/'))
                            .filter(name -> !name.endsWith(".class")).forEach(found::add);
                }
            }
        }
        return new ArrayList<>(found);
    }
}
