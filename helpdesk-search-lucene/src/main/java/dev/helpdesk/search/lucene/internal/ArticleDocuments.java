package dev.helpdesk.search.lucene.internal;

import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleContent;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleVariant;
import dev.helpdesk.spi.knowledge.MediaEntry;
import dev.helpdesk.spi.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;

/** What an article becomes in the index: one document per locale variant of its published version. */
public final class ArticleDocuments {
    private ArticleDocuments() {
    }

    /**
     * The term that names every document of an article.
     *
     * @param tenant the tenant
     * @param id     the article
     * @return the term
     */
    public static Term key(TenantId tenant, ArticleId id) {
        return new Term(Fields.ARTICLE, tenant.value() + '/' + id.value());
    }

    /**
     * The documents of an article's published version.
     *
     * @param article the article
     * @return a document per locale; none for a draft or an archived article
     */
    public static List<Document> of(Article article) {
        List<Document> docs = new ArrayList<>();
        article.published().ifPresent(version -> {
            ArticleContent content = version.content();
            for (ArticleVariant variant : content.variants()) {
                docs.add(document(article, content, variant));
            }
        });
        return docs;
    }

    private static Document document(Article article, ArticleContent content, ArticleVariant variant) {
        String language = variant.locale().language();
        Document doc = new Document();
        doc.add(new StringField(Fields.ARTICLE, key(article.tenant(), article.id()).text(), Field.Store.NO));
        doc.add(new StringField(Fields.TENANT, article.tenant().value(), Field.Store.NO));
        doc.add(new StringField(Fields.ID, article.id().toString(), Field.Store.YES));
        doc.add(new StringField(Fields.LOCALE, variant.locale().tag(), Field.Store.YES));
        doc.add(new StringField(Fields.LANGUAGE, language, Field.Store.NO));
        doc.add(new StringField(Fields.KIND, content.kind().name(), Field.Store.YES));
        doc.add(new StoredField(Fields.CATEGORY, content.category().code()));
        String code = content.category().code();
        for (int dot = code.indexOf('.'); dot >= 0; dot = code.indexOf('.', dot + 1)) {
            doc.add(new StringField(Fields.CATEGORY_PATH, code.substring(0, dot), Field.Store.NO));
        }
        doc.add(new StringField(Fields.CATEGORY_PATH, code, Field.Store.NO));
        for (String tag : content.tags()) {
            doc.add(new StringField(Fields.TAG, tag, Field.Store.NO));
        }
        doc.add(new StringField(Fields.VISIBILITY, content.visibility().key(), Field.Store.NO));

        String title = variant.title();
        StringBuilder text = new StringBuilder(MarkdownText.plain(variant.body()));
        for (MediaEntry media : variant.media()) {
            if (!media.transcript().isBlank()) {
                text.append("\n\n").append(media.transcript().strip());
            }
        }
        doc.add(new StoredField(Fields.TITLE, title));
        doc.add(new StoredField(Fields.TEXT, text.toString()));
        doc.add(new TextField(Fields.titleStem(language), title, Field.Store.NO));
        doc.add(new TextField(Fields.titleExact(language), title, Field.Store.NO));
        String headings = MarkdownText.headings(variant.body());
        if (!headings.isEmpty()) {
            doc.add(new TextField(Fields.headingStem(language), headings, Field.Store.NO));
            doc.add(new TextField(Fields.headingExact(language), headings, Field.Store.NO));
        }
        doc.add(new TextField(Fields.bodyStem(language), text.toString(), Field.Store.NO));
        doc.add(new TextField(Fields.bodyExact(language), text.toString(), Field.Store.NO));
        doc.add(new TextField(Fields.reversed(language), title, Field.Store.NO));
        doc.add(new TextField(Fields.reversed(language), text.toString(), Field.Store.NO));
        return doc;
    }
}
