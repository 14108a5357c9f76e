/* nichiro-search.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-search"

#include "config.h"

#include "nichiro-search.h"
#include "nichiro-stem.h"
#include "nichiro-text.h"

#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

/* An inverted index over folded text. Latin, Cyrillic and digit runs are
 * words; runs of Japanese script, written without spaces, are indexed by
 * single characters and pairs, and a query's run is found by intersecting
 * its pairs and checking the text. Each posting packs an entry's position
 * with the field the token stood in, so one lookup gives both where and how
 * much a match weighs.
 *
 * Russian words are indexed twice: as written, which serves prefixes while
 * typing and highlighting, and by their stem (nichiro-stem.c), so that any
 * case of a noun or an adjective finds the others. */

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
  FIELD_MENTIONS,
  N_FIELDS
} Field;

#define FIELD_BITS 4
#define FIELD_MASK ((1u << FIELD_BITS) - 1)
#define ALL_FIELDS ((1u << N_FIELDS) - 1)
#define FIELD_BIT(f) (1u << (f))

/* People an entry's texts name without their signing it (Witte at the
 * Portsmouth conference, Khrushchev in 1956) are found by their names in
 * every language, as a summary's words would be. Family names of at least
 * this many letters, shared by no one else, are looked for. */
#define MIN_MENTION_KEY 4

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
#define FILTER_SCORE   0.01

/* Another case of the same Russian word is nearly as good as the word; a
 * stem that only begins the other (Snowball stems "остров" to "остр" but
 * "островов" to "остров") a little less, and only when the shorter is long
 * enough to say something and the two differ by an ending's length. */
#define QUALITY_STEM        0.9
#define QUALITY_STEM_BRIDGE 0.75
#define MIN_BRIDGED_STEM    4
#define MAX_BRIDGED_LETTERS 2

/* A bare number that is a year of the dataset's entries finds the entries
 * of that year: written instruments signed in it first, then what began in
 * it, then what went on through it. The year written in a text counts for
 * little beside that, so that "1905" is not the title's "(1905)". */
#define YEAR_INSTRUMENT 12.0
#define YEAR_BEGAN      9.0
#define YEAR_THROUGH    4.0
#define YEAR_TEXT_FACTOR 0.1

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

typedef struct _Posting Posting;

struct _Posting
{
  char *token;
  guint n_chars;
  GArray *postings;        /* guint32: entry << FIELD_BITS | field, ascending */
  Posting *stem;           /* a Russian word's stem, in the stems table */
  const NichiroPerson *person; /* whom a word is the family name of */
};

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
  GHashTable *stems;       /* stem of Russian words → Posting of all of them */
  GPtrArray *vocabulary;   /* Posting of every word, sorted by token */
  GPtrArray *stem_vocabulary; /* Posting of every stem, sorted by token */
  GHashTable *folded;      /* text in the dataset → its folded form */
  GHashTable *name_keys;   /* a title or alias in the dataset → dup_name_key() */
  GHashTable *mention_keys; /* folded family name → NichiroPerson, or the self for two */
  GHashTable *mentions;    /* NichiroEntry → GPtrArray of the people its texts name */
  GHashTable *names_folded; /* a name's text → its folded form, while building */
  GHashTable *normalized;  /* posting → its field's text for phrases, during one run */
  GPtrArray *warnings;     /* what the dataset does not have, during one run */
  guint fuzzy_words_left;  /* during one run */
  NichiroSearchStudy study;
  gpointer study_data;
  NichiroLanguage title_language;
  int first_year;          /* the span of the entries' dates */
  int last_year;
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
  GPtrArray *stem_needles; /* stems: they start a word and take it whole */
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
               gsize       length,
               gboolean   *out_created)
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
      if (out_created != NULL)
        *out_created = TRUE;
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
  GPtrArray *mentioned;    /* people named in the field, while reading texts */
} IndexContext;

static void
note_mention (IndexContext        *context,
              const NichiroPerson *person)
{
  if (!g_ptr_array_find (context->mentioned, person, NULL))
    g_ptr_array_add (context->mentioned, (gpointer) person);
}

