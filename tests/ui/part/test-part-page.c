/* test-part-page.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "nichiro-guide.h"
#include "nichiro-part-page.h"
#include "nichiro-test-ui.h"
#include "nichiro-window.h"

/* Choosing a chapter part in the guide shows its page in the content
 * area: summary, progress with "Mark Part Studied" (and its Undo), key
 * instruments that open the entry, signatories, the reader's notes. */

static NichiroDataset *dataset;

typedef struct
{
  NichiroTestHome home;
  NichiroStudyStore *store;
  NichiroSession *session;
  NichiroWindow *window;
} Fixture;

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  nichiro_test_home_set_up (&fixture->home, data);
  fixture->store = nichiro_study_store_new (fixture->home.path);
  fixture->session = nichiro_session_new (dataset, fixture->store);
  fixture->window = nichiro_window_new (NULL, fixture->session);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 900);
  gtk_window_present (GTK_WINDOW (fixture->window));
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), is_mapped, fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->session);
  g_assert_true (nichiro_study_store_flush (fixture->store, NULL));
  g_clear_object (&fixture->store);
  nichiro_test_home_tear_down (&fixture->home, data);
}

static void
wait_for_label (Fixture    *fixture,
                const char *text)
{
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->window), text);
}

static GtkWidget *
find_part_page (Fixture *fixture)
{
  return nichiro_test_find_widget (GTK_WIDGET (fixture->window), NICHIRO_TYPE_PART_PAGE, NULL);
}

static void
choose_part (Fixture    *fixture,
             const char *part_id)
{
  GtkWidget *guide = nichiro_test_find_widget (GTK_WIDGET (fixture->window), NICHIRO_TYPE_GUIDE, NULL);

  g_signal_emit_by_name (guide, "part-activated", part_id);
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

/* The page is made when a part is first chosen, not for the first frame. */
static void
test_made_when_chosen (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_null (find_part_page (fixture));

  choose_part (fixture, "two");
  g_assert_cmpstr (nichiro_session_get_part (fixture->session), ==, "two");
  g_assert_nonnull (find_part_page (fixture));
  wait_for_label (fixture, "Part two");
}

static void
test_summary_and_progress (Fixture       *fixture,
                           gconstpointer  data)
{
  gboolean handled = FALSE;
  GtkLabel *people;

  g_assert_true (nichiro_study_store_set_studied (fixture->store, "test-small", "peace-1905", TRUE, NULL));
  g_assert_true (nichiro_study_store_set_note (fixture->store, "test-small", "war-1904", "Read pages 30–32.", NULL));

  choose_part (fixture, "two");
  wait_for_label (fixture, "Part 2 of 2");
  wait_for_label (fixture, "Part two");
  wait_for_label (fixture, "1904–1910");
  /* Text from the dataset is never read as markup. */
  wait_for_label (fixture, "A test summary of the war and the <b>peace</b>.");
  wait_for_label (fixture, "1 of 2 entries studied");
  wait_for_label (fixture, "Treaty of Portsmouth");
  wait_for_label (fixture, "Read pages 30–32.");
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (fixture->window), "Signatories"));

  /* A signatory links to what they signed. */
  people = GTK_LABEL (nichiro_test_find_shown_label (GTK_WIDGET (fixture->window), "Komura Jutaro · Sergei Witte"));
  g_assert_nonnull (people);
  g_signal_emit_by_name (people, "activate-link", "nichiro-person:witte", &handled);
  g_assert_true (handled);
  g_assert_cmpstr (nichiro_session_get_query (fixture->session), ==, "signer:witte");
  wait_for_label (fixture, "1 result");
  nichiro_session_set_query (fixture->session, "");

  /* The progress follows the store. */
  g_assert_true (nichiro_study_store_set_studied (fixture->store, "test-small", "war-1904", TRUE, NULL));
  wait_for_label (fixture, "2 of 2 entries studied");
  g_assert_null (nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_button_labelled, "_Mark Part Studied"));

  /* A part without a summary shows none, and its own progress. */
  choose_part (fixture, "one");
  wait_for_label (fixture, "Part one");
  wait_for_label (fixture, "0 of 1 entry studied");
  g_assert_null (nichiro_test_find_shown_label (GTK_WIDGET (fixture->window),
                                                "A test summary of the war and the <b>peace</b>."));
}

/* Marking the part marks what was not studied, and Undo takes back just
 * that: what was studied before stays so. */
static void
test_mark_studied (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *button, *undo;

  g_assert_true (nichiro_study_store_set_studied (fixture->store, "test-small", "peace-1905", TRUE, NULL));
  choose_part (fixture, "two");
  wait_for_label (fixture, "1 of 2 entries studied");

  button = nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_button_labelled, "_Mark Part Studied");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (nichiro_study_store_get_studied (fixture->store, "test-small", "war-1904"));
  wait_for_label (fixture, "2 of 2 entries studied");
  wait_for_label (fixture, "1 entry marked studied");

  undo = nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_button_labelled, "_Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_false (nichiro_study_store_get_studied (fixture->store, "test-small", "war-1904"));
  g_assert_true (nichiro_study_store_get_studied (fixture->store, "test-small", "peace-1905"));
  wait_for_label (fixture, "1 of 2 entries studied");
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  data)
{
  return ADW_IS_ACTION_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

/* A key instrument opens in the detail view, even the one being read. */
static void
test_open_instrument (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *row;

  nichiro_session_select_id (fixture->session, "peace-1905");
  choose_part (fixture, "two");
  wait_for_label (fixture, "Part two");

  row = nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_row_titled, "Treaty of Portsmouth");
  g_assert_nonnull (row);
  g_signal_emit_by_name (gtk_widget_get_parent (row), "row-activated", row);
  g_assert_null (nichiro_session_get_part (fixture->session));
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "peace-1905");
  wait_for_label (fixture, "5 September 1905 (23 August O.S.)");
}

/* Sections other features add show under the notes. */
static void
test_add_section (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *page;

  choose_part (fixture, "two");
  page = find_part_page (fixture);
  nichiro_part_page_add_section (NICHIRO_PART_PAGE (page), gtk_label_new ("Another feature’s section"));
  wait_for_label (fixture, "Another feature’s section");
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

  g_test_add ("/nichiro/part-page/made-when-chosen", Fixture, NULL, fixture_set_up, test_made_when_chosen, fixture_tear_down);
  g_test_add ("/nichiro/part-page/summary-and-progress", Fixture, NULL, fixture_set_up, test_summary_and_progress, fixture_tear_down);
  g_test_add ("/nichiro/part-page/mark-studied", Fixture, NULL, fixture_set_up, test_mark_studied, fixture_tear_down);
  g_test_add ("/nichiro/part-page/open-instrument", Fixture, NULL, fixture_set_up, test_open_instrument, fixture_tear_down);
  g_test_add ("/nichiro/part-page/add-section", Fixture, NULL, fixture_set_up, test_add_section, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
