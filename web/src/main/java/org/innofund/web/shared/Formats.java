package org.innofund.web.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.innofund.shared.Clocks;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How instants and money look on every page: Beijing time, yuan with two decimals. */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Clocks.BUREAU_ZONE);
    private static final DateTimeFormatter DATE_TIME_MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.BUREAU_ZONE);

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }

    public String minutes(Instant instant) {
        return instant == null ? "" : DATE_TIME_MINUTES.format(instant);
    }

    /** A file size for people: 12 B, 320.5 KB, 1.5 MB (binary units). */
    public String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        DecimalFormat oneDecimal = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return size < 1024 * 1024 ? oneDecimal.format(size / 1024.0) + " KB" : oneDecimal.format(size / (1024.0 * 1024)) + " MB";
    }

    public String money(BigDecimal amount) {
        if (amount == null) {
            return "";
        }
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }
}
