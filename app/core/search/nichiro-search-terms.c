/* nichiro-search-terms.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-search"

#include "config.h"

#include "nichiro-search-private.h"

#include <glib/gi18n.h>

#include <string.h>

/* A parsed query evaluated against the index: each term by its type (text
 * in the query's scope, a field's value, a bare year, a filter), and the
 * clauses together. */

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
GArray *
_nichiro_search_evaluate (NichiroSearch *self,
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
