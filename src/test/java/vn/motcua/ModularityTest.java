package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules talk only through their public types and events; this fails the build when one does not. */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(MotcuaApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
        assertThat(modules.stream().map(m -> m.getIdentifier().toString())).contains("platform", "portal", "workbench");
    }

    @Test
    void writesModuleDocumentation() {
        // Output in target/spring-modulith-docs; docs/modules/ holds the committed copy.
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        assertThat(java.nio.file.Path.of("target/spring-modulith-docs/components.puml")).exists();
    }
}
