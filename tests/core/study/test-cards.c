/* test-cards.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-card-set.h"

/* The cards the dataset gives: exact sets from the test datasets, and
 * properties that must hold over the whole bundled dataset, however it
 * grows. */

static NichiroDataset *
load_dataset (const char *first,
              ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  NichiroDataset *dataset;
  va_list args;

  g_ptr_array_add (parts, (char *) g_test_get_dir (G_TEST_DIST));
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  path = g_build_filenamev ((char **) parts->pdata);
  file = g_file_new_for_path (path);
  dataset = nichiro_dataset_new_from_file (file, &error);
  g_assert_no_error (error);

  return dataset;
}

static NichiroDataset *
load_bundled (void)
{
  g_autoptr(GError) error = NULL;
  NichiroDataset *dataset = nichiro_dataset_new_default (&error);

  g_assert_no_error (error);
  return dataset;
}

static void
assert_counts (NichiroCardSet *set,
               const guint     expected[NICHIRO_N_CARD_TYPES])
{
  guint total = 0;

  for (NichiroCardType type = 0; type < NICHIRO_N_CARD_TYPES; type++)
    {
      g_test_message ("%s: %u", nichiro_card_type_to_string (type), nichiro_card_set_count (set, type));
      g_assert_cmpuint (nichiro_card_set_count (set, type), ==, expected[type]);
      total += expected[type];
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (set)), ==, total);
}

/* Independent checks that a prompt does not give its answer away */

static gboolean
mentions_word (const char *text,
               const char *word)
{
  g_autofree char *hay = g_utf8_casefold (text, -1);
  g_autofree char *needle = g_utf8_casefold (word, -1);
  gsize length = strlen (needle);

  if (length == 0)
    return FALSE;

  for (const char *at = strstr (hay, needle); at != NULL; at = strstr (at + 1, needle))
    {
      const char *after = at + length;
      gunichar before_char = at > hay ? g_utf8_get_char (g_utf8_prev_char (at)) : ' ';
      gunichar after_char = *after != '\0' ? g_utf8_get_char (after) : ' ';
      gboolean latin = g_unichar_isalnum (g_utf8_get_char (needle)) &&
                       g_unichar_get_script (g_utf8_get_char (needle)) != G_UNICODE_SCRIPT_HAN &&
                       g_unichar_get_script (g_utf8_get_char (needle)) != G_UNICODE_SCRIPT_HIRAGANA &&
                       g_unichar_get_script (g_utf8_get_char (needle)) != G_UNICODE_SCRIPT_KATAKANA;

      if (!latin || (!g_unichar_isalnum (before_char) && !g_unichar_isalnum (after_char)))
        return TRUE;
    }

  return FALSE;
}

static gboolean
mentions_substring (const char *text,
                    const char *part)
{
  g_autofree char *hay = g_utf8_casefold (text, -1);
  g_autofree char *needle = g_utf8_casefold (part, -1);

  return needle[0] != '\0' && strstr (hay, needle) != NULL;
}

static GPtrArray *
words_of (const char *text,
          guint       min_length)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text; ; p = g_utf8_next_char (p))
    {
      gboolean letter = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (letter && start == NULL)
        start = p;
      else if (!letter && start != NULL)
        {
          if (g_utf8_strlen (start, p - start) >= min_length)
            g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }

  return words;
}

static char *
year_of (NichiroEntry *entry)
{
  return g_strdup_printf ("%d", nichiro_entry_get_date (entry)->year);
}

/* Place words that name a country or a compass point say nothing of where
 * exactly: "Moscow, USSR" may be asked about the Soviet–Japanese pact. */
static const char * const place_words_allowed[] = {
  "japan", "japanese", "russia", "russian", "empire", "soviet", "union", "united", "states",
  "china", "chinese", "korea", "korean", "kingdom", "republic", "republics", "socialist",
  "north", "south", "northern", "southern", "eastern", "western", "islands", "island",
  "america", "germany", "foreign", "ministry", "affairs", "people",
  NULL
};

