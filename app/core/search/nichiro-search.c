/* nichiro-search.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-search"

#include "config.h"

#include "nichiro-search-private.h"
#include "nichiro-stem.h"
#include "nichiro-text.h"

#include <stdlib.h>
#include <string.h>

/* NichiroSearch finds the entries that match a query, best first. It is
 * one type in several files, by concern, that share
 * nichiro-search-private.h. This one holds the type and running a query:
 * the order of the results, an entry the query names outright put first,
 * and what is offered when nothing matched; then
 *   -index.c      the index: tokenizing, postings, each field's texts,
 *                 the family names looked for, building
 *   -match.c      text matched and scored: words, prefixes, stems,
 *                 phrases, Japanese runs, compounds, the reader's notes
 *   -typos.c      misspellings: edit distance, the words near a misspelt
 *                 one, the spelling suggested when nothing matched
 *   -terms.c      evaluating a query: each term by its type, the clauses
 *   -highlight.c  what a result shows: highlight ranges and the snippet */

#define MAX_DECORATED_RESULTS 200
#define MAX_TITLE_CHECKS 50
/* A query of many words spends its time only on so many misspellings. */
#define MAX_FUZZY_WORDS 8

/**
 * nichiro_search_new:
 * @dataset: the dataset to search
 *
 * Builds the search index over the dataset's entries.
 *
 * Returns: (transfer full): the search
 */
NichiroSearch *
nichiro_search_new (NichiroDataset *dataset)
{
  NichiroSearch *self;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  self = g_new0 (NichiroSearch, 1);
  self->dataset = g_object_ref (dataset);
  self->folded = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->name_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->normalized = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  _nichiro_search_build_index (self);

  return self;
}

/**
 * nichiro_search_set_study:
 * @self: a search
 * @study: (nullable): how to reach the reader's study data
 * @user_data: passed to @study's functions
 *
 * Lets is:studied, is:unstudied, is:bookmarked and is:noted filter, and
 * plain words match the reader's notes.
 */
void
nichiro_search_set_study (NichiroSearch            *self,
                          const NichiroSearchStudy *study,
                          gpointer                  user_data)
{
  g_return_if_fail (self != NULL);

  if (study != NULL)
    self->study = *study;
  else
    memset (&self->study, 0, sizeof self->study);
  self->study_data = user_data;
}

/**
 * nichiro_search_set_title_language:
 * @self: a search
 * @language: the language of the title shown with each result
 *
 * Results then highlight the title in @language, and their snippet may
 * quote one of the other titles.
 */
void
nichiro_search_set_title_language (NichiroSearch   *self,
                                   NichiroLanguage  language)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (language < NICHIRO_N_LANGUAGES);

  self->title_language = language;
}

void
nichiro_search_free (NichiroSearch *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->vocabulary, g_ptr_array_unref);
  g_clear_pointer (&self->stem_vocabulary, g_ptr_array_unref);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->grams, g_hash_table_unref);
  g_clear_pointer (&self->stems, g_hash_table_unref);
  g_clear_pointer (&self->folded, g_hash_table_unref);
  g_clear_pointer (&self->name_keys, g_hash_table_unref);
  g_clear_pointer (&self->mention_keys, g_hash_table_unref);
  g_clear_pointer (&self->mentions, g_hash_table_unref);
  g_clear_pointer (&self->normalized, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_array_unref);
  g_clear_object (&self->dataset);
  g_free (self);
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const NichiroSearchResult *result_a = *(NichiroSearchResult **) a;
  const NichiroSearchResult *result_b = *(NichiroSearchResult **) b;

  gboolean instrument_a, instrument_b;

  if (result_a->score != result_b->score)
    return result_a->score > result_b->score ? -1 : 1;

  /* Among equals, the written instruments the app is about come first. */
  instrument_a = nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (result_a->entry));
  instrument_b = nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (result_b->entry));
  if (instrument_a != instrument_b)
    return instrument_a ? -1 : 1;

  return nichiro_date_compare (nichiro_entry_get_date (result_a->entry),
                               nichiro_entry_get_date (result_b->entry));
}

