package org.innofund.declaration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The last receipt number given in a call year. It is read under a row lock and moved on in the submitting
 * transaction, so that two submissions at once wait for each other and a rolled-back submission gives its number
 * back: numbers without gaps or repeats (a database sequence would leave gaps).
 */
@Entity
@Table(name = "receipt_counter")
public class ReceiptCounter {

    @Id
    @Column(name = "receipt_year")
    private int year;

    @Column(name = "last_number", nullable = false)
    private long lastNumber;

    protected ReceiptCounter() {
    }

    public ReceiptCounter(int year) {
        this.year = year;
    }

    /** The next number of the year, counted as given. */
    public long next() {
        if (lastNumber >= ReceiptNumber.MAX_SEQUENCE) {
            throw new IllegalStateException("receipt numbers of " + year + " exhausted");
        }
        return ++lastNumber;
    }

    public int getYear() {
        return year;
    }

    public long getLastNumber() {
        return lastNumber;
    }
}