static void
assert_prompt_keeps_answer (NichiroDataset  *dataset,
                            NichiroCard     *card,
                            NichiroLanguage  language)
{
  const char *prompt = nichiro_card_get_prompt (card, language);
  const char *answer = nichiro_card_get_answer (card, language);
  NichiroEntry *entry = nichiro_card_get_entry (card);
  GPtrArray *entries = nichiro_card_get_entries (card);

  g_assert_nonnull (prompt);
  g_assert_nonnull (answer);
  g_assert_cmpstr (prompt, !=, "");
  g_assert_cmpstr (answer, !=, "");

  switch (nichiro_card_get_card_type (card))
    {
    case NICHIRO_CARD_TYPE_DATE:
      {
        g_autofree char *year = year_of (entry);

        g_assert_false (mentions_substring (prompt, year));
        g_assert_false (mentions_substring (prompt, answer));
      }
      break;

    case NICHIRO_CARD_TYPE_PLACE:
      {
        g_autoptr(GPtrArray) words = words_of (nichiro_entry_get_place (entry), 4);

        for (guint i = 0; i < words->len; i++)
          {
            g_autofree char *word = g_utf8_casefold (g_ptr_array_index (words, i), -1);

            if (!g_strv_contains (place_words_allowed, word) && mentions_word (prompt, word))
              g_error ("%s: the prompt names “%s” of the place: %s", nichiro_card_get_id (card), word, prompt);
          }
      }
      break;

    case NICHIRO_CARD_TYPE_SIGNATORIES:
      {
        const NichiroSignatory *signatories;
        const char *side = strrchr (nichiro_card_get_id (card), ':') + 1;
        guint n;

        signatories = nichiro_entry_get_signatories (entry, &n);
        for (guint i = 0; i < n; i++)
          {
            const char *latin[] = { signatories[i].name.en, signatories[i].name.ru };

            if (g_strcmp0 (signatories[i].side, side) != 0)
              continue;

            for (guint l = 0; l < G_N_ELEMENTS (latin); l++)
              {
                g_autoptr(GPtrArray) words = NULL;

                if (latin[l] == NULL)
                  continue;
                words = words_of (latin[l], 4);
                for (guint w = 0; w < words->len; w++)
                  g_assert_false (mentions_substring (prompt, g_ptr_array_index (words, w)));
              }
            if (signatories[i].name.ja != NULL)
              g_assert_false (mentions_substring (prompt, signatories[i].name.ja));
          }
      }
      break;

    case NICHIRO_CARD_TYPE_ARTICLE:
      {
        const NichiroNames *titles = nichiro_entry_get_titles (entry);
        const char * const *aliases = nichiro_entry_get_aliases (entry);

        g_assert_false (mentions_word (prompt, titles->en));
        if (titles->ja != NULL)
          g_assert_false (mentions_word (prompt, titles->ja));
        if (titles->ru != NULL)
          g_assert_false (mentions_word (prompt, titles->ru));
        for (guint i = 0; aliases != NULL && aliases[i] != NULL; i++)
          {
            if (mentions_word (prompt, aliases[i]))
              g_error ("%s: the prompt names “%s”: %s", nichiro_card_get_id (card), aliases[i], prompt);
          }
        g_assert_false (mentions_word (prompt, answer));
      }
      break;

    case NICHIRO_CARD_TYPE_ORDER:
      g_assert_cmpuint (entries->len, ==, 2);
      for (guint i = 0; i < entries->len; i++)
        {
          g_autofree char *year = year_of (g_ptr_array_index (entries, i));

          g_assert_false (mentions_substring (prompt, year));
        }
      break;

    case NICHIRO_CARD_TYPE_SUCCESSOR:
      /* Every entry but the last (the one asked about) is an answer. */
      for (guint i = 0; i + 1 < entries->len; i++)
        {
          const NichiroNames *titles = nichiro_entry_get_titles (g_ptr_array_index (entries, i));

          g_assert_false (mentions_substring (prompt, titles->en));
          if (titles->ja != NULL)
            g_assert_false (mentions_substring (prompt, titles->ja));
          if (titles->ru != NULL)
            g_assert_false (mentions_substring (prompt, titles->ru));
        }
      break;

    case NICHIRO_N_CARD_TYPES:
    default:
      g_assert_not_reached ();
    }

  (void) dataset;
}

