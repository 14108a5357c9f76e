/* test-study-ui.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nichiro-guide.h"
#include "nichiro-list-row.h"
#include "nichiro-review.h"
#include "nichiro-study-panel.h"
#include "nichiro-test-ui.h"

/* The guide, the study panel and the review in one window on the test's
 * private display, over one session and one study store, driven the way
 * a person would: selecting rows, pressing the toggles, typing. */

static NichiroDataset *small;

typedef struct
{
  char *dir;
  char *path;
  NichiroSession *session;
  NichiroStudyStore *store;
  GtkWindow *window;
  NichiroGuide *guide;
  NichiroStudyPanel *panel;
  NichiroReview *review;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *contents = data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  fixture->dir = nichiro_test_make_temp_dir ();
  fixture->path = g_build_filename (fixture->dir, "study.json", NULL);
  if (contents != NULL)
    nichiro_test_write_text (fixture->path, contents, -1);

  fixture->store = nichiro_study_store_new (fixture->path);
  fixture->session = nichiro_session_new (small, fixture->store);
  fixture->guide = NICHIRO_GUIDE (nichiro_guide_new ());
  fixture->panel = NICHIRO_STUDY_PANEL (nichiro_study_panel_new ());
  fixture->review = NICHIRO_REVIEW (nichiro_review_new ());

  nichiro_guide_set_session (fixture->guide, fixture->session);
  nichiro_study_panel_set_session (fixture->panel, fixture->session);
  nichiro_review_set_session (fixture->review, fixture->session);

  gtk_widget_set_size_request (GTK_WIDGET (fixture->guide), 300, 500);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->panel), 360, -1);
  gtk_widget_set_size_request (GTK_WIDGET (fixture->review), 300, 500);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->guide));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->panel));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->review));

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, box);
  gtk_window_present (fixture->window);
}

/* Closes the window and proves that nothing else holds the store. */
static void
close_window (Fixture *fixture)
{
  if (fixture->window == NULL)
    return;

  gtk_window_destroy (fixture->window);
  fixture->window = NULL;
  g_clear_object (&fixture->session);
  g_assert_true (nichiro_study_store_flush (fixture->store, NULL));
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture);
  nichiro_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static GtkSingleSelection *
list_selection (GtkWidget *root)
{
  GtkWidget *list = nichiro_test_find_widget (root, GTK_TYPE_LIST_VIEW, NULL);

  g_assert_nonnull (list);
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list)));
}

/* The entry of the guide's selected row, or NULL for a part or nothing. */
static NichiroEntry *
guide_selected_entry (Fixture *fixture)
{
  GtkSingleSelection *selection = list_selection (GTK_WIDGET (fixture->guide));
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) item = NULL;
  g_autoptr(NichiroEntry) entry = NULL;

  if (row == NULL)
    return NULL;

  item = gtk_tree_list_row_get_item (row);
  g_object_get (item, "entry", &entry, NULL);
  return entry;
}

/* Finds the row of @entry_id, or of part @part_id, among the guide's rows. */
static guint
guide_position (Fixture    *fixture,
                const char *id)
{
  GListModel *rows = G_LIST_MODEL (list_selection (GTK_WIDGET (fixture->guide)));

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
      g_autoptr(NichiroEntry) entry = NULL;
      g_autofree char *part_id = NULL;

      g_object_get (item, "entry", &entry, "part-id", &part_id, NULL);
      if ((entry != NULL && g_str_equal (nichiro_entry_get_id (entry), id)) ||
          (entry == NULL && g_str_equal (part_id, id)))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The panel: toggles and the guide's count. */

static void
test_toggle_studied_counts (Fixture       *fixture,
                            gconstpointer  data)
{
  GtkWidget *toggle;

  nichiro_session_select_id (fixture->session, "war-1904");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "0/2");

  /* Through the action the window's Ctrl+D activates... */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "study.toggle-studied", NULL));
  g_assert_true (nichiro_study_store_get_studied (fixture->store, "test-small", "war-1904"));
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "1/2");
  toggle = nichiro_test_find_widget (GTK_WIDGET (fixture->panel), GTK_TYPE_TOGGLE_BUTTON, NULL);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* ...and through the toggle button. */
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_false (nichiro_study_store_get_studied (fixture->store, "test-small", "war-1904"));
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "0/2");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)));

  /* Part one's count is its own. */
  g_assert_true (nichiro_test_find_shown_label (GTK_WIDGET (fixture->guide), "0/1") != NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "study.toggle-bookmark", NULL));
  g_assert_true (nichiro_study_store_get_bookmarked (fixture->store, "test-small", "war-1904"));
  g_assert_true (nichiro_study_panel_get_bookmarked (fixture->panel));
}

