/* test-study-store.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "nichiro-study-store.h"
#include "nichiro-test-utils.h"
#include "study-crash-check.h"

/* The reader's own data: what is set comes back, what cannot be read is
 * kept aside, what cannot be saved stays in memory, a crash never leaves
 * half a file, and nothing the store does not know about is lost. */

static NichiroDataset *small;

static gboolean
store_saved (gpointer data)
{
  return !nichiro_study_store_has_unsaved_changes (data);
}

/* Round trips. */

static void
test_round_trip (NichiroTestHome *fixture,
                 gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) modified = NULL;
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  g_auto(GStrv) history = NULL;
  NichiroStudyStore *store;
  GStatBuf buf;

  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_false (nichiro_study_store_get_read_only (store));

  g_assert_true (nichiro_study_store_set_studied (store, "test-small", "peace-1905", TRUE, &error));
  g_assert_true (nichiro_study_store_set_bookmarked (store, "test-small", "war-1904", TRUE, &error));
  g_assert_true (nichiro_study_store_set_note (store, "test-small", "peace-1905",
                                               "Sakhalin split at 50°N.\nポーツマス — Портсмут", &error));
  g_assert_true (nichiro_study_store_set_page (store, "test-small", "peace-1905", "p. 47", &error));
  g_assert_true (nichiro_study_store_set_last_entry (store, "test-small", "war-1904", &error));
  g_assert_true (nichiro_study_store_set_last_part (store, "test-small", "two", &error));
  g_assert_true (nichiro_study_store_set_note (store, "another", "x", "In another dataset", &error));
  g_assert_no_error (error);
  g_assert_true (nichiro_study_store_has_unsaved_changes (store));

  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_false (nichiro_study_store_has_unsaved_changes (store));
  g_assert_finalize_object (store);

  /* Only its owner may read what someone wrote about their studies. */
  g_assert_cmpint (g_stat (fixture->path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_true (nichiro_study_store_get_studied (store, "test-small", "peace-1905"));
  g_assert_false (nichiro_study_store_get_bookmarked (store, "test-small", "peace-1905"));
  g_assert_false (nichiro_study_store_get_studied (store, "test-small", "war-1904"));
  g_assert_true (nichiro_study_store_get_bookmarked (store, "test-small", "war-1904"));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "peace-1905"), ==,
                   "Sakhalin split at 50°N.\nポーツマス — Портсмут");
  g_assert_cmpstr (nichiro_study_store_get_page (store, "test-small", "peace-1905"), ==, "p. 47");
  g_assert_null (nichiro_study_store_get_note (store, "test-small", "war-1904"));
  g_assert_cmpstr (nichiro_study_store_get_last_entry (store, "test-small"), ==, "war-1904");
  g_assert_cmpstr (nichiro_study_store_get_last_part (store, "test-small"), ==, "two");
  g_assert_cmpstr (nichiro_study_store_get_note (store, "another", "x"), ==, "In another dataset");
  history = nichiro_study_store_dup_history (store, "test-small");
  g_assert_cmpstrv (history, ((const char * const []) { "war-1904", NULL }));

  modified = nichiro_study_store_get_modified (store, "test-small", "peace-1905");
  g_assert_nonnull (modified);
  g_assert_cmpint (g_date_time_to_unix (modified), >=, g_date_time_to_unix (before));
  g_assert_cmpint (g_date_time_get_utc_offset (modified), ==, 0);

  /* Clearing a note removes it; the entry and its other marks stay. */
  g_assert_true (nichiro_study_store_set_note (store, "test-small", "peace-1905", "", &error));
  g_assert_null (nichiro_study_store_get_note (store, "test-small", "peace-1905"));
  g_assert_true (nichiro_study_store_get_studied (store, "test-small", "peace-1905"));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_finalize_object (store);

  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_note (store, "test-small", "peace-1905"));
  g_assert_cmpstr (nichiro_study_store_get_page (store, "test-small", "peace-1905"), ==, "p. 47");
  g_assert_finalize_object (store);
}

