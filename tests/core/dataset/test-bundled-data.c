/* test-bundled-data.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-dataset.h"
#include "nichiro-dataset-loader.h"

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

static gboolean
is_instrument (NichiroEntry *entry)
{
  return nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry));
}

/* Instruments whose text was not available, so that a part of what the
 * others give is missing; each says so in its notes. */
static const struct
{
  const char *id;
  gboolean no_signatories;
  gboolean no_articles;
} incomplete[] = {
  { "trade-convention-1867", FALSE, TRUE },
  { "commerce-navigation-treaty-1907", FALSE, TRUE },
  { "trade-protocol-1956", TRUE, FALSE },
};

static gboolean
lacks (NichiroEntry *entry,
       gboolean      signatories)
{
  for (guint i = 0; i < G_N_ELEMENTS (incomplete); i++)
    {
      if (g_str_equal (incomplete[i].id, nichiro_entry_get_id (entry)))
        {
          g_assert_nonnull (strstr (nichiro_entry_get_notes (entry), "was not available"));
          return signatories ? incomplete[i].no_signatories : incomplete[i].no_articles;
        }
    }

  return FALSE;
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

  if (!is_instrument (entry) || lacks (entry, TRUE))
    return;

  signatories = nichiro_entry_get_signatories (entry, &n);
  for (guint i = 0; i < n; i++)
    g_hash_table_add (sides, signatories[i].side);
  g_assert_cmpuint (g_hash_table_size (sides), >=, 1);
  if (parties != NULL && g_strv_length ((char **) parties) >= 2)
    g_assert_cmpuint (g_hash_table_size (sides), >=, 2);
}

/* A day of Russia's history before 14 February 1918 has its Old Style
 * date: the entry's own, and those of its stages and its end. */
static void
check_old_style_pair (const NichiroDate *date,
                      const NichiroDate *old_style)
{
  if (date->precision != NICHIRO_DATE_PRECISION_DAY || !nichiro_date_russia_uses_julian (date))
    return;

  g_assert_true (nichiro_date_is_set (old_style));
}

static void
check_old_style (NichiroEntry *entry)
{
  const NichiroLifecycleStep *steps;
  const NichiroEnd *end;
  guint n;

  if (!involves_russia (entry))
    return;

  g_test_message ("%s", nichiro_entry_get_id (entry));
  check_old_style_pair (nichiro_entry_get_date (entry), nichiro_entry_get_date_old_style (entry));
  check_old_style_pair (nichiro_entry_get_end_date (entry), nichiro_entry_get_end_date_old_style (entry));

  steps = nichiro_entry_get_lifecycle (entry, &n);
  for (guint i = 0; i < n; i++)
    check_old_style_pair (&steps[i].date, &steps[i].date_old_style);

  end = nichiro_entry_get_end (entry);
  if (end != NULL)
    check_old_style_pair (&end->date, &end->date_old_style);

  end = nichiro_entry_get_partial_ends (entry, &n);
  for (guint i = 0; i < n; i++)
    check_old_style_pair (&end[i].date, &end[i].date_old_style);
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

/* No instrument is left without an end, or without saying why it has
 * none; every end says what happened and where that is told. */
static void
check_end (NichiroEntry *entry)
{
  const NichiroEnd *end;
  const NichiroEnd *partial;
  guint n;

  if (!is_instrument (entry))
    return;

  g_test_message ("%s", nichiro_entry_get_id (entry));
  end = nichiro_entry_get_end (entry);
  g_assert_nonnull (end);
  g_assert_cmpint (end->status, !=, NICHIRO_END_UNKNOWN);
  g_assert_cmpuint (strlen (end->note), >, 40);
  g_assert_cmpuint (end->n_sources, >=, 1);
  for (guint i = 0; i < end->n_sources; i++)
    g_assert_nonnull (end->sources[i].url);

  switch (end->status)
    {
    case NICHIRO_END_DISPUTED:
      g_assert_cmpuint (end->n_views, >=, 2);
      break;
    case NICHIRO_END_STILL_IN_FORCE:
    case NICHIRO_END_NO_FORMAL_END:
      break;
    default:
      g_assert_true (nichiro_date_is_set (&end->date));
    }

  partial = nichiro_entry_get_partial_ends (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      g_assert_nonnull (partial[i].articles[0]);
      g_assert_cmpuint (partial[i].n_sources, >=, 1);
    }
}

static void
test_loads (void)
{
  NichiroDate start, end;

  g_assert_nonnull (dataset);
  g_assert_cmpstr (nichiro_dataset_get_license (dataset), ==, "CC-BY-4.0");
  g_assert_cmpuint (g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)), >=, 80);

  /* The period is what the book covers; the title states the real range. */
  g_assert_true (nichiro_dataset_get_period (dataset, &start, &end));
  g_assert_cmpint (start.year, ==, 1855);
  g_assert_cmpint (end.year, ==, 1956);
  g_assert_true (nichiro_dataset_get_span (dataset, &start, &end));
  g_assert_cmpint (start.year, ==, 1702);
  g_assert_cmpint (end.year, ==, 1956);
  g_assert_nonnull (strstr (nichiro_dataset_get_title (dataset), "1702–1956"));
  g_assert_nonnull (strstr (nichiro_dataset_get_description (dataset), "1702"));
  g_assert_cmpint (nichiro_dataset_lookup_part (dataset, "road-to-war")->start.year, ==, 1702);
}

