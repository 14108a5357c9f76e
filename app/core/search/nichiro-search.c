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

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

/* A filter (kind:, year:, is:) lets an entry in; it adds next to nothing
 * to its score. */
#define FILTER_SCORE 0.01

/* A bare number that is a year of the dataset's entries finds the entries
 * of that year: written instruments signed in it first, then what began in
 * it, then what went on through it. The year written in a text counts for
 * little beside that, so that "1905" is not the title's "(1905)". */
#define YEAR_INSTRUMENT 12.0
#define YEAR_BEGAN      9.0
#define YEAR_THROUGH    4.0
#define YEAR_TEXT_FACTOR 0.1

#define MAX_DECORATED_RESULTS 200
#define MAX_TITLE_CHECKS 50
/* A query of many words spends its time only on so many misspellings. */
#define MAX_FUZZY_WORDS 8
#define SNIPPET_BEFORE 40
#define SNIPPET_LENGTH 140

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

static guint
scope_fields (NichiroScope scope)
{
  switch (scope)
    {
    case NICHIRO_SCOPE_TITLE:
      return FIELD_BIT (FIELD_TITLE) | FIELD_BIT (FIELD_ALIAS);
    case NICHIRO_SCOPE_ARTICLES:
      return FIELD_BIT (FIELD_ARTICLES);
    case NICHIRO_SCOPE_SUMMARY:
      return FIELD_BIT (FIELD_SUMMARY);
    case NICHIRO_SCOPE_NOTES:
      return FIELD_BIT (FIELD_NOTES);
    case NICHIRO_SCOPE_ALL:
    default:
      return ALL_FIELDS;
    }
}

/* A value of party:, thread:, signer: or place: that no entry has is said
 * to be unknown, with the values there are where they are few. */
