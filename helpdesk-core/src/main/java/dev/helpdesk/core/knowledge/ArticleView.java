package dev.helpdesk.core.knowledge;

import dev.helpdesk.spi.channel.AttachmentRef;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.MediaEntry;
import dev.helpdesk.spi.ticket.Category;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/**
 * A published article as one reader sees it: in the first language of the reader's chain it
 * has, with its Markdown rendered to safe HTML by {@link MarkdownRenderer}.
 *
 * @param id          the article
 * @param version     the number of the published version shown
 * @param publishedAt when that version was written
 * @param kind        its kind
 * @param category    its category
 * @param tags        its tags
 * @param locale      the language shown
 * @param title       the title, plain text (escape it before putting it in HTML)
 * @param html        the body as safe HTML
 * @param media       the media of that language
 * @param attachments its files
 */
public record ArticleView(ArticleId id, int version, Instant publishedAt, ArticleKind kind, Category category,
                          SortedSet<String> tags, ContentLocale locale, String title, String html, List<MediaEntry> media,
                          List<AttachmentRef> attachments) {
    /**
     * Checks the parts are present and copies the lists.
     *
     * @param id the article
     * @param version the number of the published version shown
     * @param publishedAt when that version was written
     * @param kind its kind
     * @param category its category
     * @param tags its tags
     * @param locale the language shown
     * @param title the title, plain text (escape it before putting it in HTML)
     * @param html the body as safe HTML
     * @param media the media of that language
     * @param attachments its files
     */
    public ArticleView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(html, "html");
        tags = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(tags));
        media = List.copyOf(media);
        attachments = List.copyOf(attachments);
    }
}
