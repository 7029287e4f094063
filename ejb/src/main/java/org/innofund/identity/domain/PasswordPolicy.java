package org.innofund.identity.domain;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.BruteForceMatch;
import me.gosimple.nbvcxz.matching.match.DateMatch;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.matching.match.RepeatMatch;
import me.gosimple.nbvcxz.matching.match.SequenceMatch;
import me.gosimple.nbvcxz.matching.match.SpacialMatch;
import me.gosimple.nbvcxz.matching.match.YearMatch;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least 10 characters, at most 128, not the user name, not one of the 10,000 most
 * common passwords (shipped as {@code common-passwords.txt}), and not guessable in fewer than about a million tries
 * as estimated by nbvcxz (zxcvbn's Java port: dictionary words, names, keyboard rows, repeats, sequences, dates).
 * A million tries is zxcvbn's score 2: with the login lockout and a slow hash that is out of reach online.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    /** log2 of the guesses an attacker would need at least: 2^20 is about 10^6. */
    public static final double MIN_ENTROPY_BITS = 20;
    public static final int COMMON_LIST_SIZE = 10_000;

    private PasswordPolicy() {
    }

    public static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw BusinessException.invalid("password.tooShort", MIN_LENGTH);
        }
        if (password.length() > Lengths.PASSWORD_MAX) {
            throw BusinessException.invalid("password.tooLong", Lengths.PASSWORD_MAX);
        }
        if (password.isBlank()) {
            throw BusinessException.invalid("password.blank");
        }
        if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            throw BusinessException.invalid("password.equalsUsername");
        }
        if (Common.PASSWORDS.contains(password.strip().toLowerCase(Locale.ROOT))) {
            throw BusinessException.invalid("password.common", COMMON_LIST_SIZE);
        }
        Result estimate = Strength.estimate(password);
        if (estimate.getEntropy() < MIN_ENTROPY_BITS) {
            throw BusinessException.invalid(weakness(estimate), estimate.getGuesses().toBigInteger().toString());
        }
    }

    /** Why it is guessable: the pattern that covers most of it (a key of the form password.weak.*). */
    private static String weakness(Result estimate) {
        return estimate.getMatches().stream().filter(m -> !(m instanceof BruteForceMatch))
                .max(Comparator.comparingInt(Match::getLength))
                .map(m -> m instanceof RepeatMatch ? "password.weak.repeat"
                        : m instanceof SequenceMatch ? "password.weak.sequence"
                        : m instanceof SpacialMatch ? "password.weak.keyboard"
                        : m instanceof DictionaryMatch ? "password.weak.dictionary"
                        : m instanceof DateMatch || m instanceof YearMatch ? "password.weak.date"
                        : "password.weak")
                .orElse("password.weak");
    }

    /** Loaded on first use; case does not make a common password safe. */
    private static final class Common {
        static final Set<String> PASSWORDS = load();

        private static Set<String> load() {
            Set<String> passwords = new HashSet<>(COMMON_LIST_SIZE * 2);
            try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .forEach(l -> passwords.add(l.strip().toLowerCase(Locale.ROOT)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(passwords);
        }
    }

    /** One estimator (its dictionaries take a moment to load), bounded so that a long password cannot stall it. */
    private static final class Strength {
        private static final Nbvcxz ESTIMATOR = new Nbvcxz(new ConfigurationBuilder()
                .setMaxLength(64).setCombinationAlgorithmTimeout(500L).createConfiguration());

        static synchronized Result estimate(String password) {
            return ESTIMATOR.estimate(password);
        }
    }
}