/* What the chapter and its introduction name is all there. */
static void
test_coverage (void)
{
  static const char *wanted[] = {
    "dembei-1702", "kodayu-audience-1791", "laxman-mission-1792", "rezanov-mission-1804", "golovnin-incident-1811",
    "shimoda-1855", "supplementary-treaty-1857", "commerce-treaty-1858", "sakhalin-arrangement-1867",
    "trade-convention-1867", "st-petersburg-1875", "otsu-incident-1891", "triple-intervention-1895",
    "commerce-treaty-1895", "yamagata-lobanov-protocol-1896", "nishi-rosen-agreement-1898",
    "russo-japanese-war-1904", "siege-of-port-arthur-1904", "battle-of-mukden-1905",
    "battle-of-tsushima-1905", "portsmouth-1905", "fisheries-convention-1907", "commerce-navigation-treaty-1907",
    "agreement-1907", "agreement-1910", "agreement-1912", "agreement-1916", "knox-neutralization-proposal-1909",
    "october-revolution-1917", "siberian-intervention-1918", "nikolayevsk-incident-1920",
    "northern-sakhalin-occupation-1920", "dairen-conference-1921", "changchun-conference-1922", "goto-joffe-talks-1923",
    "basic-convention-1925", "sakhalin-concessions-1925", "fisheries-convention-1928",
    "cer-sale-1935", "anti-comintern-pact-1936", "lake-khasan-1938", "nomonhan-1939",
    "nomonhan-ceasefire-1939", "molotov-ribbentrop-pact-1939", "togo-molotov-agreements-1939", "tripartite-pact-1940",
    "neutrality-pact-1941", "kantokuen-1941", "cairo-declaration-1943", "concessions-protocol-1944",
    "yalta-agreement-1945", "neutrality-pact-notice-1945", "potsdam-declaration-1945", "soviet-declaration-of-war-1945",
    "soviet-japanese-war-1945", "sino-soviet-treaty-1945", "south-sakhalin-operation-1945", "kuril-islands-landing-1945",
    "japanese-surrender-1945", "general-order-no-1-1945", "allied-occupation-1945", "san-francisco-1951",
    "fisheries-convention-1956", "joint-declaration-1956", "trade-protocol-1956",
  };

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (nichiro_dataset_lookup_entry (dataset, wanted[i]) == NULL)
      g_error ("the bundled dataset has no entry “%s”", wanted[i]);
}