/* The same order as compare_results(), on what the index keeps at hand. */
static int
compare_candidates (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  const Candidate *candidate_a = a;
  const Candidate *candidate_b = b;
  const Document *documents = user_data;
  const Document *document_a = &documents[candidate_a->document];
  const Document *document_b = &documents[candidate_b->document];

  if (candidate_a->score != candidate_b->score)
    return candidate_a->score > candidate_b->score ? -1 : 1;
  if (document_a->instrument != document_b->instrument)
    return document_a->instrument ? -1 : 1;
  if (document_a->date_key != document_b->date_key)
    return document_a->date_key < document_b->date_key ? -1 : 1;
  return (int) candidate_a->document - (int) candidate_b->document;
}

static void
result_clear (gpointer data)
{
  NichiroSearchResult *result = data;

  g_clear_pointer (&result->title_ranges, g_array_unref);
  g_clear_pointer (&result->snippet_ranges, g_array_unref);
  g_clear_pointer (&result->snippet, g_free);
}

static void
needles_init (Needles *needles)
{
  needles->needles = g_ptr_array_new_with_free_func (g_free);
  needles->word_needles = g_ptr_array_new_with_free_func (g_free);
  needles->stem_needles = g_ptr_array_new_with_free_func (g_free);
}

static void
needles_clear (Needles *needles)
{
  g_ptr_array_unref (needles->needles);
  g_ptr_array_unref (needles->word_needles);
  g_ptr_array_unref (needles->stem_needles);
}

static void
append_key_cb (const char *token,
               gsize       length,
               gboolean    japanese,
               gpointer    user_data)
{
  GString *key = user_data;
  g_autofree char *word = g_strndup (token, length);

  if (key->len > 0)
    g_string_append_c (key, ' ');
  if (!japanese && nichiro_stem_is_russian (word))
    {
      g_autofree char *stem = nichiro_stem_russian (word);

      g_string_append (key, stem);
    }
  else
    {
      g_string_append (key, word);
    }
}

/* A name as words without case, accents, punctuation or Russian endings:
 * "Портсмутского мирного договора" and "Портсмутский мирный договор" have
 * the same key. */
static char *
dup_name_key (const char *text)
{
  g_autofree char *folded = nichiro_text_fold (text);
  GString *key = g_string_new (NULL);

  _nichiro_search_tokenize (folded, append_key_cb, key);
  return g_string_free (key, FALSE);
}

static const char *
name_key_cached (NichiroSearch *self,
                 const char    *text)
{
  char *key = g_hash_table_lookup (self->name_keys, text);

  if (key == NULL)
    {
      key = dup_name_key (text);
      g_hash_table_insert (self->name_keys, (gpointer) text, key);
    }

  return key;
}

/* Whether one of @entry's titles has @key. */
static gboolean
is_named (NichiroSearch *self,
          NichiroEntry  *entry,
          const char    *key)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  /* Not the aliases: they hold places and people too ("Shimoda"). */
  _nichiro_search_add_names (names, nichiro_entry_get_titles (entry));
  _nichiro_search_add_names (names, nichiro_entry_get_short_titles (entry));
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (name_key_cached (self, g_ptr_array_index (names, i)), key))
      return TRUE;

  return FALSE;
}

/**
 * nichiro_search_run:
 * @self: a search
 * @query: a query in the search language (see nichiro_query_parse())
 *
 * Finds the entries that match @query, best first: by the weight of the
 * fields matched (titles and aliases over people over articles over
 * summary) and exact over prefix over misspelt matches, then instruments
 * before events, then in date order. The best results carry highlight ranges and a snippet.
 *
 * Returns: (transfer full): the results
 */
