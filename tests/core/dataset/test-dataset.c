/* test-dataset.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nichiro-dataset.h"
#include "nichiro-dataset-loader.h"
#include "nichiro-dataset-private.h"
#include "nichiro-error.h"
#include "nichiro-session.h"

static char *small_text;
static gsize small_length;
static char *features_text;
static gsize features_length;

/* Replaces the one place @from occurs in a test dataset and loads the
 * result; returns the 1-based line where the replacement stands. */
static NichiroDataset *
load_mutated_text (const char  *source,
                   gsize        source_length,
                   const char  *display_name,
                   const char  *from,
                   const char  *to,
                   guint       *out_line,
                   GError     **error)
{
  g_autoptr(GString) text = g_string_new_len (source, source_length);
  const char *found = strstr (text->str, from);
  gsize offset;

  g_assert_nonnull (found);
  g_assert_null (strstr (found + 1, from));
  offset = found - text->str;
  g_string_erase (text, offset, strlen (from));
  g_string_insert (text, offset, to);

  *out_line = 1;
  for (gsize i = 0; i < offset; i++)
    if (text->str[i] == '\n')
      (*out_line)++;

  return nichiro_dataset_new_from_data (text->str, text->len, display_name, error);
}

static NichiroDataset *
load_mutated (const char  *from,
              const char  *to,
              guint       *out_line,
              GError     **error)
{
  return load_mutated_text (small_text, small_length, "small.json", from, to, out_line, error);
}

static void
test_load_small (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(NichiroEntry) first = NULL;
  g_autoptr(NichiroEntry) last = NULL;
  NichiroEntry *peace;
  GListModel *entries;
  const NichiroPart *parts;
  const NichiroSignatory *signatories;
  guint n;

  dataset = nichiro_dataset_new_from_data (small_text, small_length, "small.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);

  g_assert_cmpstr (nichiro_dataset_get_id (dataset), ==, "test-small");
  entries = nichiro_dataset_get_entries (dataset);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 3);
  g_assert_true (g_list_model_get_item_type (entries) == NICHIRO_TYPE_ENTRY);

  /* The document lists them out of order; the model is in date order. */
  first = g_list_model_get_item (entries, 0);
  last = g_list_model_get_item (entries, 2);
  g_assert_cmpstr (nichiro_entry_get_id (first), ==, "shimoda-1855");
  g_assert_cmpstr (nichiro_entry_get_id (last), ==, "peace-1905");

  peace = nichiro_dataset_lookup_entry (dataset, "peace-1905");
  g_assert_true (peace == last);
  g_assert_null (nichiro_dataset_lookup_entry (dataset, "nope"));
  g_assert_cmpstr (nichiro_entry_get_titles (peace)->ja, ==, "ポーツマス条約");
  g_assert_cmpint (nichiro_entry_get_date_old_style (peace)->day, ==, 23);
  g_assert_cmpint (nichiro_entry_get_stage_date (peace, NICHIRO_STAGE_IN_FORCE)->month, ==, 11);
  g_assert_false (nichiro_date_is_set (nichiro_entry_get_stage_date (peace, NICHIRO_STAGE_ENDED)));

  signatories = nichiro_entry_get_signatories (peace, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (signatories[0].name.en, ==, "Komura Jutaro");
  g_assert_cmpstr (signatories[0].office, ==, "Foreign Minister");
  g_assert_cmpstr (signatories[1].side, ==, "russia");

  parts = nichiro_dataset_get_parts (dataset, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (parts[0].number, ==, 1);
  g_assert_cmpuint (parts[1].number, ==, 2);
  g_assert_cmpstr (nichiro_dataset_lookup_part (dataset, "two")->title, ==, "Part two");
  g_assert_cmpstr (nichiro_dataset_lookup_person (dataset, "witte")->name.ru, ==, "Сергей Витте");
  g_assert_cmpstr (nichiro_dataset_lookup_thread (dataset, "sakhalin")->aliases[0], ==, "Karafuto");
  g_assert_nonnull (nichiro_dataset_lookup_state (dataset, "japan"));
  g_assert_nonnull (nichiro_dataset_lookup_era (dataset, "war"));

  g_clear_object (&first);
  g_clear_object (&last);
  g_assert_finalize_object (g_steal_pointer (&dataset));
}

static void
test_entry_json (void)
{
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_from_data (small_text, small_length, "small.json", NULL);
  g_autoptr(JsonNode) node = nichiro_entry_to_json (nichiro_dataset_lookup_entry (dataset, "peace-1905"));
  JsonObject *object = json_node_get_object (node);
  static const char *members[] = {
    "id", "kind", "title", "titles", "date", "date_old_style", "end_date", "in_force",
    "ended", "place", "parties", "signatories", "summary", "articles", "significance",
    "related", "threads", "part", "sources", "notes",
  };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    g_assert_true (json_object_has_member (object, members[i]));

  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "treaty");
  g_assert_cmpstr (json_object_get_string_member (object, "date"), ==, "1905-09-05");
  g_assert_cmpstr (json_object_get_string_member (object, "date_old_style"), ==, "1905-08-23");
  g_assert_cmpstr (json_object_get_string_member (object, "in_force"), ==, "1905-11-25");
  g_assert_true (json_object_get_null_member (object, "ended"));
  g_assert_true (json_object_get_null_member (object, "significance"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "titles"), "ru"),
                   ==, "Портсмутский мирный договор");
}

typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  const char *path;
  const char *message;
} InvalidCase;