/* Study files keep ids: a renamed entry still answers to its old one. */
static void
test_former_ids (void)
{
  NichiroEntry *dembei = nichiro_dataset_lookup_entry (dataset, "denbei-1701");

  g_assert_nonnull (dembei);
  g_assert_cmpstr (nichiro_entry_get_id (dembei), ==, "dembei-1702");
  g_assert_true (g_strv_contains (nichiro_entry_get_former_ids (dembei), "denbei-1701"));
}

/* The entries added in 2026 are as complete as the others: three scripts,
 * aliases, Old Style where Russia's calendar applies (check_old_style),
 * places, threads, relations, part and sources; instruments also have
 * signatories with offices, key articles and an end. */
static void
test_new_entries (void)
{
  static const char *added[] = {
    "kodayu-audience-1791", "trade-convention-1867", "commerce-navigation-treaty-1907", "goto-joffe-talks-1923",
    "togo-molotov-agreements-1939", "kantokuen-1941", "cairo-declaration-1943", "sino-soviet-treaty-1945",
    "general-order-no-1-1945", "trade-protocol-1956",
  };

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      NichiroEntry *entry = nichiro_dataset_lookup_entry (dataset, added[i]);
      const NichiroNames *titles;
      const NichiroSignatory *signatories;
      guint n;

      g_test_message ("%s", added[i]);
      g_assert_nonnull (entry);
      titles = nichiro_entry_get_titles (entry);
      g_assert_true (titles->ja != NULL && titles->ru != NULL);
      g_assert_cmpuint (g_strv_length ((char **) nichiro_entry_get_aliases (entry)), >=, 3);
      g_assert_cmpuint (g_strv_length ((char **) nichiro_entry_get_places (entry)), >=, 1);
      g_assert_cmpuint (g_strv_length ((char **) nichiro_entry_get_threads (entry)), >=, 1);
      g_assert_nonnull (nichiro_entry_get_part (entry));
      g_assert_nonnull (nichiro_entry_get_significance (entry));
      g_assert_nonnull (nichiro_entry_get_notes (entry));
      g_assert_nonnull (nichiro_entry_get_related (entry, &n));
      g_assert_cmpuint (n, >=, 2);
      nichiro_entry_get_sources (entry, &n);
      g_assert_cmpuint (n, >=, 1);

      if (!is_instrument (entry))
        continue;

      g_assert_nonnull (nichiro_entry_get_end (entry));
      signatories = nichiro_entry_get_signatories (entry, &n);
      if (!lacks (entry, TRUE))
        {
          g_assert_cmpuint (n, >=, 2);
          for (guint j = 0; j < n; j++)
            g_assert_nonnull (signatories[j].office);
        }
      nichiro_entry_get_articles (entry, &n);
      if (!lacks (entry, FALSE))
        g_assert_cmpuint (n, >=, 2);
    }
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

  g_assert_cmpstr (nichiro_state_get_name (nichiro_dataset_lookup_state (dataset, "japan"), NICHIRO_LANGUAGE_JA), ==, "日本");
  g_assert_cmpstr (nichiro_person_get_name (nichiro_dataset_lookup_person (dataset, "komura-jutaro"), NICHIRO_LANGUAGE_RU),
                   ==, "Комура Дзютаро");
}

