package dev.helpdesk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of the design (§1), checked on the compiled classes of spi and core. */
@AnalyzeClasses(packages = {"dev.helpdesk.spi", "dev.helpdesk.core"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule spi_depends_only_on_the_jdk_vavr_and_immutables_annotations = classes()
            .that().resideInAPackage("dev.helpdesk.spi..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.vavr..", "org.immutables.value..",
                    "dev.helpdesk.spi..")
            .because("the contract must be implementable without the behaviour module or any framework");

    @ArchTest
    static final ArchRule nothing_in_spi_depends_on_core = noClasses()
            .that().resideInAPackage("dev.helpdesk.spi..")
            .should().dependOnClassesThat().resideInAPackage("dev.helpdesk.core..");

    @ArchTest
    static final ArchRule core_depends_only_on_spi_vavr_slf4j_and_immutables_annotations = classes()
            .that().resideInAPackage("dev.helpdesk.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.vavr..", "org.slf4j..",
                    "org.immutables.value..", "dev.helpdesk.spi..", "dev.helpdesk.core..",
                    // the JDK's HMAC, which signs consent links of remote sessions
                    "javax.crypto..", // also for the HMAC of survey tokens
                    // knowledge base: commonmark renders Markdown to safe HTML; it has no
                    // dependencies of its own, and only dev.helpdesk.core.knowledge may use it
                    "org.commonmark..");

    @ArchTest
    static final ArchRule only_the_knowledge_package_uses_commonmark = noClasses()
            .that().resideOutsideOfPackage("dev.helpdesk.core.knowledge..")
            .should().dependOnClassesThat().resideInAPackage("org.commonmark..");

    @ArchTest
    static final ArchRule no_jdbc_in_spi_or_core = noClasses()
            .that().resideInAnyPackage("dev.helpdesk.spi..", "dev.helpdesk.core..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices()
            .matching("dev.helpdesk.(**)")
            .should().beFreeOfCycles();
}
