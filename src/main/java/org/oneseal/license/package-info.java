/**
 * 电子证照: electronic licences and decision documents signed under the seal, their PDF rendering with
 * QR code, public verification (page and API), change, renewal and revocation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Licences", allowedDependencies = {"shared", "seal", "audit", "identity"})
package org.oneseal.license;