/* The parts follow the chapter in reading order, each has entries within
 * its years, and each is titled and summarised in the three languages. */
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

      g_test_message ("%s", parts[p].id);
      g_assert_cmpuint (parts[p].number, ==, p + 1);
      if (p > 0)
        g_assert_cmpint (nichiro_date_compare (&parts[p - 1].start, &parts[p].start), <=, 0);
      g_assert_true (parts[p].titles.ja != NULL && parts[p].titles.ru != NULL);
      g_assert_true (parts[p].summaries.en != NULL && parts[p].summaries.ja != NULL && parts[p].summaries.ru != NULL);
      g_assert_cmpstr (nichiro_part_get_title (&parts[p], NICHIRO_LANGUAGE_EN), ==, parts[p].title);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

          if (g_strcmp0 (nichiro_entry_get_part (entry), parts[p].id) != 0)
            continue;
          count++;
          /* The guide labels a part with its years: none of its entries
           * lies outside them (part one once said 1855 and began in 1702). */
          g_test_message ("%s in %s", nichiro_entry_get_id (entry), parts[p].id);
          g_assert_cmpint (nichiro_entry_get_date (entry)->year, >=, parts[p].start.year);
          g_assert_cmpint (nichiro_entry_get_date (entry)->year, <=, parts[p].end.year);
        }
      g_assert_cmpuint (count, >=, 3);
    }
}

/* Where each place is, roughly: a box drawn from an atlas, not from the
 * dataset, so that a swapped sign or a slipped digit shows. */
static const struct
{
  const char *id;
  double south, north, west, east;
} place_boxes[] = {
  { "preobrazhenskoye", 55.5, 56.0, 37.3, 38.0 },
  { "tsarskoye-selo", 59.6, 59.8, 30.2, 30.6 },
  { "nemuro", 43.0, 43.6, 145.0, 146.0 },
  { "hakodate", 41.6, 42.0, 140.5, 141.0 },
  { "matsumae", 41.3, 41.6, 139.9, 140.4 },
  { "nagasaki", 32.6, 33.0, 129.7, 130.0 },
  { "kunashiri", 43.5, 44.6, 145.3, 146.3 },
  { "shimoda", 34.6, 34.8, 138.8, 139.1 },
  { "heda", 34.9, 35.05, 138.7, 138.9 },
  { "tokyo", 35.5, 35.9, 139.5, 140.0 },
  { "aso-bay", 34.2, 34.5, 129.1, 129.5 },
  { "saint-petersburg", 59.8, 60.1, 30.1, 30.6 },
  { "otsu", 34.9, 35.2, 135.7, 136.0 },
  { "seoul", 37.4, 37.7, 126.8, 127.2 },
  { "moscow", 55.5, 56.0, 37.3, 38.0 },
  { "kremlin", 55.74, 55.76, 37.60, 37.63 },
  { "beijing", 39.7, 40.1, 116.2, 116.6 },
  { "port-arthur", 38.7, 39.0, 121.1, 121.4 },
  { "london", 51.3, 51.7, -0.5, 0.3 },
  { "korea", 34.0, 43.0, 124.0, 131.0 },
  { "manchuria", 38.7, 53.6, 118.0, 135.1 },
  { "mukden", 41.6, 42.0, 123.2, 123.7 },
  { "tsushima-strait", 33.5, 35.5, 128.5, 130.9 },
  { "sakhalin", 45.9, 54.4, 141.6, 144.8 },
  { "south-sakhalin", 45.9, 50.0, 141.6, 144.8 },
  { "korsakov", 46.5, 46.8, 142.6, 142.9 },
  { "aleksandrovsk", 50.8, 51.0, 142.0, 142.3 },
  { "portsmouth-navy-yard", 43.0, 43.2, -70.8, -70.6 },
  { "hibiya-park", 35.66, 35.69, 139.74, 139.77 },
  { "harbin", 45.6, 46.0, 126.4, 126.8 },
  { "washington", 38.8, 39.0, -77.2, -76.9 },
  { "pskov", 57.7, 57.9, 28.2, 28.5 },
  { "vladivostok", 43.0, 43.3, 131.8, 132.1 },
  { "russian-far-east", 42.0, 62.0, 125.0, 160.0 },
  { "nikolayevsk", 53.0, 53.3, 140.5, 140.9 },
  { "dairen", 38.8, 39.1, 121.4, 121.8 },
  { "changchun", 43.7, 44.0, 125.1, 125.5 },
  { "berlin", 52.3, 52.7, 13.1, 13.8 },
  { "lake-khasan", 42.3, 42.6, 130.5, 130.8 },
  { "khalkhin-gol", 47.0, 48.5, 117.5, 119.5 },
  { "livadia-palace", 44.4, 44.5, 34.1, 34.2 },
  { "potsdam", 52.35, 52.45, 13.0, 13.15 },
  { "kuril-islands", 43.5, 51.0, 145.3, 156.7 },
  { "tokyo-bay", 34.9, 35.7, 139.6, 140.1 },
  { "siberia", 50.0, 75.0, 60.0, 140.0 },
  { "nakhodka", 42.7, 42.9, 132.7, 133.0 },
  { "maizuru", 35.4, 35.6, 135.2, 135.5 },
  { "san-francisco-opera", 37.77, 37.79, -122.43, -122.41 },
  { "presidio", 37.78, 37.81, -122.48, -122.44 },
  { "un-headquarters", 40.74, 40.76, -73.98, -73.96 },
  { "cairo", 29.9, 30.2, 31.1, 31.4 },
};

