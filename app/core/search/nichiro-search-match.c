/* nichiro-search-match.c
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

#include <string.h>

/* Text matched against the index and scored: a word as written, as a
 * prefix, by its Russian stem or misspelt; a phrase or a run of Japanese
 * script, confirmed in the field's text; a word of parts joined by
 * punctuation; the reader's notes. Each match raises an entry's score to
 * the field's weight times the match's quality. */

/* The reader's own note weighs like an alias: they wrote it to find it. */
#define NOTE_WEIGHT 8.0

static const double field_weights[N_FIELDS] = {
  [FIELD_TITLE] = 10.0,
  [FIELD_ALIAS] = 8.0,
  [FIELD_PEOPLE] = 5.0,
  [FIELD_PLACE] = 4.0,
  [FIELD_THREAD] = 3.0,
  [FIELD_PARTY] = 2.5,
  [FIELD_SUMMARY] = 2.0,
  [FIELD_ARTICLES] = 1.5,
  [FIELD_NOTES] = 1.0,
  [FIELD_MENTIONS] = 2.0,
};

/* How much a kind of match is worth, times the field's weight. */
#define QUALITY_EXACT  1.0
#define QUALITY_PREFIX 0.6
#define QUALITY_FUZZY  0.35

/* Another case of the same Russian word is nearly as good as the word; a
 * stem that only begins the other (Snowball stems "остров" to "остр" but
 * "островов" to "остров") a little less, and only when the shorter is long
 * enough to say something and the two differ by an ending's length. */
#define QUALITY_STEM        0.9
#define QUALITY_STEM_BRIDGE 0.75
#define MIN_BRIDGED_STEM    4
#define MAX_BRIDGED_LETTERS 2

/* Prefixes of one character expand to too much in a large index. */
#define SMALL_VOCABULARY 20000
#define MAX_PREFIX_EXPANSIONS 64

