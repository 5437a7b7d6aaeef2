package dev.helpdesk.developer.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void the_bridge_depends_only_on_the_contract_vavr_slf4j_and_the_jdk() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.helpdesk.spi..",
                        "dev.helpdesk.developer.http..", "io.vavr..", "org.slf4j..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.helpdesk.developer.http"));
    }
}
