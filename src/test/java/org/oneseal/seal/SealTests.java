package org.oneseal.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.junit.jupiter.api.Test;
import org.oneseal.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class SealTests {

    @Autowired
    Seal seal;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private final byte[] data = "证照标识=OS20260000010000017\n持证人=张三\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSignatureVerifiesAndFailsWhenOneByteChanges() {
        SealSignature signature = seal.sign(data, new SealUse("test.sign", 7L, "DOC-1"));

        assertThat(signature.keyId()).isEqualTo(seal.keyId());
        assertThat(seal.verify(data, signature.signature(), seal.keyId())).isTrue();
        byte[] changed = data.clone();
        changed[5] ^= 1;
        assertThat(seal.verify(changed, signature.signature(), seal.keyId())).isFalse();
        byte[] badSignature = signature.signature();
        badSignature[badSignature.length - 1] ^= 1;
        assertThat(seal.verify(data, badSignature, seal.keyId())).isFalse();
        assertThat(seal.verify(data, signature.signature(), "0".repeat(64))).isFalse();
    }

    @Test
    void everyUseIsInTheLedgerWithTheSignerAndInTheAuditLog() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("reviewer1", "x", "license:manage"));
        try {
            SealSignature signature = seal.sign(data, new SealUse("license.issue", 42L, "DOC-LEDGER"));

            var row = jdbc.sql("select document_hash, purpose, case_id, signer, key_id from oneseal.seal_ledger where id = :id")
                    .param("id", signature.ledgerEntry()).query().singleRow();
            assertThat(row).containsEntry("document_hash", signature.documentHash()).containsEntry("purpose", "license.issue")
                    .containsEntry("case_id", 42L).containsEntry("signer", "reviewer1").containsEntry("key_id", seal.keyId());
            assertThat(jdbc.sql("select count(*) from oneseal.audit_entry where action = 'seal.sign' and object_id = :id and actor = 'reviewer1'")
                    .param("id", String.valueOf(signature.ledgerEntry())).query(Long.class).single()).isEqualTo(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Test
    void withoutAUserTheSignerIsTheSystem() {
        SealSignature signature = seal.sign(data, new SealUse("test.system", null, null));

        assertThat(jdbc.sql("select signer from oneseal.seal_ledger where id = :id").param("id", signature.ledgerEntry())
                .query(String.class).single()).isEqualTo("system");
    }

    @Test
    void theLedgerRefusesUpdateAndDelete() {
        long id = seal.sign(data, new SealUse("test.ledger", 1L, "DOC-2")).ledgerEntry();

        assertThatThrownBy(() -> jdbc.sql("update oneseal.seal_ledger set signer = 'mallory' where id = :id")
                .param("id", id).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from oneseal.seal_ledger where id = :id").param("id", id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("select signer from oneseal.seal_ledger where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("system");
    }

    @Test
    void thePublicKeyPemParsesAndMatchesTheKeyId() throws Exception {
        try (PEMParser parser = new PEMParser(new StringReader(seal.publicKeyPem()))) {
            var info = (SubjectPublicKeyInfo) parser.readObject();
            var key = new JcaPEMKeyConverter().setProvider(Sm2.PROVIDER).getPublicKey(info);
            assertThat(SealKeys.keyIdOf(key)).isEqualTo(seal.keyId());
        }
    }

    @Test
    void thePublicKeyIsServedWithoutLogin() throws Exception {
        String body = mvc.perform(get("/api/v1/public/seal/public-key")).andExpect(status().isOk())
                .andExpect(header().string("X-Seal-Key-Id", seal.keyId()))
                .andReturn().getResponse().getContentAsString();

        assertThat(body).startsWith("-----BEGIN PUBLIC KEY-----").isEqualTo(seal.publicKeyPem());
    }
}
