/**
 * 电子印章: the bureau's one seal — an SM2 key pair in a keystore outside the database, SM2/SM3 signing
 * and verification, the public key in PEM, and the append-only seal-use ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Seal", allowedDependencies = {"shared", "audit"})
package org.oneseal.seal;