static const InvalidCase invalid_cases[] = {
  { "wrong-type", "\"version\": 1", "\"version\": \"1\"",
    "$.version", "expected an integer, found a string" },
  { "missing-field", "\"summary\": \"The first treaty.\",", "",
    "$.entries[2]", "missing required member “summary”" },
  { "unknown-kind", "\"kind\": \"war\",\n", "\"kind\": \"warr\",\n",
    "$.entries[1].kind", "unknown value “warr”" },
  { "unknown-member", "\"place\": \"Portsmouth", "\"venue\": \"Portsmouth",
    "$.entries[0].venue", "unknown member “venue”" },
  { "duplicate-id", "\"id\": \"shimoda-1855\"", "\"id\": \"war-1904\"",
    "$.entries[2].id", "used twice" },
  { "dangling-related", "{ \"id\": \"war-1904\", \"relation\"", "{ \"id\": \"war-1905\", \"relation\"",
    "$.entries[0].related[0].id", "“war-1905” is not the id of any entry" },
  { "self-related", "{ \"id\": \"war-1904\", \"relation\"", "{ \"id\": \"peace-1905\", \"relation\"",
    "$.entries[0].related[0].id", "cannot be related to itself" },
  { "dangling-person", "{ \"person\": \"witte\"", "{ \"person\": \"wittte\"",
    "$.entries[0].signatories[1].person", "“wittte” is not the id of any item in $.people" },
  { "dangling-party", "\"parties\": [\"japan\", \"russia\"],\n      \"signatories\"",
    "\"parties\": [\"japan\", \"prussia\"],\n      \"signatories\"",
    "$.entries[0].parties[1]", "“prussia” is not the id" },
  { "dangling-thread", "\"threads\": [\"sakhalin\"]", "\"threads\": [\"kuriles\"]",
    "$.entries[0].threads[0]", "“kuriles” is not the id" },
  { "dangling-part", "\"part\": \"one\"", "\"part\": \"three\"",
    "$.entries[2].part", "“three” is not the id of any item in $.parts" },
  { "impossible-date", "\"date\": \"1905-09-05\"", "\"date\": \"1905-02-30\"",
    "$.entries[0].date", "“1905-02-30” is not a real date: February 1905 has 28 days" },
  { "malformed-date", "\"date\": \"1855-02-07\"", "\"date\": \"7 Feb 1855\"",
    "$.entries[2].date", "expected a date written YYYY, YYYY-MM or YYYY-MM-DD" },
  { "end-before-start", "\"end_date\": \"1905-09-05\"", "\"end_date\": \"1903-09-05\"",
    "$.entries[1].end_date", "comes before the entry's date" },
  { "lifecycle-order", "\"stage\": \"in-force\", \"date\": \"1905-11-25\"",
    "\"stage\": \"in-force\", \"date\": \"1905-11-24\"",
    "$.entries[0].lifecycle[1].date", "comes before the previous stage" },
  { "wrong-old-style", "\"date_old_style\": \"1905-08-23\"", "\"date_old_style\": \"1905-08-22\"",
    "$.entries[0].date_old_style", "the Old Style date of this day is 1905-08-23" },
  { "not-http", "\"https://example.org/portsmouth\"", "\"javascript:alert(1)\"",
    "$.entries[0].sources[0].url", "expected an http:// or https:// address" },
  { "bad-id", "\"id\": \"shimoda-1855\"", "\"id\": \"Shimoda 1855\"",
    "$.entries[2].id", "“Shimoda 1855” is not allowed here; expected lower-case ASCII letters, digits and hyphens" },
  { "empty-summary", "\"summary\": \"The first treaty.\"", "\"summary\": \"\"",
    "$.entries[2].summary", "expected text, found an empty string" },
  { "wrong-format", "\"format\": \"nichiro-dataset\"", "\"format\": \"other\"",
    "$.format", "expected “nichiro-dataset”, found “other”" },
  { "part-order", "\"start\": \"1904\", \"end\": \"1910\"", "\"start\": \"1904\", \"end\": \"1903\"",
    "$.parts[1].end", "comes before start" },
};

static void
test_invalid (gconstpointer data)
{
  const InvalidCase *test = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autofree char *position = NULL;
  guint line;

  dataset = load_mutated (test->from, test->to, &line, &error);
  g_assert_null (dataset);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID);

  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, test->path));
  g_assert_nonnull (strstr (error->message, test->message));

  /* Every problem names the file and the line it is on. */
  position = g_strdup_printf ("small.json:%u:", line);
  if (strstr (error->message, position) == NULL)
    {
      /* A missing member is reported where its object starts. */
      g_assert_cmpstr (test->name, ==, "missing-field");
      g_assert_true (g_str_has_prefix (error->message, "small.json:"));
    }
}

