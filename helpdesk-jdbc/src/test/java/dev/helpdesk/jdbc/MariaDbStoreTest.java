package dev.helpdesk.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helpdesk.jdbc.support.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The store's behaviour on MariaDb. */
class MariaDbStoreTest extends JdbcStoreBehaviour {
    @Override
    Database database() {
        return Database.MARIADB;
    }

    @Test
    void every_text_column_compares_exactly_without_padding() throws SQLException {
        try (Connection c = pool.getConnection()) {
            List<String> padded = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT TABLE_NAME, COLUMN_NAME, COLLATION_NAME"
                    + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'hd\\_%'"
                    + " AND COLLATION_NAME IS NOT NULL AND TABLE_NAME NOT LIKE 'hd\\_schema\\_%'");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (!r.getString(3).equals("utf8mb4_nopad_bin")) {
                        padded.add(r.getString(1) + "." + r.getString(2) + " " + r.getString(3));
                    }
                }
            }
            assertEquals(List.of(), padded);
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM hd_ticket_tag WHERE tag = ?")) {
                c.createStatement().executeUpdate("INSERT INTO hd_ticket_tag (tenant_id, ticket_id, tag)"
                        + " VALUES ('pad', '00000000-0000-7000-8000-000000000001', 'vip')");
                s.setString(1, "vip ");
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    assertEquals(0, r.getInt(1), "'vip ' must not match 'vip'");
                }
            }
        }
    }
}
