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

#include <stdlib.h>
#include <string.h>

/* An inverted index over folded text. Latin, Cyrillic and digit runs are
 * words; runs of Japanese script, written without spaces, are indexed by
 * single characters and pairs, and a query's run is found by intersecting
 * its pairs and checking the text. Each posting packs an entry's position
 * with the field the token stood in, so one lookup gives both where and how
 * much a match weighs. */

typedef enum
{
  FIELD_TITLE,
  FIELD_ALIAS,
  FIELD_PEOPLE,
  FIELD_PLACE,
  FIELD_THREAD,
  FIELD_PARTY,
  FIELD_SUMMARY,
  FIELD_ARTICLES,
  FIELD_NOTES,
  N_FIELDS
} Field;

#define FIELD_BITS 4
#define FIELD_MASK ((1u << FIELD_BITS) - 1)
#define ALL_FIELDS ((1u << N_FIELDS) - 1)
#define FIELD_BIT(f) (1u << (f))

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
};

/* How much a kind of match is worth, times the field's weight. */
#define QUALITY_EXACT  1.0
#define QUALITY_PREFIX 0.6
#define QUALITY_FUZZY  0.35
#define FILTER_SCORE   0.01

/* Prefixes of one character expand to too much in a large index. */
#define SMALL_VOCABULARY 20000
#define MAX_PREFIX_EXPANSIONS 64
#define MAX_DECORATED_RESULTS 200
#define MAX_TITLE_CHECKS 50
/* A query of many words spends its time only on so many misspellings. */
#define MAX_FUZZY_WORDS 8
#define MAX_RESPELT_WORDS 8
#define SNIPPET_BEFORE 40
#define SNIPPET_LENGTH 140

typedef struct
{
  char *token;
  guint n_chars;
  GArray *postings;        /* guint32: entry << FIELD_BITS | field, ascending */
} Posting;

typedef struct
{
  NichiroEntry *entry;
  int year_from;
  int year_to;
  gint32 date_key;         /* for ordering equal scores by date */
  gboolean instrument;
} Document;

typedef struct
{
  double score;
  guint document;
} Candidate;

struct _NichiroSearch
{
  NichiroDataset *dataset;
  GArray *documents;       /* Document */
  GHashTable *words;       /* folded word → Posting */
  GHashTable *grams;       /* one or two Japanese characters → Posting */
  GPtrArray *vocabulary;   /* Posting of every word, sorted by token */
  GHashTable *folded;      /* text in the dataset → its folded form */
  GHashTable *normalized;  /* posting → its field's text for phrases, during one run */
  guint fuzzy_words_left;  /* during one run */
  NichiroSearchStudy study;
  gpointer study_data;
  NichiroLanguage title_language;
  guint n_runs;
};

/* One evaluation's scores, dense over the entries with a list of those
 * touched, so that clearing costs what was used. */
typedef struct
{
  double *scores;
  GArray *touched;
} Scores;

typedef struct
{
  GPtrArray *needles;      /* folded strings to highlight */
  GPtrArray *word_needles; /* subset that must start a word */
} Needles;

/* Folded copies of the dataset's texts, made when a result first needs
 * them: highlighting and phrase checks fold the same texts keystroke after
 * keystroke. The dataset owns the texts, so their addresses are stable. */
static const char *
fold_cached (NichiroSearch *self,
             const char    *text)
{
  char *folded = g_hash_table_lookup (self->folded, text);

  if (folded == NULL)
    {
      folded = nichiro_text_fold (text);
      g_hash_table_insert (self->folded, (gpointer) text, folded);
    }

  return folded;
}

static void
posting_free (gpointer data)
{
  Posting *posting = data;

  g_free (posting->token);
  g_array_unref (posting->postings);
  g_free (posting);
}

static gboolean
is_japanese (gunichar c)
{
  if (c < 0x3000)
    return FALSE;

  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;
    default:
      /* The prolonged sound mark and the iteration mark are "common". */
      return c == 0x30FC || c == 0x3005;
    }
}

static gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) && !is_japanese (c);
}

typedef void (*TokenFunc) (const char *token,
                           gsize       length,
                           gboolean    japanese,
                           gpointer    user_data);