/* The members that tell places, ends, eras and former ids, on features.json. */
static const InvalidCase feature_cases[] = {
  { "end-on-a-war", "\"summary\": \"A war is not an instrument.\",",
    "\"summary\": \"A war is not an instrument.\", \"end\": { \"status\": \"expired\", \"date\": \"1906\", "
    "\"note\": \"n\", \"sources\": [ { \"title\": \"s\" } ] },",
    "$.entries[3].end", "only instruments (treaties, agreements, conventions, protocols, declarations and pacts) have an end; give a war its end_date" },
  { "ended-stage-and-end", "{ \"stage\": \"in-force\", \"date\": \"1856-12-07\", \"date_old_style\": \"1856-11-25\" }",
    "{ \"stage\": \"in-force\", \"date\": \"1856-12-07\", \"date_old_style\": \"1856-11-25\" }, "
    "{ \"stage\": \"ended\", \"date\": \"1899-07-17\" }",
    "$.entries[0].lifecycle[2].stage", "this entry gives its end in “end”; remove the “ended” stage" },
  { "end-without-date", "\"date\": \"1904-02-10\",\n        \"date_old_style\": \"1904-01-28\",\n", "",
    "$.entries[2].end", "this end (“annulled-by-war”) needs the “date” it took effect" },
  { "still-in-force-with-date", "\"status\": \"still-in-force\",", "\"status\": \"still-in-force\", \"date\": \"1960-01-01\",",
    "$.entries[8].end.date", "an instrument still in force has no end date" },
  { "views-not-disputed", "\"status\": \"disputed\",", "\"status\": \"expired\", \"date\": \"1946-04-25\",",
    "$.entries[5].end.views", "only a disputed end has “views”" },
  { "denounced-without-notice", ",\n        { \"stage\": \"notice\", \"date\": \"1935-05-23\" }", "",
    "$.entries[6].end", "a denounced instrument needs a “notice” stage" },
  { "end-before-stage", "\"date\": \"1936-05-27\",", "\"date\": \"1934-05-27\",",
    "$.entries[6].end.date", "comes before the last lifecycle stage 1935-05-23" },
  { "partial-end-too-early", "\"date\": \"1875-08-22\",\n          \"date_old_style\": \"1875-08-10\",",
    "\"date\": \"1856-01-01\",",
    "$.entries[0].partial_ends[0].date", "comes before the day the instrument came into force" },
  { "dangling-by", "\"by\": [\"commerce-1895\"],", "\"by\": [\"commerce-1896\"],",
    "$.entries[0].end.by[0]", "“commerce-1896” is not the id of any entry" },
  { "dangling-view-party", "{ \"parties\": [\"ussr\"]", "{ \"parties\": [\"soviet\"]",
    "$.entries[5].end.views[0].parties[0]", "“soviet” is not the id of any item in $.states" },
  { "former-id-in-use", "\"former_ids\": [\"exchange-1874\"],", "\"former_ids\": [\"commerce-1895\"],",
    "$.entries[1].former_ids[0]", "“commerce-1895” is the id of an entry" },
  { "unknown-era", "\"era\": \"Bunkyū\"", "\"era\": \"Bunkyu\"",
    "$.entries[7].japanese_era.era", "“Bunkyu” is not an era Nichiro knows" },
  { "era-year-far-off", "{ \"era\": \"Shōwa\", \"year\": 3 }", "{ \"era\": \"Shōwa\", \"year\": 13 }",
    "$.entries[6].japanese_era", "Shōwa 13 is not within a year of this entry's date (computed: Shōwa 3)" },
  { "era-year-zero", "{ \"era\": \"Shōwa\", \"year\": 3 }", "{ \"era\": \"Shōwa\", \"year\": 0 }",
    "$.entries[6].japanese_era.year", "0 is too small here; the least allowed is 1" },
  { "latitude", "\"lat\": 34.6795,", "\"lat\": 134.6795,",
    "$.places[0].lat", "134.679 is too large here; the most allowed is 90" },
  { "longitude-text", "\"lon\": 37.6173,", "\"lon\": \"37.6173\",",
    "$.places[1].lon", "expected a number, found a string" },
  { "dangling-place", "\"places\": [\"shimoda\"],", "\"places\": [\"shimoda-city\"],",
    "$.entries[0].places[0]", "“shimoda-city” is not the id of any item in $.places" },
  { "precision", "\"precision\": \"city\",\n      \"source\": { \"title\": \"A gazetteer\"",
    "\"precision\": \"town\",\n      \"source\": { \"title\": \"A gazetteer\"",
    "$.places[0].precision", "unknown value “town”; expected one of “building”, “city”, “region”" },
  { "part-title-without-english", "\"title\": { \"en\": \"Everything\", \"ja\": \"すべて\", \"ru\": \"Всё\" },",
    "\"title\": { \"ja\": \"すべて\" },", "$.parts[0].title", "missing required member “en”" },
  { "part-title-number", "\"title\": \"Plain English only\"", "\"title\": 7",
    "$.parts[1].title", "expected a string or an object, found an integer" },
  { "period-order", "\"period\": { \"start\": \"1855\", \"end\": \"1956\" }",
    "\"period\": { \"start\": \"1955\", \"end\": \"1856\" }", "$.period.end", "comes before start" },
};

static void
test_invalid_features (gconstpointer data)
{
  const InvalidCase *test = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autofree char *position = NULL;
  guint line;

  dataset = load_mutated_text (features_text, features_length, "features.json",
                               test->from, test->to, &line, &error);
  g_assert_null (dataset);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID);

  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, test->path));
  g_assert_nonnull (strstr (error->message, test->message));
  g_assert_true (g_str_has_prefix (error->message, "features.json:"));
}

