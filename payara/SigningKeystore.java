import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import javax.security.auth.x500.X500Principal;

/**
 * A demo signing key for certificates, run by the build when no keystore is configured
 * (java -cp BOUNCYCASTLE_JARS SigningKeystore.java KEYSTORE_FILE PASSWORD_FILE).
 *
 * <p>On first use, writes a random password to PASSWORD_FILE and a PKCS#12 keystore to KEYSTORE_FILE holding an
 * RSA-2048 key with a self-signed certificate for "CN=慈溪市科学技术局（演示）, O=InnoFund demo, C=CN" (both readable by
 * the user only); later runs leave both alone, so documents signed before stay the same key's. Java rather than the
 * JDK's keytool: keytool takes the subject on its command line, and in a C/POSIX locale (CI machines) the JVM turns
 * the Chinese name into question marks.
 */
public final class SigningKeystore {

    /**
     * CN=慈溪市科学技术局（演示）, O=InnoFund demo, C=CN (an X.500 name as RFC 4514 writes it: the most specific first). In
     * escapes: the launcher reads this file in the platform's encoding, which a C locale makes ASCII.
     */
    static final String SUBJECT = "CN=\u6148\u6eaa\u5e02\u79d1\u5b66\u6280\u672f\u5c40\uff08\u6f14\u793a\uff09, O=InnoFund demo, C=CN";
    static final String ALIAS = "innofund-certificate-signing";
    private static final Duration VALIDITY = Duration.ofDays(10 * 365);
    private static final int PASSWORD_BYTES = 18; // 24 characters of URL-safe Base64, 144 random bits

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: SigningKeystore KEYSTORE_FILE PASSWORD_FILE");
        }
        Path keystore = Path.of(args[0]).toAbsolutePath();
        Path passwordFile = Path.of(args[1]).toAbsolutePath();
        if (Files.exists(keystore)) {
            if (!Files.exists(passwordFile)) {
                throw new IllegalStateException(keystore + " exists without its password file " + passwordFile
                        + ": delete the keystore to have a new demo key generated");
            }
            return;
        }
        SecureRandom random = new SecureRandom();
        String password;
        if (Files.exists(passwordFile)) {
            password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
        } else {
            byte[] bytes = new byte[PASSWORD_BYTES];
            random.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            createPrivately(passwordFile);
            Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
        }

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, random);
        KeyPair pair = generator.generateKeyPair();
        X500Principal subject = new X500Principal(SUBJECT);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(63, random).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));

        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
        Path partial = keystore.resolveSibling(keystore.getFileName() + ".new");
        Files.deleteIfExists(partial);
        createPrivately(partial);
        try (OutputStream out = Files.newOutputStream(partial)) {
            store.store(out, password.toCharArray());
        }
        Files.move(partial, keystore); // whole or not at all: a half-written keystore would never be replaced
        System.out.println("Generated the demo signing key for certificates: " + keystore);
    }

    /** An empty file with mode 600 from the start (its folder 700 if new): never readable by others, not for a moment. */
    private static void createPrivately(Path file) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, attribute("rwx------"));
            } else {
                Files.createDirectories(dir);
            }
        }
        if (posix) {
            Files.createFile(file, attribute("rw-------"));
        } else {
            Files.createFile(file);
        }
    }

    private static FileAttribute<?> attribute(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