/* What must hold for every card of a dataset, in each language. */
static void
assert_card_set_sound (NichiroDataset *dataset,
                       NichiroCardSet *set)
{
  GListModel *model = G_LIST_MODEL (set);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) prompts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint parts_n;
  const NichiroPart *parts = nichiro_dataset_get_parts (dataset, &parts_n);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NichiroCard) card = g_list_model_get_item (model, i);
      const char *id = nichiro_card_get_id (card);
      const char *type = nichiro_card_type_to_string (nichiro_card_get_card_type (card));
      gboolean part_known = FALSE;

      /* Ids are unique, start with what the card asks, and find the card. */
      g_assert_false (g_hash_table_contains (ids, id));
      g_hash_table_add (ids, (char *) id);
      g_assert_true (nichiro_card_set_lookup (set, id) == card);
      if (nichiro_card_get_card_type (card) != NICHIRO_CARD_TYPE_SUCCESSOR)
        g_assert_true (g_str_has_prefix (id, type));

      for (guint p = 0; p < parts_n; p++)
        part_known |= g_str_equal (parts[p].id, nichiro_card_get_part (card));
      g_assert_true (part_known);
      g_assert_true (g_ptr_array_index (nichiro_card_get_entries (card), 0) == nichiro_card_get_entry (card));

      for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
        {
          g_autofree char *key = g_strdup_printf ("%s|%d|%s", type, language,
                                                  nichiro_card_get_prompt (card, language));

          assert_prompt_keeps_answer (dataset, card, language);

          /* Two cards of one type never ask the same question. */
          if (g_hash_table_contains (prompts, key))
            g_error ("two %s cards ask “%s”", type, nichiro_card_get_prompt (card, language));
          g_hash_table_add (prompts, g_steal_pointer (&key));
        }
    }
}

/* The small dataset */