static void
warn_unknown (NichiroSearch     *self,
              const NichiroTerm *term,
              Field              field)
{
  g_autoptr(GString) values = g_string_new (NULL);
  guint n;

  switch (field)
    {
    case FIELD_PARTY:
      {
        const NichiroState *states = nichiro_dataset_get_states (self->dataset, &n);

        for (guint i = 0; i < n; i++)
          g_string_append_printf (values, "%s%s", i > 0 ? ", " : "", states[i].id);
        g_ptr_array_add (self->warnings,
                         g_strdup_printf (_("No entry has a party called “%s”; the parties are %s."),
                                          term->text, values->str));
      }
      break;

    case FIELD_THREAD:
      {
        const NichiroThread *threads = nichiro_dataset_get_threads (self->dataset, &n);

        for (guint i = 0; i < n; i++)
          g_string_append_printf (values, "%s%s", i > 0 ? ", " : "", threads[i].id);
        g_ptr_array_add (self->warnings,
                         g_strdup_printf (_("No entry is on a thread called “%s”; the threads are %s."),
                                          term->text, values->str));
      }
      break;

    case FIELD_PEOPLE:
      g_ptr_array_add (self->warnings, g_strdup_printf (_("No entry was signed by anyone called “%s”."), term->text));
      break;

    case FIELD_PLACE:
      g_ptr_array_add (self->warnings, g_strdup_printf (_("No entry happened at a place called “%s”."), term->text));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* A FIELD:VALUE term, which says so when no entry has the value at all. */
static void
score_field_term (NichiroSearch     *self,
                  const NichiroTerm *term,
                  Field              field,
                  Scores            *scores,
                  Needles           *needles)
{
  Scores found;

  _nichiro_search_scores_init (&found, self->documents->len);
  _nichiro_search_score_text (self, term->text, term->phrase, FIELD_BIT (field), &found, needles);
  for (guint i = 0; i < found.touched->len; i++)
    {
      guint document = g_array_index (found.touched, guint, i);

      _nichiro_search_scores_raise (scores, document, found.scores[document]);
    }

  if (found.touched->len == 0 && self->warnings != NULL)
    warn_unknown (self, term, field);
  _nichiro_search_scores_clear (&found);
}

/* Whether @term is a year the entries' dates reach, typed as a bare
 * number: "1905", but not "9" in "clause 9" nor a year no entry has. */
static gboolean
is_bare_year (NichiroSearch     *self,
              const NichiroTerm *term,
              int               *out_year)
{
  guint64 year;
  gsize length = strlen (term->text);

  if (term->phrase || length < 3 || length > 4 ||
      !g_ascii_string_to_unsigned (term->text, 10, 1, 9999, &year, NULL))
    return FALSE;
  if ((int) year < self->first_year || (int) year > self->last_year)
    return FALSE;

  *out_year = (int) year;
  return TRUE;
}

static void
score_bare_year (NichiroSearch     *self,
                 const NichiroTerm *term,
                 int                year,
                 Scores            *scores,
                 Needles           *needles)
{
  Scores text;

  _nichiro_search_scores_init (&text, self->documents->len);
  _nichiro_search_score_text (self, term->text, FALSE, ALL_FIELDS, &text, needles);

  for (guint i = 0; i < self->documents->len; i++)
    {
      const Document *document = &g_array_index (self->documents, Document, i);
      double score = text.scores[i] * YEAR_TEXT_FACTOR;

      if (document->year_from == year)
        score += document->instrument ? YEAR_INSTRUMENT : YEAR_BEGAN;
      else if (document->year_from < year && document->year_to >= year)
        score += YEAR_THROUGH;

      if (score > 0.0)
        _nichiro_search_scores_raise (scores, i, score);
    }

  _nichiro_search_scores_clear (&text);
}

static void
score_term (NichiroSearch     *self,
            const NichiroTerm *term,
            NichiroScope       scope,
            Scores            *scores,
            Needles           *needles)
{
  int year;

  switch (term->type)
    {
    case NICHIRO_TERM_TEXT:
      if (scope == NICHIRO_SCOPE_ALL && is_bare_year (self, term, &year))
        {
          score_bare_year (self, term, year, scores, needles);
          break;
        }
      _nichiro_search_score_text (self, term->text, term->phrase, scope_fields (scope), scores, needles);
      if (scope == NICHIRO_SCOPE_ALL || scope == NICHIRO_SCOPE_NOTES)
        _nichiro_search_score_notes (self, term->text, scores);
      break;

    case NICHIRO_TERM_PARTY:
      score_field_term (self, term, FIELD_PARTY, scores, NULL);
      break;

    case NICHIRO_TERM_SIGNER:
      score_field_term (self, term, FIELD_PEOPLE, scores, needles);
      break;

    case NICHIRO_TERM_PLACE:
      score_field_term (self, term, FIELD_PLACE, scores, needles);
      break;

    case NICHIRO_TERM_THREAD:
      score_field_term (self, term, FIELD_THREAD, scores, NULL);
      break;

    case NICHIRO_TERM_KIND:
      {
        gboolean kinds[NICHIRO_N_ENTRY_KINDS];

        for (NichiroEntryKind kind = 0; kind < NICHIRO_N_ENTRY_KINDS; kind++)
          kinds[kind] = nichiro_query_kind_matches (term->text, kind);
        for (guint i = 0; i < self->documents->len; i++)
          if (kinds[nichiro_entry_get_kind (g_array_index (self->documents, Document, i).entry)])
            _nichiro_search_scores_raise (scores, i, FILTER_SCORE);
      }
      break;

    case NICHIRO_TERM_YEAR:
      for (guint i = 0; i < self->documents->len; i++)
        {
          const Document *document = &g_array_index (self->documents, Document, i);

          if ((term->year_from == 0 || document->year_to >= term->year_from) &&
              (term->year_to == 0 || document->year_from <= term->year_to))
            _nichiro_search_scores_raise (scores, i, FILTER_SCORE);
        }
      break;

    case NICHIRO_TERM_IS:
      /* Answered by the reader's study data; without it nothing matches. */
      for (guint i = 0; self->study.is != NULL && i < self->documents->len; i++)
        if (self->study.is (g_array_index (self->documents, Document, i).entry, term->text, self->study_data))
          _nichiro_search_scores_raise (scores, i, FILTER_SCORE);
      break;

    default:
      break;
    }
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

/* Text folded one character at a time, with where each folded byte came
 * from, so that matches found in folded text can be shown in the original. */
typedef struct
{
  GString *folded;
  GArray *origins;         /* guint: byte offset in the original */
} FoldMap;

static void
fold_map_init (FoldMap    *map,
               const char *text)
{
  map->folded = g_string_new (NULL);
  map->origins = g_array_new (FALSE, FALSE, sizeof (guint));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      guint origin = p - text;
      gsize before = map->folded->len;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (map->folded, g_ascii_tolower (*p));
        }
      else
        {
          g_autofree char *one = g_strndup (p, g_utf8_next_char (p) - p);
          g_autofree char *folded = nichiro_text_fold (one);

          g_string_append (map->folded, folded);
        }

      for (gsize i = before; i < map->folded->len; i++)
        g_array_append_val (map->origins, origin);
    }
}

static void
fold_map_clear (FoldMap *map)
{
  g_string_free (map->folded, TRUE);
  g_array_unref (map->origins);
}

static guint
origin_of (const FoldMap *map,
           const char    *text,
           gsize          folded_offset)
{
  if (folded_offset >= map->origins->len)
    return strlen (text);
  return g_array_index (map->origins, guint, folded_offset);
}

static gboolean
starts_word_at (const char *text,
                const char *at)
{
  if (at == text)
    return TRUE;
  return !_nichiro_search_is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, at)));
}