void
_nichiro_search_scores_init (Scores *scores,
                             guint   n_documents)
{
  scores->scores = g_new0 (double, MAX (n_documents, 1));
  scores->touched = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
_nichiro_search_scores_reset (Scores *scores)
{
  for (guint i = 0; i < scores->touched->len; i++)
    scores->scores[g_array_index (scores->touched, guint, i)] = 0.0;
  g_array_set_size (scores->touched, 0);
}

void
_nichiro_search_scores_clear (Scores *scores)
{
  g_clear_pointer (&scores->scores, g_free);
  g_clear_pointer (&scores->touched, g_array_unref);
}

static void
score_posting (Scores        *scores,
               const Posting *posting,
               guint          fields,
               double         quality)
{
  for (guint i = 0; i < posting->postings->len; i++)
    {
      guint32 value = g_array_index (posting->postings, guint32, i);
      guint field = value & FIELD_MASK;

      if (fields & FIELD_BIT (field))
        _nichiro_search_scores_raise (scores, value >> FIELD_BITS, field_weights[field] * quality);
    }
}

typedef struct
{
  Scores *scores;
  guint fields;
  Needles *needles;
} FuzzyContext;

static void
score_fuzzy_cb (Posting  *posting,
                guint     distance,
                gpointer  data)
{
  FuzzyContext *context = data;

  score_posting (context->scores, posting, context->fields, QUALITY_FUZZY / distance);
  if (context->needles != NULL)
    g_ptr_array_add (context->needles->word_needles, g_strdup (posting->token));
}

/* A misspelt stem: the words it stands for are highlighted whole. */
static void
score_fuzzy_stem_cb (Posting  *posting,
                     guint     distance,
                     gpointer  data)
{
  FuzzyContext *context = data;

  score_posting (context->scores, posting, context->fields, QUALITY_FUZZY / distance);
  if (context->needles != NULL)
    g_ptr_array_add (context->needles->stem_needles, g_strdup (posting->token));
}

/* First position in @vocabulary whose token is not below @prefix. */
static guint
vocabulary_lower_bound (GPtrArray  *vocabulary,
                        const char *prefix)
{
  guint low = 0, high = vocabulary->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const Posting *posting = g_ptr_array_index (vocabulary, middle);

      if (strcmp (posting->token, prefix) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static void
add_stem_needle (Needles    *needles,
                 const char *stem)
{
  if (needles != NULL)
    g_ptr_array_add (needles->stem_needles, g_strdup (stem));
}

/* Scores the other cases of a Russian word: the words that share its stem,
 * or whose stem begins it or is begun by it. Returns whether any matched. */
static gboolean
score_stem (NichiroSearch *self,
            const char    *stem,
            guint          fields,
            Scores        *scores,
            Needles       *needles)
{
  guint n_chars = g_utf8_strlen (stem, -1);
  gsize stem_length = strlen (stem);
  Posting *exact = g_hash_table_lookup (self->stems, stem);
  gboolean found = FALSE;

  if (exact != NULL)
    {
      score_posting (scores, exact, fields, QUALITY_STEM);
      add_stem_needle (needles, stem);
      found = TRUE;
    }

  if (n_chars < MIN_BRIDGED_STEM)
    return found;

  /* Longer stems that begin with this one: "остр" finds "остров". */
  for (guint i = vocabulary_lower_bound (self->stem_vocabulary, stem); i < self->stem_vocabulary->len; i++)
    {
      const Posting *posting = g_ptr_array_index (self->stem_vocabulary, i);

      if (strncmp (posting->token, stem, stem_length) != 0)
        break;
      if (posting == exact || posting->n_chars - n_chars > MAX_BRIDGED_LETTERS)
        continue;
      score_posting (scores, posting, fields, QUALITY_STEM_BRIDGE);
      found = TRUE;
    }
  if (found && exact == NULL)
    add_stem_needle (needles, stem);

  /* Shorter stems that begin this one: "остров" finds "остр". */
  for (guint cut = 1; cut <= MAX_BRIDGED_LETTERS && n_chars - cut >= MIN_BRIDGED_STEM; cut++)
    {
      const char *end = g_utf8_offset_to_pointer (stem, n_chars - cut);
      g_autofree char *shorter = g_strndup (stem, end - stem);
      Posting *posting = g_hash_table_lookup (self->stems, shorter);

      if (posting == NULL)
        continue;
      score_posting (scores, posting, fields, QUALITY_STEM_BRIDGE);
      add_stem_needle (needles, shorter);
      found = TRUE;
    }

  return found;
}

/* Scores one word (no spaces, no Japanese) in @fields. */
static void
score_word (NichiroSearch *self,
            const char    *word,
            guint          fields,
            Scores        *scores,
            Needles       *needles)
{
  Posting *exact = g_hash_table_lookup (self->words, word);
  gsize word_length = strlen (word);
  guint n_chars = g_utf8_strlen (word, -1);
  gboolean found = exact != NULL;
  g_autofree char *stem = NULL;

  if (exact != NULL)
    score_posting (scores, exact, fields, QUALITY_EXACT);

  if (nichiro_stem_is_russian (word))
    {
      stem = nichiro_stem_russian (word);
      found |= score_stem (self, stem, fields, scores, needles);
    }

  if (n_chars >= 2 || g_hash_table_size (self->words) < SMALL_VOCABULARY)
    {
      guint expansions = 0;

      for (guint i = vocabulary_lower_bound (self->vocabulary, word);
           i < self->vocabulary->len && expansions < MAX_PREFIX_EXPANSIONS;
           i++)
        {
          const Posting *posting = g_ptr_array_index (self->vocabulary, i);

          if (strncmp (posting->token, word, word_length) != 0)
            break;
          if (posting == exact)
            continue;
          score_posting (scores, posting, fields, QUALITY_PREFIX);
          expansions++;
          found = TRUE;
        }
    }

  if (needles != NULL)
    g_ptr_array_add (needles->word_needles, g_strdup (word));

  /* Typos are tried only for words the index has never seen, a Russian
   * word's on its stem so that a misspelt ending or case finds the word,
   * and for only so many words a run: each looks through a whole
   * vocabulary. */
  if (found || self->fuzzy_words_left == 0)
    return;

  if (stem != NULL && _nichiro_search_typo_allowance (g_utf8_strlen (stem, -1)) > 0)
    {
      FuzzyContext context = { scores, fields, needles };

      self->fuzzy_words_left--;
      _nichiro_search_for_each_near_word (self->stem_vocabulary, stem,
                                          _nichiro_search_typo_allowance (g_utf8_strlen (stem, -1)),
                                          score_fuzzy_stem_cb, &context);
    }
  else if (stem == NULL && _nichiro_search_typo_allowance (n_chars) > 0)
    {
      FuzzyContext context = { scores, fields, needles };

      self->fuzzy_words_left--;
      _nichiro_search_for_each_near_word (self->vocabulary, word, _nichiro_search_typo_allowance (n_chars),
                                          score_fuzzy_cb, &context);
    }
}

/* Folds the texts of @field of @document for checking phrases. Word runs
 * are joined by single spaces so that punctuation does not break a phrase. */
static char *
normalized_field (NichiroSearch *self,
                  NichiroEntry  *entry,
                  Field          field)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  GString *out = g_string_new (" ");

  _nichiro_search_collect_field (self, entry, field, strings);
  for (guint i = 0; i < strings->len; i++)
    {
      const char *folded = _nichiro_search_fold_cached (self, g_ptr_array_index (strings, i));
      gboolean in_gap = TRUE;
      gboolean in_japanese = FALSE;

      for (const char *p = folded; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          gboolean japanese = _nichiro_search_is_japanese (c);

          if (_nichiro_search_is_word_char (c) || japanese)
            {
              /* A run of Japanese script and a word touching it are two. */
              if (!in_gap && japanese != in_japanese)
                g_string_append_c (out, ' ');
              g_string_append_unichar (out, c);
              in_gap = FALSE;
              in_japanese = japanese;
            }
          else if (!in_gap)
            {
              g_string_append_c (out, ' ');
              in_gap = TRUE;
            }
        }
      if (!in_gap)
        g_string_append_c (out, ' ');
      g_string_append (out, "\n ");
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  GPtrArray *parts;
  gboolean japanese;
} SplitContext;

static void
split_token_cb (const char *token,
                gsize       length,
                gboolean    japanese,
                gpointer    user_data)
{
  SplitContext *context = user_data;

  g_ptr_array_add (context->parts, g_strndup (token, length));
  context->japanese |= japanese;
}

/* The postings in both @a and @b; both ascend, so a merge finds them. */
static GArray *
intersect_postings (GArray *a,
                    GArray *b)
{
  GArray *kept = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint i = 0, j = 0; i < a->len && j < b->len;)
    {
      guint32 x = g_array_index (a, guint32, i);
      guint32 y = g_array_index (b, guint32, j);

      if (x == y)
        {
          g_array_append_val (kept, x);
          i++, j++;
        }
      else if (x < y)
        i++;
      else
        j++;
    }

  return kept;
}

/* Candidates for a Japanese run: entries with all of its pairs. */
static GArray *
gram_candidates (NichiroSearch *self,
                 const char    *run)
{
  GArray *candidates = NULL;
  const char *p = run;
  gboolean single = g_utf8_strlen (run, -1) == 1;

  for (; *p; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);
      g_autofree char *gram = NULL;
      Posting *posting;
      GArray *kept;

      if (!single && *next == '\0')
        break;
      gram = single ? g_strdup (p) : g_strndup (p, g_utf8_next_char (next) - p);
      posting = g_hash_table_lookup (self->grams, gram);
      if (posting == NULL)
        {
          g_clear_pointer (&candidates, g_array_unref);
          return g_array_new (FALSE, FALSE, sizeof (guint32));
        }

      if (candidates == NULL)
        {
          candidates = g_array_copy (posting->postings);
          continue;
        }

      kept = intersect_postings (candidates, posting->postings);
      g_array_unref (candidates);
      candidates = kept;
    }

  return candidates ? candidates : g_array_new (FALSE, FALSE, sizeof (guint32));
}

/* Scores a phrase, or a single run of Japanese script: the candidates have
 * every part in one field; the field's text then has to hold the phrase. */
static void
score_phrase (NichiroSearch *self,
              GPtrArray     *parts,
              guint          fields,
              Scores        *scores,
              Needles       *needles)
{
  g_autoptr(GString) phrase = g_string_new (NULL);
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GHashTable) checked = g_hash_table_new (NULL, NULL);
  gboolean postings_suffice = FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      gboolean part_japanese = _nichiro_search_is_japanese (g_utf8_get_char (part));
      g_autoptr(GArray) part_candidates = NULL;

      /* Parts stand a space apart in a normalized field, and a word at
       * either end stands whole; a run of Japanese script at an end may be
       * part of a longer run, which has no spaces to mark its words. */
      if (i > 0 || !part_japanese)
        g_string_append_c (phrase, ' ');
      g_string_append (phrase, part);
      if (i + 1 == parts->len && !part_japanese)
        g_string_append_c (phrase, ' ');

      if (part_japanese)
        {
          part_candidates = gram_candidates (self, part);
          /* A run of one or two characters is one gram: a field in its
           * postings holds it, and its text need not be looked at. */
          postings_suffice = parts->len == 1 && g_utf8_strlen (part, -1) <= 2;
        }
      else
        {
          Posting *posting = g_hash_table_lookup (self->words, part);

          part_candidates = posting ? g_array_copy (posting->postings) : g_array_new (FALSE, FALSE, sizeof (guint32));
        }

      if (candidates == NULL)
        {
          candidates = g_steal_pointer (&part_candidates);
        }
      else
        {
          GArray *kept = intersect_postings (candidates, part_candidates);

          g_array_unref (candidates);
          candidates = kept;
        }
    }


  if (needles != NULL)
    {
      g_autofree char *needle = g_strstrip (g_strdup (phrase->str));

      g_ptr_array_add (needles->needles, g_steal_pointer (&needle));
    }

  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      guint32 value = g_array_index (candidates, guint32, i);
      guint document = value >> FIELD_BITS;
      Field field = value & FIELD_MASK;
      const char *text;

      if (!(fields & FIELD_BIT (field)) || g_hash_table_contains (checked, GUINT_TO_POINTER (value + 1)))
        continue;
      g_hash_table_add (checked, GUINT_TO_POINTER (value + 1));

      if (postings_suffice)
        {
          _nichiro_search_scores_raise (scores, document, field_weights[field] * QUALITY_EXACT);
          continue;
        }

      /* Made once a run: a query of many phrases checks the same texts. */
      text = g_hash_table_lookup (self->normalized, GUINT_TO_POINTER (value + 1));
      if (text == NULL)
        {
          text = normalized_field (self, g_array_index (self->documents, Document, document).entry, field);
          g_hash_table_insert (self->normalized, GUINT_TO_POINTER (value + 1), (char *) text);
        }
      if (strstr (text, phrase->str) != NULL)
        _nichiro_search_scores_raise (scores, document,
                                      field_weights[field] * QUALITY_EXACT * (parts->len > 1 ? 1.2 : 1.0));
    }
}