static void
index_token_cb (const char *token,
                gsize       length,
                gboolean    japanese,
                gpointer    user_data)
{
  IndexContext *context = user_data;

  if (!japanese)
    {
      gboolean created = FALSE;
      Posting *word = lookup_or_add (context->self->words, token, length, &created);

      /* A word is stemmed, and looked up among family names, once: when
       * first seen. */
      if (created && nichiro_stem_is_russian (word->token))
        {
          g_autofree char *stem = nichiro_stem_russian (word->token);

          word->stem = lookup_or_add (context->self->stems, stem, strlen (stem), NULL);
        }
      if (created && word->n_chars >= MIN_MENTION_KEY)
        {
          gpointer person = g_hash_table_lookup (context->self->mention_keys, word->token);

          /* The search itself stands for a name two people share. */
          word->person = person != context->self ? person : NULL;
        }

      add_posting (word, context->value);
      if (word->stem != NULL)
        add_posting (word->stem, context->value);
      if (context->mentioned != NULL && word->person != NULL)
        note_mention (context, word->person);
      return;
    }

  for (const char *p = token; p < token + length; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      add_posting (lookup_or_add (context->self->grams, p, next - p, NULL), context->value);
      if (next < token + length)
        add_posting (lookup_or_add (context->self->grams, p, g_utf8_next_char (next) - p, NULL), context->value);
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
      add_names (strings, nichiro_entry_get_short_titles (entry));
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
            /* The id last, so that signer:ID finds them (the part page's
             * links); a name is the better snippet. */
            g_ptr_array_add (strings, (gpointer) signatories[i].person_id);
          }
      }
      break;

    case FIELD_PLACE:
      if (nichiro_entry_get_place (entry))
        g_ptr_array_add (strings, (gpointer) nichiro_entry_get_place (entry));
      /* The places on the map, in every language they are named in. */
      ids = nichiro_entry_get_places (entry);
      for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
        {
          const NichiroPlace *place = nichiro_dataset_lookup_place (self->dataset, ids[i]);

          if (place != NULL)
            {
              add_names (strings, &place->name);
              add_strv (strings, (const char * const *) place->aliases);
            }
        }
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

    case FIELD_MENTIONS:
      {
        GPtrArray *people = g_hash_table_lookup (self->mentions, entry);

        for (guint i = 0; people != NULL && i < people->len; i++)
          add_names (strings, &((const NichiroPerson *) g_ptr_array_index (people, i))->name);
      }
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

static GPtrArray *
sorted_vocabulary (GHashTable *table)
{
  GPtrArray *vocabulary = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (vocabulary, value);
  g_ptr_array_sort (vocabulary, compare_postings);

  return vocabulary;
}

/* The word a person's family name is looked for by in texts: the last of
 * a name written in Japanese with kana (Sergei Witte, セルゲイ・ウィッテ),
 * the first of one written in kanji (Komura Jūtarō, 小村寿太郎). */
static char *
dup_family_name (const NichiroPerson *person)
{
  g_autofree char *folded = nichiro_text_fold (person->name.en);
  g_auto(GStrv) words = NULL;
  gboolean kanji = person->name.ja != NULL && strstr (person->name.ja, "・") == NULL &&
                   strstr (person->name.ja, "＝") == NULL &&
                   is_japanese (g_utf8_get_char (person->name.ja)) &&
                   g_unichar_get_script (g_utf8_get_char (person->name.ja)) == G_UNICODE_SCRIPT_HAN;
  guint n;

  g_strdelimit (folded, "-.,()", ' ');
  words = g_strsplit (g_strstrip (folded), " ", -1);
  n = g_strv_length (words);
  if (n < 2)
    return NULL;

  return g_strdup (kanji ? words[0] : words[n - 1]);
}

