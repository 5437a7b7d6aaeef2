package dev.helpdesk.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {
    @Test
    void exports_depend_only_on_the_contract_and_commons_csv() {
        classes().should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.helpdesk.spi..", "dev.helpdesk.export..",
                "org.apache.commons.csv..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.helpdesk.export"));
    }
}
