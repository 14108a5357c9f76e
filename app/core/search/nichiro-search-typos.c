/* nichiro-search-typos.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-search"

#include "config.h"

#include "nichiro-search-private.h"

#include <string.h>

/* Misspellings: a word the index has never seen is matched by the words
 * within an edit or two of it, and a query that found nothing is offered
 * the spelling the index knows. */

/* A query of many words spends its time only on so many misspellings. */
#define MAX_RESPELT_WORDS 8

/* Levenshtein distance of two character arrays, or @limit + 1 once it
 * must exceed @limit. */
static guint
bounded_distance (const gunichar *a,
                  guint           a_length,
                  const gunichar *b,
                  guint           b_length,
                  guint           limit)
{
  guint previous[64], current[64];

  if (a_length >= G_N_ELEMENTS (previous) || b_length >= G_N_ELEMENTS (previous))
    return limit + 1;

  for (guint j = 0; j <= b_length; j++)
    previous[j] = j;

  for (guint i = 1; i <= a_length; i++)
    {
      guint row_min;

      current[0] = i;
      row_min = current[0];
      for (guint j = 1; j <= b_length; j++)
        {
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          current[j] = MIN (MIN (previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
          row_min = MIN (row_min, current[j]);
        }
      if (row_min > limit)
        return limit + 1;
      memcpy (previous, current, sizeof (guint) * (b_length + 1));
    }

  return previous[b_length];
}

guint
_nichiro_search_typo_allowance (guint n_chars)
{
  if (n_chars >= 9)
    return 2;
  if (n_chars >= 5)
    return 1;
  return 0;
}

/* Calls @func for each token of @vocabulary within the typo allowance of @word. */
void
_nichiro_search_for_each_near_word (GPtrArray   *vocabulary,
                                    const char  *word,
                                    guint        limit,
                                    void       (*func) (Posting *posting, guint distance, gpointer data),
                                    gpointer     data)
{
  glong word_length;
  g_autofree gunichar *word_chars = g_utf8_to_ucs4_fast (word, -1, &word_length);

  for (guint i = 0; i < vocabulary->len; i++)
    {
      Posting *posting = g_ptr_array_index (vocabulary, i);
      g_autofree gunichar *chars = NULL;
      glong length;
      guint distance;

      if ((guint) ABS ((glong) posting->n_chars - word_length) > limit)
        continue;

      chars = g_utf8_to_ucs4_fast (posting->token, -1, &length);
      distance = bounded_distance (word_chars, word_length, chars, length, limit);
      if (distance <= limit && distance > 0)
        func (posting, distance, data);
    }
}

/* A spelling the index knows, for a query that found nothing. */
char *
_nichiro_search_suggest_spelling (NichiroSearch *self,
                                  NichiroQuery  *query)
{
  g_autoptr(GString) suggestion = g_string_new (NULL);
  gboolean changed = FALSE;

  /* Each word respelt is compared with the whole vocabulary: a long query
   * gets no suggestion rather than a wait. */
  if (nichiro_query_get_n_clauses (query) > MAX_RESPELT_WORDS)
    return NULL;

  for (guint c = 0; c < nichiro_query_get_n_clauses (query); c++)
    {
      const NichiroTerm *term = nichiro_query_get_term (query, c, 0);
      const char *word = term->text;
      g_autofree gunichar *a = NULL;
      Posting *best = NULL;
      guint best_distance = G_MAXUINT;
      glong length_a;

      if (suggestion->len > 0)
        g_string_append_c (suggestion, ' ');

      /* Only plain words are respelt; a query with more is not guessed at. */
      if (term->type != NICHIRO_TERM_TEXT || term->negated || nichiro_query_get_n_alternatives (query, c) > 1)
        return NULL;

      if (term->phrase || strchr (word, ' ') != NULL || g_hash_table_contains (self->words, word) ||
          g_utf8_strlen (word, -1) < 3 || _nichiro_search_is_japanese (g_utf8_get_char (word)))
        {
          if (term->phrase)
            g_string_append_printf (suggestion, "\"%s\"", term->raw);
          else
            g_string_append (suggestion, term->raw);
          continue;
        }

      a = g_utf8_to_ucs4_fast (word, -1, &length_a);
      for (guint i = 0; i < self->vocabulary->len; i++)
        {
          Posting *posting = g_ptr_array_index (self->vocabulary, i);
          g_autofree gunichar *b = NULL;
          glong length_b;
          guint distance;

          if ((guint) ABS ((glong) posting->n_chars - length_a) > 2)
            continue;
          b = g_utf8_to_ucs4_fast (posting->token, -1, &length_b);
          distance = bounded_distance (a, length_a, b, length_b, 2);
          if (distance <= 2 && (distance < best_distance ||
                                (distance == best_distance && posting->postings->len > best->postings->len)))
            {
              best = posting;
              best_distance = distance;
            }
        }

      if (best == NULL)
        return NULL;
      g_string_append (suggestion, best->token);
      changed = TRUE;
    }

  return changed ? g_string_free (g_steal_pointer (&suggestion), FALSE) : NULL;
}