/* Everything features.json gives is there to read, in three languages. */
static void
test_features (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  NichiroEntry *first, *incident, *convention;
  const NichiroPart *part, *plain;
  const NichiroPlace *place;
  NichiroDate start, end;
  g_autofree char *era_romaji = NULL;
  g_autofree char *era_kanji = NULL;
  g_autofree char *era_cyrillic = NULL;
  g_autofree char *computed = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;

  dataset = nichiro_dataset_new_from_data (features_text, features_length, "features.json", &error);
  g_assert_no_error (error);

  g_assert_true (nichiro_dataset_get_period (dataset, &start, &end));
  g_assert_cmpint (start.year, ==, 1855);
  g_assert_cmpint (end.year, ==, 1956);
  g_assert_true (nichiro_dataset_get_span (dataset, &start, &end));
  g_assert_cmpint (nichiro_date_compare (&start, &(NichiroDate) { 1855, 2, 7, NICHIRO_DATE_PRECISION_DAY }), ==, 0);
  g_assert_cmpint (nichiro_date_compare (&end, &(NichiroDate) { 1956, 10, 19, NICHIRO_DATE_PRECISION_DAY }), ==, 0);

  /* An era's short name, in English where the language has none. */
  {
    const NichiroEra *war = nichiro_dataset_lookup_era (dataset, "war");

    g_assert_nonnull (war);
    g_assert_cmpstr (nichiro_era_get_short_name (war, NICHIRO_LANGUAGE_EN), ==, "R.–J. War");
    g_assert_cmpstr (nichiro_era_get_short_name (war, NICHIRO_LANGUAGE_RU), ==, "Р.-я. война");
    g_assert_cmpstr (nichiro_era_get_short_name (war, NICHIRO_LANGUAGE_JA), ==, "R.–J. War");
    g_assert_cmpstr (nichiro_era_get_name (war, NICHIRO_LANGUAGE_JA), ==, "日露戦争");
  }

  part = nichiro_dataset_lookup_part (dataset, "all");
  plain = nichiro_dataset_lookup_part (dataset, "plain");
  g_assert_cmpstr (part->title, ==, "Everything");
  g_assert_cmpstr (nichiro_part_get_title (part, NICHIRO_LANGUAGE_JA), ==, "すべて");
  g_assert_cmpstr (nichiro_part_get_title (part, NICHIRO_LANGUAGE_RU), ==, "Всё");
  g_assert_cmpstr (nichiro_part_get_summary (part, NICHIRO_LANGUAGE_RU), ==, "Всё сразу.");
  g_assert_cmpstr (plain->title, ==, "Plain English only");
  g_assert_cmpstr (nichiro_part_get_title (plain, NICHIRO_LANGUAGE_JA), ==, "Plain English only");
  g_assert_null (nichiro_part_get_summary (plain, NICHIRO_LANGUAGE_JA));

  g_assert_cmpstr (nichiro_state_get_name (nichiro_dataset_lookup_state (dataset, "ussr"), NICHIRO_LANGUAGE_JA), ==, "ソ連");
  g_assert_cmpstr (nichiro_person_get_name (nichiro_dataset_lookup_person (dataset, "komura"), NICHIRO_LANGUAGE_RU),
                   ==, "Комура Дзютаро");

  place = nichiro_dataset_lookup_place (dataset, "shimoda");
  g_assert_cmpfloat_with_epsilon (place->latitude, 34.6795, 1e-9);
  g_assert_cmpfloat_with_epsilon (place->longitude, 138.9453, 1e-9);
  g_assert_cmpint (place->precision, ==, NICHIRO_PLACE_PRECISION_CITY);
  g_assert_cmpstr (place->source.url, ==, "https://example.org/shimoda");
  g_assert_cmpstr (nichiro_place_get_name (place, NICHIRO_LANGUAGE_JA), ==, "下田");
  g_assert_cmpstr (nichiro_place_get_name (nichiro_dataset_lookup_place (dataset, "moscow"), NICHIRO_LANGUAGE_RU), ==, "Moscow");

  first = nichiro_dataset_lookup_entry (dataset, "first-1855");
  g_assert_cmpstr (nichiro_entry_get_places (first)[0], ==, "shimoda");
  g_assert_cmpstr (nichiro_entry_get_short_title (first, NICHIRO_LANGUAGE_EN), ==, "First 1855");
  g_assert_cmpstr (nichiro_entry_get_short_title (first, NICHIRO_LANGUAGE_RU), ==, "Первый");
  g_assert_cmpstr (nichiro_entry_get_short_title (nichiro_dataset_lookup_entry (dataset, "pact-1941"), NICHIRO_LANGUAGE_JA),
                   ==, "A neutrality pact");

  /* A renamed entry answers to its old id. */
  g_assert_true (nichiro_dataset_lookup_entry (dataset, "exchange-1874") ==
                 nichiro_dataset_lookup_entry (dataset, "exchange-1875"));
  g_assert_cmpstr (nichiro_entry_get_former_ids (nichiro_dataset_lookup_entry (dataset, "exchange-1874"))[0], ==, "exchange-1874");
  g_assert_cmpuint (g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)), ==, 9);

  /* 14 March 1861 fell in Man'en 2, but Japanese chronologies call it Bunkyū 1. */
  incident = nichiro_dataset_lookup_entry (dataset, "incident-1861");
  computed = nichiro_date_format_japanese_era (nichiro_entry_get_date (incident), FALSE);
  g_assert_cmpstr (computed, ==, "Man'en 2");
  era_romaji = nichiro_entry_dup_japanese_era (incident, NICHIRO_ERA_SCRIPT_ROMAJI);
  era_kanji = nichiro_entry_dup_japanese_era (incident, NICHIRO_ERA_SCRIPT_KANJI);
  era_cyrillic = nichiro_entry_dup_japanese_era (incident, NICHIRO_ERA_SCRIPT_CYRILLIC);
  g_assert_cmpstr (era_romaji, ==, "Bunkyū 1");
  g_assert_cmpstr (era_kanji, ==, "文久元年");
  g_assert_cmpstr (era_cyrillic, ==, "Бункю 1");
  convention = nichiro_dataset_lookup_entry (dataset, "convention-1928");
  g_assert_false (nichiro_entry_get_era_override (first, NULL, NULL));
  g_assert_true (nichiro_entry_get_era_override (convention, NULL, NULL));

  node = nichiro_entry_to_json (incident);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "japanese_era"), ==, "Bunkyū 1");
  g_clear_pointer (&node, json_node_unref);

  node = nichiro_entry_to_json (first);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "short_titles"), "ja"), ==, "最初");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "end"), "status"), ==, "superseded");
  g_assert_cmpstr (json_object_get_string_member (object, "ended"), ==, "1899-07-17");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "partial_ends")), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (object, "places"), 0), ==, "shimoda");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "former_ids")), ==, 0);
}

