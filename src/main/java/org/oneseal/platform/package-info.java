/**
 * Platform plumbing: the embedded PostgreSQL started when no external database is configured,
 * the business clock, scheduling with ShedLock, and the startup message.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package org.oneseal.platform;