static void
test_shortcuts (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->panel));
  GtkShortcutController *shortcuts = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; shortcuts == NULL && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller))
        shortcuts = GTK_SHORTCUT_CONTROLLER (controller);
    }

  /* Global: the window handles them wherever the focus is. */
  g_assert_nonnull (shortcuts);
  g_assert_cmpint (gtk_shortcut_controller_get_scope (shortcuts), ==, GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (shortcuts)); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (shortcuts), i);
      g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
      g_autofree char *action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));

      g_ptr_array_add (found, g_strdup_printf ("%s %s", trigger, action));
    }
  g_assert_true (g_ptr_array_find_with_equal_func (found, "<Control>d action(study.toggle-studied)", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (found, "<Control>b action(study.toggle-bookmark)", g_str_equal, NULL));
}

/* Studied and Bookmark read as actions while off and as states while on,
 * their tooltips saying what a press does. */
static void
test_toggles_say_what_they_do (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *studied, *bookmark;

  nichiro_session_select_id (fixture->session, "peace-1905");
  studied = gtk_widget_get_ancestor (nichiro_test_find_shown_label (GTK_WIDGET (fixture->panel), "Mark as Studied"),
                                     GTK_TYPE_TOGGLE_BUTTON);
  bookmark = gtk_widget_get_ancestor (nichiro_test_find_shown_label (GTK_WIDGET (fixture->panel), "Bookmark"),
                                      GTK_TYPE_TOGGLE_BUTTON);
  g_assert_nonnull (studied);
  g_assert_nonnull (bookmark);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (studied), ==, "Mark as Studied (Ctrl+D)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (bookmark), ==, "Bookmark, to find it under Marked (Ctrl+B)");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "study.toggle-studied", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "study.toggle-bookmark", NULL));
  g_assert_nonnull (nichiro_test_find_shown_label (studied, "Studied"));
  g_assert_nonnull (nichiro_test_find_shown_label (bookmark, "Bookmarked"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (studied)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (studied), ==, "Mark as Not Studied (Ctrl+D)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (bookmark), ==, "Remove Bookmark (Ctrl+B)");
}

/* Marking says so in a toast, whose Undo puts the mark back. */
static void
test_toast_undo (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  GtkWidget *box = gtk_window_get_child (fixture->window);
  GtkWidget *button;

  /* The panel in an overlay, as in the window. */
  g_object_ref (fixture->panel);
  gtk_box_remove (GTK_BOX (box), GTK_WIDGET (fixture->panel));
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (fixture->panel));
  g_object_unref (fixture->panel);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (overlay));

  nichiro_session_select_id (fixture->session, "peace-1905");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "study.toggle-studied", NULL));
  g_assert_true (nichiro_study_store_get_studied (fixture->store, "test-small", "peace-1905"));
  nichiro_test_wait_for_label (GTK_WIDGET (overlay), "“Treaty of Portsmouth” marked as studied");

  button = gtk_widget_get_ancestor (nichiro_test_find_shown_label (GTK_WIDGET (overlay), "Undo"), GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (nichiro_study_store_get_studied (fixture->store, "test-small", "peace-1905"));

  /* The same for bookmarks, and a second toast takes the place of the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "study.toggle-bookmark", NULL));
  nichiro_test_wait_for_label (GTK_WIDGET (overlay), "“Treaty of Portsmouth” bookmarked, listed under Marked");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "study.toggle-bookmark", NULL));
  nichiro_test_wait_for_label (GTK_WIDGET (overlay), "Bookmark on “Treaty of Portsmouth” removed");
  g_assert_false (nichiro_study_store_get_bookmarked (fixture->store, "test-small", "peace-1905"));
}

/* Notes. */

static GtkTextBuffer *
note_buffer (Fixture *fixture)
{
  GtkWidget *view = nichiro_test_find_widget (GTK_WIDGET (fixture->panel), GTK_TYPE_TEXT_VIEW, NULL);

  g_assert_nonnull (view);
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_note_survives (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkTextBuffer *buffer;
  GtkWidget *page;
  NichiroStudyStore *store;

  nichiro_session_select_id (fixture->session, "peace-1905");
  buffer = note_buffer (fixture);
  gtk_text_buffer_insert_at_cursor (buffer, "Sakhalin split", -1);
  gtk_text_buffer_insert_at_cursor (buffer, " at 50°N.", -1);
  page = nichiro_test_find_widget (GTK_WIDGET (fixture->panel), GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (page), "p. 47 ");

  /* It reaches the store as it is typed, and the review lists it. */
  g_assert_cmpstr (nichiro_study_store_get_note (fixture->store, "test-small", "peace-1905"), ==,
                   "Sakhalin split at 50°N.");
  g_assert_cmpstr (nichiro_study_store_get_page (fixture->store, "test-small", "peace-1905"), ==, "p. 47");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "Sakhalin split at 50°N.");

  close_window (fixture);

  store = nichiro_study_store_new (fixture->path);
  g_assert_cmpstr (nichiro_study_store_get_note (store, "test-small", "peace-1905"), ==, "Sakhalin split at 50°N.");
  g_assert_cmpstr (nichiro_study_store_get_page (store, "test-small", "peace-1905"), ==, "p. 47");
  g_assert_finalize_object (store);
}

static gboolean
note_laid_out (gpointer data)
{
  GtkWidget *view = data;

  return gtk_widget_get_width (view) > 0;
}

typedef struct
{
  GtkScrolledWindow *scroller;
  GtkPolicyType policy;
} PolicyWait;

static gboolean
has_policy (gpointer data)
{
  PolicyWait *wait = data;
  GtkPolicyType policy;

  gtk_scrolled_window_get_policy (wait->scroller, NULL, &policy);
  return policy == wait->policy;
}

/* Waits until the note's scroller has @policy: it changes when the text
 * view has been measured again, which takes the frames it takes. */
static void
wait_for_policy (Fixture           *fixture,
                 GtkScrolledWindow *scroller,
                 GtkPolicyType      policy)
{
  PolicyWait wait = { scroller, policy };

  nichiro_test_wait_for (GTK_WIDGET (fixture->window), has_policy, &wait);
}

/* A short note does not take the wheel from the page around it; one
 * longer than its card scrolls by itself. */
static void
test_note_scrolls_when_long (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *view = nichiro_test_find_widget (GTK_WIDGET (fixture->panel), GTK_TYPE_TEXT_VIEW, NULL);
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (view, GTK_TYPE_SCROLLED_WINDOW));
  g_autoptr(GString) long_note = g_string_new (NULL);

  nichiro_session_select_id (fixture->session, "peace-1905");
  nichiro_test_wait_for (GTK_WIDGET (fixture->window), note_laid_out, view);
  gtk_text_buffer_set_text (note_buffer (fixture), "Sakhalin split at 50°N.", -1);
  wait_for_policy (fixture, scroller, GTK_POLICY_NEVER);

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (long_note, "Line %u of a long note\n", i);
  gtk_text_buffer_set_text (note_buffer (fixture), long_note->str, -1);
  wait_for_policy (fixture, scroller, GTK_POLICY_AUTOMATIC);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (scroller)), <=, 330);

  gtk_text_buffer_set_text (note_buffer (fixture), "Short again.", -1);
  wait_for_policy (fixture, scroller, GTK_POLICY_NEVER);
}

