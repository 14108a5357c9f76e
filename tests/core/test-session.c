/* test-session.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nichiro-search-hit.h"
#include "nichiro-session.h"
#include "nichiro-test-utils.h"

/* The session without a display: the history of what was read, the one
 * search every view shares, and the reader's data plugged into it. */

static NichiroDataset *small;

typedef struct
{
  guint results_changed;
  GPtrArray *study_changed;   /* entry ids, "" for the whole store */
} Counts;

static void
results_changed_cb (NichiroSession *session,
                    Counts         *counts)
{
  counts->results_changed++;
}

static void
study_changed_cb (NichiroSession *session,
                  const char     *entry_id,
                  Counts         *counts)
{
  g_ptr_array_add (counts->study_changed, g_strdup (entry_id ? entry_id : ""));
}

static void
counts_init (Counts         *counts,
             NichiroSession *session)
{
  counts->results_changed = 0;
  counts->study_changed = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect (session, "results-changed", G_CALLBACK (results_changed_cb), counts);
  g_signal_connect (session, "study-changed", G_CALLBACK (study_changed_cb), counts);
}

static void
counts_clear (Counts *counts)
{
  g_clear_pointer (&counts->study_changed, g_ptr_array_unref);
}

/* The ids of the session's results, best first, joined by spaces. */
static char *
dup_result_ids (NichiroSession *session)
{
  GListModel *results = G_LIST_MODEL (nichiro_session_get_results (session));
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(NichiroSearchHit) hit = g_list_model_get_item (results, i);

      if (ids->len > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, nichiro_entry_get_id (nichiro_search_hit_get_entry (hit)));
    }

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static const char *
selected_id (NichiroSession *session)
{
  NichiroEntry *entry = nichiro_session_get_selected (session);

  return entry ? nichiro_entry_get_id (entry) : NULL;
}