static void
test_small (void)
{
  static const guint expected[NICHIRO_N_CARD_TYPES] = {
    [NICHIRO_CARD_TYPE_DATE] = 3,
    [NICHIRO_CARD_TYPE_PLACE] = 0,
    [NICHIRO_CARD_TYPE_SIGNATORIES] = 2,
    [NICHIRO_CARD_TYPE_ARTICLE] = 1,
    [NICHIRO_CARD_TYPE_ORDER] = 1,
    [NICHIRO_CARD_TYPE_SUCCESSOR] = 0,
  };
  static const char * const ids[] = {
    "date:shimoda-1855",
    "date:war-1904",
    "order:peace-1905:war-1904",
    "date:peace-1905",
    "signatories:peace-1905:japan",
    "signatories:peace-1905:russia",
    "article:peace-1905:IX",
  };
  g_autoptr(NichiroDataset) dataset = load_dataset ("..", "..", "data", "small.json", NULL);
  NichiroCardSet *set = nichiro_card_set_new (dataset);
  NichiroCard *card;

  assert_counts (set, expected);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(NichiroCard) item = g_list_model_get_item (G_LIST_MODEL (set), i);

      g_assert_cmpstr (nichiro_card_get_id (item), ==, ids[i]);
    }

  /* The date, then Old Style and the Japanese era. */
  card = nichiro_card_set_lookup (set, "date:peace-1905");
  g_assert_cmpint (nichiro_card_get_card_type (card), ==, NICHIRO_CARD_TYPE_DATE);
  g_assert_cmpstr (nichiro_card_get_part (card), ==, "two");
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_card_get_entry (card)), ==, "peace-1905");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==, "When was “Treaty of Portsmouth” signed?");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_JA), ==, "When was “ポーツマス条約” signed?");
  g_assert_cmpstr (nichiro_card_get_answer (card, NICHIRO_LANGUAGE_EN), ==, "5 September 1905");
  g_assert_cmpstr (nichiro_card_get_answer_detail (card, NICHIRO_LANGUAGE_EN), ==, "23 August 1905 O.S. · Meiji 38");
  g_assert_cmpuint (nichiro_card_get_n_choices (card), ==, 0);

  /* A war begins; without an Old Style date only the era follows. */
  card = nichiro_card_set_lookup (set, "date:war-1904");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==,
                   "When did “A war between Japan and Russia” begin?");
  card = nichiro_card_set_lookup (set, "date:shimoda-1855");
  g_assert_cmpstr (nichiro_card_get_answer_detail (card, NICHIRO_LANGUAGE_EN), ==, "Ansei 1");

  /* The title names Portsmouth: no card asks where it was signed. */
  g_assert_null (nichiro_card_set_lookup (set, "place:peace-1905"));

  card = nichiro_card_set_lookup (set, "signatories:peace-1905:russia");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==,
                   "Who signed “Treaty of Portsmouth” for Russian Empire?");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_RU), ==,
                   "Who signed “Портсмутский мирный договор” for Российская империя?");
  g_assert_cmpstr (nichiro_card_get_answer (card, NICHIRO_LANGUAGE_EN), ==, "Sergei Witte");
  g_assert_cmpstr (nichiro_card_get_answer (card, NICHIRO_LANGUAGE_RU), ==, "Сергей Витте");
  g_assert_null (nichiro_card_get_answer_detail (card, NICHIRO_LANGUAGE_EN));
  card = nichiro_card_set_lookup (set, "signatories:peace-1905:japan");
  g_assert_cmpstr (nichiro_card_get_answer_detail (card, NICHIRO_LANGUAGE_EN), ==, "Komura Jutaro, Foreign Minister");

  card = nichiro_card_set_lookup (set, "article:peace-1905:IX");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==,
                   "Which instrument says this?\n“Sakhalin south of 50°N passes to Japan.”");
  g_assert_cmpstr (nichiro_card_get_answer (card, NICHIRO_LANGUAGE_JA), ==, "ポーツマス条約");
  g_assert_cmpstr (nichiro_card_get_answer_detail (card, NICHIRO_LANGUAGE_EN), ==, "Article IX · 5 September 1905");

  /* Which came first: offered in id order, the war is right. */
  card = nichiro_card_set_lookup (set, "order:peace-1905:war-1904");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==,
                   "Which came first: “Treaty of Portsmouth” or “A war between Japan and Russia”?");
  g_assert_cmpuint (nichiro_card_get_n_choices (card), ==, 2);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_card_get_choice (card, 0)), ==, "peace-1905");
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_card_get_choice (card, 1)), ==, "war-1904");
  g_assert_false (nichiro_card_is_choice_correct (card, 0));
  g_assert_true (nichiro_card_is_choice_correct (card, 1));
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_card_get_entry (card)), ==, "war-1904");
  g_assert_cmpstr (nichiro_card_get_answer (card, NICHIRO_LANGUAGE_EN), ==,
                   "“A war between Japan and Russia” came first.");

  assert_card_set_sound (dataset, set);
  g_assert_finalize_object (set);
}

/* Every type, ties, relations, ambiguous titles */

