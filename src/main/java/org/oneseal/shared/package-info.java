/** Value types used by every module: identifiers, IdCardNumber, CreditCode, DataScope, masking. */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.oneseal.shared;