static void
add_mention_key (NichiroSearch       *self,
                 char                *key,
                 const NichiroPerson *person)
{
  gpointer existing;

  if (key == NULL || g_utf8_strlen (key, -1) < MIN_MENTION_KEY ||
      !is_word_char (g_utf8_get_char (key)) || strchr (key, ' ') != NULL)
    {
      g_free (key);
      return;
    }

  /* A name two people share says nothing about which is meant. */
  existing = g_hash_table_lookup (self->mention_keys, key);
  if (existing != NULL && existing != person)
    g_hash_table_insert (self->mention_keys, key, self);
  else
    g_hash_table_insert (self->mention_keys, key, (gpointer) person);
}

static void
build_mention_keys (NichiroSearch *self)
{
  const NichiroPerson *people;
  guint n_people;

  people = nichiro_dataset_get_people (self->dataset, &n_people);
  for (guint i = 0; i < n_people; i++)
    {
      add_mention_key (self, dup_family_name (&people[i]), &people[i]);
      /* One-word names in Latin letters: "Khrushchov". */
      for (guint a = 0; people[i].aliases != NULL && people[i].aliases[a] != NULL; a++)
        if (g_str_is_ascii (people[i].aliases[a]))
          add_mention_key (self, nichiro_text_fold (people[i].aliases[a]), &people[i]);
    }
}

/* Keeps the people named in @entry's texts who did not sign it. */
static void
keep_mentions (NichiroSearch *self,
               NichiroEntry  *entry,
               GPtrArray     *mentioned)
{
  const NichiroSignatory *signatories;
  guint n;

  signatories = nichiro_entry_get_signatories (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      const NichiroPerson *person = nichiro_dataset_lookup_person (self->dataset, signatories[i].person_id);

      if (person != NULL)
        g_ptr_array_remove_fast (mentioned, (gpointer) person);
    }

  if (mentioned->len > 0)
    g_hash_table_insert (self->mentions, entry, g_ptr_array_copy (mentioned, NULL, NULL));
}

static gboolean
is_shared_field (Field field)
{
  return field == FIELD_PEOPLE || field == FIELD_PLACE || field == FIELD_THREAD || field == FIELD_PARTY ||
         field == FIELD_MENTIONS;
}

static void
index_document (NichiroSearch *self,
                guint          position,
                NichiroEntry  *entry)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  g_autoptr(GPtrArray) mentioned = g_ptr_array_new ();
  IndexContext context = { self, 0, NULL };

  for (Field field = 0; field < N_FIELDS; field++)
    {
      g_ptr_array_set_size (strings, 0);
      if (field == FIELD_MENTIONS)
        keep_mentions (self, entry, mentioned);
      collect_field (self, entry, field, strings);
      context.value = (guint32) position << FIELD_BITS | field;
      context.mentioned = field == FIELD_SUMMARY || field == FIELD_ARTICLES || field == FIELD_NOTES
                          ? mentioned : NULL;

      for (guint i = 0; i < strings->len; i++)
        {
          const char *text = g_ptr_array_index (strings, i);
          g_autofree char *folded = NULL;

          /* The names of states, threads, places and people recur in
           * entry after entry: they are folded once a build. */
          if (is_shared_field (field))
            {
              const char *known = g_hash_table_lookup (self->names_folded, text);

              if (known == NULL)
                {
                  known = nichiro_text_fold (text);
                  g_hash_table_insert (self->names_folded, (gpointer) text, (gpointer) known);
                }
              tokenize (known, index_token_cb, &context);
              continue;
            }

          folded = nichiro_text_fold (text);
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

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);

  self = g_new0 (NichiroSearch, 1);
  self->dataset = g_object_ref (dataset);
  self->documents = g_array_sized_new (FALSE, TRUE, sizeof (Document), n_entries);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, posting_free);
  self->grams = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, posting_free);
  self->stems = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, posting_free);
  self->folded = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->name_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->mention_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->mentions = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->names_folded = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  build_mention_keys (self);
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

      if (self->first_year == 0 || document.year_from < self->first_year)
        self->first_year = document.year_from;
      self->last_year = MAX (self->last_year, document.year_to);

      index_document (self, i, entry);
    }

  g_clear_pointer (&self->names_folded, g_hash_table_unref);
  self->vocabulary = sorted_vocabulary (self->words);
  self->stem_vocabulary = sorted_vocabulary (self->stems);

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

