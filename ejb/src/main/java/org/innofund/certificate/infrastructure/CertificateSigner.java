package org.innofund.certificate.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innofund.shared.BusinessException;
import org.innofund.shared.Clocks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * 电子签章: signs a rendered certificate with the bureau's key as PAdES baseline B-B, and checks the signature of any
 * uploaded file.
 *
 * <p>The signature is PDFBox's (an incremental update of the unsigned document with a signature dictionary, Filter
 * Adobe.PPKLite, SubFilter ETSI.CAdES.detached) around a detached CMS SignedData from BouncyCastle: SHA-256, the
 * signing-certificate-v2 attribute (RFC 5035) binding the signer's certificate, and the certificate chain. The signing
 * time is the dictionary's M entry; PAdES forbids a CMS signing-time attribute, so the CMS has none.
 *
 * <p>The key is a PKCS#12 keystore named by {@code innofund.certificate.keystore}, opened with
 * {@code innofund.certificate.keystore-password}, entry {@code innofund.certificate.key-alias} (the first key entry if
 * not set). It is loaded once, on first use, and kept parsed; a missing or unreadable keystore leaves the rest of the
 * product working: signing then refuses with 503 and a SEVERE log naming the setting, and a check still answers
 * everything but "by the bureau". The JCA's own providers do the cryptography (BouncyCastle only builds and parses the
 * CMS): no security provider is registered in the server for an application that may be redeployed.
 */
@ApplicationScoped
public class CertificateSigner {

    public static final String KEYSTORE_SETTING = "innofund.certificate.keystore";
    public static final String PASSWORD_SETTING = "innofund.certificate.keystore-password";
    public static final String ALIAS_SETTING = "innofund.certificate.key-alias";
    static final String REASON = "慈溪市科学技术局电子签章";
    static final String LOCATION = "浙江省慈溪市";

    private static final Logger LOG = Logger.getLogger(CertificateSigner.class.getName());
    private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    /** Where a PDF header may start: readers accept some bytes of garbage before it. */
    private static final int HEADER_SEARCH = 1024;

    @Inject
    @ConfigProperty(name = KEYSTORE_SETTING)
    Optional<String> keystoreFile;

    @Inject
    @ConfigProperty(name = PASSWORD_SETTING)
    Optional<String> keystorePassword;

    @Inject
    @ConfigProperty(name = ALIAS_SETTING)
    Optional<String> keyAlias;

    private volatile SigningKey key;
    /** Why the keystore could not be loaded last time: logged as SEVERE once, not on every upload checked since. */
    private volatile String failure;

    protected CertificateSigner() {
        // for CDI
    }

    /** Outside the container (tests, the benchmark): the same lazy loading as the server's. */
    public CertificateSigner(Path keystore, String password, String alias) {
        this.keystoreFile = Optional.ofNullable(keystore).map(Path::toString);
        this.keystorePassword = Optional.ofNullable(password);
        this.keyAlias = Optional.ofNullable(alias);
    }

