package dev.helpdesk.search.lucene;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the search module (DESIGN.md §1): the contract, the SLF4J API and
 * Lucene, never the behaviour module or JDBC.
 */
class ArchitectureTest {
    private static final JavaClasses SEARCH = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.helpdesk.search.lucene");

    @Test
    void the_search_depends_only_on_the_contract_the_jdk_lucene_and_the_logging_api() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.helpdesk.search.lucene..", "dev.helpdesk.spi..", "java..", "io.vavr..", "org.slf4j",
                        "org.apache.lucene..")
                .check(SEARCH);
    }

    @Test
    void the_search_never_uses_the_behaviour_module_or_jdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.helpdesk.core..", "dev.helpdesk.jdbc..",
                "java.sql..", "javax.sql..").check(SEARCH);
    }

    @Test
    void the_packages_have_no_cycles() {
        slices().matching("dev.helpdesk.search.lucene.(**)").should().beFreeOfCycles().check(SEARCH);
    }
}