/* Splits folded text into words and runs of Japanese script. */
static void
tokenize (const char *text,
          TokenFunc   func,
          gpointer    user_data)
{
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;

      if (is_word_char (c))
        {
          while (*p && is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          func (start, p - start, FALSE, user_data);
        }
      else if (is_japanese (c))
        {
          while (*p && is_japanese (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          func (start, p - start, TRUE, user_data);
        }
      else
        {
          p = g_utf8_next_char (p);
        }
    }
}

static Posting *
lookup_or_add (GHashTable *table,
               const char *token,
               gsize       length)
{
  char buffer[128];
  g_autofree char *key = NULL;
  const char *lookup;
  Posting *posting;

  /* Looking up is far more frequent than adding: spare it an allocation. */
  if (length < sizeof buffer)
    {
      memcpy (buffer, token, length);
      buffer[length] = '\0';
      lookup = buffer;
    }
  else
    {
      key = g_strndup (token, length);
      lookup = key;
    }

  posting = g_hash_table_lookup (table, lookup);
  if (posting == NULL)
    {
      posting = g_new0 (Posting, 1);
      posting->token = key ? g_steal_pointer (&key) : g_strndup (token, length);
      posting->n_chars = g_utf8_strlen (posting->token, -1);
      posting->postings = g_array_new (FALSE, FALSE, sizeof (guint32));
      g_hash_table_insert (table, posting->token, posting);
    }

  return posting;
}

static void
add_posting (Posting *posting,
             guint32  value)
{
  GArray *postings = posting->postings;

  if (postings->len > 0 && g_array_index (postings, guint32, postings->len - 1) == value)
    return;
  g_array_append_val (postings, value);
}

typedef struct
{
  NichiroSearch *self;
  guint32 value;
} IndexContext;

static void
index_token_cb (const char *token,
                gsize       length,
                gboolean    japanese,
                gpointer    user_data)
{
  IndexContext *context = user_data;

  if (!japanese)
    {
      add_posting (lookup_or_add (context->self->words, token, length), context->value);
      return;
    }

  for (const char *p = token; p < token + length; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      add_posting (lookup_or_add (context->self->grams, p, next - p), context->value);
      if (next < token + length)
        add_posting (lookup_or_add (context->self->grams, p, g_utf8_next_char (next) - p), context->value);
    }
}

static void
add_names (GPtrArray          *strings,
           const NichiroNames *names)
{
  if (names == NULL)
    return;

  if (names->en)
    g_ptr_array_add (strings, names->en);
  if (names->ja)
    g_ptr_array_add (strings, names->ja);
  if (names->ru)
    g_ptr_array_add (strings, names->ru);
}

static void
add_strv (GPtrArray          *strings,
          const char * const *values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    g_ptr_array_add (strings, (gpointer) values[i]);
}

/* The texts of one field of an entry, borrowed from the entry and dataset. */
static void
collect_field (NichiroSearch *self,
               NichiroEntry  *entry,
               Field          field,
               GPtrArray     *strings)
{
  const char * const *ids;
  guint n;

  switch (field)
    {
    case FIELD_TITLE:
      add_names (strings, nichiro_entry_get_titles (entry));
      break;

    case FIELD_ALIAS:
      add_strv (strings, nichiro_entry_get_aliases (entry));
      break;

    case FIELD_PEOPLE:
      {
        const NichiroSignatory *signatories = nichiro_entry_get_signatories (entry, &n);

        for (guint i = 0; i < n; i++)
          {
            const NichiroPerson *person = nichiro_dataset_lookup_person (self->dataset, signatories[i].person_id);

            add_names (strings, &signatories[i].name);
            if (person != NULL)
              add_strv (strings, (const char * const *) person->aliases);
          }
      }
      break;

    case FIELD_PLACE:
      if (nichiro_entry_get_place (entry))
        g_ptr_array_add (strings, (gpointer) nichiro_entry_get_place (entry));
      break;

    case FIELD_THREAD:
      ids = nichiro_entry_get_threads (entry);
      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          const NichiroThread *thread = nichiro_dataset_lookup_thread (self->dataset, ids[i]);

          g_ptr_array_add (strings, (gpointer) ids[i]);
          if (thread != NULL)
            {
              add_names (strings, &thread->name);
              add_strv (strings, (const char * const *) thread->aliases);
            }
        }
      break;

    case FIELD_PARTY:
      ids = nichiro_entry_get_parties (entry);
      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          const NichiroState *state = nichiro_dataset_lookup_state (self->dataset, ids[i]);

          g_ptr_array_add (strings, (gpointer) ids[i]);
          if (state != NULL)
            {
              add_names (strings, &state->name);
              add_strv (strings, (const char * const *) state->aliases);
            }
        }
      break;

    case FIELD_SUMMARY:
      g_ptr_array_add (strings, (gpointer) nichiro_entry_get_summary (entry));
      break;

    case FIELD_ARTICLES:
      {
        const NichiroArticle *articles = nichiro_entry_get_articles (entry, &n);

        for (guint i = 0; i < n; i++)
          g_ptr_array_add (strings, articles[i].text);
      }
      break;

    case FIELD_NOTES:
      if (nichiro_entry_get_significance (entry))
        g_ptr_array_add (strings, (gpointer) nichiro_entry_get_significance (entry));
      if (nichiro_entry_get_notes (entry))
        g_ptr_array_add (strings, (gpointer) nichiro_entry_get_notes (entry));
      break;

    case N_FIELDS:
    default:
      g_assert_not_reached ();
    }
}

