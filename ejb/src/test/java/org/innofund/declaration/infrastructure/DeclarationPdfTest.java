package org.innofund.declaration.infrastructure;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.innofund.declaration.domain.Achievement;
import org.innofund.declaration.domain.BudgetCategory;
import org.innofund.declaration.domain.DeclarationContent;
import org.innofund.declaration.domain.DeclarationContent.AchievementData;
import org.innofund.declaration.domain.DeclarationContent.BudgetLineData;
import org.innofund.declaration.domain.DeclarationContent.RdFiguresData;
import org.innofund.declaration.domain.DeclarationContent.ServiceRecordData;
import org.innofund.declaration.domain.FundingSource;
import org.innofund.declaration.domain.ProjectField;
import org.innofund.platform.pdf.ChineseFont;
import org.innofund.program.domain.SubsidyKind;
import org.innofund.shared.BusinessException;
import org.innofund.shared.FileType;
import org.innofund.shared.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 申报书 as a reader gets it: the PDF is read back with PDFBox's text extraction (what copy and paste and a
 * screen reader see), so every figure below is checked as printed, not as handed in.
 */
class DeclarationPdfTest {

    /** The font the build put into the jar. Parsed once for all tests, as the server does. */
    private static final DeclarationPdf PDF = new DeclarationPdf(new ChineseFont());

    private static final Instant SUBMITTED = Instant.parse("2027-03-01T06:05:09Z"); // 14:05:09 in Beijing
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final DeclarationPdf.PrintedFile LICENCE =
            new DeclarationPdf.PrintedFile("营业执照", "营业执照（副本）.pdf", FileType.PDF, 51_200, SHA);

    private static DeclarationContent project(String summary) {
        return new DeclarationContent("高效变频压缩机研发", ProjectField.SMART_APPLIANCES, LocalDate.of(2027, 1, 1),
                LocalDate.of(2028, 12, 31), summary, "能效提升 15%，申请发明专利 2 项。", new BigDecimal("3000000.00"),
                List.of(new BudgetLineData(BudgetCategory.EQUIPMENT, FundingSource.SUBSIDY, new BigDecimal("1234567.89")),
                        new BudgetLineData(BudgetCategory.MATERIALS, FundingSource.SELF_FUNDED, new BigDecimal("1765432.11"))),
                null, List.of(), List.of());
    }