/* One word or one run of Japanese script. */
static void
score_part (NichiroSearch *self,
            const char    *part,
            guint          fields,
            Scores        *scores,
            Needles       *needles)
{
  if (_nichiro_search_is_japanese (g_utf8_get_char (part)))
    {
      g_autoptr(GPtrArray) run = g_ptr_array_new ();

      g_ptr_array_add (run, (gpointer) part);
      score_phrase (self, run, fields, scores, needles);
    }
  else
    {
      score_word (self, part, fields, scores, needles);
    }
}

/* A word of parts joined by punctuation, not quoted: "Русско-японского",
 * "ドミトリー・シェピーロフ". Each part is a word of its own, in any of its
 * cases and found while typed, and the entry must have them all; the
 * score is their mean, or the phrase's where the entry has it as typed. */
static void
score_compound (NichiroSearch *self,
                GPtrArray     *parts,
                guint          fields,
                Scores        *scores,
                Needles       *needles)
{
  Scores all, part;

  _nichiro_search_scores_init (&all, self->documents->len);
  _nichiro_search_scores_init (&part, self->documents->len);

  score_part (self, g_ptr_array_index (parts, 0), fields, &all, needles);
  for (guint i = 1; i < parts->len && all.touched->len > 0; i++)
    {
      GArray *kept = g_array_new (FALSE, FALSE, sizeof (guint));

      score_part (self, g_ptr_array_index (parts, i), fields, &part, needles);
      for (guint j = 0; j < all.touched->len; j++)
        {
          guint document = g_array_index (all.touched, guint, j);

          if (part.scores[document] > 0.0)
            {
              all.scores[document] += part.scores[document];
              g_array_append_val (kept, document);
            }
          else
            {
              all.scores[document] = 0.0;
            }
        }
      g_array_unref (all.touched);
      all.touched = kept;
      _nichiro_search_scores_reset (&part);
    }

  for (guint j = 0; j < all.touched->len; j++)
    {
      guint document = g_array_index (all.touched, guint, j);

      _nichiro_search_scores_raise (scores, document, all.scores[document] / parts->len);
    }

  _nichiro_search_scores_clear (&all);
  _nichiro_search_scores_clear (&part);

  /* Written just so ("Халхин-Гол"), it scores as a phrase if that is more. */
  score_phrase (self, parts, fields, scores, NULL);
}