static void
test_note_follows_selection (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkTextBuffer *buffer = note_buffer (fixture);
  g_autofree char *shown = NULL;

  nichiro_study_store_set_note (fixture->store, "test-small", "war-1904", "About the war", NULL);

  nichiro_session_select_id (fixture->session, "peace-1905");
  gtk_text_buffer_insert_at_cursor (buffer, "About the peace", -1);

  /* Another entry shows its own note; the first one keeps what was typed. */
  nichiro_session_select_id (fixture->session, "war-1904");
  shown = dup_buffer_text (buffer);
  g_assert_cmpstr (shown, ==, "About the war");
  g_assert_cmpstr (nichiro_study_store_get_note (fixture->store, "test-small", "peace-1905"), ==, "About the peace");
  g_assert_cmpstr (nichiro_study_store_get_note (fixture->store, "test-small", "war-1904"), ==, "About the war");

  /* Undo does not bring back the previous entry's note. */
  gtk_text_buffer_undo (buffer);
  g_clear_pointer (&shown, g_free);
  shown = dup_buffer_text (buffer);
  g_assert_cmpstr (shown, ==, "About the war");

  /* A change from elsewhere, an import, shows at once. */
  nichiro_study_store_set_note (fixture->store, "test-small", "war-1904", "Imported", NULL);
  g_clear_pointer (&shown, g_free);
  shown = dup_buffer_text (buffer);
  g_assert_cmpstr (shown, ==, "Imported");

  /* With nothing selected there is nothing to write on. */
  nichiro_session_set_selected (fixture->session, NULL);
  g_clear_pointer (&shown, g_free);
  shown = dup_buffer_text (buffer);
  g_assert_cmpstr (shown, ==, "");
  g_assert_false (gtk_widget_is_sensitive (nichiro_test_find_widget (GTK_WIDGET (fixture->panel), GTK_TYPE_TEXT_VIEW, NULL)));
}

