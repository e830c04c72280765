package org.oneseal.seal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seal's key material, read from a PKCS#12 keystore file. The entry with alias {@value #ALIAS} holds the
 * current private key and certificate; every other certificate in the file (e.g. a retired seal's) is kept
 * for verification only. Without a file at the path, a demo key pair is generated, stored and announced.
 */
final class SealKeys {

    static final String ALIAS = "seal";
    private static final Logger log = LoggerFactory.getLogger(SealKeys.class);

    private final PrivateKey privateKey;
    private final X509Certificate certificate;
    private final String keyId;
    private final Map<String, PublicKey> verificationKeys;

    private SealKeys(PrivateKey privateKey, X509Certificate certificate, Map<String, PublicKey> verificationKeys) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.keyId = keyIdOf(certificate.getPublicKey());
        this.verificationKeys = Collections.unmodifiableMap(verificationKeys);
    }

    static SealKeys loadOrCreate(Path file, char[] password, String holder) {
        if (!Files.exists(file)) {
            create(file, password, holder);
        }
        return load(file, password);
    }

    /** The key id: SM3 fingerprint (hex) of the DER-encoded SubjectPublicKeyInfo. */
    static String keyIdOf(PublicKey key) {
        return Sm3.hex(key.getEncoded());
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    X509Certificate certificate() {
        return certificate;
    }

    String keyId() {
        return keyId;
    }

    String holder() {
        var rdns = org.bouncycastle.asn1.x500.X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
                .getRDNs(org.bouncycastle.asn1.x500.style.BCStyle.CN);
        return rdns.length == 0 ? certificate.getSubjectX500Principal().getName()
                : org.bouncycastle.asn1.x500.style.IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    PublicKey verificationKey(String id) {
        return verificationKeys.get(id);
    }

    String publicKeyPem() {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(out)) {
            pem.writeObject(certificate.getPublicKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static SealKeys load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12", Sm2.PROVIDER);
            store.load(in, password);
            if (!store.isKeyEntry(ALIAS)) {
                throw new IllegalStateException("the seal keystore " + file + " has no key entry '" + ALIAS + "'");
            }
            PrivateKey key = (PrivateKey) store.getKey(ALIAS, password);
            X509Certificate certificate = (X509Certificate) store.getCertificate(ALIAS);
            Map<String, PublicKey> keys = new LinkedHashMap<>();
            for (String alias : Collections.list(store.aliases())) {
                Certificate each = store.getCertificate(alias);
                if (each != null) {
                    keys.put(keyIdOf(each.getPublicKey()), each.getPublicKey());
                }
            }
            return new SealKeys(key, certificate, keys);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the seal keystore " + file
                    + " (is oneseal.seal.keystore-password right?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the seal keystore " + file, e);
        }
    }

    private static void create(Path file, char[] password, String holder) {
        try {
            var generated = DemoSealCertificate.generate(holder);
            KeyStore store = KeyStore.getInstance("PKCS12", Sm2.PROVIDER);
            store.load(null, password);
            store.setKeyEntry(ALIAS, generated.privateKey(), password, new Certificate[] {generated.certificate()});
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, "seal", ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                store.store(out, password);
            }
            restrictPermissions(temporary);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            warnLoudly(file, holder, keyIdOf(generated.certificate().getPublicKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the seal keystore " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the demo seal key", e);
        }
    }

    private static void restrictPermissions(Path file) throws IOException {
        org.oneseal.shared.SecretFiles.restrictToOwner(file);
    }

    private static void warnLoudly(Path file, String holder, String keyId) {
        String line = "*".repeat(100);
        log.warn("\n{}\n*** DEMO SEAL KEY GENERATED: no keystore was found at {}.\n*** A new SM2 key pair with a "
                + "SELF-SIGNED certificate for '{}' (key id {}) was created.\n*** Documents signed with it are "
                + "NOT legally sealed. In production configure oneseal.seal.keystore and "
                + "oneseal.seal.keystore-password\n*** with the bureau's real seal keystore (see docs/licences.md).\n{}",
                line, file.toAbsolutePath(), holder, keyId, line);
    }
}
