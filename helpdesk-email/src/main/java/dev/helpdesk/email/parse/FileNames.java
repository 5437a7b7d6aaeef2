package dev.helpdesk.email.parse;

import dev.helpdesk.spi.channel.AttachmentRef;
import java.util.Map;

/**
 * File names from mail made safe to keep: the sender's name without any path, control
 * characters or leading dots, at most 255 characters with the extension kept; a generated name
 * when nothing usable is left.
 */
final class FileNames {
    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("application/pdf", ".pdf"), Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"),
            Map.entry("image/gif", ".gif"), Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"),
            Map.entry("text/calendar", ".ics"), Map.entry("message/rfc822", ".eml"),
            Map.entry("message/delivery-status", ".txt"), Map.entry("text/rfc822-headers", ".txt"),
            Map.entry("application/zip", ".zip"));

    private FileNames() {
    }

    static String safe(String given, String stem, int index, String mediaType) {
        if (given != null) {
            String name = given;
            int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
            name = Texts.oneLine(name.substring(slash + 1), 1000).replace('\t', ' ');
            while (name.startsWith(".")) {
                name = name.substring(1).strip();
            }
            name = cut(name);
            if (AttachmentRef.isFileName(name)) {
                return name;
            }
        }
        if (stem.contains(".")) {
            return index == 1 ? stem : stem.replace(".", "-" + index + ".");
        }
        return stem + "-" + index + EXTENSIONS.getOrDefault(mediaType, ".bin");
    }

    private static String cut(String name) {
        int max = AttachmentRef.MAX_NAME_LENGTH;
        if (name.codePointCount(0, name.length()) <= max) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        int keep = max - ext.codePointCount(0, ext.length());
        return name.substring(0, name.offsetByCodePoints(0, keep)) + ext;
    }
}