static void
test_every_type (void)
{
  static const guint expected[NICHIRO_N_CARD_TYPES] = {
    [NICHIRO_CARD_TYPE_DATE] = 6,
    [NICHIRO_CARD_TYPE_PLACE] = 2,
    [NICHIRO_CARD_TYPE_SIGNATORIES] = 2,
    [NICHIRO_CARD_TYPE_ARTICLE] = 1,
    [NICHIRO_CARD_TYPE_ORDER] = 3,
    [NICHIRO_CARD_TYPE_SUCCESSOR] = 2,
  };
  g_autoptr(NichiroDataset) dataset = load_dataset ("cards.json", NULL);
  NichiroCardSet *set = nichiro_card_set_new (dataset);
  NichiroCard *card;

  assert_counts (set, expected);

  /* A year in the title is left out; where that leaves two titles alike,
   * an alias without the year stands in. */
  card = nichiro_card_set_lookup (set, "date:treaty-a");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==, "When was “Treaty of Aldport” signed?");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_RU), ==, "When was “Алдпортский договор” signed?");
  card = nichiro_card_set_lookup (set, "date:agreement-1870");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==, "When was “First Agreement” signed?");
  card = nichiro_card_set_lookup (set, "date:agreement-1880");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==, "When was “Second Agreement” signed?");
  g_assert_cmpstr (nichiro_card_get_answer (card, NICHIRO_LANGUAGE_EN), ==, "June 1880");

  /* Aldport is in the title: no place card; Tokyo is not. */
  g_assert_null (nichiro_card_set_lookup (set, "place:treaty-a"));
  card = nichiro_card_set_lookup (set, "place:ivanov-kato-1850");
  g_assert_cmpstr (nichiro_card_get_answer (card, NICHIRO_LANGUAGE_EN), ==, "Tokyo, Japan");

  /* The Ivanov–Kato Agreement names both signatories. */
  g_assert_null (nichiro_card_set_lookup (set, "signatories:ivanov-kato-1850:japan"));
  g_assert_null (nichiro_card_set_lookup (set, "signatories:ivanov-kato-1850:russia"));
  g_assert_nonnull (nichiro_card_set_lookup (set, "signatories:treaty-a:japan"));

  /* The article hides the title's own word and the aliases; the second
   * article, all names, gives no card. */
  card = nichiro_card_set_lookup (set, "article:treaty-a:1");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==,
                   "Which instrument says this?\n“The […] belongs to Japan and the harbour of […] opens to Russian ships.”");
  g_assert_null (nichiro_card_set_lookup (set, "article:treaty-a:2"));

  /* Signed the same day: either answer is right. */
  card = nichiro_card_set_lookup (set, "order:ivanov-kato-1850:treaty-a");
  g_assert_true (nichiro_card_is_choice_correct (card, 0));
  g_assert_true (nichiro_card_is_choice_correct (card, 1));
  g_assert_cmpstr (nichiro_card_get_answer (card, NICHIRO_LANGUAGE_EN), ==,
                   "They have the same date: either answer is right.");

  /* 1850-03-01 before 1862; 1870-05-05 before 1880; but "1880" and
   * "1880-06" cannot be told apart, so they make no card. */
  card = nichiro_card_set_lookup (set, "order:ivanov-kato-1850:treaty-b");
  g_assert_true (nichiro_card_is_choice_correct (card, 0));
  g_assert_false (nichiro_card_is_choice_correct (card, 1));
  g_assert_nonnull (nichiro_card_set_lookup (set, "order:agreement-1870:event-1880"));
  g_assert_null (nichiro_card_set_lookup (set, "order:agreement-1880:event-1880"));

  /* What replaced the treaty belongs to the part of what replaced it. */
  card = nichiro_card_set_lookup (set, "replaced:treaty-a");
  g_assert_cmpint (nichiro_card_get_card_type (card), ==, NICHIRO_CARD_TYPE_SUCCESSOR);
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==, "What replaced “Treaty of Aldport of 1850”?");
  g_assert_cmpstr (nichiro_card_get_answer (card, NICHIRO_LANGUAGE_EN), ==, "Treaty of Corvin of 1862");
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_card_get_entry (card)), ==, "treaty-b");
  card = nichiro_card_set_lookup (set, "ended:treaty-b");
  g_assert_cmpstr (nichiro_card_get_prompt (card, NICHIRO_LANGUAGE_EN), ==, "What ended “Treaty of Corvin of 1862”?");
  g_assert_cmpstr (nichiro_card_get_part (card), ==, "beta");

  assert_card_set_sound (dataset, set);
  g_assert_finalize_object (set);
}