/* Plain words also match the reader's notes, which change as they study
 * and so are looked at when searching rather than indexed. */
void
_nichiro_search_score_notes (NichiroSearch *self,
                             const char    *text,
                             Scores        *scores)
{
  if (self->study.note == NULL)
    return;

  for (guint i = 0; i < self->documents->len; i++)
    {
      const char *note = self->study.note (g_array_index (self->documents, Document, i).entry, self->study_data);
      g_autofree char *folded = NULL;

      if (note == NULL || note[0] == '\0')
        continue;
      folded = nichiro_text_fold (note);
      if (strstr (folded, text) != NULL)
        _nichiro_search_scores_raise (scores, i, NOTE_WEIGHT);
    }
}

void
_nichiro_search_score_text (NichiroSearch *self,
                            const char    *text,
                            gboolean       phrase,
                            guint          fields,
                            Scores        *scores,
                            Needles       *needles)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  SplitContext context = { parts, FALSE };

  _nichiro_search_tokenize (text, split_token_cb, &context);
  if (parts->len == 0)
    return;

  if (parts->len == 1 && !context.japanese && !phrase)
    score_word (self, g_ptr_array_index (parts, 0), fields, scores, needles);
  else if (parts->len > 1 && !phrase)
    score_compound (self, parts, fields, scores, needles);
  else
    score_phrase (self, parts, fields, scores, needles);
}