static void
test_many_problems_reported (void)
{
  g_autoptr(GString) text = g_string_new_len (small_text, small_length);
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  g_auto(GStrv) lines = NULL;

  g_string_replace (text, "\"part\": \"two\"", "\"part\": \"nine\"", 0);
  g_string_replace (text, "\"part\": \"one\"", "\"part\": \"ten\"", 0);
  dataset = nichiro_dataset_new_from_data (text->str, text->len, "small.json", &error);
  g_assert_null (dataset);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
}

typedef struct
{
  const char *name;
  const char *text;
  int code;
  const char *message;
} SyntaxCase;

static const SyntaxCase syntax_cases[] = {
  { "empty", "", NICHIRO_ERROR_SYNTAX, "empty.json:1:1: the file is empty" },
  { "blank", " \n\t\n", NICHIRO_ERROR_SYNTAX, "blank.json:1:1: the file is empty" },
  { "not-json", "hello", NICHIRO_ERROR_SYNTAX, "not-json.json:1:" },
  { "truncated", "{\n  \"format\": \"nichiro-dataset\",\n  \"entries\": [", NICHIRO_ERROR_SYNTAX, "truncated.json:3:" },
  { "invalid-utf8", "{\n  \"title\": \"caf\xc3\x28\"\n}", NICHIRO_ERROR_ENCODING, "invalid-utf8.json:2:16: the text is not valid UTF-8" },
  { "not-object", "[1, 2]", NICHIRO_ERROR_INVALID, "not-object.json:1:1: $: expected an object, found an array" },
  { "null", "null", NICHIRO_ERROR_INVALID, "$: expected an object, found null" },
};

static void
test_syntax (gconstpointer data)
{
  const SyntaxCase *test = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autofree char *name = g_strconcat (test->name, ".json", NULL);

  dataset = nichiro_dataset_new_from_data (test->text, strlen (test->text), name, &error);
  g_assert_null (dataset);
  g_test_message ("%s", error->message);
  g_assert_error (error, NICHIRO_ERROR, test->code);
  g_assert_nonnull (strstr (error->message, test->message));
}

static void
test_deep_nesting (void)
{
  const gsize depth = 200000;
  g_autofree char *text = g_malloc (depth * 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  dataset = nichiro_dataset_new_from_data (text, depth * 2, "deep.json", &error);
  g_assert_null (dataset);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "deep.json:1:65: values are nested more than 64 levels deep"));
}

static void
test_embedded_nul (void)
{
  static const char text[] = "{\"id\": \"a\0b\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;

  dataset = nichiro_dataset_new_from_data (text, sizeof text - 1, "nul.json", &error);
  g_assert_null (dataset);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_ENCODING);
}

/* A 50 MB dataset is big but allowed: it loads, whole, without trouble.
 * (Blanks make it big: no one text of it may be that long.) */
static void
test_large_file (void)
{
  const gsize padding = 50 * 1000 * 1000;
  g_autoptr(GString) text = g_string_new_len (small_text, small_length);
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autofree char *filler = g_malloc (padding + 1);
  const char *anchor = strstr (text->str, "\"license\"");

  memset (filler, ' ', padding);
  filler[padding] = '\0';
  g_string_insert (text, anchor - text->str, filler);

  g_assert_cmpuint (text->len, >, padding);
  dataset = nichiro_dataset_new_from_data (text->str, text->len, "large.json", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)), ==, 3);
}

typedef struct
{
  const char *name;
  const char *from;       /* a member in small.json */
  const char *character;  /* what the long text repeats */
  gsize length;           /* in characters */
  const char *path;
  const char *message;
} LongTextCase;

static const LongTextCase long_text_cases[] = {
  { "title-10-mb", "\"en\": \"Treaty of Portsmouth\"", "ж", 10 * 1024 * 1024,
    "$.entries[0].title.en", "expected at most 1000 characters, found 10485760" },
  { "title-just-over", "\"en\": \"Treaty of Portsmouth\"", "ж", 1001,
    "$.entries[0].title.en", "expected at most 1000 characters, found 1001" },
  { "dataset-title", "\"title\": \"A small test dataset\"", "x", 1001,
    "$.title", "expected at most 1000 characters, found 1001" },
  { "summary-over-64-kib", "\"summary\": \"The first treaty.\"", "ж", 65537,
    "$.entries[2].summary", "expected at most 65536 characters, found 65537" },
  { "id-too-long", "\"id\": \"shimoda-1855\"", "a", 201,
    "$.entries[2].id", "expected at most 200 characters, found 201" },
  { "date-10-mb", "\"date\": \"1905-09-05\"", "9", 10 * 1024 * 1024,
    "$.entries[0].date", "expected a date written YYYY, YYYY-MM or YYYY-MM-DD, found “99999" },
  { "url-10-mb", "\"url\": \"https://example.org/portsmouth\"", "h", 10 * 1024 * 1024,
    "$.entries[0].sources[0].url", "expected at most 2000 characters" },
};

