package org.innofund.shared;

import org.innofund.identity.application.LoginResult;
import org.innofund.identity.domain.InvalidUsccException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every message key the business layer can produce has a text in both languages. */
class MessageKeysTest {

    /** Maven runs the tests with the module's directory as the working directory. */
    private static final Path SOURCES = Path.of("src", "main", "java");

    private static final List<Pattern> KEY_SITES = List.of(
            // BusinessException.invalid("key", ...), notFound, conflict, forbidden
            Pattern.compile("BusinessException\\s*\\.\\s*(?:invalid|notFound|conflict|forbidden)\\(\\s*\"([^\"]+)\""),
            // new BusinessException(Kind.X, "key", ...) and new BusinessException(BusinessException.Kind.X, "key")
            Pattern.compile("new\\s+BusinessException\\(\\s*(?:BusinessException\\.)?Kind\\.[A-Z_]+\\s*,\\s*\"([^\"]+)\""),
            // keys handed on to a helper that throws them (Accounts.flushUnique)
            Pattern.compile("flushUnique\\(\\s*\"([^\"]+)\""),
            // the audit chain's problems, shown by the audit page
            Pattern.compile("broken\\([^,]+,\\s*\"([^\"]+)\""),
            // LoginResult.messageKey()
            Pattern.compile("case\\s+[A-Z_]+\\s*->\\s*\"([a-z]+\\.[A-Za-z.]+)\""),
            // the problems a submission check lists: Problem.of("key", ...)
            Pattern.compile("(?<!Field)Problem\\s*\\.\\s*of\\(\\s*\"([^\"]+)\""),
            // a problem of one field of a form: FieldProblem.of(field, "key", ...)
            Pattern.compile("FieldProblem\\s*\\.\\s*of\\([^,]+,\\s*\"([^\"]+)\"\\s*[,)]"),
            // subclasses of BusinessException: super(Kind.X, "key", ...)
            Pattern.compile("super\\(\\s*(?:BusinessException\\.)?Kind\\.[A-Z_]+\\s*,\\s*\"([^\"]+)\""),
            // enum constants that carry the key of their refusal: DeclarationAction EDIT("declaration.notEditable")
            Pattern.compile("(?m)^\\s*[A-Z_]+\\(\\s*\"([a-z]+\\.[A-Za-z.]+)\"\\s*\\)[,;]"));

    static Set<String> keysUsedInSources() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                for (Pattern site : KEY_SITES) {
                    Matcher m = site.matcher(source);
                    while (m.find()) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        return keys;
    }

    private static void assertInBothLanguages(Set<String> keys) {
        Properties chinese = BundleFiles.load("_zh_CN");
        Properties english = BundleFiles.load("_en");
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            if (chinese.getProperty(key) == null) {
                missing.add(key + " (zh)");
            }
            if (english.getProperty(key) == null) {
                missing.add(key + " (en)");
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void theScanFindsTheKeys() throws IOException {
        assertTrue(Files.isDirectory(SOURCES), "run from the ejb module's directory: " + SOURCES.toAbsolutePath());
        Set<String> keys = keysUsedInSources();
        // one of each kind of site, so that a broken pattern cannot make the test below pass on nothing
        for (String sample : List.of("password.tooShort", "auth.required", "registration.usernameTaken",
                "audit.verify.tail", "login.locked", "call.alreadyPublished", "user.notFound", "submit.rdIntensity",
                "declaration.submissionRefused", "evaluation.scoreRange")) {
            assertTrue(keys.contains(sample), sample + " not found by the scan; found " + keys);
        }
    }

    @Test
    void everyKeyInTheSourcesHasBothTexts() throws IOException {
        assertInBothLanguages(keysUsedInSources());
    }

    @Test
    void everyLedgerAccountsRefusalHasBothTexts() {
        Set<String> keys = new TreeSet<>();
        for (org.innofund.payment.domain.LedgerAccount account : org.innofund.payment.domain.LedgerAccount.values()) {
            keys.add(account.overdrawnKey());
        }
        assertInBothLanguages(keys);
    }

    @Test
    void everyUsccRuleHasBothTexts() {
        Set<String> keys = new TreeSet<>();
        for (InvalidUsccException.Rule rule : InvalidUsccException.Rule.values()) {
            keys.add(new InvalidUsccException(rule).messageKey());
        }
        assertEquals(4, keys.size());
        assertInBothLanguages(keys);
    }

    @Test
    void everyLoginAnswerHasBothTexts() {
        Set<String> keys = new TreeSet<>();
        for (LoginResult.Status status : LoginResult.Status.values()) {
            keys.add(new LoginResult(status, null, Set.of(), 0).messageKey());
        }
        assertEquals(LoginResult.Status.values().length, keys.size());
        assertInBothLanguages(keys);
    }
}