/* Calls @func for each token of @vocabulary within the typo allowance of @word. */
static void
for_each_near_word (GPtrArray   *vocabulary,
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

  if (stem != NULL && typo_allowance (g_utf8_strlen (stem, -1)) > 0)
    {
      FuzzyContext context = { scores, fields, needles };

      self->fuzzy_words_left--;
      for_each_near_word (self->stem_vocabulary, stem, typo_allowance (g_utf8_strlen (stem, -1)),
                          score_fuzzy_stem_cb, &context);
    }
  else if (stem == NULL && typo_allowance (n_chars) > 0)
    {
      FuzzyContext context = { scores, fields, needles };

      self->fuzzy_words_left--;
      for_each_near_word (self->vocabulary, word, typo_allowance (n_chars), score_fuzzy_cb, &context);
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
      gboolean in_japanese = FALSE;

      for (const char *p = folded; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          gboolean japanese = is_japanese (c);

          if (is_word_char (c) || japanese)
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

  for (guint i = 0; i < parts->len; i++)
    {
      const char *part = g_ptr_array_index (parts, i);
      gboolean part_japanese = is_japanese (g_utf8_get_char (part));
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

/* One word or one run of Japanese script. */
static void
score_part (NichiroSearch *self,
            const char    *part,
            guint          fields,
            Scores        *scores,
            Needles       *needles)
{
  if (is_japanese (g_utf8_get_char (part)))
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

  scores_init (&all, self->documents->len);
  scores_init (&part, self->documents->len);

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
      scores_reset (&part);
    }

  for (guint j = 0; j < all.touched->len; j++)
    {
      guint document = g_array_index (all.touched, guint, j);

      scores_raise (scores, document, all.scores[document] / parts->len);
    }

  scores_clear (&all);
  scores_clear (&part);

  /* Written just so ("Халхин-Гол"), it scores as a phrase if that is more. */
  score_phrase (self, parts, fields, scores, NULL);
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
  else if (parts->len > 1 && !phrase)
    score_compound (self, parts, fields, scores, needles);
  else
    score_phrase (self, parts, fields, scores, needles);
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

  scores_init (&found, self->documents->len);
  score_text (self, term->text, term->phrase, FIELD_BIT (field), &found, needles);
  for (guint i = 0; i < found.touched->len; i++)
    {
      guint document = g_array_index (found.touched, guint, i);

      scores_raise (scores, document, found.scores[document]);
    }

  if (found.touched->len == 0 && self->warnings != NULL)
    warn_unknown (self, term, field);
  scores_clear (&found);
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

  scores_init (&text, self->documents->len);
  score_text (self, term->text, FALSE, ALL_FIELDS, &text, needles);

  for (guint i = 0; i < self->documents->len; i++)
    {
      const Document *document = &g_array_index (self->documents, Document, i);
      double score = text.scores[i] * YEAR_TEXT_FACTOR;

      if (document->year_from == year)
        score += document->instrument ? YEAR_INSTRUMENT : YEAR_BEGAN;
      else if (document->year_from < year && document->year_to >= year)
        score += YEAR_THROUGH;

      if (score > 0.0)
        scores_raise (scores, i, score);
    }

  scores_clear (&text);
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
      score_text (self, term->text, term->phrase, scope_fields (scope), scores, needles);
      if (scope == NICHIRO_SCOPE_ALL || scope == NICHIRO_SCOPE_NOTES)
        score_notes (self, term->text, scores);
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
  while (*at && is_word_char (g_utf8_get_char (at)))
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
  folded = fold_cached (self, text);
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

  scores_init (&scores, n_documents);

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
          scores_reset (&scores);
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

  tokenize (folded, append_key_cb, key);
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
  add_names (names, nichiro_entry_get_titles (entry));
  add_names (names, nichiro_entry_get_short_titles (entry));
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
      results->suggestion = suggest_spelling (self, parsed);
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