static gboolean
starts_with_any (const char *text,
                 GPtrArray  *prefixes)
{
  for (guint i = 0; i < prefixes->len; i++)
    {
      const char *prefix = g_ptr_array_index (prefixes, i);

      if (prefix[0] != '\0' && strncmp (text, prefix, strlen (prefix)) == 0)
        return TRUE;
    }

  return FALSE;
}

static const char *
word_end (const char *text,
          const char *at)
{
  while (*at && _nichiro_search_is_word_char (g_utf8_get_char (at)))
    at = g_utf8_next_char (at);
  return at;
}

static void
add_range (GArray *ranges,
           guint   start,
           guint   end)
{
  NichiroRange range = { start, end };

  for (guint i = 0; i < ranges->len; i++)
    {
      NichiroRange *other = &g_array_index (ranges, NichiroRange, i);

      if (start < other->end && end > other->start)
        {
          other->start = MIN (other->start, start);
          other->end = MAX (other->end, end);
          return;
        }
    }
  g_array_append_val (ranges, range);
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const NichiroRange *range_a = a;
  const NichiroRange *range_b = b;

  return (int) range_a->start - (int) range_b->start;
}

/* Finds the needles in @text; returns the ranges in @text's bytes. */
static GArray *
find_ranges (NichiroSearch *self,
             const char    *text,
             const Needles *needles)
{
  GArray *ranges = g_array_new (FALSE, FALSE, sizeof (NichiroRange));
  GPtrArray *lists[] = { needles->needles, needles->word_needles, needles->stem_needles };
  const char *folded;
  gboolean any = FALSE;
  FoldMap map;

  if (text == NULL)
    return ranges;

  /* Most texts hold no match: find that out in the folded text, and map
   * character by character only the texts that do. */
  folded = _nichiro_search_fold_cached (self, text);
  for (guint pass = 0; pass < G_N_ELEMENTS (lists) && !any; pass++)
    {
      GPtrArray *list = lists[pass];

      for (guint i = 0; i < list->len && !any; i++)
        any = strstr (folded, g_ptr_array_index (list, i)) != NULL;
    }
  if (!any)
    return ranges;

  fold_map_init (&map, text);

  for (guint pass = 0; pass < G_N_ELEMENTS (lists); pass++)
    {
      GPtrArray *list = lists[pass];

      for (guint i = 0; i < list->len; i++)
        {
          const char *needle = g_ptr_array_index (list, i);
          gsize needle_length = strlen (needle);
          const char *haystack = map.folded->str;

          if (needle_length == 0)
            continue;

          for (const char *found = strstr (haystack, needle); found != NULL;
               found = strstr (found + needle_length, needle))
            {
              gsize start = found - haystack;
              gsize end = start + needle_length;

              if (pass > 0 && !starts_word_at (haystack, found))
                continue;
              /* A stem stands for the word it begins, ending and all,
               * unless the word as typed begins it: that shows as typed. */
              if (pass == 2)
                {
                  if (starts_with_any (found, needles->word_needles))
                    continue;
                  end = word_end (haystack, found + needle_length) - haystack;
                }

              add_range (ranges, origin_of (&map, text, start),
                         end >= map.origins->len ? strlen (text)
                                                 : origin_of (&map, text, end));
            }
        }
    }

  /* A match ending inside a folded character ends after that character. */
  for (guint i = 0; i < ranges->len; i++)
    {
      NichiroRange *range = &g_array_index (ranges, NichiroRange, i);

      if (range->end <= range->start)
        range->end = g_utf8_next_char (text + range->start) - text;
    }

  g_array_sort (ranges, compare_ranges);
  fold_map_clear (&map);
  return ranges;
}