static int
compare_postings (gconstpointer a,
                  gconstpointer b)
{
  const Posting *posting_a = *(const Posting **) a;
  const Posting *posting_b = *(const Posting **) b;

  return strcmp (posting_a->token, posting_b->token);
}

static void
index_document (NichiroSearch *self,
                guint          position,
                NichiroEntry  *entry)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  IndexContext context = { self, 0 };

  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_ptr_array_set_size (strings, 0);
      collect_field (self, entry, field, strings);
      context.value = (guint32) position << FIELD_BITS | field;

      for (guint i = 0; i < strings->len; i++)
        {
          g_autofree char *folded = nichiro_text_fold (g_ptr_array_index (strings, i));

          tokenize (folded, index_token_cb, &context);
        }
    }
}

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
  GListModel *entries;
  NichiroSearch *self;
  guint n_entries;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);

  self = g_new0 (NichiroSearch, 1);
  self->dataset = g_object_ref (dataset);
  self->documents = g_array_sized_new (FALSE, TRUE, sizeof (Document), n_entries);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, posting_free);
  self->grams = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, posting_free);
  self->folded = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->normalized = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  for (guint i = 0; i < n_entries; i++)
    {
      NichiroEntry *entry = g_list_model_get_item (entries, i);
      const NichiroDate *end = nichiro_entry_get_end_date (entry);
      Document document;

      /* The dataset holds its entries for as long as this search holds it. */
      g_object_unref (entry);

      document.entry = entry;
      document.year_from = nichiro_entry_get_date (entry)->year;
      document.year_to = nichiro_date_is_set (end) ? end->year : document.year_from;
      document.date_key = document.year_from * 10000 + nichiro_entry_get_date (entry)->month * 100 +
                          nichiro_entry_get_date (entry)->day;
      document.instrument = nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry));
      g_array_append_val (self->documents, document);

      index_document (self, i, entry);
    }

  self->vocabulary = g_ptr_array_sized_new (g_hash_table_size (self->words));
  g_hash_table_iter_init (&iter, self->words);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (self->vocabulary, value);
  g_ptr_array_sort (self->vocabulary, compare_postings);

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
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->grams, g_hash_table_unref);
  g_clear_pointer (&self->folded, g_hash_table_unref);
  g_clear_pointer (&self->normalized, g_hash_table_unref);
  g_clear_pointer (&self->documents, g_array_unref);
  g_clear_object (&self->dataset);
  g_free (self);
}