/* A dataset without some field gives fewer types. */
static void
test_fewer_types (void)
{
  static const guint expected[NICHIRO_N_CARD_TYPES] = {
    [NICHIRO_CARD_TYPE_DATE] = 1,
  };
  const char *text =
    "{\"format\": \"nichiro-dataset\", \"version\": 1, \"id\": \"one\", \"title\": \"One\", \"license\": \"CC0-1.0\","
    " \"states\": [{\"id\": \"japan\", \"name\": {\"en\": \"Japan\"}}], \"parts\": [{\"id\": \"p\", \"title\": \"P\", \"start\": \"1900\", \"end\": \"1901\"}],"
    " \"eras\": [], \"threads\": [], \"people\": [],"
    " \"entries\": [{\"id\": \"e\", \"kind\": \"event\", \"title\": {\"en\": \"An event\"}, \"date\": \"1900\","
    " \"summary\": \"Something.\", \"part\": \"p\", \"sources\": [{\"title\": \"S\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_from_data (text, strlen (text), "one.json", &error);
  NichiroCardSet *set;

  g_assert_no_error (error);
  set = nichiro_card_set_new (dataset);
  assert_counts (set, expected);
  g_assert_finalize_object (set);
}

/* The bundled dataset */

static void
test_bundled_sound (void)
{
  g_autoptr(NichiroDataset) dataset = load_bundled ();
  NichiroCardSet *set = nichiro_card_set_new (dataset);
  guint n_entries = g_list_model_get_n_items (nichiro_dataset_get_entries (dataset));

  /* Every entry has a date, and so a card asking it. */
  g_assert_cmpuint (nichiro_card_set_count (set, NICHIRO_CARD_TYPE_DATE), ==, n_entries);
  for (NichiroCardType type = 0; type < NICHIRO_N_CARD_TYPES; type++)
    {
      g_test_message ("%s: %u", nichiro_card_type_to_string (type), nichiro_card_set_count (set, type));
      g_assert_cmpuint (nichiro_card_set_count (set, type), >, 0);
    }

  assert_card_set_sound (dataset, set);
  g_assert_finalize_object (set);
}

/* The same dataset gives the same cards in the same order. */
static void
test_deterministic (void)
{
  g_autoptr(NichiroDataset) dataset = load_bundled ();
  g_autoptr(NichiroCardSet) first = nichiro_card_set_new (dataset);
  g_autoptr(NichiroCardSet) second = nichiro_card_set_new (dataset);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (first));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (second)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NichiroCard) a = g_list_model_get_item (G_LIST_MODEL (first), i);
      g_autoptr(NichiroCard) b = g_list_model_get_item (G_LIST_MODEL (second), i);

      g_assert_cmpstr (nichiro_card_get_id (a), ==, nichiro_card_get_id (b));
      for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
        {
          g_assert_cmpstr (nichiro_card_get_prompt (a, language), ==, nichiro_card_get_prompt (b, language));
          g_assert_cmpstr (nichiro_card_get_answer (a, language), ==, nichiro_card_get_answer (b, language));
        }
    }
}

