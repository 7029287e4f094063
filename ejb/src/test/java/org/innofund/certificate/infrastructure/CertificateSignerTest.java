package org.innofund.certificate.infrastructure;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.innofund.shared.BusinessException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.security.auth.x500.X500Principal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bureau's signature as a verifier meets it: signed documents read back by PDFBox and BouncyCastle, and the check
 * given what anyone may upload (garbage, unsigned, changed, appended to, signed by someone else).
 */
class CertificateSignerTest {

    static final String BUREAU_DN = "CN=慈溪市科学技术局（测试）, O=InnoFund test, C=CN";
    static final String PASSWORD = "test-keystore-password";
    static final Instant SIGNED_AT = Instant.parse("2027-04-01T02:03:04Z");

    @TempDir
    static Path dir;

    static Path bureauKeystore;
    static CertificateSigner signer;
    static byte[] unsigned;
    static byte[] signed;

    @BeforeAll
    static void signOnce() throws Exception {
        bureauKeystore = keystore(dir.resolve("bureau.p12"), BUREAU_DN, "RSA", "bureau");
        signer = new CertificateSigner(bureauKeystore, PASSWORD, null);
        unsigned = onePagePdf("InnoFund certificate 000123", 1);
        signed = signer.sign(unsigned, SIGNED_AT);
    }

    @Test
    void aSignedDocumentIsValidCoversTheWholeFileAndIsTheBureaus() {
        SignatureCheck check = signer.check(signed);

        assertTrue(check.valid(), check.toString());
        assertTrue(check.pdf());
        assertEquals(1, check.signatures());
        assertTrue(check.coversWholeFile());
        assertTrue(check.intact());
        assertTrue(check.byBureau());
        assertEquals(SIGNED_AT, check.signedAt());
        assertTrue(check.signer().contains("慈溪市科学技术局（测试）"), check.signer());
    }

    /**
     * A reader that is not ours: poppler's pdfsig (Debian's poppler-utils, which .ci/run installs) finds the signature
     * valid over the whole document, and a digest mismatch after one changed byte. Required like chromium for the
     * browser tests: a skipped check would prove nothing.
     */
    @Test
    void popplersPdfsigFindsTheSignatureValidAndAChangedByteAMismatch() throws Exception {
        Path pdfsig = Path.of("/usr/bin/pdfsig");
        assertTrue(Files.isExecutable(pdfsig), "pdfsig is needed: apt-get install poppler-utils (.ci/run installs it)");
        Path file = dir.resolve("signed-for-pdfsig.pdf");
        Files.write(file, signed);
        String answer = run(pdfsig.toString(), file.toString());
        assertTrue(answer.contains("Signature Type: ETSI.CAdES.detached"), answer);
        assertTrue(answer.contains("Total document signed"), answer);
        assertTrue(answer.contains("Signature Validation: Signature is Valid."), answer);
        byte[] changed = signed.clone();
        changed[unsigned.length / 2] ^= 0x01;
        Files.write(file, changed);
        answer = run(pdfsig.toString(), file.toString());
        assertTrue(answer.contains("Digest Mismatch"), answer);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }

    @Test
    void theSignatureIsAnIncrementalUpdateOfTheUnsignedBytes() {
        assertArrayEquals(unsigned, Arrays.copyOf(signed, unsigned.length));
    }

    @Test
    void pdfBoxReadsOnePadesSignature() throws IOException {
        try (PDDocument document = Loader.loadPDF(signed)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertEquals(1, signatures.size());
            PDSignature signature = signatures.get(0);
            assertEquals("ETSI.CAdES.detached", signature.getSubFilter());
            assertEquals("Adobe.PPKLite", signature.getFilter());
            assertEquals(CertificateSigner.REASON, signature.getReason());
            assertEquals("慈溪市科学技术局（测试）", signature.getName());
            assertEquals(SIGNED_AT, signature.getSignDate().toInstant());
        }
    }