static void
test_missing_file (NichiroTestHome *fixture,
                   gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "study.json", NULL);
  NichiroStudyStore *store;

  store = nichiro_study_store_new (nested);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_false (nichiro_study_store_get_read_only (store));
  g_assert_false (nichiro_study_store_get_studied (store, "test-small", "peace-1905"));
  g_assert_null (nichiro_study_store_get_last_entry (store, "test-small"));

  /* Opening and flushing with nothing changed writes nothing. */
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_false (g_file_test (nested, G_FILE_TEST_EXISTS));

  /* The first change creates the folders. */
  g_assert_true (nichiro_study_store_set_studied (store, "test-small", "peace-1905", TRUE, &error));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
  g_assert_finalize_object (store);
}

static void
test_one_store_per_file (NichiroTestHome *fixture,
                         gconstpointer    data)
{
  g_autofree char *roundabout = g_build_filename (fixture->dir, ".", "x", "..", "study.json", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "other.json", NULL);
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);
  NichiroStudyStore *again = nichiro_study_store_new (roundabout);
  NichiroStudyStore *another = nichiro_study_store_new (other);

  g_assert_true (store == again);
  g_assert_true (store != another);
  g_object_unref (again);
  g_assert_finalize_object (another);
  g_assert_finalize_object (store);

  /* Once it is gone, the path may be opened afresh. */
  store = nichiro_study_store_new (fixture->path);
  g_assert_finalize_object (store);
}

typedef struct
{
  guint count;
  char *dataset_id;
  char *entry_id;
} ChangedLog;

static void
changed_cb (NichiroStudyStore *store,
            const char        *dataset_id,
            const char        *entry_id,
            ChangedLog        *log)
{
  log->count++;
  g_free (log->dataset_id);
  g_free (log->entry_id);
  log->dataset_id = g_strdup (dataset_id);
  log->entry_id = g_strdup (entry_id);
}

static void
test_changed_signal (NichiroTestHome *fixture,
                     gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  ChangedLog log = { 0 };
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &log);

  nichiro_study_store_set_studied (store, "test-small", "peace-1905", TRUE, &error);
  g_assert_cmpuint (log.count, ==, 1);
  g_assert_cmpstr (log.dataset_id, ==, "test-small");
  g_assert_cmpstr (log.entry_id, ==, "peace-1905");

  /* Setting what is already there is no change. */
  nichiro_study_store_set_studied (store, "test-small", "peace-1905", TRUE, &error);
  nichiro_study_store_set_bookmarked (store, "test-small", "war-1904", FALSE, &error);
  nichiro_study_store_set_note (store, "test-small", "war-1904", NULL, &error);
  nichiro_study_store_set_page (store, "test-small", "war-1904", "", &error);
  g_assert_cmpuint (log.count, ==, 1);

  nichiro_study_store_set_note (store, "test-small", "war-1904", "n", &error);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_cmpstr (log.entry_id, ==, "war-1904");
  nichiro_study_store_set_note (store, "test-small", "war-1904", "n", &error);
  g_assert_cmpuint (log.count, ==, 2);
  g_assert_no_error (error);

  g_signal_handlers_disconnect_by_func (store, changed_cb, &log);
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_finalize_object (store);
  g_free (log.dataset_id);
  g_free (log.entry_id);
}

static void
test_saves_by_itself (NichiroTestHome *fixture,
                      gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);

  nichiro_study_store_set_note (store, "test-small", "peace-1905", "Saved without a flush", &error);
  g_assert_no_error (error);
  g_assert_true (nichiro_study_store_has_unsaved_changes (store));

  nichiro_test_spin_until (store_saved, store, "the store saved on its own");
  root = nichiro_test_parse_file (fixture->path);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "datasets"), "test-small"), "entries"), "peace-1905"), "note"),
                   ==, "Saved without a flush");
  g_assert_finalize_object (store);
}

static void
test_saves_on_dispose (NichiroTestHome *fixture,
                       gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);

  nichiro_study_store_set_note (store, "test-small", "peace-1905", "Kept at exit", &error);
  g_assert_finalize_object (store);

  store = nichiro_study_store_new (fixture->path);
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "peace-1905"), ==, "Kept at exit");
  g_assert_finalize_object (store);
}

