package dev.helpdesk.jdbc.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helpdesk.jdbc.dialect.Dialects;
import dev.helpdesk.jdbc.dialect.SqlDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The schema ships in lock-step for every dialect. */
class MigrationScriptsTest {
    private static final Path ROOT = Path.of("src/main/resources/db/helpdesk");
    private static final Pattern TABLE = Pattern.compile("CREATE TABLE (\\w+)");
    private static final Pattern INDEX = Pattern.compile("CREATE (?:UNIQUE )?INDEX (\\w+)");
    private static final Pattern COLUMN = Pattern.compile("^\\s{4}(\\w+)\\s+[A-Z]", Pattern.MULTILINE);

    @Test
    void every_dialect_ships_every_migration_and_nothing_else() throws IOException {
        Set<String> expected = Migration.all().stream().map(Migration::fileName).collect(Collectors.toCollection(TreeSet::new));
        for (SqlDialect dialect : Dialects.builtIn()) {
            try (Stream<Path> files = Files.list(ROOT.resolve(dialect.name()))) {
                Set<String> shipped = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
                assertEquals(expected, shipped, dialect.name());
            }
            for (Migration m : Migration.all()) {
                assertFalse(SchemaMigrator.script(dialect, m).isBlank(), dialect.name() + " " + m.fileName());
            }
        }
    }

    @Test
    void every_folder_belongs_to_a_dialect() throws IOException {
        Set<String> names = Dialects.builtIn().stream().map(SqlDialect::name).collect(Collectors.toSet());
        try (Stream<Path> folders = Files.list(ROOT)) {
            assertEquals(names, folders.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void every_dialect_creates_the_same_tables_indexes_and_columns() {
        for (Migration m : Migration.all()) {
            String reference = SchemaMigrator.script(Dialects.builtIn().get(0), m);
            for (SqlDialect dialect : Dialects.builtIn()) {
                String script = SchemaMigrator.script(dialect, m);
                assertEquals(names(TABLE, reference), names(TABLE, script), dialect.name() + " tables");
                assertEquals(names(INDEX, reference), names(INDEX, script), dialect.name() + " indexes");
                assertEquals(names(COLUMN, reference), names(COLUMN, script), dialect.name() + " columns");
            }
        }
    }

    @Test
    void migrations_are_numbered_from_one_in_ascending_order() {
        // versions 7 to 10 are numbered for work that lands beside version 11: until all of it is in,
        // the list may skip numbers, never repeat or go back
        List<Integer> versions = Migration.all().stream().map(Migration::version).toList();
        assertEquals(1, versions.get(0));
        for (int i = 1; i < versions.size(); i++) {
            assertTrue(versions.get(i) > versions.get(i - 1), "ascending: " + versions);
            assertTrue(versions.get(i) == versions.get(i - 1) + 1 || versions.get(i) <= 11, "a gap only below 11: " + versions);
        }
    }

    @Test
    void scripts_split_into_statements_at_line_ending_semicolons_without_comments() {
        List<String> statements = SchemaMigrator.statements("-- a comment; with a semicolon\nCREATE TABLE a (x INT);\n\n"
                + "INSERT INTO a VALUES (1);  \n");
        assertEquals(List.of("CREATE TABLE a (x INT)", "INSERT INTO a VALUES (1)"), statements);
        assertTrue(SchemaMigrator.statements("-- only a comment\n").isEmpty());
    }

    private static List<String> names(Pattern pattern, String script) {
        Matcher m = pattern.matcher(script);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
