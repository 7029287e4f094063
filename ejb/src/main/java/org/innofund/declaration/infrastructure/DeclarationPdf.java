package org.innofund.declaration.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.kind.FormSection;
import org.innofund.declaration.domain.kind.KindRules;
import org.innofund.declaration.domain.DeclarationContent.AchievementData;
import org.innofund.declaration.domain.DeclarationContent.BudgetLineData;
import org.innofund.declaration.domain.DeclarationContent.RdFiguresData;
import org.innofund.declaration.domain.DeclarationContent.ServiceRecordData;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.platform.pdf.ChineseFont;
import org.innofund.shared.Clocks;
import org.innofund.shared.FileType;
import org.innofund.shared.Messages;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.Function;

/**
 * 申报书: one submitted revision of a declaration as a printable PDF, every section its subsidy kind has, the budget
 * in yuan and 万元, and the files with their SHA-256, in the {@link ChineseFont} embedded as a subset (lent to one
 * document at a time).
 */
@ApplicationScoped
public class DeclarationPdf {

    private static final DateTimeFormatter SUBMITTED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Clocks.BUREAU_ZONE);
    private static final float BODY = 10;
    private static final float SMALL = 8;
    private static final float LABEL = 150;
    private static final boolean[] LEFT_LEFT = {false, false};

    @Inject
    ChineseFont font;

    protected DeclarationPdf() {
        // for CDI
    }

    public DeclarationPdf(ChineseFont font) {
        this.font = font;
    }

    /** What the PDF shows: the revision as archived at its submission, with the declaration's identity. */
    public record Printout(String receiptNo, String enterpriseName, String enterpriseUscc, String callTitle,
                           SubsidyKind kind, int revision, Instant submittedAt, DeclarationContent content,
                           List<PrintedFile> files) {
    }

    /** A file of the revision as listed: its requirement, its original name, type, size and hash. */
    public record PrintedFile(String requirement, String name, FileType type, long sizeBytes, String sha256) {
    }

    public byte[] render(Printout p, Locale requested) {
        Locale locale = Messages.supported(requested);
        return font.use(ttf -> {
            try (PDDocument document = new PDDocument()) {
                PDDocumentInformation info = document.getDocumentInformation();
                info.setTitle(Messages.get(locale, "pdf.title") + " " + nullToEmpty(p.content().projectName()));
                info.setProducer("InnoFund");
                PDType0Font embedded = PDType0Font.load(document, ttf, true); // a subset: only the characters used
                try (PdfLayout layout = new PdfLayout(document, embedded, ttf.getUnicodeCmapLookup())) {
                    new Writer(layout, locale).write(p);
                    layout.numberPages((page, total) -> Messages.get(locale, "pdf.page", page, total));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            }
        });
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Writes the sections of one printout. */
    private static final class Writer {

        private final PdfLayout layout;
        private final Locale locale;

        Writer(PdfLayout layout, Locale locale) {
            this.layout = layout;
            this.locale = locale;
        }

        void write(Printout p) throws IOException {
            DeclarationContent c = p.content();
            layout.title(text("pdf.title"));
            if (p.receiptNo() != null) {
                field("pdf.receiptNo", p.receiptNo());
            }
            field("pdf.enterprise", p.enterpriseName());
            field("pdf.uscc", p.enterpriseUscc());
            field("pdf.call", p.callTitle());
            field("pdf.subsidyKind", text("pdf.kind." + p.kind()));
            field("pdf.revision", text("pdf.revisionValue", p.revision()));
            field("pdf.submittedAt", text("pdf.beijingTime", SUBMITTED_AT.format(p.submittedAt())));

            // the kind's sections, and any other the revision holds data for (nothing submitted goes unprinted)
            Set<FormSection> sections = KindRules.of(p.kind()).sections();
            layout.heading(text("pdf.section.project"));
            field("pdf.projectName", c.projectName());
            if (sections.contains(FormSection.PROJECT) || c.field() != null || c.periodStart() != null) {
                field("pdf.field", c.field() == null ? null : text("pdf.field." + c.field()));
                field("pdf.period", text("pdf.periodValue", date(c.periodStart()), date(c.periodEnd())));
            }
            field("pdf.summary", c.summary());
            field("pdf.keyIndicators", c.keyIndicators());

            if (sections.contains(FormSection.BUDGET) || !c.budgetLines().isEmpty() || c.totalBudget() != null) {
                budget(c);
            }
            if (sections.contains(FormSection.RD_FIGURES) || c.rdFigures() != null) {
                rdFigures(c.rdFigures());
            }
            if (sections.contains(FormSection.ACHIEVEMENTS) || !c.achievements().isEmpty()) {
                achievements(c.achievements());
            }
            if (sections.contains(FormSection.SERVICE_RECORDS) || !c.serviceRecords().isEmpty()) {
                services(c);
            }
            files(p.files());
        }

        private void budget(DeclarationContent c) throws IOException {
            layout.heading(text("pdf.section.budget"));
            float[] columns = {170, 110, 120, PdfLayout.WIDTH - 400};
            boolean[] right = {false, false, true, true};
            layout.row(BODY, columns, right, text("pdf.budget.category"), text("pdf.budget.source"),
                    text("pdf.budget.yuan"), text("pdf.budget.tenThousand"));
            for (BudgetLineData l : c.budgetLines()) {
                layout.row(BODY, columns, right, l.category() == null ? "" : text("pdf.budget." + l.category()),
                        l.source() == null ? "" : text("pdf.source." + l.source()), yuan(l.amount()), tenThousand(l.amount()));
            }
            if (c.budgetLines().isEmpty()) {
                layout.row(BODY, new float[]{PdfLayout.WIDTH}, new boolean[]{false}, text("pdf.none"));
            }
            field("pdf.budget.total", both(c.totalBudget()));
            field("pdf.budget.sumOfLines", both(c.sumOfLines()));
            field("pdf.budget.requestedSubsidy", both(c.requestedSubsidy()));
            field("pdf.budget.selfFunded", both(c.selfFunded()));
        }

        private void rdFigures(RdFiguresData rd) throws IOException {
            layout.heading(text("pdf.section.rd"));
            RdFiguresData r = rd == null ? new RdFiguresData(null, null, null, null, null, null, null, null) : rd;
            field("pdf.rd.expenseTax", both(r.expenseTax()));
            field("pdf.rd.expenseStat", both(r.expenseStat()));
            field("pdf.rd.expensePrior", both(r.expensePrior()));
            field("pdf.rd.revenue", both(r.revenue()));
            field("pdf.rd.validInventionPatents", count(r.validInventionPatents()));
            field("pdf.rd.inventionApplications", count(r.inventionApplications()));
            field("pdf.rd.rdStaff", count(r.rdStaff()));
            field("pdf.rd.totalStaff", count(r.totalStaff()));
        }

        private void achievements(List<AchievementData> achievements) throws IOException {
            layout.heading(text("pdf.section.achievements"));
            float[] columns = {200, 180, PdfLayout.WIDTH - 380};
            boolean[] left = {false, false, false};
            layout.row(BODY, columns, left, text("pdf.achievement.kind"), text("pdf.achievement.certificateNo"),
                    text("pdf.achievement.recognisedOn"));
            for (AchievementData a : achievements) {
                layout.row(BODY, columns, left, a.achievement() == null ? "" : text("pdf.achievement." + a.achievement()),
                        a.certificateNo(), date(a.recognisedOn()));
            }
            if (achievements.isEmpty()) {
                layout.row(BODY, new float[]{PdfLayout.WIDTH}, new boolean[]{false}, text("pdf.none"));
            }
        }

        private void services(DeclarationContent c) throws IOException {
            layout.heading(text("pdf.section.services"));
            float[] columns = {140, 115, 80, 70, PdfLayout.WIDTH - 405};
            boolean[] right = {false, false, false, false, true};
            layout.row(BODY, columns, right, text("pdf.service.provider"), text("pdf.service.providerUscc"),
                    text("pdf.service.invoiceNo"), text("pdf.service.invoiceDate"), text("pdf.service.amount"));
            for (ServiceRecordData s : c.serviceRecords()) {
                layout.row(BODY, columns, right, s.providerName(), s.providerUscc(), s.invoiceNo(), date(s.invoiceDate()),
                        yuan(s.amount()));
            }
            if (c.serviceRecords().isEmpty()) {
                layout.row(BODY, new float[]{PdfLayout.WIDTH}, new boolean[]{false}, text("pdf.none"));
            }
            field("pdf.service.total", both(c.serviceTotal()));
        }

        private void files(List<PrintedFile> files) throws IOException {
            layout.heading(text("pdf.section.files"));
            float[] columns = {24, PdfLayout.WIDTH - 24};
            int n = 0;
            for (PrintedFile f : files) {
                n++;
                layout.row(BODY, columns, LEFT_LEFT, n + ".", f.name());
                layout.row(SMALL, columns, LEFT_LEFT, "", text("pdf.file.details", f.requirement(), f.type(),
                        NumberFormat.getIntegerInstance(Locale.ROOT).format(f.sizeBytes())));
                layout.row(SMALL, columns, LEFT_LEFT, "", "SHA-256: " + f.sha256());
            }
            if (files.isEmpty()) {
                layout.row(BODY, new float[]{PdfLayout.WIDTH}, new boolean[]{false}, text("pdf.none"));
            }
        }

        private void field(String labelKey, String value) throws IOException {
            layout.row(BODY, new float[]{LABEL, PdfLayout.WIDTH - LABEL}, LEFT_LEFT, text(labelKey),
                    value == null || value.isBlank() ? "—" : value);
        }

        private String text(String key, Object... arguments) {
            return Messages.get(locale, key, arguments);
        }

        /** ¥1,234,567.89（123.46 万元） */
        private String both(Object amount) {
            // the brackets of the language: full-width in Chinese
            String pattern = Locale.ENGLISH.equals(locale) ? "%s (%s)" : "%s（%s）";
            return shown(amount, m -> String.format(pattern, MoneyFormat.yuan(m), MoneyFormat.abbreviated(m, locale)));
        }

        private String yuan(BigDecimal amount) {
            return shown(amount, MoneyFormat::yuan);
        }

        private String tenThousand(BigDecimal amount) {
            return shown(amount, m -> MoneyFormat.abbreviated(m, locale));
        }

        /** A submitted revision holds money only; anything else (not reachable by a submission) shows as written. */
        private static String shown(Object amount, Function<Money, String> format) {
            if (amount == null) {
                return "—";
            }
            if (amount instanceof Money m) {
                return format.apply(m);
            }
            BigDecimal decimal = (BigDecimal) amount;
            return Money.isValid(decimal) ? format.apply(Money.of(decimal)) : decimal.toPlainString();
        }

        private static String count(Integer n) {
            return n == null ? "—" : n.toString();
        }

        private static String date(LocalDate date) {
            return date == null ? "—" : date.toString();
        }
    }
}
