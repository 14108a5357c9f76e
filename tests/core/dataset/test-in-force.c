/* test-in-force.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-error.h"
#include "nichiro-in-force.h"

/* What was in force on a day, on a small dataset with one instrument of
 * each kind of end (features.json), and how the day is read. */

static NichiroDataset *features;

static char *
in_force_text (NichiroDataset *dataset,
               const char     *iso)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  NichiroDate day;

  g_assert_true (nichiro_date_parse (iso, &day));
  items = nichiro_in_force_on (dataset, &day);
  for (guint i = 0; i < items->len; i++)
    {
      const NichiroInForce *item = g_ptr_array_index (items, i);

      g_string_append_printf (text, "%s%s%s", i > 0 ? " " : "", nichiro_entry_get_id (item->entry),
                              item->force == NICHIRO_FORCE_DISPUTED ? "?" : "");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  const char *day;
  const char *expected;    /* ids in order of signature; "?" marks a disputed one */
} DayCase;

static const DayCase day_cases[] = {
  /* Signed, not yet in force: in force from the exchange of ratifications. */
  { "1855-02-07", "" },
  { "1856-12-06", "" },
  { "1856-12-07", "first-1855" },
  /* A partial end leaves the rest in force. */
  { "1875-08-21", "first-1855" },
  { "1875-08-22", "first-1855 exchange-1875" },
  /* Superseded on the day its successor came into force. */
  { "1899-07-16", "first-1855 exchange-1875" },
  { "1899-07-17", "exchange-1875 commerce-1895" },
  /* A war is no instrument; the commerce treaty ends when war annuls it. */
  { "1904-02-09", "exchange-1875 commerce-1895 legacy-1902" },
  { "1904-02-10", "exchange-1875 legacy-1902" },
  /* An old dataset's "ended" stage still ends it. */
  { "1923-08-16", "exchange-1875 legacy-1902" },
  { "1923-08-17", "exchange-1875" },
  /* Denounced: in force through the notice, over when it took effect. */
  { "1935-05-23", "exchange-1875 convention-1928" },
  { "1936-05-26", "exchange-1875 convention-1928" },
  { "1936-05-27", "exchange-1875" },
  /* Disputed between the sides' dates, over after the latest. */
  { "1945-08-08", "exchange-1875 pact-1941" },
  { "1945-08-09", "exchange-1875 pact-1941?" },
  { "1946-04-24", "exchange-1875 pact-1941?" },
  { "1946-04-25", "exchange-1875" },
  /* Still in force: no end. */
  { "1956-12-12", "exchange-1875 declaration-1956" },
  { "2026-01-01", "exchange-1875 declaration-1956" },
};

static void
test_day (gconstpointer data)
{
  const DayCase *test = data;
  g_autofree char *found = in_force_text (features, test->day);

  g_assert_cmpstr (found, ==, test->expected);
}

/* What the list says of each instrument: since, until, stage, partial ends. */
static void
test_details (void)
{
  g_autoptr(GPtrArray) items = NULL;
  const NichiroInForce *first, *exchange;
  const NichiroEnd *partial;
  NichiroDate day = nichiro_date_make (1880, 1, 1);

  items = nichiro_in_force_on (features, &day);
  g_assert_cmpuint (items->len, ==, 2);
  first = g_ptr_array_index (items, 0);
  exchange = g_ptr_array_index (items, 1);

  g_assert_cmpint (first->force, ==, NICHIRO_FORCE_IN_FORCE);
  g_assert_cmpint (nichiro_date_compare (&first->since, &(NichiroDate) { 1856, 12, 7, NICHIRO_DATE_PRECISION_DAY }), ==, 0);
  g_assert_cmpint (nichiro_date_compare (&first->until, &(NichiroDate) { 1899, 7, 17, NICHIRO_DATE_PRECISION_DAY }), ==, 0);
  g_assert_cmpint (first->end->status, ==, NICHIRO_END_SUPERSEDED);
  g_assert_cmpstr (first->end->by[0], ==, "commerce-1895");
  g_assert_false (first->signed_only);
  g_assert_cmpint (first->stage, ==, NICHIRO_STAGE_IN_FORCE);
  g_assert_cmpuint (first->partial_ends->len, ==, 1);
  partial = g_ptr_array_index (first->partial_ends, 0);
  g_assert_cmpstr (partial->articles[0], ==, "2");
  g_assert_cmpstr (partial->by[0], ==, "exchange-1875");

  g_assert_false (nichiro_date_is_set (&exchange->until));
  g_assert_cmpint (exchange->end->status, ==, NICHIRO_END_NO_FORMAL_END);

  /* The end's date becomes the lifecycle's ended stage, so that what draws
   * stages sees it. */
  g_assert_cmpint (nichiro_entry_get_stage_date (first->entry, NICHIRO_STAGE_ENDED)->year, ==, 1899);
  g_assert_cmpint (nichiro_entry_get_stage_date (first->entry, NICHIRO_STAGE_ENDED)->day, ==, 17);
}