static void
test_history (NichiroTestHome *fixture,
              gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) history = NULL;
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);

  nichiro_study_store_set_last_entry (store, "d", "a", &error);
  nichiro_study_store_set_last_entry (store, "d", "b", &error);
  nichiro_study_store_set_last_entry (store, "d", "a", &error);
  history = nichiro_study_store_dup_history (store, "d");
  g_assert_cmpstrv (history, ((const char * const []) { "b", "a", NULL }));
  g_clear_pointer (&history, g_strfreev);

  for (guint i = 0; i < NICHIRO_STUDY_HISTORY_LENGTH + 10; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);

      nichiro_study_store_set_last_entry (store, "d", id, &error);
    }
  g_assert_no_error (error);
  history = nichiro_study_store_dup_history (store, "d");
  g_assert_cmpuint (g_strv_length (history), ==, NICHIRO_STUDY_HISTORY_LENGTH);
  g_assert_cmpstr (history[NICHIRO_STUDY_HISTORY_LENGTH - 1], ==, "e59");
  g_assert_cmpstr (history[0], ==, "e10");
  g_assert_cmpstr (nichiro_study_store_get_last_entry (store, "d"), ==, "e59");

  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_finalize_object (store);
}

/* Asking the store about a dataset. */

static void
test_filters_and_counts (NichiroTestHome *fixture,
                         gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  NichiroStudyStore *store = nichiro_study_store_new (fixture->path);
  const char *id = nichiro_dataset_get_id (small);
  struct {
    NichiroStudyFilter filter;
    const char *name;
    const char *expected[4];
  } cases[] = {
    { NICHIRO_STUDY_FILTER_STUDIED, "studied", { "shimoda-1855", "peace-1905", NULL } },
    { NICHIRO_STUDY_FILTER_UNSTUDIED, "unstudied", { "war-1904", NULL } },
    { NICHIRO_STUDY_FILTER_BOOKMARKED, "bookmarked", { "war-1904", NULL } },
    { NICHIRO_STUDY_FILTER_NOTED, "noted", { "peace-1905", NULL } },
  };
  guint studied, total;
  NichiroStudyFilter filter;

  nichiro_study_store_count_part (store, small, "two", &studied, &total);
  g_assert_cmpuint (studied, ==, 0);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpfloat (nichiro_study_store_get_progress (store, small, NULL, NULL), ==, 0.0);

  nichiro_study_store_set_studied (store, id, "peace-1905", TRUE, &error);
  nichiro_study_store_set_studied (store, id, "shimoda-1855", TRUE, &error);
  nichiro_study_store_set_bookmarked (store, id, "war-1904", TRUE, &error);
  nichiro_study_store_set_note (store, id, "peace-1905", "A note", &error);
  /* A blank note is not a note, and an entry the dataset no longer has
   * is not counted in it. */
  nichiro_study_store_set_note (store, id, "war-1904", "  \n\t ", &error);
  nichiro_study_store_set_studied (store, id, "gone-1900", TRUE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) matches = nichiro_study_store_filter (store, small, cases[i].filter);
      guint n = 0;

      g_assert_true (nichiro_study_filter_from_string (cases[i].name, &filter));
      g_assert_cmpint (filter, ==, cases[i].filter);

      /* In the dataset's order: by date. */
      for (; cases[i].expected[n] != NULL; n++)
        {
          g_assert_cmpuint (n, <, matches->len);
          g_assert_cmpstr (nichiro_entry_get_id (g_ptr_array_index (matches, n)), ==, cases[i].expected[n]);
          g_assert_true (nichiro_study_store_matches (store, id, cases[i].expected[n], cases[i].filter));
        }
      g_assert_cmpuint (matches->len, ==, n);
    }
  g_assert_false (nichiro_study_filter_from_string ("read", &filter));
  g_assert_true (nichiro_study_filter_from_string ("Noted", &filter));

  nichiro_study_store_count_part (store, small, "one", &studied, &total);
  g_assert_cmpuint (studied, ==, 1);
  g_assert_cmpuint (total, ==, 1);
  nichiro_study_store_count_part (store, small, "two", &studied, &total);
  g_assert_cmpuint (studied, ==, 1);
  g_assert_cmpuint (total, ==, 2);
  g_assert_cmpfloat_with_epsilon (nichiro_study_store_get_progress (store, small, &studied, &total), 2.0 / 3.0, 1e-9);
  g_assert_cmpuint (studied, ==, 2);
  g_assert_cmpuint (total, ==, 3);

  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_finalize_object (store);
}

/* What is not ours to drop. */

