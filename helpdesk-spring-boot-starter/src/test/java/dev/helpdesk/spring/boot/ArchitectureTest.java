package dev.helpdesk.spring.boot;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The starter's place in the dependency rule: it uses the library's public API, never its internals. */
class ArchitectureTest {
    static final JavaClasses STARTER = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.helpdesk.spring.boot");

    @Test
    void the_starter_uses_no_internal_package_of_the_library() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.helpdesk.core.internal..",
                "dev.helpdesk.jdbc.internal..", "dev.helpdesk.spi.internal..").check(STARTER);
    }

    @Test
    void the_starters_packages_are_free_of_cycles() {
        slices().matching("dev.helpdesk.spring.boot.(*)..").should().beFreeOfCycles().check(STARTER);
    }
}
