package dev.helpdesk.tck;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The contract tests depend on the contract and the test frameworks only (design §1). */
@AnalyzeClasses(packages = "dev.helpdesk.tck", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule tck_depends_only_on_spi_junit_and_jqwik = classes()
            .that().resideInAPackage("dev.helpdesk.tck..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.vavr..", "dev.helpdesk.spi..",
                    "dev.helpdesk.tck..", "org.junit..", "org.opentest4j..", "net.jqwik..")
            .because("a store implementer runs the suite with nothing but the contract and the test frameworks");
}
