/* test-window-search.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "nichiro-results-view.h"
#include "nichiro-search-help.h"
#include "nichiro-search-hit.h"
#include "nichiro-test-ui.h"
#include "window-fixture.h"

/* Searching from the window as a person would: typing, Enter on what is
 * highlighted, the suggestion and warnings, the search help. */

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *entry;
  GtkSingleSelection *selection;
  g_autoptr(GObject) first = NULL;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  entry = nichiro_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (entry);

  gtk_editable_set_text (GTK_EDITABLE (entry), "ポーツマス");
  wait_for_label (fixture, "1 result");
  selection = get_results (fixture);
  first = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_search_hit_get_entry (NICHIRO_SEARCH_HIT (first))), ==, "peace-1905");
  g_assert_cmpstr (nichiro_session_get_query (fixture->session), ==, "ポーツマス");

  /* The row shows where it matched, in bold. */
  wait_for_label (fixture, "ポーツマス条約");
  g_assert_cmpstr (gtk_label_get_label (find_visible_label (fixture, "ポーツマス条約")), ==, "<b>ポーツマス</b>条約");

  /* Enter opens the best result. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "peace-1905");

  gtk_editable_set_text (GTK_EDITABLE (entry), "zzzz");
  wait_for_label (fixture, "No Results");

  /* Escape clears the search and brings every entry back, keeping what is read. */
  g_signal_emit_by_name (entry, "stop-search");
  wait_for_label (fixture, "2 parts · 3 entries");
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "peace-1905");
  g_assert_cmpuint (gtk_single_selection_get_selected (get_selection (fixture)), ==, 2);
}

static NichiroEntry *
result_entry (GtkSingleSelection *results,
              guint               position)
{
  g_autoptr(GObject) hit = g_list_model_get_item (G_LIST_MODEL (results), position);

  g_assert_nonnull (hit);
  return nichiro_search_hit_get_entry (NICHIRO_SEARCH_HIT (hit));
}

/* The row shown selected is the one Enter opens, whatever is being read:
 * typing a query with the second result open highlights the first, and
 * Enter opens that; Down moves on from it. */
static void
test_search_enter_highlighted (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *entry;
  GtkSingleSelection *results;
  NichiroEntry *first, *second;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  entry = nichiro_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "treaty");
  wait_for_label (fixture, "2 results");
  results = get_results (fixture);
  first = result_entry (results, 0);
  second = result_entry (results, 1);

  /* A new search highlights its best result without opening it. */
  g_assert_cmpuint (gtk_single_selection_get_selected (results), ==, 0);
  g_assert_null (nichiro_session_get_selected (fixture->session));

  /* The second result is being read when the query is typed again. */
  nichiro_session_set_selected (fixture->session, second);
  g_assert_cmpuint (gtk_single_selection_get_selected (results), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_editable_set_text (GTK_EDITABLE (entry), "treaty");
  wait_for_label (fixture, "2 results");
  g_assert_true (result_entry (results, 1) == second);
  g_assert_cmpuint (gtk_single_selection_get_selected (results), ==, 0);
  g_assert_true (nichiro_session_get_selected (fixture->session) == second);

  /* Enter opens what is highlighted. */
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (nichiro_session_get_selected (fixture->session) == first);
  g_assert_cmpuint (gtk_single_selection_get_selected (results), ==, 0);

  /* Down moves on from the highlighted row, opening the next... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  g_assert_true (nichiro_results_view_focus_list (NICHIRO_RESULTS_VIEW (nichiro_test_find_widget (GTK_WIDGET (fixture->window),
                                                                                                 NICHIRO_TYPE_RESULTS_VIEW, NULL))));
  g_assert_cmpuint (gtk_single_selection_get_selected (results), ==, 1);
  g_assert_true (nichiro_session_get_selected (fixture->session) == second);

  /* ...and Enter in the entry then opens that one. */
  nichiro_session_set_selected (fixture->session, first);
  g_assert_cmpuint (gtk_single_selection_get_selected (results), ==, 0);
  gtk_single_selection_set_selected (results, 1);
  g_assert_true (nichiro_session_get_selected (fixture->session) == second);
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (nichiro_session_get_selected (fixture->session) == second);
}

static void
test_search_suggestion (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *button;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  nichiro_session_set_query (fixture->session, "shimdoa");
  wait_for_label (fixture, "Search for “shimoda”");

  button = gtk_widget_get_parent (GTK_WIDGET (find_visible_label (fixture, "Search for “shimoda”")));
  g_assert_true (GTK_IS_BUTTON (button));
  g_signal_emit_by_name (button, "clicked");
  wait_for_label (fixture, "1 result");
  g_assert_cmpstr (nichiro_session_get_query (fixture->session), ==, "shimoda");
}

