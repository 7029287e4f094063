package org.innofund.it;

import jakarta.inject.Inject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.innofund.certificate.infrastructure.CertificateSigner;
import org.innofund.certificate.infrastructure.SignatureCheck;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The signing key reaches the server as the tests' domain is configured (INNOFUND_CERTIFICATE_KEYSTORE, generated
 * under it/target like the run command's demo key), and PDFBox and BouncyCastle sign from the EAR's lib/ without
 * clashing with anything of Payara's.
 */
@ExtendWith(ArquillianExtension.class)
class CertificateSigningIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.productWith(CertificateSigningIT.class);
    }

    @Inject
    private CertificateSigner signer;

    @Test
    void theServerSignsWithTheConfiguredDemoKeyAndChecksItsSignature() throws IOException {
        X509Certificate certificate = signer.certificate().orElseThrow(() -> new AssertionError("no signing key"));
        assertTrue(certificate.getSubjectX500Principal().getName().contains("CN=慈溪市科学技术局（演示）"),
                certificate.getSubjectX500Principal().getName());

        byte[] signed = signer.sign(onePage(), Instant.parse("2027-04-01T02:00:00Z"));

        SignatureCheck check = signer.check(signed);
        assertTrue(check.valid(), check.toString());
        assertEquals(Instant.parse("2027-04-01T02:00:00Z"), check.signedAt());
        signed[signed.length / 3] ^= 1;
        assertFalse(signer.check(signed).valid(), "a changed byte");
    }

    private static byte[] onePage() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText("InnoFund signing in the server");
                content.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