/* Cuts an excerpt of about SNIPPET_LENGTH characters around the first match. */
static void
make_snippet (NichiroSearchResult *result,
              const char          *text,
              GArray              *ranges)
{
  const NichiroRange *first = &g_array_index (ranges, NichiroRange, 0);
  const char *start = text + first->start;
  const char *end;
  GString *snippet = g_string_new (NULL);
  guint offset;

  for (guint i = 0; i < SNIPPET_BEFORE && start > text; i++)
    start = g_utf8_prev_char (start);
  /* Begin at a word when cutting into the text. */
  if (start > text)
    {
      while (start < text + first->start && !g_unichar_isspace (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (start < text + first->start && g_unichar_isspace (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      g_string_append (snippet, "…");
    }

  end = start;
  for (guint i = 0; i < SNIPPET_LENGTH && *end; i++)
    end = g_utf8_next_char (end);
  if (*end)
    {
      const char *space = end;

      while (space > start + 1 && !g_unichar_isspace (g_utf8_get_char (space)))
        space = g_utf8_prev_char (space);
      if (space > text + first->end)
        end = space;
    }

  offset = snippet->len;
  g_string_append_len (snippet, start, end - start);
  if (*end)
    g_string_append (snippet, "…");

  result->snippet_ranges = g_array_new (FALSE, FALSE, sizeof (NichiroRange));
  for (guint i = 0; i < ranges->len; i++)
    {
      const NichiroRange *range = &g_array_index (ranges, NichiroRange, i);

      if (range->start < (guint) (start - text) || range->end > (guint) (end - text))
        continue;
      add_range (result->snippet_ranges,
                 range->start - (start - text) + offset,
                 range->end - (start - text) + offset);
    }
  result->snippet = g_string_free (snippet, FALSE);
}

/* Works out what to highlight: in the title, and in the best other text. */
static void
decorate (NichiroSearch       *self,
          NichiroSearchResult *result,
          const Needles       *needles)
{
  static const Field snippet_fields[] = {
    FIELD_TITLE, FIELD_ALIAS, FIELD_PEOPLE, FIELD_PLACE, FIELD_SUMMARY, FIELD_ARTICLES, FIELD_NOTES,
    FIELD_MENTIONS,
  };
  const char *title = result->title;

  result->title_ranges = find_ranges (self, title, needles);

  for (guint f = 0; f < G_N_ELEMENTS (snippet_fields); f++)
    {
      g_autoptr(GPtrArray) strings = g_ptr_array_new ();

      _nichiro_search_collect_field (self, result->entry, snippet_fields[f], strings);
      for (guint i = 0; i < strings->len; i++)
        {
          const char *text = g_ptr_array_index (strings, i);
          g_autoptr(GArray) ranges = NULL;

          /* The leading title is shown anyway. */
          if (text == title)
            continue;

          ranges = find_ranges (self, text, needles);
          if (ranges->len > 0)
            {
              make_snippet (result, text, ranges);
              return;
            }
        }
    }
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

/* Little words a title may do without: "о Курильских островах" finds the
 * entry that says "Курильские острова", "treaty of portsmouth" one that
 * says "Portsmouth Treaty". They add to an entry that has them, and are
 * not highlighted. */
static const char * const stop_words[] = {
  "a", "an", "and", "at", "between", "by", "for", "in", "of", "on", "the", "to", "with",
  "в", "во", "для", "за", "и", "из", "к", "ко", "между", "на", "о", "об", "обо", "от", "по",
  "при", "с", "со", "у",
  NULL
};

static gboolean
clause_is_stop_word (NichiroQuery *query,
                     guint         clause)
{
  const NichiroTerm *term;

  if (nichiro_query_get_n_alternatives (query, clause) != 1)
    return FALSE;

  term = nichiro_query_get_term (query, clause, 0);
  return term->type == NICHIRO_TERM_TEXT && !term->phrase && !term->negated &&
         g_strv_contains (stop_words, term->text);
}

/* Evaluates @query: each clause adds to the entries it matches, and an
 * entry matches when every positive clause did and no negated one; a
 * clause of a little word only adds, unless the query has nothing else. */
static GArray *
evaluate (NichiroSearch *self,
          NichiroQuery  *query,
          Needles       *needles)
{
  guint n_documents = self->documents->len;
  guint n_clauses = nichiro_query_get_n_clauses (query);
  g_autofree double *totals = g_new0 (double, MAX (n_documents, 1));
  g_autofree guint *hits = g_new0 (guint, MAX (n_documents, 1));
  g_autofree gboolean *excluded = g_new0 (gboolean, MAX (n_documents, 1));
  GArray *candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  gboolean only_stop_words = TRUE;
  guint n_positive = 0;
  Scores scores;

  _nichiro_search_scores_init (&scores, n_documents);

  for (guint c = 0; c < n_clauses; c++)
    only_stop_words &= clause_is_stop_word (query, c);

  for (guint c = 0; c < n_clauses; c++)
    {
      guint n_alternatives = nichiro_query_get_n_alternatives (query, c);
      gboolean optional = !only_stop_words && clause_is_stop_word (query, c);
      gboolean negated = TRUE;

      for (guint a = 0; a < n_alternatives; a++)
        {
          const NichiroTerm *term = nichiro_query_get_term (query, c, a);

          negated &= term->negated;
          score_term (self, term, nichiro_query_get_scope (query), &scores,
                      term->negated || optional ? NULL : needles);
        }

      if (optional)
        {
          for (guint i = 0; i < scores.touched->len; i++)
            {
              guint document = g_array_index (scores.touched, guint, i);

              totals[document] += scores.scores[document];
            }
          _nichiro_search_scores_reset (&scores);
          continue;
        }

      for (guint i = 0; i < scores.touched->len; i++)
        {
          guint document = g_array_index (scores.touched, guint, i);

          if (negated)
            excluded[document] = TRUE;
          else
            {
              totals[document] += scores.scores[document];
              hits[document]++;
            }
        }
      n_positive += !negated;
      _nichiro_search_scores_reset (&scores);
    }

  for (guint i = 0; i < n_documents && n_clauses > 0; i++)
    {
      Candidate candidate = { totals[i], i };

      if (excluded[i] || hits[i] != n_positive)
        continue;
      g_array_append_val (candidates, candidate);
    }

  _nichiro_search_scores_clear (&scores);
  return candidates;
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
  candidates = evaluate (self, parsed, &needles);
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
    decorate (self, g_ptr_array_index (results->items, i), &needles);

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
              broader_items = evaluate (self, broader_query, &unused);
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
