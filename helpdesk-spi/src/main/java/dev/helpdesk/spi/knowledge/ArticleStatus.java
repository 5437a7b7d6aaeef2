package dev.helpdesk.spi.knowledge;

/**
 * Where an article is in its life: {@code DRAFT → PUBLISHED → ARCHIVED}. An article is a draft
 * until one of its versions is published; once published, editing it adds a draft version while
 * the published one stays readable; archiving takes it from readers and search but keeps every
 * version.
 */
public enum ArticleStatus {
    /** Never published: only agents see it, search does not find it. */
    DRAFT,
    /** One version is published: readers it is visible to see that version. */
    PUBLISHED,
    /** Taken out of use: nobody but agents reading its history sees it. */
    ARCHIVED
}