/* One text of absurd length is refused, where it is, without quoting it
 * back: a 10 MB title would freeze any window that tried to show it. */
static void
test_long_text (gconstpointer data)
{
  const LongTextCase *test = data;
  g_autoptr(GString) text = g_string_new_len (small_text, small_length);
  g_autoptr(GString) member = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  const char *found = strstr (text->str, test->from);
  gsize offset;

  g_assert_nonnull (found);
  offset = found - text->str;

  /* The member's name, then the long text: in Cyrillic, two bytes a
   * character, the limit is seen to count characters, not bytes. */
  g_string_append_len (member, test->from, strchr (test->from, ':') - test->from);
  g_string_append (member, ": \"");
  for (gsize i = 0; i < test->length; i++)
    g_string_append (member, test->character);
  g_string_append_c (member, '"');

  g_string_erase (text, offset, strlen (test->from));
  g_string_insert (text, offset, member->str);

  dataset = nichiro_dataset_new_from_data (text->str, text->len, "small.json", &error);
  g_assert_null (dataset);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID);
  g_assert_cmpuint (strlen (error->message), <, 2000);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, test->path));
  g_assert_nonnull (strstr (error->message, test->message));
  g_assert_true (g_str_has_prefix (error->message, "small.json:"));
}

/* Files that are no files are refused at once, never read for ever. */
static void
test_not_regular_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nichiro-test-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe.json", NULL);
  const struct {
    const char *path;
    const char *message;
  } cases[] = {
    { fifo, "it is a named pipe, not a regular file" },
    { "/dev/zero", "it is a device, not a regular file" },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (cases[i].path);
      g_autoptr(GError) error = NULL;
      g_autoptr(NichiroDataset) dataset = NULL;

      dataset = nichiro_dataset_new_from_file (file, &error);
      g_assert_null (dataset);
      g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, cases[i].path));
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }

  g_unlink (fifo);
  g_rmdir (dir);
}

static void
test_too_large_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nichiro-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  int fd;

  /* A sparse file: the size check must refuse it before reading a byte. */
  fd = g_open (path, O_CREAT | O_WRONLY, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (goffset) NICHIRO_DATASET_MAX_SIZE + 1), ==, 0);
  close (fd);

  dataset = nichiro_dataset_new_from_file (file, &error);
  g_assert_null (dataset);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "a dataset may be at most 64 MiB"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_unreadable_files (void)
{
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/nichiro.json");
  g_autoptr(GFile) folder = g_file_new_for_path (g_get_tmp_dir ());
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;

  dataset = nichiro_dataset_new_from_file (missing, &error);
  g_assert_null (dataset);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO);
  g_assert_true (g_str_has_prefix (error->message, "/nonexistent/nichiro.json: cannot read"));
  g_clear_error (&error);

  dataset = nichiro_dataset_new_from_file (folder, &error);
  g_assert_null (dataset);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "is a folder"));
}

static void
test_bundled_loads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_default (&error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)), >, 0);
  g_assert_true (g_str_has_prefix (nichiro_dataset_get_display_name (dataset), "resource://"));
}

/* The program's own dataset is read without its schema, which the build
 * checked (build-aux/nichiro-check-bundled.c): the same bytes pass the
 * schema too and give the same entries, in the same order. */
static void
test_bundled_schema (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) bundled = nichiro_dataset_new_default (&error);
  g_autoptr(NichiroDataset) checked = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GListModel *a, *b;
  const char *text;
  gsize length;

  g_assert_no_error (error);
  bytes = g_resources_lookup_data (NICHIRO_DATASET_DEFAULT_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, &length);
  checked = nichiro_dataset_new_from_data (text, length, "japan-russia.json", &error);
  g_assert_no_error (error);

  a = nichiro_dataset_get_entries (bundled);
  b = nichiro_dataset_get_entries (checked);
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(NichiroEntry) x = g_list_model_get_item (a, i);
      g_autoptr(NichiroEntry) y = g_list_model_get_item (b, i);

      g_assert_cmpstr (nichiro_entry_get_id (x), ==, nichiro_entry_get_id (y));
      g_assert_cmpstr (nichiro_entry_get_title (x), ==, nichiro_entry_get_title (y));
    }
}

/* The program's start-up, where the race was: the dataset's thread reads
 * the bundled dataset while the main thread, as GTK does loading its
 * style sheets, makes GLib register the program's resources. Each trial
 * runs in a fresh process of its own (GLib registers once per process),
 * forked from a subprocess that has not used a resource yet. GLib
 * registers the resources first added first; many empty ones added ahead
 * of the program's own keep the registration going for milliseconds, long
 * enough for the thread to ask in the middle of it every time. Each
 * trial's process ends 0 if it read the dataset, 1 if it could not, or by
 * the signal that brought it down. */
#define REGISTERING_TRIALS 8
#define REGISTERING_PADDING 20000