/* A disputed end: the stage before notice, the notice, the window. */
static void
test_disputed (void)
{
  NichiroEntry *pact = nichiro_dataset_lookup_entry (features, "pact-1941");
  const NichiroEnd *end = nichiro_entry_get_end (pact);
  g_autoptr(GPtrArray) items = NULL;
  const NichiroInForce *item;
  NichiroDate day = nichiro_date_make (1945, 9, 2);

  g_assert_cmpint (end->status, ==, NICHIRO_END_DISPUTED);
  g_assert_cmpuint (end->n_views, ==, 2);
  g_assert_cmpstr (end->views[0].parties[0], ==, "ussr");
  g_assert_cmpint (end->views[1].date.year, ==, 1946);
  /* The derived end stage marks where the dispute begins. */
  g_assert_cmpint (nichiro_entry_get_stage_date (pact, NICHIRO_STAGE_ENDED)->year, ==, 1945);

  items = nichiro_in_force_on (features, &day);
  item = g_ptr_array_index (items, 1);
  g_assert_true (item->entry == pact);
  g_assert_cmpint (item->force, ==, NICHIRO_FORCE_DISPUTED);
  g_assert_cmpint (item->stage, ==, NICHIRO_STAGE_NOTICE);
  g_assert_cmpint (item->until.year, ==, 1946);

  g_assert_cmpint (nichiro_entry_get_force (pact, &(NichiroDate) { 1941, 4, 24, NICHIRO_DATE_PRECISION_DAY }), ==, NICHIRO_FORCE_NONE);
  g_assert_cmpint (nichiro_entry_get_force (pact, &(NichiroDate) { 1941, 4, 25, NICHIRO_DATE_PRECISION_DAY }), ==, NICHIRO_FORCE_IN_FORCE);
  g_assert_cmpint (nichiro_entry_get_force (pact, &day), ==, NICHIRO_FORCE_DISPUTED);
}

static void
test_json (void)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonNode) node = NULL;
  NichiroDate day = nichiro_date_make (1880, 1, 1);
  JsonObject *object, *end;
  JsonArray *partial_ends;

  items = nichiro_in_force_on (features, &day);
  node = nichiro_in_force_to_json (g_ptr_array_index (items, 0));
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "id"), ==, "first-1855");
  g_assert_cmpstr (json_object_get_string_member (object, "signed"), ==, "1855-02-07");
  g_assert_cmpstr (json_object_get_string_member (object, "force"), ==, "in-force");
  g_assert_cmpstr (json_object_get_string_member (object, "since"), ==, "1856-12-07");
  g_assert_cmpstr (json_object_get_string_member (object, "until"), ==, "1899-07-17");
  g_assert_cmpstr (json_object_get_string_member (object, "stage"), ==, "in-force");
  end = json_object_get_object_member (object, "end");
  g_assert_cmpstr (json_object_get_string_member (end, "status"), ==, "superseded");
  g_assert_cmpstr (json_object_get_string_member (end, "date_old_style"), ==, "1899-07-05");
  partial_ends = json_object_get_array_member (object, "partial_ends");
  g_assert_cmpuint (json_array_get_length (partial_ends), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_array_get_object_element (partial_ends, 0), "articles"), 0),
                   ==, "2");
}

