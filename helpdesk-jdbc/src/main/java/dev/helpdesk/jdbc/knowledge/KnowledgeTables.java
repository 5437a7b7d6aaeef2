package dev.helpdesk.jdbc.knowledge;

import java.util.Optional;

/**
 * The names of the knowledge tables, qualified with the schema when the host chose one.
 *
 * @param article    {@code hd_article}
 * @param version    {@code hd_article_version}
 * @param variant    {@code hd_article_variant}
 * @param media      {@code hd_article_media}
 * @param tag        {@code hd_article_tag}
 * @param attachment {@code hd_article_attachment}
 */
record KnowledgeTables(String article, String version, String variant, String media, String tag, String attachment) {

    static KnowledgeTables in(Optional<String> schema) {
        String p = schema.map(s -> s + ".").orElse("");
        return new KnowledgeTables(p + "hd_article", p + "hd_article_version", p + "hd_article_variant",
                p + "hd_article_media", p + "hd_article_tag", p + "hd_article_attachment");
    }
}