static int
read_while_registering (void)
{
  static const guint8 empty[8];
  GStaticResource *padding = g_new0 (GStaticResource, REGISTERING_PADDING);
  g_autoptr(NichiroDatasetLoader) loader = NULL;
  NichiroDataset *dataset;

  for (guint i = 0; i < REGISTERING_PADDING; i++)
    {
      padding[i].data = empty;
      padding[i].data_len = sizeof empty;
      g_static_resource_init (&padding[i]);
    }

  loader = nichiro_dataset_loader_new_default ();
  nichiro_dataset_loader_start (loader);
  g_resources_get_info ("/org/gtk/libgtk/theme", G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL);
  dataset = nichiro_dataset_loader_join (loader, NULL);
  return dataset != NULL && g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)) > 0 ? 0 : 1;
}

static void
test_bundled_while_registering (void)
{
  guint read = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  for (guint trial = 0; trial < REGISTERING_TRIALS; trial++)
    {
      int status = 0;
      pid_t pid = fork ();

      g_assert_cmpint (pid, >=, 0);
      if (pid == 0)
        _exit (read_while_registering ());
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      if (WIFSIGNALED (status))
        g_test_message ("trial %u: killed by signal %d", trial, WTERMSIG (status));
      else if (WEXITSTATUS (status) != 0)
        g_test_message ("trial %u: no dataset", trial);
      else
        read++;
    }

  g_assert_cmpuint (read, ==, REGISTERING_TRIALS);
}

/* Without the schema, only what the schema says goes unchecked: a member
 * the format does not have passes, a reference that resolves nowhere does
 * not. */
static void
test_read_without_schema (void)
{
  g_autoptr(GString) extra = g_string_new_len (small_text, small_length);
  g_autoptr(GString) dangling = g_string_new_len (small_text, small_length);
  g_autoptr(NichiroDataset) read = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (extra->str[0], ==, '{');
  g_string_insert (extra, 1, "\"no-such-member\": 1, ");

  read = _nichiro_dataset_read (extra->str, extra->len, "extra.json", TRUE, &error);
  g_assert_null (read);
  g_assert_nonnull (strstr (error->message, "no-such-member"));
  g_clear_error (&error);

  read = _nichiro_dataset_read (extra->str, extra->len, "extra.json", FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_clear_object (&read);

  g_assert_cmpuint (g_string_replace (dangling, "\"part\": \"", "\"part\": \"nowhere-", 1), ==, 1);
  read = _nichiro_dataset_read (dangling->str, dangling->len, "dangling.json", FALSE, &error);
  g_assert_null (read);
  g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID);
}

/* Which language "follow the interface" means, for the locale lists
 * g_get_language_names() gives. */
static const struct
{
  const char *names;
  NichiroLanguage language;
} locale_cases[] = {
  { "ja_JP.UTF-8:ja_JP:ja.UTF-8:ja:C", NICHIRO_LANGUAGE_JA },
  { "ru_RU.UTF-8:ru_RU:ru:C", NICHIRO_LANGUAGE_RU },
  { "en_GB.UTF-8:en_GB:en:C", NICHIRO_LANGUAGE_EN },
  { "de_DE.UTF-8:de_DE:de:C", NICHIRO_LANGUAGE_EN },
  { "de:ru_RU:ru:C", NICHIRO_LANGUAGE_RU },
  { "sr@latin:ja:C", NICHIRO_LANGUAGE_JA },
  { "jv:C:ja", NICHIRO_LANGUAGE_EN },
  { "POSIX:ru", NICHIRO_LANGUAGE_EN },
  { "", NICHIRO_LANGUAGE_EN },
};

static void
test_language_from_locale (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (locale_cases); i++)
    {
      g_auto(GStrv) names = g_strsplit (locale_cases[i].names, ":", -1);

      g_test_message ("%s", locale_cases[i].names);
      g_assert_cmpint (nichiro_language_from_locale ((const char * const *) names), ==, locale_cases[i].language);
    }
  g_assert_cmpint (nichiro_language_from_locale (NULL), ==, NICHIRO_LANGUAGE_EN);
}

static void
test_language_setting (void)
{
  NichiroLanguage language = NICHIRO_N_LANGUAGES;
  NichiroLanguage ui = nichiro_language_from_locale ((const char * const *) g_get_language_names ());

  g_assert_cmpint (nichiro_language_from_setting ("en"), ==, NICHIRO_LANGUAGE_EN);
  g_assert_cmpint (nichiro_language_from_setting ("ja"), ==, NICHIRO_LANGUAGE_JA);
  g_assert_cmpint (nichiro_language_from_setting ("ru"), ==, NICHIRO_LANGUAGE_RU);
  g_assert_cmpint (nichiro_language_from_setting ("follow"), ==, ui);
  g_assert_cmpint (nichiro_language_from_setting (NULL), ==, ui);

  g_assert_true (nichiro_language_from_string ("ru", &language));
  g_assert_cmpint (language, ==, NICHIRO_LANGUAGE_RU);
  g_assert_cmpstr (nichiro_language_to_string (language), ==, "ru");
  g_assert_false (nichiro_language_from_string ("RU", &language));
  g_assert_false (nichiro_language_from_string ("", &language));
  g_assert_false (nichiro_language_from_string (NULL, &language));
  g_assert_cmpint (language, ==, NICHIRO_LANGUAGE_RU);
}

