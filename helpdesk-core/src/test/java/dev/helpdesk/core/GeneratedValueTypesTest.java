package dev.helpdesk.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The implementations Immutables generates stay behind their abstract value types: no public
 * method, constructor or field of the API takes or returns one, so a host only ever names
 * {@code Ticket}, {@code SlaPolicy} or {@code SlaPolicy.Builder}, never {@code ImmutableTicket}.
 */
@AnalyzeClasses(packages = {"dev.helpdesk.spi", "dev.helpdesk.core"}, importOptions = ImportOption.DoNotIncludeTests.class)
class GeneratedValueTypesTest {

    private static final String GENERATED = "org.immutables.value.Generated";

    private static boolean isGenerated(JavaClass type) {
        JavaClass outermost = type;
        while (outermost.getEnclosingClass().isPresent()) {
            if (outermost.isAnnotatedWith(GENERATED)) {
                return true;
            }
            outermost = outermost.getEnclosingClass().get();
        }
        return outermost.isAnnotatedWith(GENERATED);
    }

    private static boolean isVisible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static final ArchCondition<JavaClass> NOT_EXPOSE_GENERATED_TYPES =
            new ArchCondition<>("not take or return a type Immutables generated in a public signature") {
                @Override
                public void check(JavaClass owner, ConditionEvents events) {
                    for (JavaCodeUnit unit : owner.getCodeUnits()) {
                        if (!isVisible(unit.getModifiers()) || unit.getModifiers().contains(JavaModifier.SYNTHETIC)
                                || unit.getModifiers().contains(JavaModifier.BRIDGE)) {
                            continue;
                        }
                        List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                        types.add(unit.getRawReturnType());
                        for (JavaClass type : types) {
                            if (isGenerated(type)) {
                                events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + type.getName()));
                            }
                        }
                    }
                    for (JavaField field : owner.getFields()) {
                        if (isVisible(field.getModifiers()) && isGenerated(field.getRawType())) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName() + " exposes "
                                    + field.getRawType().getName()));
                        }
                    }
                }
            };

    /** The rule would pass vacuously if it did not recognise the generated classes: it does. */
    @org.junit.jupiter.api.Test
    void the_generated_implementations_are_recognised() {
        var imported = new com.tngtech.archunit.core.importer.ClassFileImporter()
                .importPackages("dev.helpdesk.spi.ticket", "dev.helpdesk.spi.sla");
        org.junit.jupiter.api.Assertions.assertTrue(isGenerated(imported.get("dev.helpdesk.spi.ticket.ImmutableTicket")));
        org.junit.jupiter.api.Assertions.assertTrue(isGenerated(imported.get("dev.helpdesk.spi.ticket.ImmutableTicket$Builder")));
        org.junit.jupiter.api.Assertions.assertTrue(isGenerated(imported.get("dev.helpdesk.spi.sla.ImmutableSlaPolicy")));
        org.junit.jupiter.api.Assertions.assertFalse(isGenerated(imported.get("dev.helpdesk.spi.ticket.Ticket$Builder")));
        org.junit.jupiter.api.Assertions.assertFalse(isGenerated(imported.get("dev.helpdesk.spi.ticket.Ticket")));
    }

    @ArchTest
    static final ArchRule generated_implementations_stay_out_of_public_signatures = classes()
            .that().arePublic()
            .and(com.tngtech.archunit.base.DescribedPredicate.describe("are not generated", c -> !isGenerated(c)))
            .should(NOT_EXPOSE_GENERATED_TYPES)
            .because("the abstract value type and its nested Builder are the API; the generated class is package-private"
                    + " and may change with every Immutables version");
}