static gboolean
wait_done_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, frames and timers and all. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, wait_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* The note was written in, then left for another widget; the selection
 * goes (a self-test's next card does that) and the note's cursor, which
 * GTK 4.8 kept blinking, must not bring the program down (GTK asserts
 * that a blinking cursor is a visible one). */
static void
test_note_left_then_cleared (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *view = nichiro_test_find_widget (GTK_WIDGET (fixture->panel), GTK_TYPE_TEXT_VIEW, NULL);

  nichiro_session_select_id (fixture->session, "peace-1905");
  run_for (100);
  g_assert_true (gtk_widget_grab_focus (view));
  gtk_text_buffer_insert_at_cursor (note_buffer (fixture), "About the peace", -1);
  run_for (300);

  g_assert_true (gtk_widget_grab_focus (nichiro_test_find_widget (GTK_WIDGET (fixture->guide), GTK_TYPE_LIST_VIEW, NULL)));
  run_for (300);
  nichiro_session_select_id (fixture->session, "war-1904");
  run_for (300);
  nichiro_session_set_selected (fixture->session, NULL);
  run_for (1500);

  g_assert_false (gtk_widget_is_sensitive (view));
  g_assert_cmpstr (nichiro_study_store_get_note (fixture->store, "test-small", "peace-1905"), ==, "About the peace");
}

/* The guide. */

static void
test_guide_follows_session (Fixture       *fixture,
                            gconstpointer  data)
{
  /* Parts in reading order, closed until something in them is read. */
  g_assert_cmpuint (guide_position (fixture, "one"), ==, 0);
  g_assert_cmpuint (guide_position (fixture, "two"), ==, 1);
  g_assert_cmpuint (guide_position (fixture, "war-1904"), ==, GTK_INVALID_LIST_POSITION);
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "1. Part one");

  nichiro_session_select_id (fixture->session, "peace-1905");
  g_assert_true (guide_selected_entry (fixture) == nichiro_dataset_lookup_entry (small, "peace-1905"));
  /* Entries in date order under their part. */
  g_assert_cmpuint (guide_position (fixture, "war-1904"), ==, 2);
  g_assert_cmpuint (guide_position (fixture, "peace-1905"), ==, 3);
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "Treaty of Portsmouth");

  nichiro_session_select_id (fixture->session, "shimoda-1855");
  g_assert_true (guide_selected_entry (fixture) == nichiro_dataset_lookup_entry (small, "shimoda-1855"));
  g_assert_cmpuint (guide_position (fixture, "shimoda-1855"), ==, 1);

  nichiro_session_go_back (fixture->session);
  g_assert_true (guide_selected_entry (fixture) == nichiro_dataset_lookup_entry (small, "peace-1905"));
}

