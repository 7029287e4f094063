package org.innofund.web.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import org.innofund.declaration.application.AttachmentView;
import org.innofund.shared.Clocks;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How instants and money look on every page: Beijing time, and money as {@link MoneyFormat} writes it. */
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

    /** The slot a file was given for: the call's requirement, or 其他材料（its description） for a file the call did not list. */
    public String slot(AttachmentView file) {
        if (!file.otherMaterial()) {
            return file.requirement();
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg").getString("otherMaterials.label")
                .replace("{0}", file.description());
    }

    /** A file size for people: 12 B, 320.5 KB, 1.5 MB (binary units). */
    public String bytes(long size) {
        return bytesOf(size);
    }

    /** {@link #bytes} for code outside a page. */
    public static String bytesOf(long size) {
        if (size < 1024) {
            return size + " B";
        }
        DecimalFormat oneDecimal = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return size < 1024 * 1024 ? oneDecimal.format(size / 1024.0) + " KB" : oneDecimal.format(size / (1024.0 * 1024)) + " MB";
    }

    /** ¥1,234,567.89, exact to the fen; blank for no amount. A BigDecimal (a form's or a record's field) must be money. */
    public String money(Object amount) {
        Money money = toMoney(amount);
        return money == null ? "" : MoneyFormat.yuan(money);
    }

    /** 123.46 万元 (¥1.23 million in English), for figures read at a glance. */
    public String moneyShort(Object amount) {
        Money money = toMoney(amount);
        return money == null ? "" : MoneyFormat.abbreviated(money, FacesContext.getCurrentInstance().getViewRoot().getLocale());
    }

    private static Money toMoney(Object amount) {
        return amount instanceof BigDecimal decimal ? Money.of(decimal) : (Money) amount;
    }
}
