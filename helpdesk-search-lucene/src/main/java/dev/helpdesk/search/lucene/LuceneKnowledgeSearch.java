package dev.helpdesk.search.lucene;

import dev.helpdesk.search.lucene.internal.ArticleDocuments;
import dev.helpdesk.search.lucene.internal.Fields;
import dev.helpdesk.search.lucene.internal.IndexAnalyzer;
import dev.helpdesk.search.lucene.internal.QueryPlanner;
import dev.helpdesk.search.lucene.internal.Ranking;
import dev.helpdesk.search.lucene.internal.Snippets;
import dev.helpdesk.spi.StoreException;
import dev.helpdesk.spi.knowledge.Article;
import dev.helpdesk.spi.knowledge.ArticleId;
import dev.helpdesk.spi.knowledge.ArticleKind;
import dev.helpdesk.spi.knowledge.ContentLocale;
import dev.helpdesk.spi.knowledge.KnowledgeQuery;
import dev.helpdesk.spi.knowledge.KnowledgeSearch;
import dev.helpdesk.spi.knowledge.SearchHit;
import dev.helpdesk.spi.rejection.Rejection;
import dev.helpdesk.spi.tenant.TenantId;
import dev.helpdesk.spi.ticket.Category;
import io.vavr.control.Either;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Knowledge-base search on an Apache Lucene index, on disk or in memory.
 *
 * <p>Each locale variant of an article's published version is one document, analysed per
 * language (English, Dutch, Spanish, Russian, German, French, Italian and Portuguese stemming and
 * stop words; other languages without stemming) and also word for word with diacritics folded
 * and hyphenated, dotted and camel-case words split with their joined form kept. A search finds
 * any query word, ranks documents with all of them first, weighs the title 2.5 times the body,
 * finds compounds by their parts and parts in compounds, forgives one or two typing errors, and
 * answers snippets whose HTML is escaped but for the marks. How and why: {@code docs/knowledge.md}.
 *
 * <p>Changes are visible to searches as soon as {@link #index}, {@link #remove} or
 * {@link #rebuild} return, and durable on disk after {@link #commit()}, a {@link #rebuild} or
 * {@link #close()}; after a crash the index has what was last committed, and a rebuild from the
 * store brings it up to date. Thread-safe: searches run concurrently with each other and with
 * one writer at a time.
 */
public final class LuceneKnowledgeSearch implements KnowledgeSearch, Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(LuceneKnowledgeSearch.class);

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final QueryPlanner planner;
    private final Similarity similarity;

    LuceneKnowledgeSearch(Directory directory, Ranking ranking) {
        this.directory = directory;
        Similarity similarity = new BM25Similarity(1.2f, ranking.length());
        this.similarity = similarity;
        try {
            IndexWriterConfig config = new IndexWriterConfig(new IndexAnalyzer());
            config.setSimilarity(similarity);
            config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            config.setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, config);
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher searcher = new IndexSearcher(reader);
                    searcher.setSimilarity(similarity);
                    return searcher;
                }
            });
        } catch (IOException e) {
            throw new StoreException("cannot open the knowledge index in " + directory, e);
        }
        this.planner = new QueryPlanner(ranking);
    }

    /**
     * A search whose index lives in memory and is lost when it is closed: for tests, demos and
     * hosts that rebuild the index at start-up.
     *
     * @return the search
     */
    public static LuceneKnowledgeSearch inMemory() {
        return open(new ByteBuffersDirectory());
    }

    /**
     * A search whose index lives in a folder, created when missing.
     *
     * @param folder the folder, used by this index alone
     * @return the search
     * @throws StoreException when the folder cannot be opened or holds another index's lock
     */
    public static LuceneKnowledgeSearch open(Path folder) {
        try {
            return open(FSDirectory.open(folder));
        } catch (IOException e) {
            throw new StoreException("cannot open the knowledge index folder " + folder, e);
        }
    }

    /**
     * A search on a Lucene directory the host provides.
     *
     * @param directory the directory, used by this index alone; closed with the search
     * @return the search
     * @throws StoreException when the directory cannot be opened
     */
    public static LuceneKnowledgeSearch open(Directory directory) {
        return new LuceneKnowledgeSearch(directory, Ranking.DEFAULT);
    }

    @Override
    public String name() {
        return "lucene";
    }

    @Override
    public synchronized void index(Article article) {
        List<Document> docs = ArticleDocuments.of(article);
        Term key = ArticleDocuments.key(article.tenant(), article.id());
        try {
            if (docs.isEmpty()) {
                writer.deleteDocuments(key);
            } else {
                writer.updateDocuments(key, docs);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new StoreException("cannot index article " + article.id(), e);
        }
    }

    @Override
    public synchronized void remove(TenantId tenant, ArticleId id) {
        try {
            writer.deleteDocuments(ArticleDocuments.key(tenant, id));
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new StoreException("cannot remove article " + id + " from the index", e);
        }
    }

    @Override
    public synchronized long rebuild(TenantId tenant, Iterable<Article> articles) {
        long count = 0;
        try {
            writer.deleteDocuments(new Term(Fields.TENANT, tenant.value()));
            for (Article article : articles) {
                if (!article.tenant().equals(tenant)) {
                    continue;
                }
                List<Document> docs = ArticleDocuments.of(article);
                if (!docs.isEmpty()) {
                    writer.updateDocuments(ArticleDocuments.key(tenant, article.id()), docs);
                    count++;
                }
            }
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new StoreException("cannot rebuild the knowledge index of tenant " + tenant, e);
        }
        LOG.info("knowledge index of tenant {} rebuilt with {} published articles", tenant, count);
        return count;
    }

    /**
     * Makes every change so far durable.
     *
     * @throws StoreException when the index cannot be written
     */
    public synchronized void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new StoreException("cannot commit the knowledge index", e);
        }
    }

    @Override
    public Either<Rejection, List<SearchHit>> search(KnowledgeQuery query) {
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException e) {
            throw new StoreException("cannot read the knowledge index", e);
        }
        try {
            Optional<QueryPlanner.Plan> plan = planner.plan(query, searcher.getIndexReader());
            while (true) {
                if (plan.isEmpty()) {
                    return Either.right(List.of());
                }
                try {
                    return Either.right(hits(searcher, plan.get(), query));
                } catch (IndexSearcher.TooManyClauses e) {
                    // a long text whose words expand to more terms than Lucene takes: fewer words
                    int words = plan.get().words();
                    if (words <= 1) {
                        return Either.right(List.of());
                    }
                    plan = planner.plan(query, searcher.getIndexReader(), words / 2);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot search the knowledge index", e);
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.warn("could not release a knowledge index searcher", e);
            }
        }
    }

    /**
     * The Lucene query a search runs, for comparing this search with the same query issued
     * directly on the index.
     *
     * @param query the search
     * @return the query with its filters, or empty when the text has no words
     */
    public Optional<org.apache.lucene.search.Query> luceneQuery(KnowledgeQuery query) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return planner.plan(query, searcher.getIndexReader()).map(QueryPlanner.Plan::query);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new StoreException("cannot read the knowledge index", e);
        }
    }

    /**
     * The scoring the searches use (BM25 with a much milder length normalization than Lucene's
     * default), for issuing {@link #luceneQuery} directly with the same scores.
     *
     * @return the similarity
     */
    public Similarity similarity() {
        return similarity;
    }

    /** One document found: an article in one locale. */
    private record Found(String id, ContentLocale locale, int rank, float score, Document doc) {
    }

    private List<SearchHit> hits(IndexSearcher searcher, QueryPlanner.Plan plan, KnowledgeQuery query) throws IOException {
        int languages = plan.languages().size();
        int wanted = Math.min(1_000, query.limit() * Math.max(1, languages) + 10);
        while (true) {
            TopDocs top = searcher.search(plan.query(), wanted);
            StoredFields stored = searcher.storedFields();
            Map<String, List<Found>> byArticle = new LinkedHashMap<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document doc = stored.document(sd.doc);
                ContentLocale locale = ContentLocale.of(doc.get(Fields.LOCALE));
                Optional<Integer> rank = query.locales().rank(locale);
                if (rank.isEmpty()) {
                    continue;
                }
                byArticle.computeIfAbsent(doc.get(Fields.ID), k -> new ArrayList<>())
                        .add(new Found(doc.get(Fields.ID), locale, rank.get(), sd.score, doc));
            }
            boolean more = top.totalHits.value > top.scoreDocs.length && wanted < 1_000;
            if (byArticle.size() >= query.limit() || !more) {
                return assemble(byArticle, plan, query);
            }
            wanted = Math.min(1_000, wanted * 4);
        }
    }

    private static List<SearchHit> assemble(Map<String, List<Found>> byArticle, QueryPlanner.Plan plan, KnowledgeQuery query) {
        record Ranked(Found shown, float score) {
        }
        List<Ranked> ranked = new ArrayList<>();
        for (List<Found> found : byArticle.values()) {
            Found shown = found.stream().min(Comparator.comparingInt(Found::rank)
                    .thenComparing(Comparator.comparingDouble(Found::score).reversed())
                    .thenComparing(f -> f.locale().tag())).orElseThrow();
            float best = (float) found.stream().mapToDouble(Found::score).max().orElse(0);
            ranked.add(new Ranked(shown, best));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::score).reversed().thenComparing(r -> r.shown().id()));
        List<SearchHit> hits = new ArrayList<>();
        for (Ranked r : ranked.subList(0, Math.min(query.limit(), ranked.size()))) {
            Document doc = r.shown().doc();
            String language = r.shown().locale().language();
            QueryPlanner.Terms terms = plan.languages().get(language);
            hits.add(new SearchHit(ArticleId.parse(doc.get(Fields.ID)).get(), r.shown().locale(),
                    ArticleKind.valueOf(doc.get(Fields.KIND)), Category.of(doc.get(Fields.CATEGORY)),
                    doc.get(Fields.TITLE), Snippets.of(doc.get(Fields.TEXT), language, terms), r.score()));
        }
        return hits;
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new StoreException("cannot close the knowledge index", e);
        }
    }
}
