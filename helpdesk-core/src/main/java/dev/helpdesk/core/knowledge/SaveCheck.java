package dev.helpdesk.core.knowledge;

import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.rejection.Rejection;
import io.vavr.control.Option;

/** The rules of {@link dev.helpdesk.spi.knowledge.KnowledgeStore#save} a store checks before writing. */
final class SaveCheck {
    private SaveCheck() {
    }

    /**
     * What is wrong with saving an article over what is stored.
     *
     * @param stored  the stored article, if any
     * @param article the article to save
     * @return the rejection, or none when the save may be written
     */
    static Option<Rejection> problem(Option<Article> stored, Article article) {
        long expected = stored.map(Article::revision).getOrElse(0L);
        boolean fits = stored.isEmpty() ? article.revision() == article.versions().size()
                : article.revision() == expected + 1;
        if (!fits) {
            return Option.of(new Rejection.ConcurrentModification("article", article.id().toString(),
                    article.revision() - 1, expected));
        }
        if (stored.isDefined()) {
            Article before = stored.get();
            if (article.versions().size() < before.versions().size()
                    || !article.versions().subList(0, before.versions().size()).equals(before.versions())) {
                return Option.of(Rejection.Invalid.of("versions", "must keep every stored version unchanged"));
            }
        }
        return Option.none();
    }

    static void checkLimit(int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("a page holds 1-500 articles, not " + limit);
        }
    }
}
