package org.oneseal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** OneSeal (一枚印章): the platform of a municipal Administrative Approval Bureau. */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class OneSealApplication {

    public static void main(String[] args) {
        SpringApplication.run(OneSealApplication.class, args);
    }
}
