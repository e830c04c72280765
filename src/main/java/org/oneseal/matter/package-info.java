/**
 * 事项目录: matters and their versions (implementation list elements, materials, special procedures),
 * draft → publish → superseded, Excel import/export, and the public service guides.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matter catalogue", allowedDependencies = {"shared", "identity", "audit"})
package org.oneseal.matter;
