/* nichiro-search.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-search"

#include "config.h"

#include "nichiro-search.h"
#include "nichiro-text.h"

#include <string.h>

/* Every word of the query must occur in some field of an entry; an entry
 * scores, for each word, the weight of the best field it occurs in, more
 * when it starts a word there. Fields are folded once, when the search is
 * made, so a query only folds its own words. */

typedef enum
{
  FIELD_TITLE,
  FIELD_ALIAS,
  FIELD_PEOPLE,
  FIELD_PLACE,
  FIELD_TOPICS,
  FIELD_SUMMARY,
  FIELD_TEXT,
  N_FIELDS
} Field;

static const double field_weights[N_FIELDS] = {
  [FIELD_TITLE] = 10.0,
  [FIELD_ALIAS] = 8.0,
  [FIELD_PEOPLE] = 5.0,
  [FIELD_PLACE] = 4.0,
  [FIELD_TOPICS] = 3.0,
  [FIELD_SUMMARY] = 2.0,
  [FIELD_TEXT] = 1.0,
};

#define WORD_START_BONUS 1.5

typedef struct
{
  NichiroEntry *entry;
  char *fields[N_FIELDS];   /* folded, newline-separated values */
  char *folded_title;
} Document;

struct _NichiroSearch
{
  NichiroDataset *dataset;
  GArray *documents;
};

static void
document_clear (gpointer data)
{
  Document *document = data;

  for (guint i = 0; i < N_FIELDS; i++)
    g_free (document->fields[i]);
  g_free (document->folded_title);
}

static void
append (GString    *field,
        const char *value)
{
  if (value == NULL)
    return;

  g_string_append (field, value);
  g_string_append_c (field, '\n');
}

static void
append_names (GString            *field,
              const NichiroNames *names)
{
  if (names == NULL)
    return;

  append (field, names->en);
  append (field, names->ja);
  append (field, names->ru);
}

static void
append_strv (GString            *field,
             const char * const *values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    append (field, values[i]);
}

static void
document_init (Document       *document,
               NichiroDataset *dataset,
               NichiroEntry   *entry)
{
  GString *fields[N_FIELDS];
  const NichiroSignatory *signatories;
  const NichiroArticle *articles;
  const char * const *ids;
  guint n;

  for (guint i = 0; i < N_FIELDS; i++)
    fields[i] = g_string_new (NULL);

  append_names (fields[FIELD_TITLE], nichiro_entry_get_titles (entry));
  append_strv (fields[FIELD_ALIAS], nichiro_entry_get_aliases (entry));

  signatories = nichiro_entry_get_signatories (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      const NichiroPerson *person = nichiro_dataset_lookup_person (dataset, signatories[i].person_id);

      append_names (fields[FIELD_PEOPLE], &signatories[i].name);
      if (person != NULL)
        append_strv (fields[FIELD_PEOPLE], (const char * const *) person->aliases);
    }

  append (fields[FIELD_PLACE], nichiro_entry_get_place (entry));

  ids = nichiro_entry_get_threads (entry);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const NichiroThread *thread = nichiro_dataset_lookup_thread (dataset, ids[i]);

      append (fields[FIELD_TOPICS], ids[i]);
      if (thread != NULL)
        {
          append_names (fields[FIELD_TOPICS], &thread->name);
          append_strv (fields[FIELD_TOPICS], (const char * const *) thread->aliases);
        }
    }

  ids = nichiro_entry_get_parties (entry);
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      const NichiroState *state = nichiro_dataset_lookup_state (dataset, ids[i]);

      append (fields[FIELD_TOPICS], ids[i]);
      if (state != NULL)
        {
          append_names (fields[FIELD_TOPICS], &state->name);
          append_strv (fields[FIELD_TOPICS], (const char * const *) state->aliases);
        }
    }

  append (fields[FIELD_SUMMARY], nichiro_entry_get_summary (entry));

  articles = nichiro_entry_get_articles (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      append (fields[FIELD_TEXT], articles[i].number);
      append (fields[FIELD_TEXT], articles[i].text);
    }
  append (fields[FIELD_TEXT], nichiro_entry_get_significance (entry));
  append (fields[FIELD_TEXT], nichiro_entry_get_notes (entry));

  document->entry = entry;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      document->fields[i] = nichiro_text_fold (fields[i]->str);
      g_string_free (fields[i], TRUE);
    }
  document->folded_title = nichiro_text_fold (nichiro_entry_get_title (entry));
}