static void
test_dataset_id (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (small, NULL);

  g_assert_cmpstr (nichiro_session_get_dataset_id (session), ==, "test-small");
  g_assert_true (nichiro_session_get_dataset (session) == small);
  g_assert_null (nichiro_session_get_store (session));
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* Reading A, B, C; back twice; forward once; a new step drops the rest. */
static void
test_history (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (small, NULL);

  g_assert_false (nichiro_session_can_go_back (session));
  g_assert_true (nichiro_session_select_id (session, "shimoda-1855"));
  g_assert_false (nichiro_session_can_go_back (session));
  g_assert_true (nichiro_session_select_id (session, "war-1904"));
  g_assert_true (nichiro_session_select_id (session, "peace-1905"));
  g_assert_false (nichiro_session_select_id (session, "no-such-entry"));
  g_assert_cmpstr (selected_id (session), ==, "peace-1905");

  nichiro_session_go_back (session);
  g_assert_cmpstr (selected_id (session), ==, "war-1904");
  nichiro_session_go_back (session);
  g_assert_cmpstr (selected_id (session), ==, "shimoda-1855");
  g_assert_false (nichiro_session_can_go_back (session));
  nichiro_session_go_back (session);
  g_assert_cmpstr (selected_id (session), ==, "shimoda-1855");

  nichiro_session_go_forward (session);
  g_assert_cmpstr (selected_id (session), ==, "war-1904");
  g_assert_true (nichiro_session_can_go_forward (session));

  /* Reading something new branches off: the way forward is gone. */
  g_assert_true (nichiro_session_select_id (session, "shimoda-1855"));
  g_assert_false (nichiro_session_can_go_forward (session));
  nichiro_session_go_back (session);
  g_assert_cmpstr (selected_id (session), ==, "war-1904");
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* A walk through the entries is one step of history: Back returns to
 * where it began. */
static void
test_history_walk (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (small, NULL);
  NichiroDataset *dataset = nichiro_session_get_dataset (session);
  static const char * const walk[] = { "shimoda-1855", "war-1904", "peace-1905", "war-1904", "peace-1905" };

  g_assert_true (nichiro_session_select_id (session, "war-1904"));
  for (guint i = 0; i < G_N_ELEMENTS (walk); i++)
    nichiro_session_walk_to (session, nichiro_dataset_lookup_entry (dataset, walk[i]));
  g_assert_cmpstr (selected_id (session), ==, "peace-1905");

  nichiro_session_go_back (session);
  g_assert_cmpstr (selected_id (session), ==, "war-1904");
  g_assert_false (nichiro_session_can_go_back (session));
  nichiro_session_go_forward (session);
  g_assert_cmpstr (selected_id (session), ==, "peace-1905");

  /* Another selection ends the walk; the next walk is a step of its own. */
  g_assert_true (nichiro_session_select_id (session, "shimoda-1855"));
  nichiro_session_walk_to (session, nichiro_dataset_lookup_entry (dataset, "war-1904"));
  nichiro_session_walk_to (session, nichiro_dataset_lookup_entry (dataset, "peace-1905"));
  nichiro_session_go_back (session);
  g_assert_cmpstr (selected_id (session), ==, "shimoda-1855");
  nichiro_session_go_back (session);
  g_assert_cmpstr (selected_id (session), ==, "peace-1905");
  nichiro_session_go_back (session);
  g_assert_cmpstr (selected_id (session), ==, "war-1904");
  g_assert_false (nichiro_session_can_go_back (session));
  g_assert_finalize_object (g_steal_pointer (&session));
}

/* One search per change of query or title language, shared by every view. */
static void
test_one_search_per_query (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (small, NULL);
  NichiroSearch *search = nichiro_session_get_search (session);
  g_autofree char *ids = NULL;
  Counts counts;

  counts_init (&counts, session);
  g_assert_cmpuint (nichiro_search_get_n_runs (search), ==, 0);

  nichiro_session_set_query (session, "portsmouth");
  g_assert_cmpuint (nichiro_search_get_n_runs (search), ==, 1);
  g_assert_cmpuint (counts.results_changed, ==, 1);
  ids = dup_result_ids (session);
  g_assert_cmpstr (ids, ==, "peace-1905 war-1904");

  /* The same query again is no change. */
  nichiro_session_set_query (session, "portsmouth");
  g_assert_cmpuint (nichiro_search_get_n_runs (search), ==, 1);

  /* Titles lead in another language: the results are named again. */
  nichiro_session_set_title_language (session, NICHIRO_LANGUAGE_JA);
  g_assert_cmpuint (nichiro_search_get_n_runs (search), ==, 2);
  g_assert_cmpuint (counts.results_changed, ==, 2);

  /* No query, no search, no results. */
  nichiro_session_set_query (session, "");
  g_assert_cmpuint (nichiro_search_get_n_runs (search), ==, 2);
  g_assert_cmpuint (counts.results_changed, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nichiro_session_get_results (session))), ==, 0);

  counts_clear (&counts);
  g_assert_finalize_object (g_steal_pointer (&session));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* A part's page is shown until an entry is chosen, the one being read
 * included; the selection stays under it. */
static void
test_part (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (small, NULL);
  guint notified = 0;

  g_signal_connect (session, "notify::part", G_CALLBACK (count_notify_cb), &notified);
  g_assert_null (nichiro_session_get_part (session));
  g_assert_true (nichiro_session_select_id (session, "peace-1905"));

  g_assert_true (nichiro_session_set_part (session, "two"));
  g_assert_cmpstr (nichiro_session_get_part (session), ==, "two");
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (session)), ==, "peace-1905");
  g_assert_true (nichiro_session_set_part (session, "two"));
  g_assert_cmpuint (notified, ==, 1);

  /* No such part: nothing changes. */
  g_assert_false (nichiro_session_set_part (session, "nine"));
  g_assert_cmpstr (nichiro_session_get_part (session), ==, "two");

  /* The same entry again leaves the part. */
  g_assert_true (nichiro_session_select_id (session, "peace-1905"));
  g_assert_null (nichiro_session_get_part (session));
  g_assert_cmpuint (notified, ==, 2);

  /* So does going back. */
  g_assert_true (nichiro_session_select_id (session, "war-1904"));
  g_assert_true (nichiro_session_set_part (session, "one"));
  nichiro_session_go_back (session);
  g_assert_null (nichiro_session_get_part (session));
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (session)), ==, "peace-1905");

  g_assert_finalize_object (g_steal_pointer (&session));
}

/* The first is:bookmarked search already sees the store, whether the
 * store came first or the query did. */
