package dev.helpdesk.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv)).getRecords();
    }

    private static String value(List<CSVRecord> rows, String figure, String dimension, String key) {
        return rows.stream().filter(r -> r.get("figure").equals(figure) && r.get("dimension").equals(dimension)
                && r.get("key").equals(key)).findFirst().orElseThrow(() -> new AssertionError(figure + "/" + dimension + "/" + key))
                .get("value");
    }

    @Test
    void every_figure_is_a_row_of_figure_dimension_key_value() throws IOException {
        List<CSVRecord> rows = parse(CsvExport.toCsv(Reports.with("billing")));

        assertEquals("3", value(rows, "volume", "total", ""));
        assertEquals("2", value(rows, "volume", "channel", "EMAIL"));
        assertEquals("2", value(rows, "volume", "day", "2026-03-03"));
        assertEquals("5.0", value(rows, "channel_cost", "channel", "EMAIL"));
        assertEquals("7200", value(rows, "first_reply", "calendar", "median_seconds"));
        assertEquals("108000", value(rows, "full_resolution", "calendar", "p90_seconds"));
        assertEquals("0.5", value(rows, "resolution", "one_touch_rate", ""));
        assertEquals("1", value(rows, "backlog", "age", "under_1_day"));
        assertEquals("2", value(rows, "problems", "linked_problem", Reports.PROBLEM));
        assertEquals("1", value(rows, "deflection", "self_served", ""));
        assertEquals("4", value(rows, "deflection", "articles_linked", ""));
        assertEquals("0.5", value(rows, "satisfaction", "out_of_5", "satisfied_rate"));
        assertEquals("3", value(rows, "workload", "billing", "replies"));
    }

    @Test
    void a_cell_a_spreadsheet_would_run_as_a_formula_is_defused() throws IOException {
        String evil = "=HYPERLINK(\"http://x\",\"y\")";

        List<CSVRecord> rows = parse(CsvExport.toCsv(Reports.with(evil)));

        assertEquals("2", value(rows, "problems", "tag", "'" + evil));
        assertEquals("2", value(rows, "workload", "'" + evil, "assignments"));
    }

    @Property(tries = 200)
    void any_text_from_tickets_round_trips_through_a_csv_reader(@ForAll String text) throws IOException {
        String expected = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;

        List<CSVRecord> rows = parse(CsvExport.toCsv(Reports.with(text)));

        assertEquals("2", value(rows, "problems", "tag", expected));
        assertTrue(rows.stream().allMatch(r -> r.size() == 4), "four cells in every row");
    }
}