    private static DeclarationPdf.Printout printout(String receiptNo, SubsidyKind kind, DeclarationContent content,
                                                    List<DeclarationPdf.PrintedFile> files) {
        return new DeclarationPdf.Printout(receiptNo, "宁波甬创智能科技有限公司", "91330282MA2H12345X", "2027 年度产业技术研究与开发项目申报",
                kind, 2, SUBMITTED, content, files);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The text without page numbers and the line breaks that wrapping put in: a paragraph reads back as written. */
    private static String unwrapped(byte[] pdf) throws IOException {
        return text(pdf).replaceAll("第 \\d+ 页 共 \\d+ 页", "").replace("\r", "").replace("\n", "");
    }

    @Test
    void aProjectDeclarationPrintsItsHeaderProjectBudgetAndFiles() throws IOException {
        byte[] pdf = PDF.render(printout("CXKJ-2027-SB-000107", SubsidyKind.PRE_APPROVED,
                project("研制新一代高效变频压缩机。"), List.of(LICENCE)), Locale.SIMPLIFIED_CHINESE);
        String text = text(pdf);

        for (String expected : List.of("项目申报书", "申报编号 CXKJ-2027-SB-000107", "申报单位 宁波甬创智能科技有限公司",
                "统一社会信用代码 91330282MA2H12345X", "申报通知 2027 年度产业技术研究与开发项目申报",
                "补助类型 事前立项、事后补助", "提交版本 第 2 次提交", "提交时间 2027-03-01 14:05:09（北京时间）",
                "项目基本情况", "项目名称 高效变频压缩机研发", "所属领域 智能家电", "项目实施期 2027-01-01 至 2028-12-31",
                "项目简介 研制新一代高效变频压缩机。", "主要考核指标 能效提升 15%，申请发明专利 2 项。",
                "项目预算", "设备费 申请财政补助 ¥1,234,567.89 123.46 万元", "材料费 企业自筹 ¥1,765,432.11 176.54 万元",
                "项目总预算 ¥3,000,000.00（300.00 万元）", "预算明细合计 ¥3,000,000.00（300.00 万元）",
                "申请财政补助 ¥1,234,567.89（123.46 万元）", "企业自筹 ¥1,765,432.11（176.54 万元）",
                "附件清单", "1. 营业执照（副本）.pdf", "附件要求：营业执照 · 类型：PDF · 大小：51,200 字节",
                "SHA-256: " + SHA, "第 1 页 共 1 页")) {
            assertTrue(text.contains(expected), () -> "missing “" + expected + "” in:\n" + text);
        }
        for (String otherKinds : List.of("研发投入情况", "获认定成果", "共享服务记录")) {
            assertFalse(text.contains(otherKinds), otherKinds);
        }
    }

    @Test
    void withoutAReceiptNumberTheHeaderLeavesItOut() throws IOException {
        String text = text(PDF.render(printout(null, SubsidyKind.PRE_APPROVED, project("简介"), List.of(LICENCE)),
                Locale.SIMPLIFIED_CHINESE));
        assertFalse(text.contains("申报编号"), text);
        assertTrue(text.contains("申报单位 宁波甬创智能科技有限公司"), text);
    }

    @Test
    void anRdInvestmentDeclarationPrintsItsFigures() throws IOException {
        DeclarationContent content = new DeclarationContent("2026 年度研发投入", null, null, null, "研发投入后补助申报。",
                null, null, List.of(), new RdFiguresData(new BigDecimal("8200000.00"), new BigDecimal("8000000.50"),
                new BigDecimal("6000000.00"), new BigDecimal("150000000.00"), 12, 5, 40, 180), List.of(), List.of());
        String text = text(PDF.render(printout(null, SubsidyKind.RD_INVESTMENT, content, List.of()), Locale.SIMPLIFIED_CHINESE));

        for (String expected : List.of("补助类型 研发投入后补助", "研发投入情况",
                "研发费用（加计扣除口径） ¥8,200,000.00（820.00 万元）", "研发费用（统计口径） ¥8,000,000.50（800.00 万元）",
                "上年度研发费用 ¥6,000,000.00（600.00 万元）", "营业收入 ¥150,000,000.00（15,000.00 万元）",
                "有效发明专利（件） 12", "本年度发明专利申请（件） 5", "研发人员（人） 40", "职工总数（人） 180",
                "附件清单", "（无）")) {
            assertTrue(text.contains(expected), () -> "missing “" + expected + "” in:\n" + text);
        }
        for (String otherKinds : List.of("项目预算", "所属领域", "获认定成果", "共享服务记录")) {
            assertFalse(text.contains(otherKinds), otherKinds);
        }
    }

    @Test
    void aRewardDeclarationPrintsItsAchievements() throws IOException {
        DeclarationContent content = new DeclarationContent("高新技术企业认定奖励", null, null, null, null, null, null,
                List.of(), null, List.of(new AchievementData(Achievement.HIGH_TECH_NEW, "GR202733000123", LocalDate.of(2027, 12, 1)),
                new AchievementData(Achievement.MUNICIPAL_RD_CENTER, "甬科〔2027〕18 号", LocalDate.of(2027, 6, 30))), List.of());
        String text = text(PDF.render(printout(null, SubsidyKind.REWARD, content, List.of()), Locale.SIMPLIFIED_CHINESE));

        for (String expected : List.of("补助类型 奖励性后补助", "获认定成果", "成果类型 证书编号 认定日期",
                "首次认定国家高新技术企业 GR202733000123 2027-12-01", "市级企业研发中心 甬科〔2027〕18 号 2027-06-30",
                "项目简介 —")) {
            assertTrue(text.contains(expected), () -> "missing “" + expected + "” in:\n" + text);
        }
        assertFalse(text.contains("项目预算"));
        assertFalse(text.contains("研发投入情况"));
    }

    @Test
    void aSharedServiceDeclarationPrintsItsServicesAndTheirTotal() throws IOException {
        DeclarationContent content = new DeclarationContent("检测服务创新券", null, null, null, null, null, null, List.of(),
                null, List.of(), List.of(
                new ServiceRecordData("宁波检测认证研究院", "12330200MB0123456A", "No.0012345", LocalDate.of(2027, 4, 2),
                        new BigDecimal("45000.00")),
                new ServiceRecordData("浙江大学宁波研究院", "12330200MB0654321B", "No.0067890", LocalDate.of(2027, 5, 9),
                        new BigDecimal("1000.5"))));
        String text = text(PDF.render(printout(null, SubsidyKind.SHARED_SERVICE, content, List.of()), Locale.SIMPLIFIED_CHINESE));

        for (String expected : List.of("补助类型 共享服务后补助（创新券）", "共享服务记录",
                "宁波检测认证研究院", "12330200MB0123456A", "No.0012345", "2027-04-02", "¥45,000.00", "¥1,000.50",
                "服务费合计 ¥46,000.50（4.60 万元）")) {
            assertTrue(text.contains(expected), () -> "missing “" + expected + "” in:\n" + text);
        }
        assertFalse(text.contains("项目预算"));
    }

    @Test
    void aLongDeclarationRunsOverPagesEachNumberedOfTheTotal() throws IOException {
        StringBuilder summary = new StringBuilder();
        for (int i = 1; summary.length() < 6000; i++) {
            summary.append("第").append(i).append("段：项目围绕压缩机电机、控制器与系统集成开展攻关，形成自主知识产权。\n");
        }
        List<DeclarationPdf.PrintedFile> files = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            files.add(new DeclarationPdf.PrintedFile("项目可行性研究报告", "附件" + i + ".pdf", FileType.PDF, 1000L * i, SHA));
        }
        byte[] pdf = PDF.render(printout(null, SubsidyKind.PRE_APPROVED, project(summary.toString()), files),
                Locale.SIMPLIFIED_CHINESE);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= 3, "pages: " + pages);
            for (int page = 1; page <= pages; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertTrue(text.contains("第 " + page + " 页 共 " + pages + " 页"), "page " + page + ":\n" + text);
                for (int other = 1; other <= pages; other++) {
                    if (other != page) {
                        assertFalse(text.contains("第 " + other + " 页 共"), "page " + page + " numbered " + other);
                    }
                }
            }
        }
        String all = unwrapped(pdf);
        assertTrue(all.contains(summary.toString().replace("\n", "")), "the summary reads back whole, across pages");
        assertTrue(all.contains("30. 附件30.pdf"), "the last file is listed");
    }

    @Test
    void theChineseFontIsEmbeddedAsASubset() throws IOException {
        byte[] pdf = PDF.render(printout(null, SubsidyKind.PRE_APPROVED, project("简介"), List.of(LICENCE)),
                Locale.SIMPLIFIED_CHINESE);
        Set<String> fonts = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font instanceof PDType0Font, font.getClass().getName());
                    assertTrue(font.isEmbedded(), font.getName());
                    assertTrue(((PDType0Font) font).getDescendantFont().getFontDescriptor().getFontFile2() != null,
                            "TrueType outlines embedded (FontFile2)");
                    fonts.add(font.getName());
                }
            }
        }
        assertEquals(1, fonts.size(), fonts.toString());
        // a subset is named with a six-letter tag, and holds only the glyphs used: far below the 5 MB font file
        assertTrue(fonts.iterator().next().matches("[A-Z]{6}\\+WenQuanYiMicroHei"), fonts.toString());
        assertTrue(pdf.length < 150_000, "size " + pdf.length);
    }

    @Test
    void inEnglishTheLabelsAndShortAmountsAreEnglish() throws IOException {
        String text = text(PDF.render(printout(null, SubsidyKind.PRE_APPROVED, project("简介"), List.of(LICENCE)),
                Locale.ENGLISH));
        for (String expected : List.of("Project declaration", "Enterprise 宁波甬创智能科技有限公司", "Submission 2",
                "2027-03-01 14:05:09 (Beijing time)", "Equipment Requested subsidy ¥1,234,567.89 ¥1.23 million",
                "Total budget ¥3,000,000.00 (¥3.00 million)", "size: 51,200 bytes", "Page 1 of 1")) {
            assertTrue(text.contains(expected), () -> "missing “" + expected + "” in:\n" + text);
        }
    }

    @Test
    void aCharacterTheFontLacksPrintsAsAQuestionMarkInsteadOfFailing() throws IOException {
        String text = text(PDF.render(printout(null, SubsidyKind.PRE_APPROVED, project("节能\uD83D\uDE80项目\t第二列"),
                List.of()), Locale.SIMPLIFIED_CHINESE));
        assertTrue(text.contains("项目简介 节能?项目 第二列"), text);
    }

    @Test
    void withoutTheFontTheRefusalNamesTheDebianPackage() {
        DeclarationPdf noFont = new DeclarationPdf(new ChineseFont("/nonexistent/wqy-microhei.ttc"));
        BusinessException e = assertThrows(BusinessException.class, () -> noFont.render(
                printout(null, SubsidyKind.PRE_APPROVED, project("简介"), List.of()), Locale.SIMPLIFIED_CHINESE));
        assertEquals(BusinessException.Kind.UNAVAILABLE, e.kind());
        assertEquals(503, e.kind().httpStatus());
        String message = Messages.get(Locale.SIMPLIFIED_CHINESE, e);
        assertTrue(message.contains("apt-get install fonts-wqy-microhei"), message);
        assertTrue(message.contains("/nonexistent/wqy-microhei.ttc"), message);
        assertTrue(Messages.get(Locale.ENGLISH, e).contains("the Debian package fonts-wqy-microhei"));
    }
}
