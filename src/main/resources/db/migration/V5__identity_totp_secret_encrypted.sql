-- TOTP secrets are now stored SM4-GCM encrypted ("sm4gcm:" + base64(iv || ciphertext || tag)).
alter table account alter column totp_secret type varchar(200);
