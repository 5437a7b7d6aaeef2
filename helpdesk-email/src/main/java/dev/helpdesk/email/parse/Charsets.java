package dev.helpdesk.email.parse;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a body's bytes into text by its declared character set, the way mail clients do: the
 * names mail really carries ({@code utf8}, {@code latin1}, {@code cp1251}), ISO-8859-1 read as its
 * windows-1252 superset (as browsers do, so that curly quotes from Windows mail survive), and a
 * fallback, recorded as a note, for a name no one knows.
 */
final class Charsets {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("utf8", "UTF-8"),
            Map.entry("utf-8", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"),
            Map.entry("latin1", "windows-1252"),
            Map.entry("latin-1", "windows-1252"),
            Map.entry("iso-8859-1", "windows-1252"),
            Map.entry("iso8859-1", "windows-1252"),
            Map.entry("iso_8859-1", "windows-1252"),
            Map.entry("cp1252", "windows-1252"),
            Map.entry("win-1252", "windows-1252"),
            Map.entry("windows1252", "windows-1252"),
            Map.entry("latin9", "ISO-8859-15"),
            Map.entry("latin-9", "ISO-8859-15"),
            Map.entry("iso8859-15", "ISO-8859-15"),
            Map.entry("cp1251", "windows-1251"),
            Map.entry("win-1251", "windows-1251"),
            Map.entry("windows1251", "windows-1251"),
            Map.entry("koi8r", "KOI8-R"),
            Map.entry("koi8u", "KOI8-U"),
            Map.entry("iso-8859-8-i", "ISO-8859-8"),
            Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("gb2312", "GBK"));

    private Charsets() {
    }

    /** Text and, when the declared set could not be used as declared, a note saying what was done. */
    record Decoded(String text, String note) {
    }

    /** The declared set could not even be named (illegal characters): the message is malformed. */
    static final class IllegalCharset extends Exception {
        private static final long serialVersionUID = 1L;

        IllegalCharset(String name) {
            super("illegal charset name " + name);
        }
    }

    static Decoded decode(byte[] bytes, String declared, Charset fallback) throws IllegalCharset {
        String name = declared == null ? "" : declared.strip();
        if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).strip();
        }
        if (name.isEmpty() || name.equalsIgnoreCase("us-ascii") || name.equalsIgnoreCase("ascii")) {
            if (isAscii(bytes)) {
                return new Decoded(new String(bytes, StandardCharsets.US_ASCII), null);
            }
            String utf8 = strictUtf8(bytes);
            if (utf8 != null) {
                return new Decoded(utf8, null);
            }
            return new Decoded(new String(bytes, fallback), (name.isEmpty() ? "no charset declared" : "charset " + name
                    + " with 8-bit text") + ", decoded as " + fallback.name());
        }
        Charset charset = lookup(name);
        if (charset == null) {
            return new Decoded(new String(bytes, fallback), "unknown charset " + name + ", decoded as " + fallback.name());
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            String utf8 = strictUtf8(bytes);
            if (utf8 == null) {
                return new Decoded(new String(bytes, fallback), "invalid UTF-8, decoded as " + fallback.name());
            }
            return new Decoded(utf8, null);
        }
        return new Decoded(new String(bytes, charset), null);
    }

    /**
     * The Java character set for a MIME name, or null when unknown.
     *
     * @throws IllegalCharset when the name is not even a legal charset name
     */
    static Charset lookup(String declared) throws IllegalCharset {
        String name = declared.strip().toLowerCase(Locale.ROOT);
        String alias = ALIASES.get(name);
        try {
            return Charset.forName(alias != null ? alias : name);
        } catch (IllegalCharsetNameException e) {
            throw new IllegalCharset(printable(declared));
        } catch (UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(60).forEach(c -> {
            if (c < 0x20 || c == 0x7f || c > 0x7e) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