static gboolean
starts_word (const char *haystack,
             const char *match)
{
  gunichar previous;

  if (match == haystack)
    return TRUE;

  previous = g_utf8_get_char (g_utf8_find_prev_char (haystack, match));
  return !g_unichar_isalnum (previous);
}

static double
score_term (const Document *document,
            const char     *term)
{
  double best = 0.0;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *haystack = document->fields[i];
      double score = 0.0;

      for (const char *match = strstr (haystack, term); match != NULL;
           match = strstr (match + 1, term))
        {
          score = field_weights[i];
          if (starts_word (haystack, match))
            {
              score *= WORD_START_BONUS;
              break;
            }
        }

      best = MAX (best, score);
    }

  return best;
}

static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const NichiroSearchResult *result_a = a;
  const NichiroSearchResult *result_b = b;

  if (result_a->score != result_b->score)
    return result_a->score > result_b->score ? -1 : 1;

  return nichiro_date_compare (nichiro_entry_get_date (result_a->entry),
                               nichiro_entry_get_date (result_b->entry));
}

/**
 * nichiro_search_new:
 * @dataset: the dataset to search
 *
 * Prepares the dataset's entries for searching.
 *
 * Returns: (transfer full): a search over @dataset
 */
NichiroSearch *
nichiro_search_new (NichiroDataset *dataset)
{
  GListModel *entries;
  NichiroSearch *self;
  guint n_entries;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);

  self = g_new0 (NichiroSearch, 1);
  self->dataset = g_object_ref (dataset);
  self->documents = g_array_sized_new (FALSE, TRUE, sizeof (Document), n_entries);
  g_array_set_clear_func (self->documents, document_clear);
  g_array_set_size (self->documents, n_entries);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      document_init (&g_array_index (self->documents, Document, i), dataset, entry);
    }

  return self;
}

void
nichiro_search_free (NichiroSearch *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->documents, g_array_unref);
  g_clear_object (&self->dataset);
  g_free (self);
}

/**
 * nichiro_search_run:
 * @self: a search
 * @query: what the person typed
 *
 * Finds the entries that contain every word of @query, case, accents and
 * character width aside, best first, then in date order.
 *
 * Returns: (transfer full) (element-type NichiroSearchResult): the results;
 *   empty for a query with no words
 */
GArray *
nichiro_search_run (NichiroSearch *self,
                    const char    *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) terms = NULL;
  GArray *results;

  g_return_val_if_fail (self != NULL, NULL);

  results = g_array_new (FALSE, FALSE, sizeof (NichiroSearchResult));
  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return results;

  folded = nichiro_text_fold (query);
  terms = g_strsplit_set (g_strstrip (folded), " \t\n\r", -1);

  for (guint i = 0; i < self->documents->len; i++)
    {
      const Document *document = &g_array_index (self->documents, Document, i);
      double total = 0.0;
      guint n_terms = 0;

      for (guint t = 0; terms[t] != NULL; t++)
        {
          double score;

          if (terms[t][0] == '\0')
            continue;

          n_terms++;
          score = score_term (document, terms[t]);
          if (score == 0.0)
            {
              total = 0.0;
              break;
            }
          total += score;
        }

      if (n_terms == 0 || total == 0.0)
        continue;

      /* The whole query naming the title outright beats any partial match. */
      if (g_str_equal (document->folded_title, folded))
        total *= 2.0;

      {
        NichiroSearchResult result = { document->entry, total };

        g_array_append_val (results, result);
      }
    }

  g_array_sort (results, compare_results);
  return results;
}