NichiroSearchResults *
nichiro_search_run (NichiroSearch *self,
                    const char    *query)
{
  g_autoptr(NichiroQuery) parsed = NULL;
  g_autoptr(GArray) candidates = NULL;
  NichiroSearchResults *results;
  Needles needles;

  g_return_val_if_fail (self != NULL, NULL);

  self->n_runs++;
  parsed = nichiro_query_parse (query);
  needles_init (&needles);

  results = g_new0 (NichiroSearchResults, 1);

  self->fuzzy_words_left = MAX_FUZZY_WORDS;
  self->warnings = g_ptr_array_new ();
  for (const char * const *warning = nichiro_query_get_warnings (parsed); *warning != NULL; warning++)
    g_ptr_array_add (self->warnings, g_strdup (*warning));
  candidates = _nichiro_search_evaluate (self, parsed, &needles);
  g_ptr_array_add (self->warnings, NULL);
  results->warnings = (GStrv) g_ptr_array_free (g_steal_pointer (&self->warnings), FALSE);
  g_array_sort_with_data (candidates, compare_candidates, self->documents->data);

  /* One block for all results: a broad query can match most entries. */
  results->storage = g_array_sized_new (FALSE, TRUE, sizeof (NichiroSearchResult), candidates->len);
  g_array_set_clear_func (results->storage, result_clear);
  g_array_set_size (results->storage, candidates->len);
  results->items = g_ptr_array_sized_new (candidates->len);
  for (guint i = 0; i < candidates->len; i++)
    {
      const Candidate *candidate = &g_array_index (candidates, Candidate, i);
      NichiroSearchResult *result = &g_array_index (results->storage, NichiroSearchResult, i);

      result->entry = g_array_index (self->documents, Document, candidate->document).entry;
      result->score = candidate->score;
      result->title = nichiro_entry_get_display_title (result->entry, self->title_language);
      g_ptr_array_add (results->items, result);
    }

  /* The whole query naming an entry outright (its title or short title, in
   * any case of its Russian words) puts it first. Only the best results
   * are looked at: a title that is the query scores high. */
  if (results->items->len > 1 && query != NULL)
    {
      guint n_checked = MIN (results->items->len, MAX_TITLE_CHECKS);
      double best = ((NichiroSearchResult *) g_ptr_array_index (results->items, 0))->score;
      g_autofree char *key = dup_name_key (query);

      for (guint i = 0; i < n_checked && key[0] != '\0'; i++)
        {
          NichiroSearchResult *result = g_ptr_array_index (results->items, i);

          if (is_named (self, result->entry, key))
            result->score = MAX (result->score * 2.0, best + 1.0);
        }
      qsort (results->items->pdata, n_checked, sizeof (gpointer), compare_results);
    }

  for (guint i = 0; i < MIN (results->items->len, MAX_DECORATED_RESULTS); i++)
    _nichiro_search_decorate (self, g_ptr_array_index (results->items, i), &needles);

  if (results->items->len == 0 && !nichiro_query_is_empty (parsed))
    {
      results->suggestion = _nichiro_search_suggest_spelling (self, parsed);
      if (results->suggestion == NULL && nichiro_query_has_filters (parsed))
        {
          g_autofree char *broader = nichiro_query_dup_without_filters (parsed);
          g_autoptr(NichiroQuery) broader_query = nichiro_query_parse (broader);
          g_autoptr(GArray) broader_items = NULL;
          Needles unused;

          needles_init (&unused);
          if (!nichiro_query_is_empty (broader_query))
            {
              self->fuzzy_words_left = MAX_FUZZY_WORDS;
              broader_items = _nichiro_search_evaluate (self, broader_query, &unused);
              if (broader_items->len > 0)
                results->suggestion = g_steal_pointer (&broader);
            }
          needles_clear (&unused);
        }
    }

  needles_clear (&needles);
  g_hash_table_remove_all (self->normalized);
  return results;
}

void
nichiro_search_results_free (NichiroSearchResults *results)
{
  if (results == NULL)
    return;

  g_ptr_array_unref (results->items);
  g_array_unref (results->storage);
  g_strfreev (results->warnings);
  g_free (results->suggestion);
  g_free (results);
}

/**
 * nichiro_search_get_n_runs:
 * @self: a search
 *
 * How many queries @self has answered, so that a test or a profile can
 * see that a change of query runs one search and not one per view.
 *
 * Returns: the number of calls to nichiro_search_run()
 */
guint
nichiro_search_get_n_runs (NichiroSearch *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_runs;
}