static gboolean
is_portsmouth_row (GtkWidget     *widget,
                   gconstpointer  data)
{
  return NICHIRO_IS_LIST_ROW (widget) &&
         nichiro_test_find_widget (widget, GTK_TYPE_LABEL, "Treaty of Portsmouth") != NULL;
}

/* The row's marks, in order, by what they tell a screen reader. */
static char *
row_marks (GtkWidget *row)
{
  GString *marks = g_string_new (NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_IMAGE (child) && gtk_widget_get_visible (child))
        g_string_append_printf (marks, "%s%s", marks->len > 0 ? ", " : "", gtk_widget_get_tooltip_text (child));
    }
  return g_string_free (marks, FALSE);
}

static guint
count_images (GtkWidget *row)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (row); child != NULL; child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_IMAGE (child);
  return n;
}

/* An entry's row shows the reader's marks in one order, whichever came
 * first; a row made for an entry with none has no mark widgets at all. */
static void
test_guide_marks (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *row;
  g_autofree char *none = NULL;
  g_autofree char *studied = NULL;
  g_autofree char *all = NULL;
  g_autofree char *bookmarked = NULL;

  nichiro_session_select_id (fixture->session, "peace-1905");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "Treaty of Portsmouth");
  row = nichiro_test_find_matching (GTK_WIDGET (fixture->guide), is_portsmouth_row, NULL);
  g_assert_nonnull (row);
  g_assert_cmpuint (count_images (row), ==, 0);
  none = row_marks (row);
  g_assert_cmpstr (none, ==, "");

  nichiro_study_store_set_studied (fixture->store, "test-small", "peace-1905", TRUE, NULL);
  studied = row_marks (row);
  g_assert_cmpstr (studied, ==, "Studied");

  nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "Signed at Portsmouth", NULL);
  nichiro_study_store_set_bookmarked (fixture->store, "test-small", "peace-1905", TRUE, NULL);
  all = row_marks (row);
  g_assert_cmpstr (all, ==, "Has a note, Bookmarked, Studied");

  nichiro_study_store_set_studied (fixture->store, "test-small", "peace-1905", FALSE, NULL);
  nichiro_study_store_set_note (fixture->store, "test-small", "peace-1905", "", NULL);
  bookmarked = row_marks (row);
  g_assert_cmpstr (bookmarked, ==, "Bookmarked");
  g_assert_cmpuint (count_images (row), ==, 3);

  /* Its part closed, the rows are let go: a change to the entry reaches
   * no row, and opening the part again shows the change. */
  {
    GListModel *rows = G_LIST_MODEL (list_selection (GTK_WIDGET (fixture->guide)));
    g_autoptr(GtkTreeListRow) part = g_list_model_get_item (rows, guide_position (fixture, "two"));

    gtk_tree_list_row_set_expanded (part, FALSE);
    run_for (100);
    nichiro_study_store_set_studied (fixture->store, "test-small", "peace-1905", TRUE, NULL);
    gtk_tree_list_row_set_expanded (part, TRUE);
    nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "Treaty of Portsmouth");
    row = nichiro_test_find_matching (GTK_WIDGET (fixture->guide), is_portsmouth_row, NULL);
    g_assert_nonnull (row);
    g_clear_pointer (&bookmarked, g_free);
    bookmarked = row_marks (row);
    g_assert_cmpstr (bookmarked, ==, "Bookmarked, Studied");
  }
}

static void
part_activated_cb (NichiroGuide *guide,
                   const char   *part_id,
                   char        **out)
{
  g_free (*out);
  *out = g_strdup (part_id);
}

