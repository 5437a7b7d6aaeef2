package dev.helpdesk.email;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the channel (DESIGN.md §1): the contract, the SLF4J API and its field
 * libraries (Jakarta Mail on Angus, jsoup), never the behaviour module.
 */
class ArchitectureTest {
    private static final JavaClasses CHANNEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.helpdesk.email");

    @Test
    void the_channel_depends_only_on_the_contract_the_jdk_mail_html_and_the_logging_api() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages(
                        "dev.helpdesk.email..", "dev.helpdesk.spi..", "java..", "io.vavr..", "org.slf4j",
                        "jakarta.mail..", "jakarta.activation..", "org.eclipse.angus.mail..", "org.jsoup..",
                        "org.immutables.value..")
                .check(CHANNEL);
    }

    @Test
    void the_channel_never_uses_the_behaviour_module_or_jdbc() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.helpdesk.core..", "dev.helpdesk.jdbc..",
                "java.sql..", "javax.sql..").check(CHANNEL);
    }

    @Test
    void the_packages_have_no_cycles() {
        slices().matching("dev.helpdesk.email.(*)..").should().beFreeOfCycles().check(CHANNEL);
    }
}
