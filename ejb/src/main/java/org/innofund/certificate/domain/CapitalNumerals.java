package org.innofund.certificate.domain;

import org.innofund.shared.Money;

import java.math.BigDecimal;

/**
 * 人民币大写金额: an amount as it is written on a payment document so that no figure can be added or changed, by
 * 中国人民银行《正确填写票据和结算凭证的基本规定》: 壹贰叁肆伍陆柒捌玖 with 拾佰仟 inside a group of four digits and 万 and
 * 亿 between groups (万亿 above 亿, up to 9,999,999,999,999.99); one 零 for a run of zeros inside the number
 * (壹佰万零壹拾元), none for the zeros that end a group (壹仟亿, 壹拾万柒仟) unless the whole group is zeros (壹亿零柒仟元);
 * 零 after 元 when the 角 is zero and the 分 is not (壹仟元零壹分); 整 after 元 or 角 when there is no 分 (壹拾元整,
 * 壹拾元伍角整), none after 分.
 * <p>
 * Where the rules leave a choice (a zero in the 万 or 元 place followed by a non-zero digit: "可以只写一个零字，也可以不写"),
 * this writes no 零, the first form of the rules' own example (¥107,000.53 = 壹拾万柒仟元伍角叁分), so 10.50 is 壹拾元伍角整.
 */
public final class CapitalNumerals {

    /** The largest amount written: 玖万玖仟玖佰玖拾玖亿… (the next would need 亿亿). */
    public static final BigDecimal MAX = new BigDecimal("9999999999999.99");

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    /** The place of a digit within its group of four: units, tens, hundreds, thousands. */
    private static final String[] PLACES = {"", "拾", "佰", "仟"};

    private CapitalNumerals() {
    }

    /** @throws IllegalArgumentException above {@link #MAX} (no subsidy comes near; a larger figure is a fault) */
    public static String of(Money money) {
        BigDecimal amount = money.amount();
        if (amount.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("No capital numerals above " + MAX.toPlainString() + ": " + amount.toPlainString());
        }
        long fen = money.fen();
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int fenDigit = (int) (fen % 10);

        StringBuilder out = new StringBuilder();
        if (yuan > 0) {
            integer(Long.toString(yuan), out);
            out.append('元');
        }
        if (jiao == 0 && fenDigit == 0) {
            return yuan == 0 ? "零元整" : out.append('整').toString();
        }
        if (jiao > 0) {
            out.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            out.append('零'); // 元 then 分 with nothing between would read as if a 角 had been left out
        }
        if (fenDigit > 0) {
            out.append(DIGITS.charAt(fenDigit)).append('分');
        } else {
            out.append('整');
        }
        return out.toString();
    }

    /** The whole yuan, read from the first digit: a run of zeros becomes one 零 before the next non-zero digit. */
    private static void integer(String digits, StringBuilder out) {
        boolean zeros = false;
        boolean groupHasDigit = false;
        for (int i = 0; i < digits.length(); i++) {
            int place = digits.length() - 1 - i; // 0 = units
            int digit = digits.charAt(i) - '0';
            if (digit == 0) {
                zeros = true;
            } else {
                if (zeros) {
                    out.append('零');
                    zeros = false;
                }
                out.append(DIGITS.charAt(digit)).append(PLACES[place % 4]);
                groupHasDigit = true;
            }
            if (place > 0 && place % 4 == 0) {
                if (place == 8) {
                    out.append('亿'); // always: a number this long has a non-zero digit at or above the 亿 place
                } else if (groupHasDigit) {
                    out.append('万'); // 万 (place 4) or 万亿 (place 12); an all-zero group has no unit
                }
                // the zeros that end a group are not read (壹拾万柒仟, 壹仟亿); a group all zeros is one 零 before what
                // follows (壹亿零柒仟, not 壹亿柒仟, which reads as 1.7 亿)
                if (groupHasDigit) {
                    zeros = false;
                }
                groupHasDigit = false;
            }
        }
    }
}