static void
test_places (void)
{
  GListModel *entries = nichiro_dataset_get_entries (dataset);
  const NichiroPlace *places;
  guint n_places;

  places = nichiro_dataset_get_places (dataset, &n_places);
  g_assert_nonnull (places);
  g_assert_cmpuint (n_places, ==, G_N_ELEMENTS (place_boxes));
  for (guint i = 0; i < G_N_ELEMENTS (place_boxes); i++)
    {
      const NichiroPlace *place = nichiro_dataset_lookup_place (dataset, place_boxes[i].id);

      g_test_message ("%s", place_boxes[i].id);
      g_assert_nonnull (place);
      g_assert_cmpfloat (place->latitude, >=, place_boxes[i].south);
      g_assert_cmpfloat (place->latitude, <=, place_boxes[i].north);
      g_assert_cmpfloat (place->longitude, >=, place_boxes[i].west);
      g_assert_cmpfloat (place->longitude, <=, place_boxes[i].east);
      g_assert_true (place->name.ja != NULL && place->name.ru != NULL);
      g_assert_true (g_str_has_prefix (place->source.url, "https://"));
    }

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      g_test_message ("%s", nichiro_entry_get_id (entry));
      g_assert_nonnull (nichiro_entry_get_place (entry));
      g_assert_cmpuint (g_strv_length ((char **) nichiro_entry_get_places (entry)), >=, 1);
    }
}

/* Long titles have a short form for crowded places, in three scripts. */
static void
check_short_title (NichiroEntry *entry)
{
  const NichiroNames *titles = nichiro_entry_get_titles (entry);
  const NichiroNames *short_titles = nichiro_entry_get_short_titles (entry);

  if (g_utf8_strlen (titles->en, -1) <= 24 && g_utf8_strlen (titles->ru, -1) <= 32)
    return;

  g_test_message ("%s", nichiro_entry_get_id (entry));
  g_assert_true (short_titles->en != NULL && short_titles->ja != NULL && short_titles->ru != NULL);
  g_assert_cmpint (g_utf8_strlen (short_titles->en, -1), <=, 24);
  g_assert_cmpint (g_utf8_strlen (short_titles->ru, -1), <=, 28);
}

static char *
fold_macrons (const char *text)
{
  static const char * const long_vowels[][2] = {
    { "ā", "a" }, { "ī", "i" }, { "ū", "u" }, { "ē", "e" }, { "ō", "o" }, { "Ō", "O" }, { "Ū", "U" }, { "'", "" },
  };
  GString *folded = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (long_vowels); i++)
    g_string_replace (folded, long_vowels[i][0], long_vowels[i][1], 0);
  return g_string_free (folded, FALSE);
}

