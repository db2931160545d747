package countylive.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Chinese and English texts are kept in step, and every key a template uses exists. */
class MessagesTest {

    @Test
    void everyBundleHasTheSameKeysInBothLanguages() throws IOException {
        int bundles = 0;
        for (String bundle : MessagesFactory.BUNDLES) {
            Properties zh = load(bundle + "_zh");
            Properties en = load(bundle + "_en");
            if (zh == null && en == null) {
                continue;
            }
            bundles++;
            assertTrue(zh != null && en != null, bundle + " needs both a _zh and an _en file");
            assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()),
                    "keys of " + bundle + "_zh and " + bundle + "_en");
            for (String key : zh.stringPropertyNames()) {
                assertTrue(!zh.getProperty(key).isBlank() && !en.getProperty(key).isBlank(), "empty text for " + key);
            }
        }
        assertTrue(bundles >= 2);
    }

    @Test
    void everyMessageKeyInTheTemplatesExists() throws IOException {
        Set<String> known = new HashSet<>();
        for (String bundle : MessagesFactory.BUNDLES) {
            Properties zh = load(bundle + "_zh");
            if (zh != null) {
                known.addAll(zh.stringPropertyNames());
            }
        }
        Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = key.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!known.contains(matcher.group(1))) {
                        missing.add(file + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    private static Properties load(String name) throws IOException {
        InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties");
        if (in == null) {
            return null;
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        }
    }
}
