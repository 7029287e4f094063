import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.innofund.certificate.domain.CapitalNumerals;
import org.innofund.certificate.domain.CertificateContent;
import org.innofund.certificate.domain.CertificateType;
import org.innofund.certificate.domain.DocumentHash;
import org.innofund.certificate.domain.VerificationCode;
import org.innofund.certificate.infrastructure.CertificatePdf;
import org.innofund.certificate.infrastructure.CertificateSigner;
import org.innofund.platform.pdf.ChineseFont;
import org.innofund.shared.Money;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The certificate benchmark (issue 14; bench/certificates.sh runs it, BENCHMARKS.md has the figures): 1,000 subsidy
 * confirmations of a run, each rendered by the product's renderer and signed by its signer (PAdES B-B, RSA-2048) and
 * hashed, one after the other on one thread, as the server makes them after a run's approval; the first of them cold
 * (the font parsed and the key loaded on the way, as in a JVM that has made none). Beside it, the limit: a one-page
 * PDFBox document with the same font and the same text, unsigned, no layout. Storing the PDF (one BLOB insert) is
 * not counted. Usage: java -cp EJB_CLASSPATH CertificateBench.java KEYSTORE PASSWORD_FILE OUT_DIR [documents]
 */
public class CertificateBench {

    public static void main(String[] args) throws Exception {
        Path keystore = Path.of(args[0]);
        String password = Files.readString(Path.of(args[1])).strip();
        Path out = Path.of(args[2]);
        int documents = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        List<CertificateContent> run = contents(documents + 200);
        long start = System.nanoTime();

        // the first document of a fresh JVM: font parsed, key loaded, classes loaded and not yet compiled; timed by
        // phase, since the server does the first two at start-up (CertificateSweep) and its first document only the last
        ChineseFont font = new ChineseFont();
        CertificatePdf renderer = new CertificatePdf(font);
        CertificateSigner signer = new CertificateSigner(keystore, password, null);
        long t = System.nanoTime();
        font.use(f -> f.getNumberOfGlyphs());
        double fontMs = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        signer.certificate().orElseThrow();
        double keyMs = (System.nanoTime() - t) / 1e6;
        t = System.nanoTime();
        byte[] first = signer.sign(renderer.render(run.get(0)), Instant.now());
        DocumentHash.of(first);
        double firstMs = (System.nanoTime() - t) / 1e6;
        double coldMs = (System.nanoTime() - start) / 1e6;
        Files.write(out.resolve("sample-confirmation.pdf"), first);

        // the next one: what the server's first real document costs, its start-up having made one (CertificateSweep)
        t = System.nanoTime();
        DocumentHash.of(signer.sign(renderer.render(run.get(1)), Instant.now()));
        double secondMs = (System.nanoTime() - t) / 1e6;

        // warm-up (the JIT), then the counted batch
        for (int i = 2; i < 200; i++) {
            DocumentHash.of(signer.sign(renderer.render(run.get(i)), Instant.now()));
        }
        long[] signedNs = new long[documents];
        long[] sizes = new long[documents];
        long batchStart = System.nanoTime();
        for (int i = 0; i < documents; i++) {
            long began = System.nanoTime();
            byte[] pdf = signer.sign(renderer.render(run.get(200 + i)), Instant.now());
            DocumentHash.of(pdf);
            signedNs[i] = System.nanoTime() - began;
            sizes[i] = pdf.length;
        }
        double signedSeconds = (System.nanoTime() - batchStart) / 1e9;

        // the limit: the same text on one page, same font subset, unsigned
        TrueTypeFont ttf = font.use(f -> f);
        for (int i = 0; i < 200; i++) {
            plain(ttf, run.get(i));
        }
        long[] plainNs = new long[documents];
        long[] plainSizes = new long[documents];
        long plainStart = System.nanoTime();
        for (int i = 0; i < documents; i++) {
            long began = System.nanoTime();
            plainSizes[i] = plain(ttf, run.get(200 + i)).length;
            plainNs[i] = System.nanoTime() - began;
        }
        double plainSeconds = (System.nanoTime() - plainStart) / 1e9;

        double signedRate = documents / signedSeconds;
        double plainRate = documents / plainSeconds;
        String summary = String.format(Locale.ROOT, """
                documents: %d subsidy confirmations (4 steps each), one thread, %d processor(s) seen by the JVM
                signed (render + PAdES B-B signature + SHA-256): %.1f documents/s; per document median %.2f ms, p95 %.2f ms, max %.2f ms
                size: median %d bytes, max %d bytes
                first document, cold (a JVM that has made none): %.0f ms = font parsed %.0f ms + key loaded %.0f ms + the document %.0f ms
                the document after it (the server's first, after its start-up made one): %.0f ms
                limit (same text, same font, one page, unsigned, no layout): %.1f documents/s; median %.2f ms, p95 %.2f ms; median %d bytes
                signed / limit throughput: %.2f
                """, documents, Runtime.getRuntime().availableProcessors(), signedRate, ms(signedNs, 50), ms(signedNs, 95),
                ms(signedNs, 100), pct(sizes, 50), pct(sizes, 100), coldMs, fontMs, keyMs, firstMs, secondMs, plainRate,
                ms(plainNs, 50), ms(plainNs, 95), pct(plainSizes, 50), signedRate / plainRate);
        Files.writeString(out.resolve("summary.txt"), summary);
        System.out.print(summary);
    }

