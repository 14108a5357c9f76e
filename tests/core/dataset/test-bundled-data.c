/* test-bundled-data.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-dataset.h"

/* The bundled dataset is checked like code: beyond the schema and the
 * loader's own rules, what a reader relies on must hold for every entry. */

static NichiroDataset *dataset;

static gboolean
involves_russia (NichiroEntry *entry)
{
  const char * const *parties = nichiro_entry_get_parties (entry);

  return parties != NULL && g_strv_contains (parties, "russia");
}

static void
for_each_entry (void (*check) (NichiroEntry *entry))
{
  GListModel *entries = nichiro_dataset_get_entries (dataset);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      check (entry);
    }
}

/* Every entry reads in three scripts; an instrument between two or more
 * parties has a signatory for at least two of them. */
static void
check_instrument (NichiroEntry *entry)
{
  const NichiroNames *titles = nichiro_entry_get_titles (entry);
  const char * const *parties = nichiro_entry_get_parties (entry);
  const NichiroSignatory *signatories;
  g_autoptr(GHashTable) sides = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_test_message ("%s", nichiro_entry_get_id (entry));
  g_assert_nonnull (titles->ja);
  g_assert_nonnull (titles->ru);

  if (!nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)))
    return;

  signatories = nichiro_entry_get_signatories (entry, &n);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (sides, signatories[i].side);
  g_assert_cmpuint (g_hash_table_size (sides), >=, 1);
  if (parties != NULL && g_strv_length ((char **) parties) >= 2)
    g_assert_cmpuint (g_hash_table_size (sides), >=, 2);
}

static void
check_old_style (NichiroEntry *entry)
{
  const NichiroDate *date = nichiro_entry_get_date (entry);

  if (!involves_russia (entry) || date->precision != NICHIRO_DATE_PRECISION_DAY ||
      !nichiro_date_russia_uses_julian (date))
    return;

  g_test_message ("%s", nichiro_entry_get_id (entry));
  g_assert_true (nichiro_date_is_set (nichiro_entry_get_date_old_style (entry)));
}

static void
check_sources (NichiroEntry *entry)
{
  const NichiroSource *sources;
  guint n;

  sources = nichiro_entry_get_sources (entry, &n);
  g_assert_cmpuint (n, >=, 1);
  for (guint i = 0; i < n; i++)
    g_assert_true (sources[i].url == NULL || g_str_has_prefix (sources[i].url, "https://") ||
                   g_str_has_prefix (sources[i].url, "http://"));
  g_assert_cmpuint (strlen (nichiro_entry_get_summary (entry)), >, 40);
}

static void
test_loads (void)
{
  g_assert_nonnull (dataset);
  g_assert_cmpstr (nichiro_dataset_get_license (dataset), ==, "CC-BY-4.0");
  g_assert_cmpuint (g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)), >=, 60);
}

/* What the chapter and its introduction name is all there. */
static void
test_coverage (void)
{
  static const char *wanted[] = {
    "denbei-1701", "laxman-mission-1792", "rezanov-mission-1804", "golovnin-incident-1811",
    "shimoda-1855", "supplementary-treaty-1857", "commerce-treaty-1858", "sakhalin-arrangement-1867",
    "st-petersburg-1875", "otsu-incident-1891", "triple-intervention-1895", "commerce-treaty-1895",
    "yamagata-lobanov-protocol-1896", "nishi-rosen-agreement-1898",
    "russo-japanese-war-1904", "siege-of-port-arthur-1904", "battle-of-mukden-1905",
    "battle-of-tsushima-1905", "portsmouth-1905", "fisheries-convention-1907", "agreement-1907",
    "agreement-1910", "agreement-1912", "agreement-1916", "knox-neutralization-proposal-1909",
    "october-revolution-1917", "siberian-intervention-1918", "nikolayevsk-incident-1920",
    "northern-sakhalin-occupation-1920", "dairen-conference-1921", "changchun-conference-1922",
    "basic-convention-1925", "sakhalin-concessions-1925", "fisheries-convention-1928",
    "cer-sale-1935", "anti-comintern-pact-1936", "lake-khasan-1938", "nomonhan-1939",
    "nomonhan-ceasefire-1939", "molotov-ribbentrop-pact-1939", "tripartite-pact-1940",
    "neutrality-pact-1941", "concessions-protocol-1944", "yalta-agreement-1945",
    "neutrality-pact-notice-1945", "potsdam-declaration-1945", "soviet-declaration-of-war-1945",
    "soviet-japanese-war-1945", "south-sakhalin-operation-1945", "kuril-islands-landing-1945",
    "japanese-surrender-1945", "allied-occupation-1945", "san-francisco-1951",
    "fisheries-convention-1956", "joint-declaration-1956",
  };

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (nichiro_dataset_lookup_entry (dataset, wanted[i]) == NULL)
      g_error ("the bundled dataset has no entry “%s”", wanted[i]);
}

