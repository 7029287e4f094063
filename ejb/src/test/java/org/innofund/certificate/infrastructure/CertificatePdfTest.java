package org.innofund.certificate.infrastructure;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.innofund.certificate.domain.CapitalNumerals;
import org.innofund.certificate.domain.CertificateContent;
import org.innofund.certificate.domain.CertificateContent.Fact;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.platform.pdf.ChineseFont;
import org.innofund.shared.Money;
import org.innofund.shared.MoneyFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The certificates as a reader gets them: text extracted back with PDFBox (what copy and paste, a screen reader and
 * the verification by text see), the QR code decoded from the rendered page as a phone would, the font as embedded.
 */
class CertificatePdfTest {

    /** Parsed once for all tests, as the server does. */
    private static final CertificatePdf PDF = new CertificatePdf(new ChineseFont());

    private static final String ISSUER = "宁波市科学技术局";
    private static final String ENTERPRISE = "宁波甬创智能科技有限公司";
    private static final String USCC = "91330282MA2H12345X";
    private static final String CODE = "7KQ4-M2XD-9TRB-HW3C-PF6N";
    private static final String URL = "https://innofund.example.gov.cn/innofund/verify/7KQ4M2XD9TRBHW3CPF6N";

    static CertificateContent sample(CertificateType type) {
        return switch (type) {
            case APPROVAL_NOTICE -> content(type, "CXKJ-2026-LX-000007", "经专家评审和社会公示，你单位申报的项目准予立项，请按项目任务书组织实施。",
                    List.of(new Fact("项目名称", "高效变频压缩机研发"), new Fact("申报批次", "2026 年度产业技术研究与开发项目"),
                            new Fact("立项编号", "2026-LX-0042"), new Fact("实施期限", "2026年7月1日至2028年6月30日")),
                    List.of(), Money.parse("1000000.00"), LocalDate.of(2026, 6, 18));
            case ACCEPTANCE_CERTIFICATE -> content(type, "CXKJ-2028-YS-000031", "你单位承担的项目已通过验收，特发此证。",
                    List.of(new Fact("项目名称", "高效变频压缩机研发"), new Fact("立项编号", "2026-LX-0042"),
                            new Fact("验收结论", "通过"), new Fact("验收等级", "优秀")),
                    List.of(), Money.parse("1000000.00"), LocalDate.of(2028, 9, 3));
            case SUBSIDY_CONFIRMATION -> content(type, "CXKJ-2026-BZ-000123", "经核定，你单位在下列申报批次中获得后补助资金如下。",
                    List.of(new Fact("申报批次", "2026 年度研发投入后补助"), new Fact("年度", "2026"),
                            new Fact("补助类型", "研发投入后补助")),
                    List.of("研发费用（加计扣除口径）¥8,200,000.00，上年度 ¥6,000,000.00，增量 ¥2,200,000.00。",
                            "增量部分按 5% 计：¥110,000.00。", "单户上限 ¥500,000.00，未超过。",
                            "预算按比例调整系数 0.909091，核定 ¥100,000.05。"),
                    Money.parse("100000.05"), LocalDate.of(2026, 11, 20));
            case PAYMENT_NOTICE -> content(type, "CXKJ-2026-BF-000456", "下列补助资金已拨付至你单位账户，请注意查收。",
                    List.of(new Fact("收款账户", "3301 0188 0000 1234 5678"), new Fact("开户银行", "中国工商银行宁波分行"),
                            new Fact("银行流水号", "ICBC20261205000123"), new Fact("对应确认书", "CXKJ-2026-BZ-000123")),
                    List.of(), Money.parse("1234567.89"), LocalDate.of(2026, 12, 5));
        };
    }