    /** A run's confirmations: names, USCCs, amounts and steps varying as a real run's do. */
    private static List<CertificateContent> contents(int count) {
        SecureRandom random = new SecureRandom();
        String[] places = {"宁波", "慈溪", "杭州", "余姚", "绍兴"};
        String[] trades = {"智能科技", "新材料", "电子", "精密机械", "生物医药", "家电"};
        List<CertificateContent> contents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long fen = 1_000_000L + random.nextLong(200_000_000L);
            Money amount = Money.ofFen(fen);
            String code = VerificationCode.generate(random);
            contents.add(new CertificateContent(CertificateType.SUBSIDY_CONFIRMATION,
                    String.format("CXKJ-2026-BZ-%06d", i + 1), "慈溪市科学技术局",
                    places[i % places.length] + "市" + trades[i % trades.length] + "有限公司" + (i % 97 == 0 ? "（分公司）" : ""),
                    String.format("91330282%09dX", 100_000_000 + i).substring(0, 17) + "X",
                    "根据2026年企业研发投入后补助的政策和核定规则，经核定并批准，你单位获得后补助资金如下（核定依据见核定说明）。",
                    List.of(new CertificateContent.Fact("申报批次", "2026年企业研发投入后补助"),
                            new CertificateContent.Fact("年度", "2026年"),
                            new CertificateContent.Fact("补助类别", "企业研发投入后补助"),
                            new CertificateContent.Fact("核定版本", "第 1 版")),
                    List.of("研发费用加计扣除口径的研发投入 " + (fen * 12 / 100) + " 元，较上年增长部分按 10% 计算",
                            "按增长部分计算的补助 " + CapitalNumerals.of(amount),
                            "单个企业补助上限 5,000,000.00 元，未超过上限",
                            "批次预算充足，按核定金额全额补助"),
                    amount, LocalDate.of(2026, 11, 30), VerificationCode.grouped(code),
                    "http://localhost:8080/innofund/verify.xhtml?code=" + code));
        }
        return contents;
    }

    /** The limit's document: every text of the content, a line each, in the same font. */
    private static byte[] plain(TrueTypeFont ttf, CertificateContent c) throws Exception {
        List<String> lines = new ArrayList<>(List.of(c.type().title(), c.serialNo(), c.issuer(), c.enterpriseName(),
                c.enterpriseUscc(), c.statement(), c.amount().amount().toPlainString(), CapitalNumerals.of(c.amount()),
                c.date().toString(), c.verificationCode(), c.verificationUrl()));
        c.facts().forEach(f -> lines.add(f.label() + " " + f.value()));
        lines.addAll(c.steps());
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, ttf, true);
            try (PDPageContentStream s = new PDPageContentStream(document, page)) {
                float y = 800;
                for (String line : lines) {
                    s.beginText();
                    s.setFont(font, line.length() > 40 ? 8 : 11);
                    s.newLineAtOffset(40, y);
                    s.showText(line);
                    s.endText();
                    y -= 20;
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** The percentile of the values (nearest rank). */
    private static long pct(long[] values, int percentile) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    /** The percentile of durations in nanoseconds, in milliseconds. */
    private static double ms(long[] nanos, int percentile) {
        return pct(nanos, percentile) / 1e6;
    }
}