    /**
     * The document signed by the bureau: the unsigned bytes unchanged, followed by an incremental update with the
     * signature. {@code signingTime} is what the signature dictionary states (the issuing's time from the clock).
     */
    public byte[] sign(byte[] unsignedPdf, Instant signingTime) {
        SigningKey k = signingKey();
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
        signature.setName(k.signerName);
        signature.setReason(REASON);
        signature.setLocation(LOCATION);
        signature.setSignDate(GregorianCalendar.from(signingTime.atZone(Clocks.BUREAU_ZONE)));
        try (PDDocument document = Loader.loadPDF(unsignedPdf); SignatureOptions options = new SignatureOptions()) {
            options.setPreferredSignatureSize(k.reservedSize);
            document.addSignature(signature, options);
            ByteArrayOutputStream out = new ByteArrayOutputStream(unsignedPdf.length + 2 * k.reservedSize + 2048);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(k.cms(external.getContent().readAllBytes()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the signature of {@code file} says. Any bytes at all, from anyone: never throws on bad input (garbage is
     * "not a PDF", a PDF without a signature dictionary "unsigned", a signature that cannot be parsed "not intact").
     */
    public SignatureCheck check(byte[] file) {
        if (file == null || !hasPdfHeader(file)) {
            return SignatureCheck.notAPdf();
        }
        int count;
        int[] range;
        Instant signedAt;
        try (PDDocument document = Loader.loadPDF(file)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return SignatureCheck.unsigned();
            }
            count = signatures.size();
            PDSignature last = Collections.max(signatures, (a, b) -> Long.compare(rangeEnd(a), rangeEnd(b)));
            signedAt = signDate(last);
            range = byteRange(last, file.length);
        } catch (IOException | RuntimeException e) {
            return SignatureCheck.notAPdf();
        }
        if (range == null) {
            return new SignatureCheck(true, count, false, false, false, signedAt, null);
        }
        boolean whole = (long) range[2] + range[3] == file.length;
        Verified verified = verify(file, range);
        boolean byBureau = isBureaus(verified);
        String signer = verified.certificate == null ? null : verified.certificate.getSubjectX500Principal().getName();
        return new SignatureCheck(true, count, whole, verified.intact, byBureau, signedAt, signer);
    }

    /** The bureau's signing certificate, for display; empty if the keystore is not available. */
    public Optional<X509Certificate> certificate() {
        try {
            return Optional.of(signingKey().chain.get(0));
        } catch (BusinessException e) {
            return Optional.empty();
        }
    }

    /**
     * The signer's certificate is the bureau's, and the CMS carries the bureau's configured chain and nothing else, not
     * one byte different (a DER SET has its own order).
     */
    private boolean isBureaus(Verified verified) {
        if (!verified.intact) {
            return false;
        }
        try {
            List<X509Certificate> chain = signingKey().chain;
            Set<ByteBuffer> expected = new HashSet<>();
            for (X509Certificate c : chain) {
                expected.add(ByteBuffer.wrap(c.getEncoded()));
            }
            return Arrays.equals(chain.get(0).getEncoded(), verified.certificate.getEncoded())
                    && expected.equals(verified.certificates);
        } catch (BusinessException | GeneralSecurityException e) {
            return false;
        }
    }

    private SigningKey signingKey() {
        SigningKey k = key;
        if (k == null) {
            synchronized (this) {
                k = key;
                if (k == null) {
                    k = load();
                    key = k;
                }
            }
        }
        return k;
    }

    private SigningKey load() {
        if (keystoreFile.isEmpty()) {
            throw unavailable("Certificates cannot be signed: no signing keystore is configured. Set " + KEYSTORE_SETTING
                    + " (a PKCS#12 file) and " + PASSWORD_SETTING + " (INNOFUND_CERTIFICATE_KEYSTORE and"
                    + " INNOFUND_CERTIFICATE_KEYSTORE_PASSWORD in the environment).", null);
        }
        String file = keystoreFile.get();
        try {
            SigningKey loaded = SigningKey.load(Path.of(file), keystorePassword.orElse("").toCharArray(), keyAlias.orElse(null));
            failure = null;
            LOG.info(() -> "Certificates are signed with the key of " + file + ": " + loaded.chain.get(0).getSubjectX500Principal());
            return loaded;
        } catch (IOException | GeneralSecurityException | OperatorCreationException | CMSException
                 | IllegalArgumentException | ClassCastException e) {
            throw unavailable("Certificates cannot be signed: the signing keystore " + KEYSTORE_SETTING + "=" + file
                    + " cannot be used with " + PASSWORD_SETTING
                    + keyAlias.map(a -> " and " + ALIAS_SETTING + "=" + a).orElse("") + ": " + e, e);
        }
    }

    /** The refusal, after a SEVERE log of why the first time this reason is met (FINE when it is met again). */
    private BusinessException unavailable(String reason, Exception cause) {
        if (reason.equals(failure)) {
            LOG.log(Level.FINE, reason);
        } else {
            failure = reason;
            LOG.log(Level.SEVERE, reason, cause);
        }
        return unavailable();
    }

    private static BusinessException unavailable() {
        return new BusinessException(BusinessException.Kind.UNAVAILABLE, "certificate.signingKeyUnavailable", KEYSTORE_SETTING);
    }

    private static boolean hasPdfHeader(byte[] file) {
        int last = Math.min(file.length, HEADER_SEARCH) - PDF_HEADER.length;
        for (int i = 0; i <= last; i++) {
            if (Arrays.equals(file, i, i + PDF_HEADER.length, PDF_HEADER, 0, PDF_HEADER.length)) {
                return true;
            }
        }
        return false;
    }

    private static long rangeEnd(PDSignature signature) {
        try {
            int[] r = signature.getByteRange();
            return r.length == 4 ? (long) r[2] + r[3] : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static Instant signDate(PDSignature signature) {
        try {
            Calendar date = signature.getSignDate();
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The byte range if it is one a signature can have: [0, a, b, c] with the gap [a, b) holding exactly the /Contents
     * hex string {@code <...>} and the second range inside the file; null otherwise.
     */
    private static int[] byteRange(PDSignature signature, int fileLength) {
        int[] r;
        try {
            r = signature.getByteRange();
        } catch (RuntimeException e) {
            return null;
        }
        if (r.length != 4 || r[0] != 0 || r[1] <= 0 || r[2] <= r[1] + 1 || r[3] < 0
                || (long) r[2] + r[3] > fileLength) {
            return null;
        }
        return r;
    }

    /**
     * The outcome of verifying a CMS against the bytes its range covers: whether it verifies, the signer's certificate
     * and every certificate the CMS carries (DER).
     */
    private record Verified(boolean intact, X509Certificate certificate, Set<ByteBuffer> certificates) {

        static final Verified NOT = new Verified(false, null, Set.of());
    }

    private static Verified verify(byte[] file, int[] range) {
        byte[] contents = contents(file, range[1], range[2]);
        if (contents == null) {
            return Verified.NOT;
        }
        byte[] covered = new byte[range[1] + range[3]];
        System.arraycopy(file, 0, covered, 0, range[1]);
        System.arraycopy(file, range[2], covered, range[1], range[3]);
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(covered), contents);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return Verified.NOT;
            }
            SignerInformation signer = signers.iterator().next();
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            if (matches.size() != 1) {
                return Verified.NOT;
            }
            X509CertificateHolder holder = matches.iterator().next();
            X509Certificate certificate = SigningKey.CONVERTER.getCertificate(holder);
            boolean intact = canonical(cms, signer, holder, contents)
                    && signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            Set<ByteBuffer> all = new HashSet<>();
            for (X509CertificateHolder carried : cms.getCertificates().getMatches(null)) {
                all.add(ByteBuffer.wrap(carried.getEncoded()));
            }
            return new Verified(intact, certificate, all);
        } catch (CMSException | OperatorCreationException | GeneralSecurityException | IOException | RuntimeException e) {
            return Verified.NOT;
        }
    }

    /**
     * The parts of a CMS SignedData its signature does not cover are as a signer writes them, so that no byte of the
     * envelope can change unnoticed either: a SignedData (version 1) of detached data, one SHA-256 digest algorithm (the
     * signer's), no CRLs, one signer without unsigned attributes naming its certificate's issuer and serial number
     * exactly as the certificate has them (a name matches in other string types too), all in DER. The signed attributes cover the rest:
     * the content type, the digest, the algorithms (CMS algorithm protection) and the signing certificate; the
     * certificates are compared with the bureau's.
     */
    private static boolean canonical(CMSSignedData cms, SignerInformation signer, X509CertificateHolder certificate,
                                     byte[] encoded) throws IOException {
        ContentInfo contentInfo = cms.toASN1Structure();
        if (!CMSObjectIdentifiers.signedData.equals(contentInfo.getContentType())
                || !Arrays.equals(contentInfo.getEncoded(ASN1Encoding.DER), encoded)) {
            return false;
        }
        SignedData signedData = SignedData.getInstance(contentInfo.getContent());
        AlgorithmIdentifier digest = signer.getDigestAlgorithmID();
        return signedData.getVersion().hasValue(1)
                && signedData.getDigestAlgorithms().size() == 1
                && digest.equals(AlgorithmIdentifier.getInstance(signedData.getDigestAlgorithms().getObjectAt(0)))
                && NISTObjectIdentifiers.id_sha256.equals(digest.getAlgorithm())
                && CMSObjectIdentifiers.data.equals(signedData.getEncapContentInfo().getContentType())
                && signedData.getEncapContentInfo().getContent() == null
                && signedData.getCRLs() == null
                && signer.getVersion() == 1
                && Arrays.equals(signer.toASN1Structure().getSID().getEncoded(ASN1Encoding.DER), new SignerIdentifier(
                        new IssuerAndSerialNumber(certificate.toASN1Structure())).getEncoded(ASN1Encoding.DER))
                && signer.getUnsignedAttributes() == null;
    }

    /**
     * The signature's bytes from the gap between the ranges, in the one form that leaves no byte free to change
     * unnoticed (none of the gap is covered by the digest): {@code <hex digits>} of one case, the DER of the CMS, then
     * zeros only. Null otherwise.
     */
    private static byte[] contents(byte[] file, int from, int to) {
        if (file[from] != '<' || file[to - 1] != '>' || (to - from) % 2 != 0) {
            return null;
        }
        boolean upper = false;
        boolean lower = false;
        for (int i = from + 1; i < to - 1; i++) {
            byte b = file[i];
            if (Character.digit(b, 16) < 0) {
                return null;
            }
            upper |= b >= 'A' && b <= 'F';
            lower |= b >= 'a' && b <= 'f';
        }
        if (upper && lower) {
            return null;
        }
        byte[] decoded = HexFormat.of().parseHex(new String(file, from + 1, to - from - 2, StandardCharsets.US_ASCII));
        int length = derLength(decoded);
        if (length < 0) {
            return null;
        }
        for (int i = length; i < decoded.length; i++) {
            if (decoded[i] != 0) {
                return null;
            }
        }
        return Arrays.copyOf(decoded, length);
    }

    /** The length of the DER SEQUENCE (a ContentInfo) at the start of {@code der}, header included; -1 if none fits. */
    private static int derLength(byte[] der) {
        if (der.length < 2 || der[0] != 0x30) {
            return -1;
        }
        int first = der[1] & 0xff;
        if (first < 0x80) {
            return 2 + first <= der.length ? 2 + first : -1;
        }
        int octets = first & 0x7f;
        if (octets == 0 || octets > 3 || 2 + octets > der.length) {
            return -1;
        }
        long length = 0;
        for (int i = 0; i < octets; i++) {
            length = length << 8 | der[2 + i] & 0xff;
        }
        long total = 2 + octets + length;
        return total <= der.length ? (int) total : -1;
    }

    /** The parsed key, its certificate chain and what every signature repeats: built once, immutable, shared. */
    private static final class SigningKey {

        static final JcaX509CertificateConverter CONVERTER = new JcaX509CertificateConverter();
        /**
         * Room beyond the CMS measured at loading: with the same key, chain and attributes only an ECDSA value varies
         * (by a few bytes). The placeholder is written twice as hex whatever the CMS takes, so it stays small: PDFBox's
         * default of 9 KB would be 18 KB of zeros in every document.
         */
        private static final int SIZE_MARGIN = 64;

        final PrivateKey privateKey;
        final List<X509Certificate> chain;
        final String signerName;
        private final String algorithm;
        private final JcaCertStore certificates;
        private final DigestCalculatorProvider digests;
        private final CMSAttributeTableGenerator signedAttributes;
        final int reservedSize;

        private SigningKey(PrivateKey privateKey, List<X509Certificate> chain)
                throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
            this.privateKey = privateKey;
            this.chain = List.copyOf(chain);
            X509Certificate signer = chain.get(0);
            this.signerName = commonName(signer);
            this.algorithm = switch (privateKey.getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> throw new IllegalArgumentException("a " + privateKey.getAlgorithm()
                        + " key: certificates are signed with RSA or EC keys");
            };
            this.certificates = new JcaCertStore(chain);
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
            AttributeTable signingCertificate = new AttributeTable(new Attribute(
                    PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificateV2(signer))));
            DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(signingCertificate);
            // content type, message digest and algorithm protection as BouncyCastle adds them; not its signing time
            this.signedAttributes = parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
            this.reservedSize = cms(new byte[] {0}).length + SIZE_MARGIN;
        }

        static SigningKey load(Path file, char[] password, String alias)
                throws IOException, GeneralSecurityException, OperatorCreationException, CMSException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, password);
            }
            String entry = alias != null ? alias : firstKeyEntry(store);
            if (!store.isKeyEntry(entry)) {
                throw new IllegalArgumentException("the keystore has no key entry " + entry);
            }
            PrivateKey privateKey = (PrivateKey) store.getKey(entry, password);
            Certificate[] certificates = store.getCertificateChain(entry);
            if (certificates == null || certificates.length == 0) {
                throw new IllegalArgumentException("the key entry " + entry + " has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certificates) {
                chain.add((X509Certificate) c);
            }
            return new SigningKey(privateKey, chain);
        }

        private static String firstKeyEntry(KeyStore store) throws GeneralSecurityException {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return alias;
                }
            }
            throw new IllegalArgumentException("the keystore holds no key entry");
        }

        /** The detached CMS SignedData over {@code content}, DER-encoded. */
        byte[] cms(byte[] content) throws IOException {
            try {
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                        .setSignedAttributeGenerator(signedAttributes)
                        .build(new JcaContentSignerBuilder(algorithm).build(privateKey), chain.get(0)));
                generator.addCertificates(certificates);
                return generator.generate(new CMSProcessableByteArray(content), false).getEncoded(ASN1Encoding.DER);
            } catch (OperatorCreationException | CMSException | GeneralSecurityException e) {
                throw new IOException("the CMS signature could not be made", e);
            }
        }

        /** ESS signing-certificate-v2: the SHA-256 of the signer's certificate with its issuer and serial number. */
        private static SigningCertificateV2 signingCertificateV2(X509Certificate certificate)
                throws GeneralSecurityException {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            IssuerSerial issuerSerial = new IssuerSerial(
                    new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                    certificate.getSerialNumber());
            return new SigningCertificateV2(new ESSCertIDv2[] {new ESSCertIDv2(hash, issuerSerial)});
        }

        private static String commonName(X509Certificate certificate) {
            X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
            var cn = name.getRDNs(BCStyle.CN);
            return cn.length > 0 ? cn[0].getFirst().getValue().toString() : certificate.getSubjectX500Principal().getName();
        }
    }
}
