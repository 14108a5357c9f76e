/* test-anki.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "nichiro-anki.h"
#include "nichiro-error.h"

/* The cards as a text file for Anki, read back as Anki reads it. */

/* Reads a file as Anki's importer does: tab-separated, fields in double
 * quotes may hold tabs, line breaks and doubled quotes; lines starting
 * with "#" before the first record are headers. */
static GPtrArray *
read_anki (const char *text,
           GPtrArray  *headers)
{
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  const char *p = text;

  while (*p == '#')
    {
      const char *end = strchr (p, '\n');

      g_ptr_array_add (headers, g_strndup (p, end - p));
      p = end + 1;
    }

  while (*p != '\0')
    {
      GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);

      for (;;)
        {
          GString *field = g_string_new (NULL);

          if (*p == '"')
            {
              for (p++; ; p++)
                {
                  g_assert_cmpint (*p, !=, '\0');
                  if (*p == '"' && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p++;
                    }
                  else if (*p == '"')
                    {
                      p++;
                      break;
                    }
                  else
                    {
                      g_string_append_c (field, *p);
                    }
                }
            }
          else
            {
              while (*p != '\t' && *p != '\n' && *p != '\0')
                g_string_append_c (field, *p++);
            }

          g_ptr_array_add (fields, g_string_free (field, FALSE));
          if (*p == '\t')
            {
              p++;
              continue;
            }
          g_assert_cmpint (*p, ==, '\n');
          p++;
          break;
        }

      g_ptr_array_add (records, fields);
    }

  return records;
}

static void
test_anki_small (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "small.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_from_file (file, NULL);
  g_autoptr(NichiroCardSet) set = nichiro_card_set_new (dataset);
  g_autoptr(GPtrArray) cards = nichiro_card_set_select_parts (set, NULL);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *text = NULL;
  GPtrArray *first;
  GPtrArray *article = NULL;

  text = nichiro_anki_export_text (cards, NICHIRO_LANGUAGE_EN, "Nichiro::Test\tdeck", "nichiro:test-small:");
  records = read_anki (text, headers);

  g_assert_cmpuint (headers->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (headers, 0), ==, "#separator:tab");
  g_assert_cmpstr (g_ptr_array_index (headers, 1), ==, "#html:false");
  g_assert_cmpstr (g_ptr_array_index (headers, 2), ==, "#guid column:1");
  g_assert_cmpstr (g_ptr_array_index (headers, 3), ==, "#deck:Nichiro::Test deck");
  g_assert_cmpstr (g_ptr_array_index (headers, 4), ==, "#tags column:4");

  g_assert_cmpuint (records->len, ==, cards->len);
  first = g_ptr_array_index (records, 0);
  g_assert_cmpuint (first->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (first, 0), ==, "nichiro:test-small:date:shimoda-1855");
  g_assert_cmpstr (g_ptr_array_index (first, 1), ==, "When was “Treaty of Shimoda” signed?");
  g_assert_cmpstr (g_ptr_array_index (first, 2), ==, "7 February 1855\nAnsei 1");
  g_assert_cmpstr (g_ptr_array_index (first, 3), ==,
                   "nichiro nichiro::date nichiro::part::one nichiro::entry::shimoda-1855");

  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);

      if (g_str_has_suffix (g_ptr_array_index (record, 0), "article:peace-1905:IX"))
        article = record;
    }
  g_assert_nonnull (article);
  g_assert_cmpstr (g_ptr_array_index (article, 1), ==,
                   "Which instrument says this?\n“Sakhalin south of 50°N passes to Japan.”");
}

