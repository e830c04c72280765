/**
 * Shared web plumbing only: portal and workbench layouts, language switch, error pages and
 * problem+json for API errors, security headers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell", allowedDependencies = "shared")
package org.oneseal.web;
