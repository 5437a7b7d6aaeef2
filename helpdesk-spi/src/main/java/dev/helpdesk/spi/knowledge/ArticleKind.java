package dev.helpdesk.spi.knowledge;

/** What shape of help an article is; search can be narrowed to some kinds. */
public enum ArticleKind {
    /** A help article: a page that explains or solves one thing. */
    ARTICLE,
    /** A frequently asked question with its short answer. */
    FAQ,
    /** A tutorial: steps to follow, often with a video or other media. */
    TUTORIAL
}
