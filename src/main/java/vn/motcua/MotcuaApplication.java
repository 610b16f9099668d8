package vn.motcua;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Motcua: the one-stop shop for administrative-procedure dossiers. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// Application-module listeners (@ApplicationModuleListener) run after the publisher's commit on the task executor.
@EnableAsync
public class MotcuaApplication {

    public static void main(String[] args) {
        SpringApplication.run(MotcuaApplication.class, args);
    }
}
