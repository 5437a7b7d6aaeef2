package dev.helpdesk.spi.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.spi.ConfigurationException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CustomFieldTest {

    @Test
    void a_huge_exponent_is_not_a_number_value_and_costs_nothing_to_refuse() {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(Optional.empty(), CustomField.Type.NUMBER.canonical("1e999999999"));
            assertEquals(Optional.empty(), CustomField.Type.NUMBER.canonical("1e-999999999"));
            assertEquals(Optional.empty(), CustomField.Type.NUMBER.canonical("9".repeat(10_000)));
        });
    }

    @Test
    void numbers_have_at_most_24_digits_before_the_point_and_12_after() {
        String largest = "9".repeat(24) + "." + "9".repeat(12);
        assertEquals(Optional.of(largest), CustomField.Type.NUMBER.canonical(largest));
        assertEquals(Optional.empty(), CustomField.Type.NUMBER.canonical("1" + "0".repeat(24)));
        assertEquals(Optional.empty(), CustomField.Type.NUMBER.canonical("0." + "0".repeat(12) + "1"));
        assertEquals(Optional.of("1500"), CustomField.Type.NUMBER.canonical("1.5e3"));
        assertEquals(Optional.of("0.5"), CustomField.Type.NUMBER.canonical("0.5000000000000000000"));
        assertEquals(Optional.of("0"), CustomField.Type.NUMBER.canonical("0e999999999"));
        assertTrue(CustomField.Type.NUMBER.rule().contains("24 digits"));
    }

    @Test
    void text_values_count_characters_and_refuse_control_characters() {
        String emoji = "\uD83D\uDE00";
        assertTrue(CustomField.Type.TEXT.canonical(emoji.repeat(CustomField.MAX_TEXT_LENGTH)).isPresent());
        assertFalse(CustomField.Type.TEXT.canonical(emoji.repeat(CustomField.MAX_TEXT_LENGTH + 1)).isPresent());
        assertEquals(Optional.of(" spaced "), CustomField.Type.TEXT.canonical(" spaced "));
        assertFalse(CustomField.Type.TEXT.canonical("a\u2028b").isPresent());
        assertFalse(CustomField.Type.TEXT.canonical("broken\uD800").isPresent());
    }

    @Test
    void a_field_is_staff_only_unless_the_host_says_otherwise() {
        CustomField product = CustomField.text("product");
        assertEquals(CustomField.Access.STAFF, product.access());
        assertFalse(product.customerMaySee() || product.customerMaySet());

        CustomField visible = product.withAccess(CustomField.Access.CUSTOMER_SEES);
        assertTrue(visible.customerMaySee());
        assertFalse(visible.customerMaySet());
        assertTrue(product.withAccess(CustomField.Access.CUSTOMER_SETS).customerMaySet());
        assertEquals(product, CustomField.of("product", CustomField.Type.TEXT));
    }

    @Test
    void a_field_name_written_in_code_that_is_not_a_label_is_a_configuration_error() {
        assertTrue(assertThrows(ConfigurationException.class, () -> CustomField.number("contract value")).names("name"));
    }
}
