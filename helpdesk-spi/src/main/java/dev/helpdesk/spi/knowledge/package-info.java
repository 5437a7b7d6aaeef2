/**
 * The knowledge base: articles, FAQ entries and tutorials in several languages, their versions
 * and who may read them, the {@link dev.helpdesk.spi.knowledge.KnowledgeStore} port that keeps
 * them, and the {@link dev.helpdesk.spi.knowledge.KnowledgeSearch} plugin that finds them.
 *
 * <p>An {@link dev.helpdesk.spi.knowledge.Article} is a list of
 * {@link dev.helpdesk.spi.knowledge.ArticleVersion}s (every edit is one, with its author and
 * time) of which at most one is published; readers see the published version while the next is
 * drafted. Each version's {@link dev.helpdesk.spi.knowledge.ArticleContent} holds one
 * {@link dev.helpdesk.spi.knowledge.ArticleVariant} per locale (title and Markdown body), the
 * category from the ticket taxonomy, tags, an
 * {@link dev.helpdesk.spi.knowledge.ArticleVisibility}, media entries and attachment
 * references.
 *
 * <p>Search takes a {@link dev.helpdesk.spi.knowledge.KnowledgeQuery} (text typed by a user,
 * read with {@link dev.helpdesk.spi.knowledge.SearchText#parse(String)}; the viewer; the
 * viewer's {@link dev.helpdesk.spi.knowledge.LocaleChain}; filters) and answers ranked
 * {@link dev.helpdesk.spi.knowledge.SearchHit}s whose
 * {@link dev.helpdesk.spi.knowledge.Snippet} is safe to put in HTML.
 */
@ValueStyle
package dev.helpdesk.spi.knowledge;

import dev.helpdesk.spi.ValueStyle;