    private static CertificateContent content(CertificateType type, String serial, String statement, List<Fact> facts,
                                              List<String> steps, Money amount, LocalDate date) {
        return new CertificateContent(type, serial, ISSUER, ENTERPRISE, USCC, statement, facts, steps, amount, date,
                CODE, URL);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @ParameterizedTest
    @EnumSource(CertificateType.class)
    void eachTypePrintsWhatItStatesOnOnePage(CertificateType type) throws IOException {
        CertificateContent content = sample(type);
        byte[] pdf = PDF.render(content);
        String text = text(pdf);

        for (String expected : List.of(type.title(), "编号：" + content.serialNo(), ISSUER, ENTERPRISE + "：",
                "企业名称 " + ENTERPRISE, "统一社会信用代码 " + USCC, "金额（小写） " + MoneyFormat.yuan(content.amount()) + " 元",
                "金额（大写） 人民币" + CapitalNumerals.of(content.amount()),
                "验证码：" + CODE, "核验网址：" + URL, "扫描二维码或访问上述网址核验本文件真伪")) {
            assertTrue(text.contains(expected), () -> "missing “" + expected + "” in:\n" + text);
        }
        for (Fact fact : content.facts()) {
            assertTrue(text.contains(fact.label() + " " + fact.value()), () -> fact + " in:\n" + text);
        }
        String date = content.date().getYear() + "年" + content.date().getMonthValue() + "月" + content.date().getDayOfMonth() + "日";
        assertTrue(text.contains(date), date + " in:\n" + text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            PDDocumentInformation info = document.getDocumentInformation();
            assertEquals(type.title() + " " + content.serialNo(), info.getTitle());
            assertEquals(ISSUER, info.getAuthor());
            assertNull(info.getCreationDate(), "no clock in the renderer");
        }
        assertTrue(pdf.length < 40_000, "size " + pdf.length);
    }

    @Test
    void theIssueExampleReadsBackInFiguresAndCapitals() throws IOException {
        String text = text(PDF.render(sample(CertificateType.SUBSIDY_CONFIRMATION)));
        assertTrue(text.contains("¥100,000.05 元"), text);
        assertTrue(text.contains("人民币壹拾万元零伍分"), text);
        assertTrue(text.contains("2026年11月20日"), text);
        assertTrue(text.contains("核定说明"), text);
        assertTrue(text.contains("1. 研发费用（加计扣除口径）"), text);
        assertTrue(text.contains("4. 预算按比例调整系数 0.909091，核定 ¥100,000.05。"), text);
    }

    @Test
    void withoutAnAmountThereAreNoAmountRowsAndWithoutStepsNoHeading() throws IOException {
        CertificateContent c = sample(CertificateType.ACCEPTANCE_CERTIFICATE);
        CertificateContent noAmount = new CertificateContent(c.type(), c.serialNo(), c.issuer(), c.enterpriseName(),
                c.enterpriseUscc(), c.statement(), c.facts(), c.steps(), null, c.date(), c.verificationCode(),
                c.verificationUrl());
        String text = text(PDF.render(noAmount));
        assertFalse(text.contains("金额"), text);
        assertFalse(text.contains("核定说明"), text);
        assertTrue(text.contains("验收等级 优秀"), text);
    }

    @ParameterizedTest
    @EnumSource(CertificateType.class)
    void theQrCodeOnThePageDecodesToTheVerificationAddress(CertificateType type) throws Exception {
        assertEquals(URL, qrOf(PDF.render(sample(type)), 0));
    }

    @Test
    void theChineseFontIsEmbeddedAsASubsetWithTrueTypeOutlines() throws IOException {
        byte[] pdf = PDF.render(sample(CertificateType.SUBSIDY_CONFIRMATION));
        List<String> fonts = new ArrayList<>();
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
        assertTrue(fonts.get(0).matches("[A-Z]{6}\\+WenQuanYiMicroHei"), fonts.toString());
    }

    @Test
    void theSameContentGivesTheSameBytes() throws IOException {
        CertificateContent content = sample(CertificateType.PAYMENT_NOTICE);
        byte[] pdf = PDF.render(content);
        assertArrayEquals(pdf, PDF.render(content));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(2, document.getDocument().getDocumentID().size(), "a file identifier, made without a clock");
        }
    }

    @Test
    void aLongNameAndThirtyStepsRunOntoASecondPageWithTheFootOnTheLast() throws Exception {
        String longName = "宁波甬创智能科技有限公司".repeat(4) + "（集团）股份有限公司 Ningbo Yongchuang Intelligent Technology Co., Ltd.";
        List<String> steps = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            steps.add("第" + i + "步：按核定规则计算研发费用增量部分的补助金额，与单户上限比较，取较小者。");
        }
        CertificateContent c = sample(CertificateType.SUBSIDY_CONFIRMATION);
        CertificateContent big = new CertificateContent(c.type(), c.serialNo(), c.issuer(), longName, c.enterpriseUscc(),
                c.statement(), c.facts(), steps, c.amount(), c.date(), c.verificationCode(), c.verificationUrl());
        byte[] pdf = PDF.render(big);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertEquals(2, pages);
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(2);
            stripper.setEndPage(2);
            String last = stripper.getText(document);
            assertTrue(last.contains("编号：" + c.serialNo() + "（续）"), last);
            assertTrue(last.contains("30. 第30步"), last);
            assertTrue(last.contains("2026年11月20日"), last);
            assertTrue(last.contains("第 2 页 共 2 页"), last);
        }
        // wrapped lines read back without the breaks (a Latin word's space is where a line broke)
        String all = text(pdf).replaceAll("\\s", "");
        assertTrue(all.contains(longName.replace(" ", "")), "the long name reads back whole");
        png(pdf, "LONG");
        assertEquals(URL, qrOf(pdf, 1));
        assertTrue(pdf.length < 40_000, "size " + pdf.length);
    }

    @Test
    void aCharacterTheFontLacksPrintsAsAQuestionMark() throws IOException {
        CertificateContent c = sample(CertificateType.APPROVAL_NOTICE);
        CertificateContent odd = new CertificateContent(c.type(), c.serialNo(), c.issuer(), "节能\uD83D\uDE80科技\t有限公司",
                c.enterpriseUscc(), c.statement(), c.facts(), c.steps(), c.amount(), c.date(), c.verificationCode(),
                c.verificationUrl());
        assertTrue(text(PDF.render(odd)).contains("节能?科技 有限公司"));
    }

    /**
     * Not a test of speed (timings on a shared machine prove nothing): prints the rate of 200 renders, for a manual
     * look against TOOLCHAIN's unsigned one-page reference (about 140 per second on one thread).
     */
    @Test
    void printsTheRateOfTwoHundredRenders() {
        CertificateContent content = sample(CertificateType.SUBSIDY_CONFIRMATION);
        PDF.render(content);
        long start = System.nanoTime();
        int bytes = 0;
        for (int i = 0; i < 200; i++) {
            bytes += PDF.render(content).length;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("CertificatePdf: 200 renders in %.2f s, %.0f per second, %d bytes each%n", seconds,
                200 / seconds, bytes / 200);
        for (CertificateType type : CertificateType.values()) {
            png(PDF.render(sample(type)), type.name());
        }
    }

    /** With -Dcertificate.png=DIR, the pages as pictures, to look at the layout. */
    private static void png(byte[] pdf, String name) {
        String dir = System.getProperty("certificate.png");
        if (dir == null) {
            return;
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                ImageIO.write(new PDFRenderer(document).renderImageWithDPI(page, 100), "png",
                        Files.createDirectories(Path.of(dir)).resolve(name + "-" + (page + 1) + ".png").toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The QR code as a phone reads it: the page as a picture, decoded. */
    private static String qrOf(byte[] pdf, int page) throws IOException, NotFoundException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(page, 150);
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        }
    }
}