    @Test
    void theCmsHasSigningCertificateV2AndNoSigningTime() throws Exception {
        SignerInformation signerInfo = cms(signed).getSignerInfos().getSigners().iterator().next();
        AttributeTable attributes = signerInfo.getSignedAttributes();

        assertNull(attributes.get(CMSAttributes.signingTime), "PAdES B-B: the time is the dictionary's M entry only");
        assertNotNull(attributes.get(CMSAttributes.contentType));
        assertNotNull(attributes.get(CMSAttributes.messageDigest));
        assertEquals(NISTObjectIdentifiers.id_sha256.getId(), signerInfo.getDigestAlgOID());
        SigningCertificateV2 signingCertificate = SigningCertificateV2.getInstance(
                attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
        ESSCertIDv2 id = signingCertificate.getCerts()[0];
        X509Certificate bureau = signer.certificate().orElseThrow();
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(bureau.getEncoded()), id.getCertHash());
        assertEquals(bureau.getSerialNumber(), id.getIssuerSerial().getSerial().getValue());
    }

    @Test
    void theCmsCarriesTheCertificateAndIsDetached() throws Exception {
        CMSSignedData cms = cms(signed);
        assertNull(SignedData.getInstance(cms.toASN1Structure().getContent()).getEncapContentInfo().getContent(),
                "detached: the content is the PDF's byte range");
        List<X509CertificateHolder> certificates = List.copyOf(cms.getCertificates().getMatches(null));
        assertEquals(1, certificates.size());
        assertArrayEquals(signer.certificate().orElseThrow().getEncoded(), certificates.get(0).getEncoded());
    }

    @Test
    void theSignatureTakesLittleRoom() {
        int added = signed.length - unsigned.length;
        assertTrue(added < 8_000, "the signature added " + added + " bytes");
    }

    @Test
    void anyChangedByteFailsTheCheck() throws Exception {
        int[] range = byteRange(signed);
        int contentsStart = range[1];
        int contentsEnd = range[2];
        int[] positions = {
                10, range[1] / 2, range[1] - 1,                            // the first covered range
                contentsStart, contentsStart + 1, contentsStart + 40,     // the /Contents: its bracket, the CMS's DER
                contentsStart + cmsHexLength(signed) - 4,                 // the end of the signature value
                contentsEnd - 10, contentsEnd - 1,                        // the zero padding, the closing bracket
                contentsEnd, contentsEnd + (range[3] / 2), signed.length - 1 // the second range, the last byte
        };
        withoutParserErrors(() -> {
            for (int position : positions) {
                for (byte delta : new byte[] {1, 0x20}) {
                    byte[] changed = signed.clone();
                    changed[position] ^= delta;
                    SignatureCheck check = signer.check(changed);
                    assertFalse(check.valid(), "byte " + position + " ^ " + delta + ": " + check);
                }
            }
        });
    }

    @Test
    void everySingleByteOfTheSignatureAndTheUpdateIsProtected() {
        // the incremental update: the signature dictionary, its /Contents, the new xref and trailer
        withoutParserErrors(() -> {
            for (int position = unsigned.length; position < signed.length; position++) {
                byte[] changed = signed.clone();
                changed[position] ^= 0x01;
                assertFalse(signer.check(changed).valid(), "byte " + position);
            }
        });
    }

    /**
     * PDFBox logs each broken object reference it meets with a long stack trace; thousands of mangled documents on
     * purpose would bury the build's output. Its logger (Log4j API's simple logger here) is quiet meanwhile.
     */
    private static void withoutParserErrors(Runnable action) {
        org.apache.logging.log4j.Logger logger = org.apache.logging.log4j.LogManager.getLogger("org.apache.pdfbox.cos.COSObject");
        if (!(logger instanceof org.apache.logging.log4j.simple.SimpleLogger simple)) {
            action.run();
            return;
        }
        org.apache.logging.log4j.Level level = simple.getLevel();
        simple.setLevel(org.apache.logging.log4j.Level.OFF);
        try {
            action.run();
        } finally {
            simple.setLevel(level);
        }
    }

