package org.innofund.it;

import org.innofund.identity.domain.Uscc;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh, valid data for each test, so that tests never depend on one another or on their order. */
public final class TestData {

    public static final String DEMO_PASSWORD = "Demo#2026pass";

    private TestData() {
    }

    /** A USCC nobody has registered yet, with a correct GB 32100-2015 check character. */
    public static String newUscc() {
        StringBuilder first17 = new StringBuilder("91330282");
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 9; i++) {
            first17.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return first17.toString() + Uscc.checkCharacter(first17.toString());
    }

    /** The same code with a wrong check character. */
    public static String withWrongCheck(String uscc) {
        char right = uscc.charAt(17);
        return uscc.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    public static String newUsername(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + ThreadLocalRandom.current().nextInt(1000);
    }
}