static void
test_store_in_search (NichiroTestHome *home,
                      gconstpointer    data)
{
  g_autoptr(NichiroStudyStore) store = nichiro_study_store_new (home->path);
  g_autoptr(NichiroSession) session = NULL;
  g_autofree char *first = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (nichiro_study_store_set_bookmarked (store, "test-small", "war-1904", TRUE, NULL));

  session = nichiro_session_new (small, store);
  nichiro_session_set_query (session, "is:bookmarked");
  first = dup_result_ids (session);
  g_assert_cmpstr (first, ==, "war-1904");
  g_clear_object (&session);

  session = nichiro_session_new (small, NULL);
  nichiro_session_set_query (session, "is:bookmarked");
  before = dup_result_ids (session);
  g_assert_cmpstr (before, ==, "");
  nichiro_session_set_store (session, store);
  g_assert_true (nichiro_session_get_store (session) == store);
  after = dup_result_ids (session);
  g_assert_cmpstr (after, ==, "war-1904");

  g_assert_finalize_object (g_steal_pointer (&session));
  g_assert_true (nichiro_study_store_flush (store, NULL));
}

/* The store's changes for this dataset reach the views through the
 * session, and the results follow what they filter on. */
static void
test_study_changed (NichiroTestHome *home,
                    gconstpointer    data)
{
  g_autoptr(NichiroStudyStore) store = nichiro_study_store_new (home->path);
  g_autoptr(NichiroSession) session = nichiro_session_new (small, store);
  NichiroSearch *search = nichiro_session_get_search (session);
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  Counts counts;
  guint runs;

  counts_init (&counts, session);
  nichiro_session_set_query (session, "is:bookmarked");
  g_assert_cmpuint (counts.results_changed, ==, 1);

  g_assert_true (nichiro_study_store_set_bookmarked (store, "test-small", "peace-1905", TRUE, NULL));
  g_assert_cmpuint (counts.study_changed->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (counts.study_changed, 0), ==, "peace-1905");
  g_assert_cmpuint (counts.results_changed, ==, 2);
  one = dup_result_ids (session);
  g_assert_cmpstr (one, ==, "peace-1905");

  /* Another dataset's data is not this session's business. */
  g_assert_true (nichiro_study_store_set_bookmarked (store, "another-dataset", "peace-1905", TRUE, NULL));
  g_assert_cmpuint (counts.study_changed->len, ==, 1);

  /* A note that leaves the same entries found leaves the list alone. */
  runs = nichiro_search_get_n_runs (search);
  g_assert_true (nichiro_study_store_set_note (store, "test-small", "peace-1905", "Sakhalin split", NULL));
  g_assert_cmpuint (nichiro_search_get_n_runs (search), ==, runs + 1);
  g_assert_cmpuint (counts.results_changed, ==, 2);

  g_assert_true (nichiro_study_store_set_bookmarked (store, "test-small", "shimoda-1855", TRUE, NULL));
  g_assert_cmpuint (counts.results_changed, ==, 3);
  two = dup_result_ids (session);
  g_assert_cmpstr (two, ==, "shimoda-1855 peace-1905");

  /* Letting go of the store tells the views to look again. */
  nichiro_session_set_store (session, NULL);
  g_assert_cmpstr (g_ptr_array_index (counts.study_changed, counts.study_changed->len - 1), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (nichiro_session_get_results (session))), ==, 0);

  counts_clear (&counts);
  g_assert_finalize_object (g_steal_pointer (&session));
  g_assert_true (nichiro_study_store_flush (store, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  small = nichiro_test_load_dataset ("small.json");

  g_test_add_func ("/nichiro/session/dataset-id", test_dataset_id);
  g_test_add_func ("/nichiro/session/history", test_history);
  g_test_add_func ("/nichiro/session/history-walk", test_history_walk);
  g_test_add_func ("/nichiro/session/part", test_part);
  g_test_add_func ("/nichiro/session/one-search-per-query", test_one_search_per_query);
  g_test_add ("/nichiro/session/store-in-search", NichiroTestHome, NULL,
              nichiro_test_home_set_up, test_store_in_search, nichiro_test_home_tear_down);
  g_test_add ("/nichiro/session/study-changed", NichiroTestHome, NULL,
              nichiro_test_home_set_up, test_study_changed, nichiro_test_home_tear_down);

  status = g_test_run ();
  g_clear_object (&small);
  return status;
}