    @Test
    void anIncrementalUpdateAfterTheSignatureDoesNotCoverTheWholeFile() throws IOException {
        byte[] updated;
        try (PDDocument document = Loader.loadPDF(signed)) {
            document.getDocumentInformation().setTitle("changed after signing");
            document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            updated = out.toByteArray();
        }
        assertTrue(updated.length > signed.length);

        SignatureCheck check = signer.check(updated);
        assertTrue(check.pdf());
        assertEquals(1, check.signatures());
        assertTrue(check.intact(), "what was signed is still there and verifies");
        assertTrue(check.byBureau());
        assertFalse(check.coversWholeFile());
        assertFalse(check.valid());
    }

    @Test
    void bytesAppendedAfterTheSignatureDoNotCoverTheWholeFile() {
        byte[] appended = Arrays.copyOf(signed, signed.length + 3);
        appended[signed.length] = '%';
        appended[signed.length + 1] = 'x';
        appended[signed.length + 2] = '\n';

        SignatureCheck check = signer.check(appended);
        assertFalse(check.coversWholeFile());
        assertFalse(check.valid());
    }

    @Test
    void garbageAndEmptyAreNotAPdf() {
        assertEquals(SignatureCheck.notAPdf(), signer.check(new byte[0]));
        assertEquals(SignatureCheck.notAPdf(), signer.check(null));
        assertEquals(SignatureCheck.notAPdf(), signer.check("hello, not a pdf".getBytes(StandardCharsets.UTF_8)));
        byte[] noise = new byte[50_000];
        new java.util.Random(14).nextBytes(noise);
        assertFalse(signer.check(noise).pdf());
        byte[] header = Arrays.copyOf("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 50_000);
        System.arraycopy(noise, 0, header, 9, 40_000);
        assertFalse(signer.check(header).valid());
        assertFalse(signer.check(Arrays.copyOf(signed, signed.length / 2)).valid(), "a truncated document");
    }

    @Test
    void aPdfWithoutSignatureIsUnsigned() {
        SignatureCheck check = signer.check(unsigned);
        assertTrue(check.pdf());
        assertFalse(check.signed());
        assertFalse(check.valid());
    }

    @Test
    void aDocumentSignedByAnotherKeyIsIntactButNotTheBureaus() throws Exception {
        Path other = keystore(dir.resolve("other.p12"), "CN=慈溪市科学技术局, O=Someone else, C=CN", "RSA", "other");
        byte[] forged = new CertificateSigner(other, PASSWORD, null).sign(unsigned, SIGNED_AT);

        SignatureCheck check = signer.check(forged);
        assertTrue(check.intact());
        assertTrue(check.coversWholeFile());
        assertFalse(check.byBureau());
        assertFalse(check.valid());
    }

    @Test
    void aBureauSignatureOverAnotherSignatureIsCheckedAsTheLastOne() throws Exception {
        Path other = keystore(dir.resolve("first.p12"), "CN=Someone, C=CN", "RSA", "first");
        byte[] twice = signer.sign(new CertificateSigner(other, PASSWORD, null).sign(unsigned, SIGNED_AT), SIGNED_AT);

        SignatureCheck check = signer.check(twice);
        assertEquals(2, check.signatures());
        assertTrue(check.valid(), check.toString());
    }

    @Test
    void anEcKeySignsToo() throws Exception {
        Path ec = keystore(dir.resolve("ec.p12"), BUREAU_DN, "EC", "ec");
        CertificateSigner ecSigner = new CertificateSigner(ec, PASSWORD, "ec");

        assertTrue(ecSigner.check(ecSigner.sign(unsigned, SIGNED_AT)).valid());
        assertFalse(signer.check(ecSigner.sign(unsigned, SIGNED_AT)).byBureau());
    }

    @Test
    void theNamedKeyEntryIsUsedAndAnUnknownOneRefused() throws Exception {
        assertTrue(new CertificateSigner(bureauKeystore, PASSWORD, "bureau").check(signed).byBureau());
        CertificateSigner unknownAlias = new CertificateSigner(bureauKeystore, PASSWORD, "nobody");
        List<LogRecord> records = new ArrayList<>();
        capturingLog(records, () -> assertUnavailable(() -> unknownAlias.sign(unsigned, SIGNED_AT)));
        assertTrue(records.get(0).getMessage().contains("innofund.certificate.key-alias=nobody"), records.get(0).getMessage());
    }

    @Test
    void withoutAUsableKeystoreSigningIsUnavailableAndCheckingStillAnswers() {
        Map<String, List<LogRecord>> logs = new LinkedHashMap<>();
        logs.put("none", new ArrayList<>());
        logs.put("missing", new ArrayList<>());
        logs.put("wrong password", new ArrayList<>());
        List<CertificateSigner> broken = List.of(
                new CertificateSigner(null, null, null),
                new CertificateSigner(dir.resolve("missing.p12"), PASSWORD, null),
                new CertificateSigner(bureauKeystore, "wrong password", null));
        int i = 0;
        for (Map.Entry<String, List<LogRecord>> log : logs.entrySet()) {
            CertificateSigner signer = broken.get(i++);
            capturingLog(log.getValue(), () -> {
                assertUnavailable(() -> signer.sign(unsigned, SIGNED_AT));
                assertUnavailable(() -> signer.sign(unsigned, SIGNED_AT));
                SignatureCheck check = signer.check(signed);
                assertTrue(check.intact());
                assertTrue(check.coversWholeFile());
                assertFalse(check.byBureau(), "no bureau certificate to compare with");
                assertTrue(signer.certificate().isEmpty());
            });
        }
        logs.forEach((what, records) -> {
            List<LogRecord> severe = records.stream().filter(r -> r.getLevel() == Level.SEVERE).toList();
            assertEquals(1, severe.size(), what + ": one SEVERE log however often it is tried");
            assertTrue(severe.get(0).getMessage().contains("innofund.certificate.keystore"), severe.get(0).getMessage());
        });
        assertTrue(logs.get("missing").get(0).getMessage().contains("missing.p12"));
    }

    private static void capturingLog(List<LogRecord> records, Runnable action) {
        Logger logger = Logger.getLogger(CertificateSigner.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = logger.getLevel();
        logger.setLevel(Level.FINE);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(true);
            logger.setLevel(level);
        }
    }


    private static void assertUnavailable(org.junit.jupiter.api.function.Executable action) {
        BusinessException e = assertThrows(BusinessException.class, action);
        assertEquals(BusinessException.Kind.UNAVAILABLE, e.kind());
        assertEquals("certificate.signingKeyUnavailable", e.messageKey());
    }

    /** A PDF of {@code lines} lines of text on as many pages as they take, uncompressed (so its size grows with them). */
    static byte[] onePagePdf(String text, int lines) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            int perPage = 60;
            for (int first = 0; first < lines; first += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 9);
                    content.newLineAtOffset(50, 800);
                    for (int line = first; line < Math.min(lines, first + perPage); line++) {
                        content.showText(text + " " + line);
                        content.newLineAtOffset(0, -12);
                    }
                    content.endText();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A PKCS#12 keystore with one self-signed key entry, as an administrator or the run command makes one. */
    static Path keystore(Path file, String dn, String algorithm, String alias) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        KeyPair pair = generator.generateKeyPair();
        X500Principal subject = new X500Principal(dn);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now), Date.from(now.plus(Duration.ofDays(3650))), subject, pair.getPublic());
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        String signatureAlgorithm = algorithm.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, pair.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private static int[] byteRange(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getLastSignatureDictionary().getByteRange();
        }
    }

    private static CMSSignedData cms(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            // the DER of the CMS without the zero padding of /Contents (BouncyCastle refuses trailing bytes)
            ContentInfo contentInfo = ContentInfo.getInstance(new ASN1InputStream(signature.getContents(pdf)).readObject());
            return new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), contentInfo);
        }
    }

    /** How many hex digits of /Contents the CMS takes (the rest is zero padding). */
    private static int cmsHexLength(byte[] pdf) throws Exception {
        return cms(pdf).getEncoded().length * 2;
    }
}
