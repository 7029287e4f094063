package org.innofund.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The business message files read as they are, UTF-8, without ResourceBundle's fallbacks. */
final class BundleFiles {

    static final String BASE = "org/innofund/shared/messages";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    private BundleFiles() {
    }

    static Properties load(String suffix) {
        String name = BASE + suffix + ".properties";
        try (InputStream in = BundleFiles.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new AssertionError(name + " is not on the class path");
            }
            Properties p = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                p.load(reader);
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The argument numbers a pattern uses. */
    static Set<Integer> placeholders(String pattern) {
        Set<Integer> numbers = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return numbers;
    }
}
