package org.oneseal.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verification documented in docs/licences.md, run for real with the machine's OpenSSL 3
 * (skipped, saying so, where no openssl is installed).
 */
class OpenSslInteropTests {

    @TempDir
    static Path dir;
    static SealKeys keys;

    @BeforeAll
    static void keys() {
        keys = SealKeys.loadOrCreate(dir.resolve("seal.p12"), "secret".toCharArray(), "示范市行政审批局");
    }

    @Test
    void openSslVerifiesTheSealSignature() throws Exception {
        Path data = write("data.bin", "证照标识=OS2026\n持证人=张三\n".getBytes(StandardCharsets.UTF_8));
        Path signature = write("sig.bin", Sm2.sign(keys.privateKey(), Files.readAllBytes(data)));

        Result result = openssl(data, signature);

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Verified OK");
    }

    @Test
    void openSslRejectsTheSignatureWhenOneByteOfTheDataChanged() throws Exception {
        byte[] original = "证照标识=OS2026\n".getBytes(StandardCharsets.UTF_8);
        Path signature = write("sig2.bin", Sm2.sign(keys.privateKey(), original));
        original[3] ^= 1;
        Path data = write("data2.bin", original);

        Result result = openssl(data, signature);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Verification failure");
    }

    private static Result openssl(Path data, Path signature) throws IOException, InterruptedException {
        assumeTrue(hasOpenSsl(), "openssl is not installed: the OpenSSL interoperability test is skipped");
        Path pem = write("pub.pem", keys.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
        // the exact command of docs/licences.md
        Process process = new ProcessBuilder(List.of("openssl", "dgst", "-sm3", "-verify",
                pem.toString(), "-sigopt", "distid:1234567812345678", "-signature", signature.toString(),
                data.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static boolean hasOpenSsl() {
        try {
            return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    record Result(int exitCode, String output) {
    }
}
