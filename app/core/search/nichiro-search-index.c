/* nichiro-search-index.c
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

/* People an entry's texts name without their signing it (Witte at the
 * Portsmouth conference, Khrushchev in 1956) are found by their names in
 * every language, as a summary's words would be. Family names of at least
 * this many letters, shared by no one else, are looked for. */
#define MIN_MENTION_KEY 4

/* Folded copies of the dataset's texts, made when a result first needs
 * them: highlighting and phrase checks fold the same texts keystroke after
 * keystroke. The dataset owns the texts, so their addresses are stable. */
const char *
_nichiro_search_fold_cached (NichiroSearch *self,
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

/* Splits folded text into words and runs of Japanese script. */
void
_nichiro_search_tokenize (const char             *text,
                          NichiroSearchTokenFunc  func,
                          gpointer                user_data)
{
  const char *p = text;

  while (*p)
    {
      gunichar c = g_utf8_get_char (p);
      const char *start = p;

      if (_nichiro_search_is_word_char (c))
        {
          while (*p && _nichiro_search_is_word_char (g_utf8_get_char (p)))
            p = g_utf8_next_char (p);
          func (start, p - start, FALSE, user_data);
        }
      else if (_nichiro_search_is_japanese (c))
        {
          while (*p && _nichiro_search_is_japanese (g_utf8_get_char (p)))
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

void
_nichiro_search_add_names (GPtrArray          *strings,
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
void
_nichiro_search_collect_field (NichiroSearch *self,
                               NichiroEntry  *entry,
                               Field          field,
                               GPtrArray     *strings)
{
  const char * const *ids;
  guint n;

  switch (field)
    {
    case FIELD_TITLE:
      _nichiro_search_add_names (strings, nichiro_entry_get_titles (entry));
      break;

    case FIELD_ALIAS:
      add_strv (strings, nichiro_entry_get_aliases (entry));
      _nichiro_search_add_names (strings, nichiro_entry_get_short_titles (entry));
      break;

    case FIELD_PEOPLE:
      {
        const NichiroSignatory *signatories = nichiro_entry_get_signatories (entry, &n);

        for (guint i = 0; i < n; i++)
          {
            const NichiroPerson *person = nichiro_dataset_lookup_person (self->dataset, signatories[i].person_id);

            _nichiro_search_add_names (strings, &signatories[i].name);
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
              _nichiro_search_add_names (strings, &place->name);
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
              _nichiro_search_add_names (strings, &thread->name);
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
              _nichiro_search_add_names (strings, &state->name);
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
          _nichiro_search_add_names (strings, &((const NichiroPerson *) g_ptr_array_index (people, i))->name);
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
                   _nichiro_search_is_japanese (g_utf8_get_char (person->name.ja)) &&
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
      !_nichiro_search_is_word_char (g_utf8_get_char (key)) || strchr (key, ' ') != NULL)
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
      _nichiro_search_collect_field (self, entry, field, strings);
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
              _nichiro_search_tokenize (known, index_token_cb, &context);
              continue;
            }

          folded = nichiro_text_fold (text);
          _nichiro_search_tokenize (folded, index_token_cb, &context);
        }
    }
}

/* Reads every entry of the dataset into the index. */
void
_nichiro_search_build_index (NichiroSearch *self)
{
  GListModel *entries = nichiro_dataset_get_entries (self->dataset);
  guint n_entries = g_list_model_get_n_items (entries);

  self->documents = g_array_sized_new (FALSE, TRUE, sizeof (Document), n_entries);
  self->words = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, posting_free);
  self->grams = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, posting_free);
  self->stems = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, posting_free);
  self->mention_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->mentions = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->names_folded = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  build_mention_keys (self);

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
}
