/**
 * 审批流程: the Flowable BPMN engine (the only module that imports org.flowable). Deploys the generic case
 * process and per-matter overrides, starts and advances process instances for casework, and publishes
 * {@link org.oneseal.approval.ProcessStepReached} when a case reaches a new step and
 * {@link org.oneseal.approval.ProcessEnded} when its process ends. The facade is
 * {@link org.oneseal.approval.CaseProcesses}; everything Flowable is package-private. See docs/processes.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Approval processes", allowedDependencies = "shared")
package org.oneseal.approval;
