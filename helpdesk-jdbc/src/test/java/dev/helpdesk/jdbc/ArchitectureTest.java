package dev.helpdesk.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rule of the adapter: the contract, java.sql and the SLF4J API, nothing else. */
class ArchitectureTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.helpdesk.jdbc");

    @Test
    void the_adapter_depends_only_on_the_contract_the_jdk_sql_and_the_logging_api() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.helpdesk.jdbc..", "dev.helpdesk.spi..", "java..", "javax.sql..", "io.vavr..", "org.slf4j",
                        "org.immutables.value..")
                .check(ADAPTER);
    }

    @Test
    void the_adapter_never_uses_the_behaviour_module() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.helpdesk.core..").check(ADAPTER);
    }

    @Test
    void only_the_statement_runner_and_the_migrator_prepare_statements() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.helpdesk.jdbc.internal.Statements")
                .and().resideOutsideOfPackage("dev.helpdesk.jdbc.schema..")
                .should().callMethod(java.sql.Connection.class, "prepareStatement", String.class)
                .check(ADAPTER);
    }

    @Test
    void the_packages_have_no_cycles() {
        slices().matching("dev.helpdesk.jdbc.(*)..").should().beFreeOfCycles().check(ADAPTER);
    }
}
