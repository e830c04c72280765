package org.oneseal.seal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A fresh SM2 key pair (curve sm2p256v1) with a self-signed SM3withSM2 certificate valid for ten years. */
record DemoSealCertificate(PrivateKey privateKey, X509Certificate certificate) {

    static DemoSealCertificate generate(String holder) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", Sm2.PROVIDER);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "CN").addRDN(BCStyle.CN, holder).build();
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()).abs(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                pair.getPublic());
        try {
            var signer = new JcaContentSignerBuilder("SM3withSM2").setProvider(Sm2.PROVIDER).build(pair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(Sm2.PROVIDER)
                    .getCertificate(builder.build(signer));
            return new DemoSealCertificate(pair.getPrivate(), certificate);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the demo certificate", e);
        }
    }
}
