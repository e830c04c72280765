package org.oneseal.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealKeysTests {

    @TempDir
    Path dir;

    @Test
    void generatesTheKeystoreOnceAndReusesItAfterARestart() throws Exception {
        Path file = dir.resolve("nested/seal.p12");
        SealKeys first = SealKeys.loadOrCreate(file, "secret".toCharArray(), "示范市行政审批局");
        byte[] written = Files.readAllBytes(file);
        SealKeys second = SealKeys.loadOrCreate(file, "secret".toCharArray(), "另一个名字");

        assertThat(second.keyId()).isEqualTo(first.keyId()).matches("[0-9a-f]{64}");
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
        assertThat(second.certificate().getSubjectX500Principal().getName()).contains("示范市行政审批局");
        byte[] data = "准予许可".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2.sign(first.privateKey(), data);
        assertThat(Sm2.verify(second.verificationKey(first.keyId()), data, signature)).isTrue();
    }

    @Test
    void aWrongPasswordIsRefused() {
        Path file = dir.resolve("seal.p12");
        SealKeys.loadOrCreate(file, "secret".toCharArray(), "示范市行政审批局");

        assertThatThrownBy(() -> SealKeys.loadOrCreate(file, "wrong".toCharArray(), "示范市行政审批局"))
                .hasMessageContaining("keystore");
    }

    @Test
    void theCertificateIsSelfSignedWithSm3WithSm2() throws Exception {
        SealKeys keys = SealKeys.loadOrCreate(dir.resolve("seal.p12"), "secret".toCharArray(), "示范市行政审批局");

        assertThat(keys.certificate().getSigAlgName()).containsIgnoringCase("SM3WITHSM2");
        keys.certificate().verify(keys.certificate().getPublicKey(), Sm2.PROVIDER);
    }
}
