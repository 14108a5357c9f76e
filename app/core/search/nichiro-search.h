/* nichiro-search.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-dataset.h"
#include "nichiro-query.h"

G_BEGIN_DECLS

typedef struct _NichiroSearch NichiroSearch;

/**
 * NichiroRange:
 * @start: byte offset of the first byte
 * @end: byte offset after the last byte
 *
 * A span of UTF-8 text to highlight.
 */
typedef struct
{
  guint start;
  guint end;
} NichiroRange;

/**
 * NichiroSearchResult:
 * @entry: the entry found
 * @score: how well it matched; higher is better
 * @title: (transfer none): the title to show, in the language set with
 *   nichiro_search_set_title_language()
 * @title_ranges: (element-type NichiroRange): matches in @title
 * @snippet: (nullable): a short excerpt around the best match elsewhere
 * @snippet_ranges: (element-type NichiroRange): matches in @snippet
 */
typedef struct
{
  NichiroEntry *entry;
  double score;
  const char *title;
  GArray *title_ranges;
  char *snippet;
  GArray *snippet_ranges;
} NichiroSearchResult;

/**
 * NichiroSearchResults:
 * @items: (element-type NichiroSearchResult): best first
 * @warnings: what the query parser ignored, one sentence each
 * @suggestion: (nullable): when nothing matched, a query that would match
 */
typedef struct
{
  GPtrArray *items;
  GStrv warnings;
  char *suggestion;

  /*< private >*/
  GArray *storage;
} NichiroSearchResults;

/**
 * NichiroSearchStudy:
 * @is: whether @entry is @what: "studied", "unstudied", "bookmarked" or
 *   "noted" (for is: terms)
 * @note: (nullable): the reader's note on @entry, or %NULL
 *
 * How a search reaches the reader's own data, which the index does not
 * hold: it changes as they study.
 */
typedef struct
{
  gboolean    (*is)   (NichiroEntry *entry,
                       const char   *what,
                       gpointer      user_data);
  const char *(*note) (NichiroEntry *entry,
                       gpointer      user_data);
} NichiroSearchStudy;

NichiroSearch        *nichiro_search_new           (NichiroDataset       *dataset);
void                  nichiro_search_set_study     (NichiroSearch            *self,
                                                    const NichiroSearchStudy *study,
                                                    gpointer                  user_data);
void                  nichiro_search_set_title_language (NichiroSearch   *self,
                                                         NichiroLanguage  language);
void                  nichiro_search_free          (NichiroSearch        *self);
NichiroSearchResults *nichiro_search_run           (NichiroSearch        *self,
                                                    const char           *query);
void                  nichiro_search_results_free  (NichiroSearchResults *results);
guint                 nichiro_search_get_n_runs    (NichiroSearch        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroSearch, nichiro_search_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroSearchResults, nichiro_search_results_free)

G_END_DECLS