typedef struct
{
  const char *name;
  const char *text;
  const char *iso;         /* NULL when the text is refused */
  gboolean old_style;
  const char *message;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "day", "1905-09-05", "1905-09-05", FALSE, NULL },
  { "spaces", "  1905-09-05 ", "1905-09-05", FALSE, NULL },
  { "old-style", "1905-08-23 O.S.", "1905-09-05", TRUE, NULL },
  { "old-style-short", "1905-08-23os", "1905-09-05", TRUE, NULL },
  { "old-style-brackets", "1905-08-23 (O.S.)", "1905-09-05", TRUE, NULL },
  { "julian-leap-day", "1900-02-29 O.S.", "1900-03-13", TRUE, NULL },
  { "not-gregorian", "1900-02-29", NULL, FALSE, "“1900-02-29” is not a real date: February 1900 has 28 days" },
  { "not-julian", "1905-02-29 O.S.", NULL, FALSE, "February 1905 has 28 days in the Julian calendar" },
  { "year", "1920", NULL, FALSE, "“1920” is not a single day; give one, written YYYY-MM-DD (such as 1920-01-01)" },
  { "month", "1920-03", NULL, FALSE, "(such as 1920-03-01)" },
  { "words", "yesterday", NULL, FALSE, "“yesterday” is not a day; write it YYYY-MM-DD" },
  { "empty", "", NULL, FALSE, "give a day" },
  { "slashes", "1905/09/05", NULL, FALSE, "is not a day" },
};

static void
test_parse (gconstpointer data)
{
  const ParseCase *test = data;
  g_autoptr(GError) error = NULL;
  NichiroDate day = NICHIRO_DATE_NONE;
  gboolean old_style = FALSE;
  gboolean ok;

  ok = nichiro_in_force_parse_day (test->text, &day, &old_style, &error);
  if (test->iso != NULL)
    {
      g_autofree char *iso = nichiro_date_to_iso (&day);

      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (iso, ==, test->iso);
      g_assert_cmpint (old_style, ==, test->old_style);
    }
  else
    {
      g_assert_false (ok);
      g_assert_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, test->message));
    }
}

/* The in-force list and the per-entry answer agree on every day. */
static void
test_consistent (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (1855);
  GListModel *entries = nichiro_dataset_get_entries (features);

  for (guint n = 0; n < 1000; n++)
    {
      NichiroDate day = nichiro_date_from_julian_day (g_rand_int_range (rand, 2398000, 2436000));
      g_autoptr(GPtrArray) items = nichiro_in_force_on (features, &day);
      guint found = 0;

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
          NichiroForce force = nichiro_entry_get_force (entry, &day);

          if (force == NICHIRO_FORCE_NONE)
            continue;
          g_assert_cmpuint (found, <, items->len);
          g_assert_true (((NichiroInForce *) g_ptr_array_index (items, found))->entry == entry);
          g_assert_cmpint (((NichiroInForce *) g_ptr_array_index (items, found))->force, ==, force);
          found++;
        }
      g_assert_cmpuint (found, ==, items->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int status;

  g_test_init (&argc, &argv, NULL);

  path = g_test_build_filename (G_TEST_DIST, "features.json", NULL);
  g_file_get_contents (path, &text, &length, &error);
  g_assert_no_error (error);
  features = nichiro_dataset_new_from_data (text, length, "features.json", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (day_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/in-force/day/%s", day_cases[i].day);

      g_test_add_data_func (test_path, &day_cases[i], test_day);
    }
  g_test_add_func ("/nichiro/in-force/details", test_details);
  g_test_add_func ("/nichiro/in-force/disputed", test_disputed);
  g_test_add_func ("/nichiro/in-force/json", test_json);
  g_test_add_func ("/nichiro/in-force/consistent", test_consistent);
  for (guint i = 0; i < G_N_ELEMENTS (parse_cases); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/nichiro/in-force/parse/%s", parse_cases[i].name);

      g_test_add_data_func (test_path, &parse_cases[i], test_parse);
    }

  status = g_test_run ();
  g_clear_object (&features);
  return status;
}
