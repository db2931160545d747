package countylive.host;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Every platform is named once, in the shared bundle, and pages, workbooks and history all use that. */
class PlatformLabelsTest {

    @Test
    void everyPlatformHasOneLabelInEachLanguage() throws IOException {
        Properties zh = load("messages_zh");
        Properties en = load("messages_en");
        for (Platform platform : Platform.values()) {
            assertNotNull(zh.getProperty("platform." + platform), platform + " in Chinese");
            assertNotNull(en.getProperty("platform." + platform), platform + " in English");
        }
        assertEquals("抖音", zh.getProperty("platform.DOUYIN"));
        assertEquals("Taobao Live", en.getProperty("platform.TAOBAO"));
    }

    @Test
    void noFeatureKeepsItsOwnCopyOfTheLabels() throws IOException {
        for (String bundle : List.of("excel", "host", "livestream", "summary")) {
            for (String language : List.of("_zh", "_en")) {
                Properties texts = load(bundle + language);
                assertFalse(texts.stringPropertyNames().stream().anyMatch(key -> key.matches("\\w+\\.platform\\.[A-Z]+")),
                        bundle + language + " repeats the platform labels");
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String template = Files.readString(file);
                assertFalse(template.matches("(?s).*'(session|host|summary|excel)\\.platform\\.'.*"), file + " uses an old key");
            }
        }
    }

    private static Properties load(String name) throws IOException {
        InputStream in = PlatformLabelsTest.class.getResourceAsStream("/i18n/" + name + ".properties");
        assertNotNull(in, name);
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            return properties;
        }
    }
}
