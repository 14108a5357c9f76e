/* test-search.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nichiro-search.h"
#include "nichiro-text.h"

static NichiroDataset *dataset;

typedef struct
{
  const char *query;
  const char *first;   /* NULL: no results */
  guint n_results;
} SearchCase;

static const SearchCase search_cases[] = {
  { "portsmouth", "peace-1905", 2 },
  { "PORTSMOUTH", "peace-1905", 2 },
  { "Treaty of Portsmouth", "peace-1905", 1 },
  { "portsm", "peace-1905", 2 },
  { "ポーツマス", "peace-1905", 1 },
  { "Портсмутский", "peace-1905", 1 },
  { "портсмутскии", "peace-1905", 1 },
  { "Komura Jūtarō", "peace-1905", 1 },
  { "komura jutaro", "peace-1905", 1 },
  { "ＫＯＭＵＲＡ", "peace-1905", 1 },
  { "Комура", "peace-1905", 1 },
  { "karafuto", "peace-1905", 1 },
  { "樺太", "peace-1905", 1 },
  { "sakhalin 50°n", "peace-1905", 1 },
  { "war", "war-1904", 1 },
  { "treaty", "shimoda-1855", 2 },
  { "  shimoda  ", "shimoda-1855", 1 },
  { "shimoda portsmouth", NULL, 0 },
  { "zzzz", NULL, 0 },
  { "", NULL, 0 },
  { "   ", NULL, 0 },
  { "\"<b>", "peace-1905", 1 },
};

static void
test_query (gconstpointer data)
{
  const SearchCase *test = data;
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, test->query);
  GPtrArray *items = results->items;

  g_assert_cmpuint (items->len, ==, test->n_results);
  if (test->first != NULL)
    g_assert_cmpstr (nichiro_entry_get_id (((NichiroSearchResult *) g_ptr_array_index (items, 0))->entry),
                     ==, test->first);

  for (guint i = 1; i < items->len; i++)
    g_assert_cmpfloat (((NichiroSearchResult *) g_ptr_array_index (items, i - 1))->score, >=,
                       ((NichiroSearchResult *) g_ptr_array_index (items, i))->score);
}

static void
test_invalid_utf8_query (void)
{
  g_autoptr(NichiroSearch) search = nichiro_search_new (dataset);
  g_autoptr(NichiroSearchResults) results = nichiro_search_run (search, "port\xff");

  g_assert_cmpuint (results->items->len, ==, 0);
  g_assert_cmpstr (results->warnings[0], ==, "The query is not valid text and was ignored.");
}

typedef struct
{
  const char *text;
  const char *folded;
} FoldCase;

static const FoldCase fold_cases[] = {
  { "Komura Jūtarō", "komura jutaro" },
  { "ＫＯＭＵＲＡ", "komura" },
  { "Ёлка", "елка" },
  { "Café", "cafe" },
  { "ﾎﾟｰﾂﾏｽ", "ポーツマス" },
  { "ポーツマス", "ポーツマス" },
  { "Ōtsu", "otsu" },
  { "", "" },
};

static void
test_fold (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fold_cases); i++)
    {
      g_autofree char *folded = nichiro_text_fold (fold_cases[i].text);

      g_assert_cmpstr (folded, ==, fold_cases[i].folded);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "..", "data", "small.json", NULL);
  file = g_file_new_for_path (path);
  dataset = nichiro_dataset_new_from_file (file, &error);
  g_assert_no_error (error);

  g_test_add_func ("/nichiro/search/fold", test_fold);
  g_test_add_func ("/nichiro/search/invalid-utf8", test_invalid_utf8_query);
  for (guint i = 0; i < G_N_ELEMENTS (search_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/search/query/%u", i);

      g_test_add_data_func (test_path, &search_cases[i], test_query);
    }

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