/* A card keeps its id when the dataset changes around it. */
static void
test_ids_survive_updates (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "small.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GString) updated = NULL;
  g_autoptr(NichiroDataset) before = load_dataset ("..", "..", "data", "small.json", NULL);
  g_autoptr(NichiroDataset) after = NULL;
  g_autoptr(NichiroCardSet) old_set = nichiro_card_set_new (before);
  g_autoptr(NichiroCardSet) new_set = NULL;
  g_autoptr(GError) error = NULL;

  /* A new entry before the others, and a place for the war. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  updated = g_string_new (contents);
  g_string_replace (updated, "\"entries\": [",
                    "\"entries\": [ { \"id\": \"early-1854\", \"kind\": \"event\", \"title\": { \"en\": \"An early visit\" },"
                    " \"date\": \"1854\", \"summary\": \"Earlier.\", \"part\": \"one\","
                    " \"sources\": [ { \"title\": \"S\" } ] },", 1);
  g_string_replace (updated, "\"end_date\": \"1905-09-05\",", "\"end_date\": \"1905-09-05\", \"place\": \"Manchuria\",", 1);
  after = nichiro_dataset_new_from_data (updated->str, updated->len, "updated.json", &error);
  g_assert_no_error (error);
  new_set = nichiro_card_set_new (after);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (new_set)), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (old_set)) + 3);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (old_set)); i++)
    {
      g_autoptr(NichiroCard) card = g_list_model_get_item (G_LIST_MODEL (old_set), i);
      NichiroCard *same = nichiro_card_set_lookup (new_set, nichiro_card_get_id (card));

      g_assert_nonnull (same);
      g_assert_cmpstr (nichiro_card_get_answer (same, NICHIRO_LANGUAGE_EN), ==,
                       nichiro_card_get_answer (card, NICHIRO_LANGUAGE_EN));
    }
  g_assert_nonnull (nichiro_card_set_lookup (new_set, "date:early-1854"));
  g_assert_nonnull (nichiro_card_set_lookup (new_set, "order:early-1854:shimoda-1855"));
  g_assert_nonnull (nichiro_card_set_lookup (new_set, "place:war-1904"));
}

static void
test_select (void)
{
  g_autoptr(NichiroDataset) dataset = load_dataset ("..", "..", "data", "small.json", NULL);
  g_autoptr(NichiroCardSet) set = nichiro_card_set_new (dataset);
  const char * const one[] = { "one", NULL };
  const char * const both[] = { "two", "one", NULL };
  g_autoptr(GPtrArray) part_one = nichiro_card_set_select_parts (set, one);
  g_autoptr(GPtrArray) parts_both = nichiro_card_set_select_parts (set, both);
  g_autoptr(GPtrArray) all = nichiro_card_set_select_parts (set, NULL);
  g_autoptr(GHashTable) studied = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) of_peace = NULL;
  g_autoptr(GPtrArray) of_both = NULL;

  g_assert_cmpuint (part_one->len, ==, 1);
  g_assert_cmpstr (nichiro_card_get_id (g_ptr_array_index (part_one, 0)), ==, "date:shimoda-1855");
  g_assert_cmpuint (parts_both->len, ==, 7);
  g_assert_cmpuint (all->len, ==, 7);

  /* "What I have studied": a card about two entries needs both. */
  g_hash_table_add (studied, (char *) "peace-1905");
  of_peace = nichiro_card_set_select_entries (set, studied);
  g_assert_cmpuint (of_peace->len, ==, 4);
  for (guint i = 0; i < of_peace->len; i++)
    g_assert_null (strstr (nichiro_card_get_id (g_ptr_array_index (of_peace, i)), "war-1904"));

  g_hash_table_add (studied, (char *) "war-1904");
  of_both = nichiro_card_set_select_entries (set, studied);
  g_assert_cmpuint (of_both->len, ==, 6);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nichiro/cards/small", test_small);
  g_test_add_func ("/nichiro/cards/every-type", test_every_type);
  g_test_add_func ("/nichiro/cards/fewer-types", test_fewer_types);
  g_test_add_func ("/nichiro/cards/bundled-sound", test_bundled_sound);
  g_test_add_func ("/nichiro/cards/deterministic", test_deterministic);
  g_test_add_func ("/nichiro/cards/ids-survive-updates", test_ids_survive_updates);
  g_test_add_func ("/nichiro/cards/select", test_select);

  return g_test_run ();
}
