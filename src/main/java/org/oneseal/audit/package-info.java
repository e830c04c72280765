/**
 * 审计日志: the append-only, SM3 hash-chained audit log, its verifier, head-hash export and the
 * auditor's browser. Other modules call {@link org.oneseal.audit.AuditLog#record} inside their own
 * transaction: if the audit write fails, their change fails too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "shared")
package org.oneseal.audit;