/* People, eras, threads and states are named in the three scripts too. */
static void
test_names (void)
{
  const NichiroPerson *people;
  const NichiroEra *eras;
  const NichiroThread *threads;
  const NichiroState *states;
  guint n;

  people = nichiro_dataset_get_people (dataset, &n);
  for (guint i = 0; i < n; i++)
    {
      g_test_message ("%s", people[i].id);
      g_assert_nonnull (people[i].name.ja);
      g_assert_nonnull (people[i].name.ru);
    }

  eras = nichiro_dataset_get_eras (dataset, &n);
  g_assert_cmpuint (n, >=, 5);
  for (guint i = 0; i < n; i++)
    g_assert_true (eras[i].name.ja != NULL && eras[i].name.ru != NULL);

  threads = nichiro_dataset_get_threads (dataset, &n);
  for (guint i = 0; i < n; i++)
    g_assert_true (threads[i].name.ja != NULL && threads[i].name.ru != NULL);

  states = nichiro_dataset_get_states (dataset, &n);
  for (guint i = 0; i < n; i++)
    g_assert_true (states[i].name.ja != NULL && states[i].name.ru != NULL);
}

/* The parts follow the chapter in reading order, and each has entries. */
static void
test_parts (void)
{
  GListModel *entries = nichiro_dataset_get_entries (dataset);
  const NichiroPart *parts;
  guint n_parts;

  parts = nichiro_dataset_get_parts (dataset, &n_parts);
  g_assert_cmpuint (n_parts, ==, 8);
  for (guint p = 0; p < n_parts; p++)
    {
      guint count = 0;

      g_assert_cmpuint (parts[p].number, ==, p + 1);
      if (p > 0)
        g_assert_cmpint (nichiro_date_compare (&parts[p - 1].start, &parts[p].start), <=, 0);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

          count += g_strcmp0 (nichiro_entry_get_part (entry), parts[p].id) == 0;
        }
      g_assert_cmpuint (count, >=, 3);
    }
}

static void
test_instruments (void)
{
  for_each_entry (check_instrument);
}

static void
test_old_style (void)
{
  for_each_entry (check_old_style);
}

static void
test_sources (void)
{
  for_each_entry (check_sources);
}

/* The instruments the chapter's summary names are all here. */
static void
test_chapter_instruments (void)
{
  static const struct { const char *title; const char *date; } wanted[] = {
    { "Treaty of Portsmouth", "1905-09-05" },
    { NULL, "1907-07-30" },
    { NULL, "1910-07-04" },
    { NULL, "1912-07-08" },
    { NULL, "1916-07-03" },
    { NULL, "1925-01-20" },
    { NULL, "1941-04-13" },
    { NULL, "1945-08-09" },
    { NULL, "1951-09-08" },
    { NULL, "1956-10-19" },
  };
  GListModel *entries = nichiro_dataset_get_entries (dataset);

  for (guint w = 0; w < G_N_ELEMENTS (wanted); w++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (entries) && !found; i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
          g_autofree char *iso = nichiro_date_to_iso (nichiro_entry_get_date (entry));

          found = g_str_equal (iso, wanted[w].date) &&
                  (wanted[w].title == NULL || g_str_equal (nichiro_entry_get_title (entry), wanted[w].title));
        }

      if (!found)
        g_error ("no entry dated %s in the bundled dataset", wanted[w].date);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dataset = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/nichiro/bundled/loads", test_loads);
  g_test_add_func ("/nichiro/bundled/coverage", test_coverage);
  g_test_add_func ("/nichiro/bundled/names", test_names);
  g_test_add_func ("/nichiro/bundled/parts", test_parts);
  g_test_add_func ("/nichiro/bundled/instruments", test_instruments);
  g_test_add_func ("/nichiro/bundled/old-style", test_old_style);
  g_test_add_func ("/nichiro/bundled/sources", test_sources);
  g_test_add_func ("/nichiro/bundled/chapter-instruments", test_chapter_instruments);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
