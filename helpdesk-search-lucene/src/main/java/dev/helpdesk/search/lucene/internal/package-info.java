/**
 * How the Lucene knowledge search works inside: the analyzers of each language, the documents
 * an article becomes, the query a search runs, and the snippets. Not exported; public only so
 * that the benchmarks can issue the same Lucene query directly on the same index.
 */
package dev.helpdesk.search.lucene.internal;