static void
scores_init (Scores *scores,
             guint   n_documents)
{
  scores->scores = g_new0 (double, MAX (n_documents, 1));
  scores->touched = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
scores_reset (Scores *scores)
{
  for (guint i = 0; i < scores->touched->len; i++)
    scores->scores[g_array_index (scores->touched, guint, i)] = 0.0;
  g_array_set_size (scores->touched, 0);
}

static void
scores_clear (Scores *scores)
{
  g_clear_pointer (&scores->scores, g_free);
  g_clear_pointer (&scores->touched, g_array_unref);
}

static void
scores_raise (Scores *scores,
              guint   document,
              double  score)
{
  if (scores->scores[document] == 0.0)
    g_array_append_val (scores->touched, document);
  if (score > scores->scores[document])
    scores->scores[document] = score;
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
        scores_raise (scores, value >> FIELD_BITS, field_weights[field] * quality);
    }
}

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

static guint
typo_allowance (guint n_chars)
{
  if (n_chars >= 9)
    return 2;
  if (n_chars >= 5)
    return 1;
  return 0;
}

/* Calls @func for each vocabulary word within the typo allowance of @word. */
static void
for_each_near_word (NichiroSearch *self,
                    const char    *word,
                    guint          limit,
                    void         (*func) (Posting *posting, guint distance, gpointer data),
                    gpointer       data)
{
  glong word_length;
  g_autofree gunichar *word_chars = g_utf8_to_ucs4_fast (word, -1, &word_length);

  for (guint i = 0; i < self->vocabulary->len; i++)
    {
      Posting *posting = g_ptr_array_index (self->vocabulary, i);
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

/* First vocabulary position whose token is not below @prefix. */
static guint
vocabulary_lower_bound (NichiroSearch *self,
                        const char    *prefix)
{
  guint low = 0, high = self->vocabulary->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      const Posting *posting = g_ptr_array_index (self->vocabulary, middle);

      if (strcmp (posting->token, prefix) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
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

  if (exact != NULL)
    score_posting (scores, exact, fields, QUALITY_EXACT);

  if (n_chars >= 2 || g_hash_table_size (self->words) < SMALL_VOCABULARY)
    {
      guint expansions = 0;

      for (guint i = vocabulary_lower_bound (self, word);
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

  /* Typos are tried only for words the index has never seen, and for only
   * so many words a run: each looks through the whole vocabulary. */
  if (!found && typo_allowance (n_chars) > 0 && self->fuzzy_words_left > 0)
    {
      self->fuzzy_words_left--;
      FuzzyContext context = { scores, fields, needles };

      for_each_near_word (self, word, typo_allowance (n_chars), score_fuzzy_cb, &context);
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

  collect_field (self, entry, field, strings);
  for (guint i = 0; i < strings->len; i++)
    {
      const char *folded = fold_cached (self, g_ptr_array_index (strings, i));
      gboolean in_gap = TRUE;

      for (const char *p = folded; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (is_word_char (c) || is_japanese (c))
            {
              g_string_append_unichar (out, c);
              in_gap = FALSE;
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
              gboolean       japanese,
              guint          fields,
              Scores        *scores,
              Needles       *needles)
{
  g_autoptr(GString) phrase = g_string_new (" ");
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GHashTable) checked = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      gboolean part_japanese = is_japanese (g_utf8_get_char (part));
      g_autoptr(GArray) part_candidates = NULL;

      g_string_append (phrase, part);
      /* Japanese runs stand without spaces inside a normalized field. */
      if (!part_japanese || i + 1 == parts->len)
        g_string_append_c (phrase, ' ');

      if (part_japanese)
        {
          part_candidates = gram_candidates (self, part);
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

  /* A lone Japanese run matches inside words too: no spaces around it. */
  if (japanese && parts->len == 1)
    {
      g_string_erase (phrase, 0, 1);
      g_string_truncate (phrase, phrase->len - 1);
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

      /* Made once a run: a query of many phrases checks the same texts. */
      text = g_hash_table_lookup (self->normalized, GUINT_TO_POINTER (value + 1));
      if (text == NULL)
        {
          text = normalized_field (self, g_array_index (self->documents, Document, document).entry, field);
          g_hash_table_insert (self->normalized, GUINT_TO_POINTER (value + 1), (char *) text);
        }
      if (strstr (text, phrase->str) != NULL)
        scores_raise (scores, document, field_weights[field] * QUALITY_EXACT * (parts->len > 1 ? 1.2 : 1.0));
    }
}

/* Plain words also match the reader's notes, which change as they study
 * and so are looked at when searching rather than indexed. */
static void
score_notes (NichiroSearch *self,
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
        scores_raise (scores, i, NOTE_WEIGHT);
    }
}

static void
score_text (NichiroSearch *self,
            const char    *text,
            gboolean       phrase,
            guint          fields,
            Scores        *scores,
            Needles       *needles)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  SplitContext context = { parts, FALSE };

  tokenize (text, split_token_cb, &context);
  if (parts->len == 0)
    return;

  if (parts->len == 1 && !context.japanese && !phrase)
    score_word (self, g_ptr_array_index (parts, 0), fields, scores, needles);
  else
    score_phrase (self, parts, context.japanese, fields, scores, needles);
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

/* Which kinds "kind:TEXT" names: by name, by label in the UI's language,
 * or all six kinds of written instruments for "kind:instrument". */
static void
matching_kinds (const char *text,
                gboolean    matches[NICHIRO_N_ENTRY_KINDS])
{
  for (NichiroEntryKind kind = 0; kind < NICHIRO_N_ENTRY_KINDS; kind++)
    {
      g_autofree char *label = nichiro_text_fold (nichiro_entry_kind_get_label (kind));

      matches[kind] = g_str_has_prefix (nichiro_entry_kind_to_string (kind), text) ||
                      g_str_has_prefix (label, text) ||
                      (g_str_has_prefix ("instrument", text) && nichiro_entry_kind_is_instrument (kind));
    }
}

static void
score_term (NichiroSearch     *self,
            const NichiroTerm *term,
            NichiroScope       scope,
            Scores            *scores,
            Needles           *needles)
{
  switch (term->type)
    {
    case NICHIRO_TERM_TEXT:
      score_text (self, term->text, term->phrase, scope_fields (scope), scores, needles);
      if (scope == NICHIRO_SCOPE_ALL || scope == NICHIRO_SCOPE_NOTES)
        score_notes (self, term->text, scores);
      break;

    case NICHIRO_TERM_PARTY:
      score_text (self, term->text, term->phrase, FIELD_BIT (FIELD_PARTY), scores, NULL);
      break;

    case NICHIRO_TERM_SIGNER:
      score_text (self, term->text, term->phrase, FIELD_BIT (FIELD_PEOPLE), scores, needles);
      break;

    case NICHIRO_TERM_PLACE:
      score_text (self, term->text, term->phrase, FIELD_BIT (FIELD_PLACE), scores, needles);
      break;

    case NICHIRO_TERM_THREAD:
      score_text (self, term->text, term->phrase, FIELD_BIT (FIELD_THREAD), scores, NULL);
      break;

    case NICHIRO_TERM_KIND:
      {
        gboolean kinds[NICHIRO_N_ENTRY_KINDS];

        matching_kinds (term->text, kinds);
        for (guint i = 0; i < self->documents->len; i++)
          if (kinds[nichiro_entry_get_kind (g_array_index (self->documents, Document, i).entry)])
            scores_raise (scores, i, FILTER_SCORE);
      }
      break;

    case NICHIRO_TERM_YEAR:
      for (guint i = 0; i < self->documents->len; i++)
        {
          const Document *document = &g_array_index (self->documents, Document, i);

          if ((term->year_from == 0 || document->year_to >= term->year_from) &&
              (term->year_to == 0 || document->year_from <= term->year_to))
            scores_raise (scores, i, FILTER_SCORE);
        }
      break;

    case NICHIRO_TERM_IS:
      /* Answered by the reader's study data; without it nothing matches. */
      for (guint i = 0; self->study.is != NULL && i < self->documents->len; i++)
        if (self->study.is (g_array_index (self->documents, Document, i).entry, term->text, self->study_data))
          scores_raise (scores, i, FILTER_SCORE);
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
  return !is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, at)));
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
  const char *folded;
  gboolean any = FALSE;
  FoldMap map;

  if (text == NULL)
    return ranges;

  /* Most texts hold no match: find that out in the folded text, and map
   * character by character only the texts that do. */
  folded = fold_cached (self, text);
  for (guint pass = 0; pass < 2 && !any; pass++)
    {
      GPtrArray *list = pass == 0 ? needles->needles : needles->word_needles;

      for (guint i = 0; i < list->len && !any; i++)
        any = strstr (folded, g_ptr_array_index (list, i)) != NULL;
    }
  if (!any)
    return ranges;

  fold_map_init (&map, text);

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *list = pass == 0 ? needles->needles : needles->word_needles;

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

              if (pass == 1 && !starts_word_at (haystack, found))
                continue;

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
  };
  const char *title = result->title;

  result->title_ranges = find_ranges (self, title, needles);

  for (guint f = 0; f < G_N_ELEMENTS (snippet_fields); f++)
    {
      g_autoptr(GPtrArray) strings = g_ptr_array_new ();

      collect_field (self, result->entry, snippet_fields[f], strings);
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
needles_clear (Needles *needles)
{
  g_ptr_array_unref (needles->needles);
  g_ptr_array_unref (needles->word_needles);
}

/* Evaluates @query: each clause adds to the entries it matches, and an
 * entry matches when every positive clause did and no negated one. */
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
  guint n_positive = 0;
  Scores scores;

  scores_init (&scores, n_documents);

  for (guint c = 0; c < n_clauses; c++)
    {
      guint n_alternatives = nichiro_query_get_n_alternatives (query, c);
      gboolean negated = TRUE;

      for (guint a = 0; a < n_alternatives; a++)
        {
          const NichiroTerm *term = nichiro_query_get_term (query, c, a);

          negated &= term->negated;
          score_term (self, term, nichiro_query_get_scope (query), &scores,
                      term->negated ? NULL : needles);
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
      scores_reset (&scores);
    }

  for (guint i = 0; i < n_documents && n_clauses > 0; i++)
    {
      Candidate candidate = { totals[i], i };

      if (excluded[i] || hits[i] != n_positive)
        continue;
      g_array_append_val (candidates, candidate);
    }

  scores_clear (&scores);
  return candidates;
}

/* A spelling the index knows, for a query that found nothing. */
static char *
suggest_spelling (NichiroSearch *self,
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
          g_utf8_strlen (word, -1) < 3 || is_japanese (g_utf8_get_char (word)))
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
  needles.needles = g_ptr_array_new_with_free_func (g_free);
  needles.word_needles = g_ptr_array_new_with_free_func (g_free);

  results = g_new0 (NichiroSearchResults, 1);
  results->warnings = g_strdupv ((char **) nichiro_query_get_warnings (parsed));

  self->fuzzy_words_left = MAX_FUZZY_WORDS;
  candidates = evaluate (self, parsed, &needles);
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

  /* The whole query naming an entry outright puts it first. Only the best
   * results are looked at: a title that is the query scores near the top. */
  if (results->items->len > 1 && query != NULL)
    {
      guint n_checked = MIN (results->items->len, MAX_TITLE_CHECKS);

      g_autofree char *folded = nichiro_text_fold (query);

      g_strstrip (folded);
      for (guint i = 0; i < n_checked; i++)
        {
          NichiroSearchResult *result = g_ptr_array_index (results->items, i);
          const NichiroNames *titles = nichiro_entry_get_titles (result->entry);
          g_autofree char *en = nichiro_text_fold (titles->en);
          g_autofree char *ja = nichiro_text_fold (titles->ja);
          g_autofree char *ru = nichiro_text_fold (titles->ru);

          if (g_str_equal (folded, en) || g_str_equal (folded, ja) || g_str_equal (folded, ru))
            result->score *= 2.0;
        }
      qsort (results->items->pdata, n_checked, sizeof (gpointer), compare_results);
    }

  for (guint i = 0; i < MIN (results->items->len, MAX_DECORATED_RESULTS); i++)
    decorate (self, g_ptr_array_index (results->items, i), &needles);

  if (results->items->len == 0 && !nichiro_query_is_empty (parsed))
    {
      results->suggestion = suggest_spelling (self, parsed);
      if (results->suggestion == NULL && nichiro_query_has_filters (parsed))
        {
          g_autofree char *broader = nichiro_query_dup_without_filters (parsed);
          g_autoptr(NichiroQuery) broader_query = nichiro_query_parse (broader);
          Needles unused = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free) };
          g_autoptr(GArray) broader_items = NULL;

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
