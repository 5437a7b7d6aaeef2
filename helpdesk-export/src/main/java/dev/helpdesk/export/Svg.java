package dev.helpdesk.export;

import java.util.List;
import java.util.Locale;

/** Inline SVG bar charts: labelled, scaled to the largest value, readable without colour. */
final class Svg {
    static final String ACCENT = "#2f6f9f";
    static final String WARN = "#b5523b";
    private static final String INK = "#1f2933";
    private static final String GRID = "#d9dee3";

    /** One bar: its label, its value, the text shown beside it, and whether to draw it in the warning colour. */
    record Bar(String label, double value, String shown, boolean warn) {
        Bar(String label, double value, String shown) {
            this(label, value, shown, false);
        }
    }

    private Svg() {
    }

    /** Horizontal bars, one per row: label on the left, bar, value at the bar's end. */
    static String horizontal(String title, List<Bar> bars) {
        int labelWidth = 210;
        int barRoom = 210;
        int row = 26;
        int width = labelWidth + barRoom + 110;
        int height = Math.max(1, bars.size()) * row + 8;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = open(title, width, height);
        if (bars.isEmpty()) {
            text(svg, 0, 18, "start", "none in this period", "#6b7785");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = i * row + 4;
            double w = max <= 0 ? 0 : b.value() / max * barRoom;
            text(svg, labelWidth - 8, y + 16, "end", Html.clip(b.label(), 30), INK);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"18\" rx=\"2\" fill=\"%s\"/>",
                    labelWidth, y + 2, Math.max(w, b.value() > 0 ? 2 : 0), b.warn() ? WARN : ACCENT));
            text(svg, (int) (labelWidth + w + 6), y + 16, "start", b.shown(), INK);
        }
        return svg.append("</svg>").toString();
    }

    /** Vertical bars over a baseline, value above each bar, label below (every n-th label when crowded). */
    static String vertical(String title, List<Bar> bars) {
        int height = 200;
        int top = 22;
        int bottom = 40;
        int plot = height - top - bottom;
        int slot = bars.size() <= 14 ? 46 : Math.max(12, 640 / Math.max(1, bars.size()));
        int width = Math.max(320, slot * bars.size() + 20);
        int labelEvery = slot >= 40 ? 1 : (int) Math.ceil(40.0 / slot);
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        StringBuilder svg = open(title, width, height);
        svg.append(String.format(Locale.ROOT, "<line x1=\"10\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\"/>",
                top + plot, width - 10, top + plot, GRID));
        if (bars.isEmpty()) {
            text(svg, 12, top + plot / 2, "start", "none in this period", "#6b7785");
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = max <= 0 ? 0 : b.value() / max * plot;
            int x = 10 + i * slot;
            int barWidth = Math.max(6, slot - 10);
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" rx=\"2\" fill=\"%s\"><title>%s: %s</title></rect>",
                    x + 5, top + plot - h, barWidth, h, b.warn() ? WARN : ACCENT, Html.escape(b.label()), Html.escape(b.shown())));
            if (slot >= 24 || b.value() == max) {
                text(svg, x + 5 + barWidth / 2, (int) (top + plot - h - 5), "middle", b.shown(), INK);
            }
            if (i % labelEvery == 0) {
                text(svg, x + 5 + barWidth / 2, top + plot + 16, "middle", Html.clip(b.label(), 10), "#4a5561");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, int width, int height) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " font-family=\"system-ui, sans-serif\" font-size=\"12\"><title>%s</title>",
                width, height, width, height, Html.escape(title)));
    }

    private static void text(StringBuilder svg, int x, int y, String anchor, String text, String colour) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"%s\">%s</text>",
                x, y, anchor, colour, Html.escape(text)));
    }
}
