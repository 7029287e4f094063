package org.innofund.bench;

/** 统一社会信用代码 with the GB 32100-2015 check character (the same rule as the product's identity.domain.Uscc). */
final class Uscc {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Uscc() {
    }

    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Code number {@code n} of a run: distinct for distinct n (base 31 in the 9-character organisation part). */
    static String of(long n) {
        StringBuilder org = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            org.append(ALPHABET.charAt((int) (n % 31)));
            n /= 31;
        }
        String first17 = "91330283" + org.reverse();
        return first17 + checkCharacter(first17);
    }
}