/* Every card of the bundled dataset comes back field for field. */
static void
test_anki_bundled (void)
{
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_default (NULL);
  g_autoptr(NichiroCardSet) set = nichiro_card_set_new (dataset);
  g_autoptr(GPtrArray) cards = nichiro_card_set_select_parts (set, NULL);

  for (NichiroLanguage language = 0; language < NICHIRO_N_LANGUAGES; language++)
    {
      g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) records = NULL;
      g_autofree char *text = nichiro_anki_export_text (cards, language, "Nichiro", "n:");

      g_assert_true (g_utf8_validate (text, -1, NULL));
      records = read_anki (text, headers);
      g_assert_cmpuint (records->len, ==, cards->len);
      for (guint i = 0; i < cards->len; i++)
        {
          NichiroCard *card = g_ptr_array_index (cards, i);
          GPtrArray *record = g_ptr_array_index (records, i);
          const char *detail = nichiro_card_get_answer_detail (card, language);

          g_assert_cmpuint (record->len, ==, 4);
          g_assert_true (g_str_has_suffix (g_ptr_array_index (record, 0), nichiro_card_get_id (card)));
          g_assert_cmpstr (g_ptr_array_index (record, 1), ==, nichiro_card_get_prompt (card, language));
          g_assert_true (g_str_has_prefix (g_ptr_array_index (record, 2), nichiro_card_get_answer (card, language)));
          if (detail != NULL)
            g_assert_true (g_str_has_suffix (g_ptr_array_index (record, 2), detail));
          g_assert_null (strchr (g_ptr_array_index (record, 3), '\t'));
        }
    }
}

/* Quotes in a field are doubled inside quotes. */
static void
test_anki_quotes (void)
{
  const char *text =
    "{\"format\": \"nichiro-dataset\", \"version\": 1, \"id\": \"q\", \"title\": \"Q\", \"license\": \"CC0-1.0\","
    " \"states\": [{\"id\": \"japan\", \"name\": {\"en\": \"Japan\"}}],"
    " \"parts\": [{\"id\": \"p\", \"title\": \"P\", \"start\": \"1900\", \"end\": \"1901\"}],"
    " \"eras\": [], \"threads\": [], \"people\": [],"
    " \"entries\": [{\"id\": \"e\", \"kind\": \"event\", \"title\": {\"en\": \"The \\\"Quiet\\\" event\"},"
    " \"date\": \"1900\", \"place\": \"Tokyo\", \"summary\": \"S.\", \"part\": \"p\", \"sources\": [{\"title\": \"S\"}]}]}";
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_from_data (text, strlen (text), "q.json", NULL);
  g_autoptr(NichiroCardSet) set = nichiro_card_set_new (dataset);
  g_autoptr(GPtrArray) cards = nichiro_card_set_select_parts (set, NULL);
  g_autoptr(GPtrArray) headers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *out = nichiro_anki_export_text (cards, NICHIRO_LANGUAGE_EN, "D", "");

  g_assert_nonnull (strstr (out, "\t\"When did “The \"\"Quiet\"\" event” happen?\"\t"));
  records = read_anki (out, headers);
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (records, 0), 1), ==,
                   "When did “The \"Quiet\" event” happen?");
}

static void
test_anki_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "small.json", NULL);
  g_autoptr(GFile) data_file = g_file_new_for_path (path);
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_from_file (data_file, NULL);
  g_autoptr(NichiroCardSet) set = nichiro_card_set_new (dataset);
  g_autoptr(GPtrArray) cards = nichiro_card_set_select_parts (set, NULL);
  g_autofree char *dir = g_dir_make_tmp ("nichiro-anki-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (dir, "cards.txt", NULL);
  g_autofree char *missing_path = g_build_filename (dir, "no", "such", "cards.txt", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autofree char *expected = nichiro_anki_export_text (cards, NICHIRO_LANGUAGE_JA, "Nichiro", "x:");
  g_autofree char *written = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (nichiro_anki_export_file (cards, NICHIRO_LANGUAGE_JA, "Nichiro", "x:", out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);

  g_assert_false (nichiro_anki_export_file (cards, NICHIRO_LANGUAGE_JA, "Nichiro", "x:", missing, NULL, &error));
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, missing_path));

  g_unlink (out_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/nichiro/anki/small", test_anki_small);
  g_test_add_func ("/nichiro/anki/bundled", test_anki_bundled);
  g_test_add_func ("/nichiro/anki/quotes", test_anki_quotes);
  g_test_add_func ("/nichiro/anki/file", test_anki_file);

  return g_test_run ();
}
