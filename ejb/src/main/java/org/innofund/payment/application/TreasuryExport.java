package org.innofund.payment.application;

import org.innofund.shared.Money;

import java.io.Serializable;
import java.util.List;

/**
 * 国库支付文件 of a batch: its name and bytes, the lines in it and their sum, and the lines blocked on the payment date
 * that failed at export and were left out (their items payable again).
 */
public record TreasuryExport(String fileName, byte[] content, int lines, Money total, List<BlockedItem> blocked,
                             BatchView batch) implements Serializable {
}