static const char unknown_text[] =
  "{\n"
  "  \"format\": \"nichiro-study\",\n"
  "  \"version\": 1,\n"
  "  \"from-the-future\": { \"x\": [1, 2.5, null] },\n"
  "  \"datasets\": {\n"
  "    \"test-small\": {\n"
  "      \"entries\": {\n"
  "        \"gone-1900\": { \"studied\": true, \"note\": \"On an entry the dataset lost\",\n"
  "                       \"modified\": \"2020-01-01T00:00:00Z\", \"tags\": [\"exam\"] },\n"
  "        \"peace-1905\": { \"studied\": false, \"colour\": \"red\", \"note\": null }\n"
  "      },\n"
  "      \"last_entry\": \"gone-1900\",\n"
  "      \"layout\": { \"zoom\": 3 }\n"
  "    },\n"
  "    \"retired-dataset\": { \"entries\": { \"x\": { \"note\": \"Elsewhere\" } } }\n"
  "  }\n"
  "}\n";

static JsonNode *
member_at (JsonNode   *root,
           const char *first,
           ...)
{
  JsonNode *node = root;
  const char *member = first;
  va_list args;

  va_start (args, first);
  while (member != NULL)
    {
      g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
      node = json_object_get_member (json_node_get_object (node), member);
      g_assert_nonnull (node);
      member = va_arg (args, const char *);
    }
  va_end (args);

  return node;
}

static void
test_unknown_data_survives (NichiroTestHome *fixture,
                            gconstpointer    data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) after = NULL;
  JsonNode *before;
  JsonObject *peace;
  NichiroStudyStore *store;

  nichiro_test_write_text (fixture->path, unknown_text, -1);
  json_parser_load_from_data (parser, unknown_text, -1, &error);
  g_assert_no_error (error);
  before = json_parser_get_root (parser);

  store = nichiro_study_store_new (fixture->path);
  g_assert_null (nichiro_study_store_get_recovery_message (store));
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "gone-1900"), ==, "On an entry the dataset lost");
  g_assert_true (nichiro_study_store_set_studied (store, "test-small", "peace-1905", TRUE, &error));
  g_assert_true (nichiro_study_store_set_last_entry (store, "test-small", "peace-1905", &error));
  g_assert_true (nichiro_study_store_flush (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (store);

  after = nichiro_test_parse_file (fixture->path);
  g_assert_true (json_node_equal (member_at (before, "from-the-future", NULL),
                                  member_at (after, "from-the-future", NULL)));
  g_assert_true (json_node_equal (member_at (before, "datasets", "retired-dataset", NULL),
                                  member_at (after, "datasets", "retired-dataset", NULL)));
  g_assert_true (json_node_equal (member_at (before, "datasets", "test-small", "entries", "gone-1900", NULL),
                                  member_at (after, "datasets", "test-small", "entries", "gone-1900", NULL)));
  g_assert_true (json_node_equal (member_at (before, "datasets", "test-small", "layout", NULL),
                                  member_at (after, "datasets", "test-small", "layout", NULL)));

  peace = json_node_get_object (member_at (after, "datasets", "test-small", "entries", "peace-1905", NULL));
  g_assert_cmpstr (json_object_get_string_member (peace, "colour"), ==, "red");
  g_assert_true (json_object_get_boolean_member (peace, "studied"));
  g_assert_true (json_object_has_member (peace, "modified"));
  g_assert_cmpstr (json_node_get_string (member_at (after, "datasets", "test-small", "last_entry", NULL)), ==,
                   "peace-1905");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  small = nichiro_test_load_dataset ("small.json");

#define ADD(name, func) g_test_add ("/nichiro/study/store/" name, NichiroTestHome, NULL, nichiro_test_home_set_up, func, nichiro_test_home_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("missing-file", test_missing_file);
  ADD ("one-store-per-file", test_one_store_per_file);
  ADD ("changed-signal", test_changed_signal);
  ADD ("saves-by-itself", test_saves_by_itself);
  ADD ("saves-on-dispose", test_saves_on_dispose);
  ADD ("history", test_history);
  ADD ("filters-and-counts", test_filters_and_counts);
  ADD ("unknown-data-survives", test_unknown_data_survives);
#undef ADD

  status = g_test_run ();
  g_clear_object (&small);

  return status;
}