static void
append_prose (GString      *prose,
              NichiroEntry *entry)
{
  const NichiroArticle *articles;
  const NichiroSignatory *signatories;
  const NichiroLifecycleStep *steps;
  const NichiroEnd *end;
  guint n;

  g_string_append_printf (prose, "%s\n%s\n%s\n%s\n", nichiro_entry_get_summary (entry),
                          nichiro_entry_get_significance (entry) ?: "", nichiro_entry_get_notes (entry) ?: "",
                          nichiro_entry_get_place (entry) ?: "");
  articles = nichiro_entry_get_articles (entry, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (prose, "%s\n", articles[i].text);
  signatories = nichiro_entry_get_signatories (entry, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (prose, "%s\n", signatories[i].office ?: "");
  steps = nichiro_entry_get_lifecycle (entry, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (prose, "%s\n", steps[i].note ?: "");
  end = nichiro_entry_get_end (entry);
  if (end != NULL)
    {
      g_string_append_printf (prose, "%s\n", end->note);
      for (guint i = 0; i < end->n_views; i++)
        g_string_append_printf (prose, "%s\n", end->views[i].note);
    }
  end = nichiro_entry_get_partial_ends (entry, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (prose, "%s\n", end[i].note);
}

static gboolean
has_word (const char *text,
          const char *word)
{
  g_autofree char *escaped = g_regex_escape_string (word, -1);
  g_autofree char *pattern = g_strdup_printf ("(?<![\\w'’])%s(?![\\w'’])", escaped);

  return g_regex_match_simple (pattern, text, G_REGEX_RAW, 0);
}

/* One romanization per name: where the dataset writes a person's name
 * with macrons, the texts never write it without (aliases may, so that
 * searches find it). */
static void
test_romanization (void)
{
  GListModel *entries = nichiro_dataset_get_entries (dataset);
  g_autoptr(GString) prose = g_string_new (NULL);
  const NichiroPerson *people;
  guint n_people, checked = 0;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      append_prose (prose, entry);
    }

  people = nichiro_dataset_get_people (dataset, &n_people);
  for (guint i = 0; i < n_people; i++)
    {
      g_autofree char *folded = fold_macrons (people[i].name.en);
      g_auto(GStrv) words = NULL;
      g_auto(GStrv) folded_words = NULL;

      if (g_str_equal (folded, people[i].name.en))
        continue;

      g_test_message ("%s", people[i].name.en);
      g_assert_false (has_word (prose->str, folded));
      for (guint j = 0; people[i].aliases != NULL && people[i].aliases[j] != NULL; j++)
        {
          g_autofree char *alias_folded = fold_macrons (people[i].aliases[j]);

          if (g_str_equal (alias_folded, folded) && !g_str_equal (people[i].aliases[j], people[i].name.en))
            g_assert_false (has_word (prose->str, people[i].aliases[j]));
        }

      words = g_strsplit (people[i].name.en, " ", -1);
      folded_words = g_strsplit (folded, " ", -1);
      for (guint j = 0; words[j] != NULL && folded_words[j] != NULL; j++)
        if (!g_str_equal (words[j], folded_words[j]))
          g_assert_false (has_word (prose->str, folded_words[j]));
      checked++;
    }

  g_assert_cmpuint (checked, >=, 15);
}

/* The audit's corrections stay made. */
static void
test_corrections (void)
{
  NichiroEntry *yamagata = nichiro_dataset_lookup_entry (dataset, "yamagata-lobanov-protocol-1896");
  NichiroEntry *fisheries = nichiro_dataset_lookup_entry (dataset, "fisheries-convention-1907");
  NichiroEntry *tsushima = nichiro_dataset_lookup_entry (dataset, "tsushima-incident-1861");
  NichiroEntry *dairen = nichiro_dataset_lookup_entry (dataset, "dairen-conference-1921");
  const NichiroSignatory *signatories;
  g_autofree char *era = NULL;
  g_autofree char *ratified = NULL;
  guint n;

  signatories = nichiro_entry_get_signatories (yamagata, &n);
  for (guint i = 0; i < n; i++)
    g_assert_null (strstr (signatories[i].office, "marshal"));
  g_assert_null (strstr (nichiro_entry_get_summary (yamagata), "Marshal"));

  ratified = nichiro_date_to_iso (nichiro_entry_get_stage_date (fisheries, NICHIRO_STAGE_RATIFICATIONS_EXCHANGED));
  g_assert_cmpstr (ratified, ==, "1907-09-09");

  era = nichiro_entry_dup_japanese_era (tsushima, NICHIRO_ERA_SCRIPT_ROMAJI);
  g_assert_cmpstr (era, ==, "Bunkyū 1");
  g_assert_nonnull (strstr (nichiro_entry_get_notes (tsushima), "14 March"));

  g_assert_true (g_strv_contains (nichiro_entry_get_aliases (dairen), "Дайрэнская конференция"));
  g_assert_nonnull (strstr (nichiro_entry_get_notes (nichiro_dataset_lookup_entry (dataset, "changchun-conference-1922")),
                            "25 September"));
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

static void
test_ends (void)
{
  for_each_entry (check_end);
}

static void
test_short_titles (void)
{
  for_each_entry (check_short_title);
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

/* The loader reads the bundled dataset on a thread once started, or at
 * the first join if nobody started it; either way once. */
static void
test_loader (void)
{
  g_autoptr(NichiroDatasetLoader) unstarted = nichiro_dataset_loader_new_default ();
  g_autoptr(NichiroDatasetLoader) started = nichiro_dataset_loader_new_default ();
  g_autoptr(NichiroDatasetLoader) never_joined = nichiro_dataset_loader_new_default ();
  g_autoptr(GError) error = NULL;
  NichiroDataset *read;

  g_assert_false (nichiro_dataset_loader_is_started (unstarted));
  read = nichiro_dataset_loader_join (unstarted, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_true (nichiro_dataset_loader_is_started (unstarted));
  g_assert_true (nichiro_dataset_loader_join (unstarted, NULL) == read);
  /* Started after it was read: nothing is read again. */
  nichiro_dataset_loader_start (unstarted);
  g_assert_true (nichiro_dataset_loader_join (unstarted, NULL) == read);

  nichiro_dataset_loader_start (started);
  nichiro_dataset_loader_start (started);
  g_assert_true (nichiro_dataset_loader_is_started (started));
  g_assert_cmpstr (nichiro_dataset_get_id (nichiro_dataset_loader_join (started, NULL)), ==,
                   nichiro_dataset_get_id (read));
  g_assert_cmpuint (g_list_model_get_n_items (nichiro_dataset_get_entries (nichiro_dataset_loader_join (started, NULL))), ==,
                    g_list_model_get_n_items (nichiro_dataset_get_entries (read)));

  /* Freed while its thread still reads: the thread is waited for. */
  nichiro_dataset_loader_start (never_joined);
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
  g_test_add_func ("/nichiro/bundled/loader", test_loader);
  g_test_add_func ("/nichiro/bundled/coverage", test_coverage);
  g_test_add_func ("/nichiro/bundled/former-ids", test_former_ids);
  g_test_add_func ("/nichiro/bundled/new-entries", test_new_entries);
  g_test_add_func ("/nichiro/bundled/names", test_names);
  g_test_add_func ("/nichiro/bundled/parts", test_parts);
  g_test_add_func ("/nichiro/bundled/places", test_places);
  g_test_add_func ("/nichiro/bundled/short-titles", test_short_titles);
  g_test_add_func ("/nichiro/bundled/romanization", test_romanization);
  g_test_add_func ("/nichiro/bundled/corrections", test_corrections);
  g_test_add_func ("/nichiro/bundled/instruments", test_instruments);
  g_test_add_func ("/nichiro/bundled/ends", test_ends);
  g_test_add_func ("/nichiro/bundled/old-style", test_old_style);
  g_test_add_func ("/nichiro/bundled/sources", test_sources);
  g_test_add_func ("/nichiro/bundled/chapter-instruments", test_chapter_instruments);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
