package org.innofund.subsidy.domain;

import org.innofund.shared.BusinessException;
import org.innofund.shared.Lengths;

import java.util.regex.Pattern;

/**
 * 收款账户: where a confirmed subsidy is paid. The account must be the enterprise's own: its name equal to the
 * registered company name (blanks around ignored, nothing else). The number as Chinese banks issue them: 8 to 32
 * digits (a company's settlement account is usually 12 to 22; people group it in fours, so spaces are dropped);
 * anything else, letters, dashes, is refused.
 */
public record BankAccount(String accountName, String accountNumber, String bankName) {

    public static final int MIN_DIGITS = 8;
    public static final int MAX_DIGITS = 32;
    private static final Pattern NUMBER = Pattern.compile("\\d{" + MIN_DIGITS + "," + MAX_DIGITS + "}");

    /** The account as given, checked for the enterprise registered as {@code companyName}; refused with what is wrong. */
    public static BankAccount of(String accountName, String accountNumber, String bankName, String companyName) {
        String name = accountName == null ? "" : accountName.strip();
        if (!name.equals(companyName)) {
            throw BusinessException.invalid("exempt.accountName", companyName);
        }
        String number = accountNumber == null ? "" : accountNumber.replace(" ", "");
        if (!NUMBER.matcher(number).matches()) {
            throw BusinessException.invalid("exempt.accountNumber", MIN_DIGITS, MAX_DIGITS);
        }
        String bank = bankName == null ? "" : bankName.strip();
        if (bank.isEmpty() || bank.length() > Lengths.SHORT_NAME) {
            throw BusinessException.invalid("exempt.bankName", Lengths.SHORT_NAME);
        }
        return new BankAccount(name, number, bank);
    }
}