static void
test_guide_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkSingleSelection *selection = list_selection (GTK_WIDGET (fixture->guide));
  g_autofree char *part = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;

  g_signal_connect (fixture->guide, "part-activated", G_CALLBACK (part_activated_cb), &part);

  /* Choosing a part tells the timeline; it does not lose what is read. */
  nichiro_session_select_id (fixture->session, "shimoda-1855");
  gtk_single_selection_set_selected (selection, guide_position (fixture, "two"));
  g_assert_cmpstr (part, ==, "two");
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "shimoda-1855");
  g_assert_cmpstr (nichiro_study_store_get_last_part (fixture->store, "test-small"), ==, "two");

  /* Enter on a part opens it; choosing an entry selects it everywhere. */
  row = g_list_model_get_item (G_LIST_MODEL (selection), guide_position (fixture, "two"));
  g_assert_false (gtk_tree_list_row_get_expanded (row));
  g_signal_emit_by_name (nichiro_test_find_widget (GTK_WIDGET (fixture->guide), GTK_TYPE_LIST_VIEW, NULL), "activate",
                         guide_position (fixture, "two"));
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  gtk_single_selection_set_selected (selection, guide_position (fixture, "war-1904"));
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "war-1904");

  g_signal_handlers_disconnect_by_func (fixture->guide, part_activated_cb, &part);
}

static const char last_part_text[] =
  "{\"format\": \"nichiro-study\", \"version\": 1, \"datasets\": {\"test-small\": {"
  "\"entries\": {\"shimoda-1855\": {\"studied\": true, \"bookmarked\": true, \"note\": \"Read\"}}, "
  "\"last_part\": \"two\"}}}";

static void
test_guide_reopens (Fixture       *fixture,
                    gconstpointer  data)
{
  /* The part read last time is open, and the marks are shown. */
  g_assert_cmpuint (guide_position (fixture, "war-1904"), ==, 2);
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "1/1");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "0/2");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "Treaty of Shimoda");
}

/* Both lists name entries in the language chosen for titles, and fall
 * back to English for an entry without a title in it. */
static void
test_title_language (Fixture       *fixture,
                     gconstpointer  data)
{
  nichiro_study_store_set_bookmarked (fixture->store, "test-small", "peace-1905", TRUE, NULL);
  nichiro_study_store_set_bookmarked (fixture->store, "test-small", "war-1904", TRUE, NULL);
  nichiro_session_select_id (fixture->session, "peace-1905");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "Treaty of Portsmouth");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "Treaty of Portsmouth");

  nichiro_session_set_title_language (fixture->session, NICHIRO_LANGUAGE_JA);
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "ポーツマス条約");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "ポーツマス条約");
  g_assert_false (nichiro_test_find_shown_label (GTK_WIDGET (fixture->guide), "Treaty of Portsmouth") != NULL);
  g_assert_false (nichiro_test_find_shown_label (GTK_WIDGET (fixture->review), "Treaty of Portsmouth") != NULL);
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "A war between Japan and Russia");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "A war between Japan and Russia");

  nichiro_session_set_title_language (fixture->session, NICHIRO_LANGUAGE_RU);
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "Портсмутский мирный договор");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "Портсмутский мирный договор");

  /* A row added later is named the same way. */
  nichiro_study_store_set_bookmarked (fixture->store, "test-small", "peace-1905", FALSE, NULL);
  nichiro_study_store_set_bookmarked (fixture->store, "test-small", "peace-1905", TRUE, NULL);
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "Портсмутский мирный договор");
}

/* The review. */

static guint
review_n_items (Fixture *fixture)
{
  return g_list_model_get_n_items (nichiro_review_get_model (fixture->review));
}

static const char *
review_entry_id (Fixture *fixture,
                 guint    position)
{
  g_autoptr(GObject) item = g_list_model_get_item (nichiro_review_get_model (fixture->review), position);
  g_autoptr(NichiroEntry) entry = NULL;

  g_object_get (item, "entry", &entry, NULL);
  /* The dataset holds the entry. */
  return nichiro_entry_get_id (entry);
}

