package dev.helpdesk.export;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Numbers and durations as a person reads them; shared by the exports. */
final class Format {
    private Format() {
    }

    /** "3 d 4 h", "2 h 05 min", "45 min", "30 s", or an em dash for none. */
    static String duration(Optional<Duration> d) {
        if (d.isEmpty()) {
            return "\u2014";
        }
        long s = d.get().getSeconds();
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        if (days > 0) {
            return days + " d " + hours + " h";
        }
        if (hours > 0) {
            return hours + " h " + String.format(Locale.ROOT, "%02d", minutes) + " min";
        }
        if (minutes > 0) {
            return minutes + " min";
        }
        return s % 60 + " s";
    }

    /** A share as a whole percentage, "67 %". */
    static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    /** A number with thousands separated by a thin space: "12 345". */
    static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                out.append('\u2009');
            }
            out.append(digits.charAt(i));
        }
        return (n < 0 ? "-" : "") + out;
    }

    /** A cost with two decimals. */
    static String money(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