static void
test_search_warning (Fixture       *fixture,
                     gconstpointer  data)
{

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  nichiro_session_set_query (fixture->session, "treaty year:19x5");
  wait_for_label (fixture, "Ignored year:19x5: write a year such as 1905 or a range such as 1904..1925.");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_results (fixture))), ==, 2);
}

/* What the parser ignored is said on the No Results page too: there it
 * is the reason nothing matched. */
static void
test_no_results_warning (Fixture       *fixture,
                         gconstpointer  data)
{
  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  nichiro_session_set_query (fixture->session, "\"(((");
  wait_for_label (fixture, "No Results");
  wait_for_label (fixture, "The closing quote is missing; searched for “(((” as a phrase.");

  nichiro_session_set_query (fixture->session, "zzzz");
  wait_for_label (fixture, "No Results");
  g_assert_null (find_visible_label (fixture, "The closing quote is missing; searched for “(((” as a phrase."));
}

static gboolean
is_button_for (GtkWidget     *widget,
               gconstpointer  data)
{
  const char *query = g_object_get_data (G_OBJECT (widget), "query");

  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) && g_strcmp0 (query, data) == 0;
}

static GtkWidget *
open_search_help (Fixture *fixture)
{
  GtkWidget *help;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search-help", NULL));
  help = nichiro_test_find_widget (GTK_WIDGET (fixture->window), NICHIRO_TYPE_SEARCH_HELP, NULL);
  g_assert_nonnull (help);
  nichiro_test_wait_for (shown_window, is_mapped, help);
  return help;
}

static void
click_in (GtkWidget  *root,
          const char *query)
{
  GtkWidget *button = nichiro_test_find_matching (root, is_button_for, query);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

/* The search help teaches by example: choosing one searches for it; the
 * dataset's own values narrow what is typed; and searches that led to an
 * entry come back as recent ones. */
static void
test_search_help (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.nichiro.Nichiro");
  g_auto(GStrv) recent = NULL;
  GtkWidget *help;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  g_settings_reset (settings, "recent-searches");

  /* Made on first use: the window opens without it. */
  g_assert_null (nichiro_test_find_widget (GTK_WIDGET (fixture->window), NICHIRO_TYPE_SEARCH_HELP, NULL));

  help = open_search_help (fixture);
  click_in (help, "yalta OR potsdam");
  g_assert_cmpstr (nichiro_session_get_query (fixture->session), ==, "yalta OR potsdam");
  g_assert_false (gtk_widget_get_visible (help));
  wait_for_label (fixture, "No Results");

  /* A filter adds itself to what is typed, once. */
  nichiro_session_set_query (fixture->session, "treaty");
  help = open_search_help (fixture);
  click_in (help, "party:russia");
  g_assert_cmpstr (nichiro_session_get_query (fixture->session), ==, "treaty party:russia");
  help = open_search_help (fixture);
  click_in (help, "party:russia");
  g_assert_cmpstr (nichiro_session_get_query (fixture->session), ==, "treaty party:russia");
  help = open_search_help (fixture);
  click_in (help, "year:1904..1910");
  g_assert_cmpstr (nichiro_session_get_query (fixture->session), ==, "treaty party:russia year:1904..1910");
  wait_for_label (fixture, "1 result");

  /* Opening a result remembers the search, latest first. */
  nichiro_session_select_id (fixture->session, "peace-1905");
  nichiro_session_set_query (fixture->session, "ポーツマス");
  nichiro_session_select_id (fixture->session, "shimoda-1855");
  nichiro_session_select_id (fixture->session, "peace-1905");
  recent = g_settings_get_strv (settings, "recent-searches");
  g_assert_cmpuint (g_strv_length (recent), ==, 2);
  g_assert_cmpstr (recent[0], ==, "ポーツマス");
  g_assert_cmpstr (recent[1], ==, "treaty party:russia year:1904..1910");

  help = open_search_help (fixture);
  nichiro_session_set_query (fixture->session, "");
  click_in (help, "treaty party:russia year:1904..1910");
  g_assert_cmpstr (nichiro_session_get_query (fixture->session), ==, "treaty party:russia year:1904..1910");

  g_settings_reset (settings, "recent-searches");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!nichiro_test_init_display ())
    return 1;

  dataset = nichiro_test_load_dataset ("small.json");

  g_test_add ("/nichiro/window/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/nichiro/window/search-enter-highlighted", Fixture, NULL, fixture_set_up, test_search_enter_highlighted, fixture_tear_down);
  g_test_add ("/nichiro/window/search-suggestion", Fixture, NULL, fixture_set_up, test_search_suggestion, fixture_tear_down);
  g_test_add ("/nichiro/window/search-warning", Fixture, NULL, fixture_set_up, test_search_warning, fixture_tear_down);
  g_test_add ("/nichiro/window/no-results-warning", Fixture, NULL, fixture_set_up, test_no_results_warning, fixture_tear_down);
  g_test_add ("/nichiro/window/search-help", Fixture, NULL, fixture_set_up, test_search_help, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