/* The title that leads, with English where the dataset has no other. */
static void
test_display_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_from_data (small_text, small_length, "small.json", &error);
  NichiroEntry *peace, *shimoda;
  NichiroNames empty = { .en = (char *) "English", .ja = (char *) "", .ru = NULL };

  g_assert_no_error (error);
  peace = nichiro_dataset_lookup_entry (dataset, "peace-1905");
  shimoda = nichiro_dataset_lookup_entry (dataset, "shimoda-1855");

  g_assert_cmpstr (nichiro_entry_get_display_title (peace, NICHIRO_LANGUAGE_EN), ==, "Treaty of Portsmouth");
  g_assert_cmpstr (nichiro_entry_get_display_title (peace, NICHIRO_LANGUAGE_JA), ==, "ポーツマス条約");
  g_assert_cmpstr (nichiro_entry_get_display_title (peace, NICHIRO_LANGUAGE_RU), ==, "Портсмутский мирный договор");
  g_assert_cmpstr (nichiro_entry_get_display_title (shimoda, NICHIRO_LANGUAGE_JA), ==, "Treaty of Shimoda");
  g_assert_cmpstr (nichiro_names_get (&empty, NICHIRO_LANGUAGE_JA), ==, "English");
  g_assert_cmpstr (nichiro_names_get (&empty, NICHIRO_LANGUAGE_RU), ==, "English");
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* The session carries the language to its search and tells its views. */
static void
test_session_title_language (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_from_data (small_text, small_length, "small.json", &error);
  g_autoptr(NichiroSession) session = NULL;
  g_autoptr(NichiroSearchResults) before = NULL;
  g_autoptr(NichiroSearchResults) after = NULL;
  guint notified = 0;

  g_assert_no_error (error);
  session = nichiro_session_new (dataset, NULL);
  g_signal_connect (session, "notify::title-language", G_CALLBACK (count_notify_cb), &notified);
  g_assert_cmpint (nichiro_session_get_title_language (session), ==, NICHIRO_LANGUAGE_EN);

  before = nichiro_search_run (nichiro_session_get_search (session), "portsmouth");
  g_assert_cmpstr (((NichiroSearchResult *) g_ptr_array_index (before->items, 0))->title, ==, "Treaty of Portsmouth");

  nichiro_session_set_title_language (session, NICHIRO_LANGUAGE_RU);
  nichiro_session_set_title_language (session, NICHIRO_LANGUAGE_RU);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (nichiro_session_get_title (session, nichiro_dataset_lookup_entry (dataset, "peace-1905")), ==,
                   "Портсмутский мирный договор");
  after = nichiro_search_run (nichiro_session_get_search (session), "portsmouth");
  g_assert_cmpstr (((NichiroSearchResult *) g_ptr_array_index (after->items, 0))->title, ==,
                   "Портсмутский мирный договор");

  g_object_set (session, "title-language", NICHIRO_LANGUAGE_JA, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (nichiro_session_get_title_language (session), ==, NICHIRO_LANGUAGE_JA);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "..", "..", "data", "small.json", NULL);
  if (!g_file_get_contents (path, &small_text, &small_length, &error))
    g_error ("%s", error->message);
  g_clear_pointer (&path, g_free);
  path = g_test_build_filename (G_TEST_DIST, "features.json", NULL);
  if (!g_file_get_contents (path, &features_text, &features_length, &error))
    g_error ("%s", error->message);

  g_test_add_func ("/nichiro/dataset/load-small", test_load_small);
  g_test_add_func ("/nichiro/dataset/entry-json", test_entry_json);
  g_test_add_func ("/nichiro/dataset/bundled", test_bundled_loads);
  g_test_add_func ("/nichiro/dataset/bundled-schema", test_bundled_schema);
  g_test_add_func ("/nichiro/dataset/bundled-while-registering", test_bundled_while_registering);
  g_test_add_func ("/nichiro/dataset/read-without-schema", test_read_without_schema);
  g_test_add_func ("/nichiro/dataset/language/from-locale", test_language_from_locale);
  g_test_add_func ("/nichiro/dataset/language/setting", test_language_setting);
  g_test_add_func ("/nichiro/dataset/language/display-title", test_display_title);
  g_test_add_func ("/nichiro/dataset/language/session", test_session_title_language);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/dataset/invalid/%s", invalid_cases[i].name);

      g_test_add_data_func (test_path, &invalid_cases[i], test_invalid);
    }
  g_test_add_func ("/nichiro/dataset/invalid/many-problems", test_many_problems_reported);
  g_test_add_func ("/nichiro/dataset/features", test_features);
  for (guint i = 0; i < G_N_ELEMENTS (feature_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/dataset/invalid/%s", feature_cases[i].name);

      g_test_add_data_func (test_path, &feature_cases[i], test_invalid_features);
    }
  for (guint i = 0; i < G_N_ELEMENTS (syntax_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/dataset/syntax/%s", syntax_cases[i].name);

      g_test_add_data_func (test_path, &syntax_cases[i], test_syntax);
    }
  g_test_add_func ("/nichiro/dataset/syntax/deep-nesting", test_deep_nesting);
  g_test_add_func ("/nichiro/dataset/syntax/embedded-nul", test_embedded_nul);
  g_test_add_func ("/nichiro/dataset/file/large", test_large_file);
  g_test_add_func ("/nichiro/dataset/file/too-large", test_too_large_file);
  g_test_add_func ("/nichiro/dataset/file/unreadable", test_unreadable_files);
  g_test_add_func ("/nichiro/dataset/file/not-regular", test_not_regular_files);
  for (guint i = 0; i < G_N_ELEMENTS (long_text_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/dataset/invalid/long-text/%s", long_text_cases[i].name);

      g_test_add_data_func (test_path, &long_text_cases[i], test_long_text);
    }

  return g_test_run ();
}