static void
test_review_lists (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkSingleSelection *selection;

  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "Nothing Marked Yet");
  g_assert_cmpuint (review_n_items (fixture), ==, 0);

  nichiro_study_store_set_bookmarked (fixture->store, "test-small", "peace-1905", TRUE, NULL);
  nichiro_study_store_set_note (fixture->store, "test-small", "shimoda-1855", "\n  First line\nsecond line", NULL);
  /* Studied alone is not for review. */
  nichiro_study_store_set_studied (fixture->store, "test-small", "war-1904", TRUE, NULL);

  g_assert_cmpuint (review_n_items (fixture), ==, 2);
  g_assert_cmpstr (review_entry_id (fixture, 0), ==, "shimoda-1855");
  g_assert_cmpstr (review_entry_id (fixture, 1), ==, "peace-1905");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "First line");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "Treaty of Portsmouth");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "1 bookmark · 1 note");

  /* Choosing one reads it; reading one elsewhere shows it chosen. */
  selection = list_selection (GTK_WIDGET (fixture->review));
  gtk_single_selection_set_selected (selection, 1);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "peace-1905");
  nichiro_session_select_id (fixture->session, "shimoda-1855");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  nichiro_session_select_id (fixture->session, "war-1904");
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  /* Activating a row, Enter or a double click, reads it too. */
  g_signal_emit_by_name (nichiro_test_find_widget (GTK_WIDGET (fixture->review), GTK_TYPE_LIST_VIEW, NULL), "activate", 1);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "peace-1905");

  /* Unbookmarked, an entry leaves the list. */
  nichiro_study_store_set_bookmarked (fixture->store, "test-small", "peace-1905", FALSE, NULL);
  g_assert_cmpuint (review_n_items (fixture), ==, 1);
  nichiro_study_store_set_note (fixture->store, "test-small", "shimoda-1855", NULL, NULL);
  g_assert_cmpuint (review_n_items (fixture), ==, 0);
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->review), "Nothing Marked Yet");
}

/* A study file from a newer Nichiro. */

static const char newer_text[] =
  "{\"format\": \"nichiro-study\", \"version\": 3, \"datasets\": {\"test-small\": {"
  "\"entries\": {\"peace-1905\": {\"studied\": true, \"note\": \"From the future\"}}}}}";

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  GtkWidget *view;
  g_autofree char *shown = NULL;

  g_assert_true (nichiro_study_store_get_read_only (fixture->store));
  nichiro_session_select_id (fixture->session, "peace-1905");

  /* What is there is shown... */
  shown = dup_buffer_text (note_buffer (fixture));
  g_assert_cmpstr (shown, ==, "From the future");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->guide), "1/2");
  nichiro_test_wait_for_label (GTK_WIDGET (fixture->panel), "Your study file is open read-only: nothing here can be changed.");

  /* ...and nothing can change it. */
  view = nichiro_test_find_widget (GTK_WIDGET (fixture->panel), GTK_TYPE_TEXT_VIEW, NULL);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  gtk_widget_activate_action (GTK_WIDGET (fixture->panel), "study.toggle-studied", NULL);
  nichiro_study_panel_set_bookmarked (fixture->panel, TRUE);
  g_assert_true (nichiro_study_store_get_studied (fixture->store, "test-small", "peace-1905"));
  g_assert_false (nichiro_study_store_get_bookmarked (fixture->store, "test-small", "peace-1905"));
  g_assert_false (nichiro_study_store_has_unsaved_changes (fixture->store));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (!nichiro_test_init_display ())
    return 1;

  small = nichiro_test_load_dataset ("small.json");

#define ADD(name, data, func) \
  g_test_add ("/nichiro/study/ui/" name, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("toggle-studied-counts", NULL, test_toggle_studied_counts);
  ADD ("shortcuts", NULL, test_shortcuts);
  ADD ("toggles-say-what-they-do", NULL, test_toggles_say_what_they_do);
  ADD ("toast-undo", NULL, test_toast_undo);
  ADD ("note-survives", NULL, test_note_survives);
  ADD ("note-scrolls-when-long", NULL, test_note_scrolls_when_long);
  ADD ("note-follows-selection", NULL, test_note_follows_selection);
  ADD ("note-left-then-cleared", NULL, test_note_left_then_cleared);
  ADD ("guide-follows-session", NULL, test_guide_follows_session);
  ADD ("guide-marks", NULL, test_guide_marks);
  ADD ("guide-selects", NULL, test_guide_selects);
  ADD ("guide-reopens", last_part_text, test_guide_reopens);
  ADD ("review-lists", NULL, test_review_lists);
  ADD ("title-language", NULL, test_title_language);
  ADD ("read-only", newer_text, test_read_only);
#undef ADD

  status = g_test_run ();
  g_clear_object (&small);

  return status;
}
