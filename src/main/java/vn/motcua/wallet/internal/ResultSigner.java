package vn.motcua.wallet.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Calendar;
import java.util.Date;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import vn.motcua.platform.MotcuaProperties;

/**
 * PAdES signatures on result PDFs (PDFBox + Bouncy Castle CMS, {@code ETSI.CAdES.detached}, SHA-256 with RSA). The key
 * and certificate chain come from a PKCS#12 keystore: {@code motcua.wallet.keystore} (production), or in demo mode
 * {@code <data-dir>/wallet/demo-signing.p12}, generated at first use with a demo CA and an agency certificate it
 * issued. Without either, results are not signed (verification by code and SHA-256 still works).
 */
@Component
class ResultSigner {

    private static final Logger log = LoggerFactory.getLogger(ResultSigner.class);
    private static final String ALIAS = "agency";

    private final Path keystore;
    private final char[] password;
    private final boolean demo;
    private volatile Keys keys;

    record Keys(PrivateKey key, X509Certificate[] chain) {
    }

    private final java.time.Clock clock;

    ResultSigner(MotcuaProperties properties, Environment env, java.time.Clock clock) {
        this.clock = clock;
        String configured = env.getProperty("motcua.wallet.keystore");
        this.demo = properties.demo();
        this.keystore = configured != null && !configured.isBlank() ? Path.of(configured)
                : properties.dataDir().resolve("wallet").resolve("demo-signing.p12");
        this.password = env.getProperty("motcua.wallet.keystore-password", "motcua-demo").toCharArray();
    }

    /** The signing keys, or null when none are configured (not demo mode and no keystore). */
    Keys keys() {
        Keys k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = load();
                }
                k = keys;
            }
        }
        return k.key() == null ? null : k;
    }

    private Keys load() {
        try {
            if (!Files.exists(keystore)) {
                if (!demo) {
                    return new Keys(null, null);
                }
                generateDemo();
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                ks.load(in, password);
            }
            String alias = ks.isKeyEntry(ALIAS) ? ALIAS : ks.aliases().nextElement();
            java.security.cert.Certificate[] chain = ks.getCertificateChain(alias);
            X509Certificate[] x = new X509Certificate[chain.length];
            for (int i = 0; i < chain.length; i++) {
                x[i] = (X509Certificate) chain[i];
            }
            return new Keys((PrivateKey) ks.getKey(alias, password), x);
        } catch (Exception e) {
            log.warn("result signing disabled: keystore {} unusable: {}", keystore, e.toString());
            return new Keys(null, null);
        }
    }

    /** Demo CA (10 years) and an agency signing certificate it issued (5 years), RSA 2048, into one PKCS#12 file. */
    private void generateDemo() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, new SecureRandom());
        KeyPair ca = gen.generateKeyPair();
        KeyPair agency = gen.generateKeyPair();
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X500Name caName = new X500Name("CN=Motcua Demo CA, O=Motcua (demo), C=VN");
        X500Name agencyName = new X500Name("CN=Motcua demo agency signing, O=Motcua (demo), C=VN");
        var caCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(3650, ChronoUnit.DAYS)), caName, ca.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate())));
        var agencyCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(caName,
                BigInteger.valueOf(now.toEpochMilli() + 1), Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(1825, ChronoUnit.DAYS)), agencyName, agency.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(ca.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(ALIAS, agency.getPrivate(), password, new java.security.cert.Certificate[]{agencyCert, caCert});
        Files.createDirectories(keystore.getParent());
        Path tmp = keystore.resolveSibling(keystore.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ks.store(out, password);
        }
        Files.move(tmp, keystore, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        log.info("Demo mode: generated a demo CA and an agency signing certificate in {}", keystore);
    }

    /** The PDF with a PAdES signature appended (incremental save); the input unchanged when no keys are configured. */
    byte[] sign(byte[] pdf, String signerName, String reason) throws IOException {
        if (keys() == null) {
            return pdf;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return sign(doc, pdf.length, signerName, reason);
        }
    }

    /**
     * Signs a loaded document and writes it with the signature appended (incremental save: what was changed since
     * the loading, the stamp, goes into the same update, so the stamped file is not saved and parsed once more);
     * null when no keys are configured.
     */
    byte[] sign(PDDocument doc, int sizeHint, String signerName, String reason) throws IOException {
        Keys k = keys();
        if (k == null) {
            return null;
        }
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
        signature.setName(signerName);
        signature.setReason(reason);
        Calendar signedAt = Calendar.getInstance();
        signedAt.setTimeInMillis(clock.millis());
        signature.setSignDate(signedAt);
        SignatureInterface cms = content -> {
            try {
                CMSSignedDataGenerator g = new CMSSignedDataGenerator();
                g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(k.key()), k.chain()[0]));
                g.addCertificates(new JcaCertStore(List.of(k.chain())));
                return g.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
            } catch (Exception e) {
                throw new IOException(e);
            }
        };
        doc.addSignature(signature, cms);
        ByteArrayOutputStream out = new ByteArrayOutputStream(sizeHint + 49_152);
        doc.saveIncremental(out);
        return out.toByteArray();
    }

    /**
     * True when the PDF carries a signature that covers the whole file, verifies, and was made with a certificate issued
     * by the configured CA (the last certificate of the chain). A file changed after signing fails.
     */
    boolean verify(byte[] pdf) {
        try {
            return check(pdf);
        } catch (Exception e) {
            log.debug("signature check failed: {}", e.toString());
            return false;
        }
    }

    /** As {@link #verify}, but a refusal for a reason other than "not signed by us" throws it (for tests and logs). */
    boolean check(byte[] pdf) throws Exception {
        Keys k = keys();
        if (k == null) {
            return false;
        }
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return false;
            }
            PDSignature last = signatures.get(signatures.size() - 1);
            int[] range = last.getByteRange();
            if (range == null || range.length != 4 || (long) range[2] + range[3] != pdf.length) {
                return false; // something was appended after the signature
            }
            byte[] signed = last.getSignedContent(pdf);
            // /Contents is padded with zeros after the DER object: read that one object only.
            org.bouncycastle.asn1.cms.ContentInfo info;
            try (var in = new org.bouncycastle.asn1.ASN1InputStream(last.getContents(pdf))) {
                info = org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), info);
            X509Certificate ca = k.chain()[k.chain().length - 1];
            for (SignerInformation signer : cms.getSignerInfos().getSigners()) {
                for (Object o : cms.getCertificates().getMatches(signer.getSID())) {
                    X509Certificate cert = new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) o);
                    cert.verify(ca.getPublicKey()); // issued by our CA (throws otherwise)
                    if (signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** True when the file is a PDF carrying at least one signature dictionary (whoever signed it). */
    static boolean hasSignature(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return !doc.getSignatureDictionaries().isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
