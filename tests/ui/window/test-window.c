/* test-window.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "nichiro-results-view.h"
#include "nichiro-study-panel.h"
#include "nichiro-test-ui.h"
#include "nichiro-timeline.h"
#include "nichiro-window.h"
#include "window-fixture.h"

#include <glib/gstdio.h>

/* Opens the real window on the test's private X display and drives it the
 * way a person would: through the list and the links (searching is in
 * test-window-search.c). */

static void
test_lists_entries (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkSingleSelection *selection;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);

  /* The sidebar opens on the chapter guide; "All" lists every entry. */
  wait_for_label (fixture, "1. Part one");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (nichiro_test_find_widget (GTK_WIDGET (fixture->window),
                                                                     ADW_TYPE_VIEW_STACK, NULL)),
                                         "entries");
  selection = get_selection (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, GTK_INVALID_LIST_POSITION);

  wait_for_label (fixture, "3 entries");
  wait_for_label (fixture, "No Entry Selected");
  wait_for_label (fixture, "Treaty of Shimoda");
}

static void
test_select_shows_detail (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkSingleSelection *selection;
  NichiroEntry *selected;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  selection = get_selection (fixture);

  /* Selecting a row in the list selects everywhere. */
  gtk_single_selection_set_selected (selection, 2);
  selected = nichiro_session_get_selected (fixture->session);
  g_assert_nonnull (selected);
  g_assert_cmpstr (nichiro_entry_get_id (selected), ==, "peace-1905");

  wait_for_label (fixture, "ポーツマス条約 · Портсмутский мирный договор");
  wait_for_label (fixture, "Treaty · 5 September 1905");
  wait_for_label (fixture, "5 September 1905 (23 August O.S.)");
  wait_for_label (fixture, "Meiji 38");
  wait_for_label (fixture, "Komura Jutaro, Foreign Minister (Japan)\nSergei Witte (Russian Empire)");

  /* Text from the dataset is never read as markup. */
  wait_for_label (fixture, "A test summary of <b>peace</b> & friendship.");

  /* And selecting from elsewhere moves the list. */
  g_assert_true (nichiro_session_select_id (fixture->session, "shimoda-1855"));
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 0);
  wait_for_label (fixture, "Treaty · 7 February 1855");
  wait_for_label (fixture, "Ansei 1");
}

static void
test_activate_row (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *list;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  get_selection (fixture);
  list = GTK_WIDGET (find_list (GTK_WIDGET (fixture->window), FALSE));
  gtk_widget_activate_action (list, "list.activate-item", "u", 1);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "war-1904");
  wait_for_label (fixture, "A war between Japan and Russia");
  wait_for_label (fixture, "War · 8 February 1904 – 5 September 1905");
  wait_for_label (fixture, "8 February 1904 (26 January O.S.)");
  wait_for_label (fixture, "Meiji 37");
  wait_for_label (fixture, "Meiji 38");
}

/* The list box row, a link, whose content shows @text. */
static GtkListBoxRow *
find_link_row (Fixture    *fixture,
               const char *text)
{
  GtkWidget *label = nichiro_test_find_shown_label (GTK_WIDGET (fixture->window), text);
  GtkWidget *row = label ? gtk_widget_get_ancestor (label, GTK_TYPE_LIST_BOX_ROW) : NULL;

  return row ? GTK_LIST_BOX_ROW (row) : NULL;
}

static void
test_related_link (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkListBoxRow *row;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  nichiro_session_select_id (fixture->session, "peace-1905");
  wait_for_label (fixture, "Responds to · 8 Feb 1904 – 5 Sep 1905");
  row = find_link_row (fixture, "A war between Japan and Russia");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_ROLE_LINK);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Responds to: A war between Japan and Russia, 8 Feb 1904 – 5 Sep 1905");

  /* Enter on the row follows it. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "war-1904");

  /* The war lists the treaty that points at it, read from its end. */
  wait_for_label (fixture, "Answered by · 5 Sep 1905");
  row = find_link_row (fixture, "Treaty of Portsmouth");
  g_assert_nonnull (row);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Answered by: Treaty of Portsmouth, 5 Sep 1905");

  /* Alt+Left comes back to the treaty. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "peace-1905");
  wait_for_label (fixture, "Responds to · 8 Feb 1904 – 5 Sep 1905");
  nichiro_session_select_id (fixture->session, "war-1904");

  /* A source without a web address is shown, not followed. */
  row = find_link_row (fixture, "Another source");
  g_assert_nonnull (row);
  g_assert_false (gtk_list_box_row_get_activatable (row));
  g_assert_false (gtk_widget_get_focusable (GTK_WIDGET (row)));
}

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL) &&
                  nichiro_session_get_selected (fixture->session) != NULL);

  nichiro_session_select_id (fixture->session, "shimoda-1855");
  nichiro_session_select_id (fixture->session, "peace-1905");
  nichiro_session_select_id (fixture->session, "war-1904");

  /* Alt+Left goes back, Alt+Right forward. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "peace-1905");
  wait_for_label (fixture, "Treaty of Portsmouth");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.back", NULL);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "shimoda-1855");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.forward", NULL);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "peace-1905");
  g_assert_true (nichiro_session_can_go_forward (fixture->session));

  /* Following a link branches off: forward is gone. */
  nichiro_session_select_id (fixture->session, "shimoda-1855");
  g_assert_false (nichiro_session_can_go_forward (fixture->session));
}

static void
clipboard_read_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  char **text = user_data;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
}

static gboolean
has_text (gpointer data)
{
  return *(char **) data != NULL;
}

static char *
read_clipboard (Fixture *fixture)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (fixture->window)), NULL,
                                 clipboard_read_cb, &text);
  nichiro_test_wait_for (shown_window, has_text, &text);
  return text;
}

static gboolean
is_split_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_SPLIT_BUTTON (widget) && gtk_widget_get_mapped (widget);
}

/* The labels of a menu, section by section, in one line. */
static char *
menu_labels (GMenuModel *menu)
{
  g_autoptr(GString) labels = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *heading = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &heading);
      g_string_append_printf (labels, "%s%s:", i > 0 ? " | " : "", heading);
      for (int j = 0; j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *label = NULL;

          g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label);
          g_string_append_printf (labels, " %s", label);
        }
    }

  return g_string_free (g_steal_pointer (&labels), FALSE);
}

/* Copy Citation cites the first source in Chicago; its menu offers the
 * entry's sources and the styles, and the style chosen is kept. */
static void
test_copy_citation (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.nichiro.Nichiro");
  g_autofree char *text = NULL;
  g_autofree char *labels = NULL;
  g_autofree char *style = NULL;
  GtkWidget *button;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  g_settings_reset (settings, "citation-style");
  nichiro_session_select_id (fixture->session, "peace-1905");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-citation", NULL);
  text = read_clipboard (fixture);
  g_assert_cmpstr (text, ==,
                   "Treaty of Portsmouth (Japan–Russian Empire), signed at Portsmouth, New Hampshire, "
                   "5 September 1905. “A source,” https://example.org/portsmouth. "
                   "Cited from Nichiro, “A small test dataset” (dataset, CC-BY-4.0).");
  wait_for_label (fixture, "Chicago citation of “A source” copied");

  button = nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_split_button, NULL);
  g_assert_nonnull (button);
  labels = menu_labels (adw_split_button_get_menu_model (ADW_SPLIT_BUTTON (button)));
  g_assert_cmpstr (labels, ==, "Copy a Citation of: A source | Citation Style: Chicago APA BibTeX");

  /* BibTeX, chosen in the menu, from the source chosen there. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "settings.citation-style", "s", "bibtex");
  g_clear_pointer (&style, g_free);
  style = g_settings_get_string (settings, "citation-style");
  g_assert_cmpstr (style, ==, "bibtex");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.copy-citation-from", "u", 0);
  g_clear_pointer (&text, g_free);
  text = read_clipboard (fixture);
  g_assert_true (g_str_has_prefix (text, "@misc{peace-1905-1,\n  title = {{A source}},\n  url = {https://example.org/portsmouth},\n"));
  wait_for_label (fixture, "BibTeX citation of “A source” copied");
  g_settings_reset (settings, "citation-style");
}

static void
test_thread_link (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *label, *button;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  nichiro_session_select_id (fixture->session, "peace-1905");
  wait_for_label (fixture, "Sakhalin");
  label = GTK_WIDGET (find_visible_label (fixture, "Sakhalin"));
  button = gtk_widget_get_ancestor (label, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (nichiro_session_get_query (fixture->session), ==, "thread:sakhalin");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (get_results (fixture))), ==, 1);
}

/* Marking an entry studied moves the guide's count and the header's
 * progress; a note typed in the window is there after a restart. */
static void
test_study_progress (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nichiro-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "study.json", NULL);
  g_autoptr(NichiroStudyStore) store = nichiro_study_store_new (path);
  g_autoptr(NichiroSession) session = nichiro_session_new (dataset, store);
  g_autoptr(NichiroStudyStore) reopened = NULL;
  NichiroWindow *window = nichiro_window_new (NULL, session);
  Fixture fixture = { session, window };
  GtkWidget *panel;

  gtk_window_present (GTK_WINDOW (window));
  shown_window = GTK_WIDGET (window);
  nichiro_test_wait_for (shown_window, is_mapped, window);
  wait_for_label (&fixture, "0/3");

  nichiro_session_select_id (session, "peace-1905");
  panel = nichiro_test_find_widget (GTK_WIDGET (window), NICHIRO_TYPE_STUDY_PANEL, NULL);
  g_assert_nonnull (panel);
  g_assert_true (gtk_widget_activate_action (panel, "study.toggle-studied", NULL));
  wait_for_label (&fixture, "1/3");
  wait_for_label (&fixture, "1/2");

  g_assert_true (nichiro_study_store_set_note (store, "test-small", "peace-1905", "Compare with 1875", NULL));
  gtk_window_close (GTK_WINDOW (window));
  shown_window = NULL;

  g_clear_object (&session);
  g_clear_object (&store);
  reopened = nichiro_study_store_new (path);
  g_assert_true (nichiro_study_store_get_studied (reopened, "test-small", "peace-1905"));
  g_assert_cmpstr (nichiro_study_store_get_note (reopened, "test-small", "peace-1905"), ==, "Compare with 1875");
  g_assert_cmpstr (nichiro_study_store_get_last_entry (reopened, "test-small"), ==, "peace-1905");

  g_clear_object (&reopened);
  g_unlink (path);
  g_rmdir (dir);
}

/* The sidebar's footer says what its page shows: the guide's parts, all
 * the entries, the entries under review, each kept up to date. */
static void
test_footer (void)
{
  g_autofree char *dir = g_dir_make_tmp ("nichiro-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "study.json", NULL);
  g_autoptr(NichiroStudyStore) store = nichiro_study_store_new (path);
  g_autoptr(NichiroSession) session = nichiro_session_new (dataset, store);
  NichiroWindow *window = nichiro_window_new (NULL, session);
  Fixture fixture = { session, window };
  AdwViewStack *views;

  gtk_window_present (GTK_WINDOW (window));
  shown_window = GTK_WIDGET (window);
  nichiro_test_wait_for (shown_window, is_mapped, window);
  views = ADW_VIEW_STACK (nichiro_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK, NULL));

  wait_for_label (&fixture, "2 parts · 3 entries");
  adw_view_stack_set_visible_child_name (views, "review");
  wait_for_label (&fixture, "0 entries bookmarked or noted");
  g_assert_true (nichiro_study_store_set_note (store, "test-small", "peace-1905", "Compare with 1875", NULL));
  wait_for_label (&fixture, "1 entry bookmarked or noted");
  adw_view_stack_set_visible_child_name (views, "entries");
  wait_for_label (&fixture, "3 entries");

  nichiro_session_set_query (session, "portsmouth");
  wait_for_label (&fixture, "2 results");

  gtk_window_close (GTK_WINDOW (window));
  shown_window = NULL;
  g_clear_object (&session);
  g_clear_object (&store);
  g_unlink (path);
  g_rmdir (dir);
}

/* The first is:bookmarked search agrees everywhere: the sidebar lists the
 * bookmarked entry and the timeline says it matches; one search serves
 * both. */
/* With a study file the sidebar gains the self-test's row, which expands:
 * the sidebar keeps its own width rather than half the window (AdwFlap
 * splits the width when both its sides expand). */
static gboolean
is_sidebar (GtkWidget     *widget,
            gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "nichiro-sidebar");
}

static gboolean
is_allocated (gpointer data)
{
  return gtk_widget_get_width (data) > 0;
}

static void
test_sidebar_keeps_width (NichiroTestHome *home,
                          gconstpointer    data)
{
  g_autoptr(NichiroStudyStore) store = nichiro_study_store_new (home->path);
  g_autoptr(NichiroSession) session = nichiro_session_new (dataset, store);
  NichiroWindow *window = nichiro_window_new (NULL, session);
  GtkWidget *sidebar;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  shown_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  nichiro_test_wait_for (shown_window, is_mapped, window);
  sidebar = nichiro_test_find_matching (GTK_WIDGET (window), is_sidebar, NULL);
  g_assert_nonnull (sidebar);
  nichiro_test_wait_for (shown_window, is_allocated, sidebar);
  g_test_message ("sidebar: %d px of %d", gtk_widget_get_width (sidebar), gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (sidebar), <=, 360);

  shown_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bookmarked_search (NichiroTestHome *home,
                        gconstpointer    data)
{
  const char *help = "Left and Right move through time, Up and Down between rows, plus and minus zoom, "
                     "a year or Control+G goes to a date, Shift with Left or Right moves the date cursor, "
                     "Control+L lists the entries.";
  g_autofree char *matching = g_strconcat ("Signed 5 September 1905. Ratifications exchanged 25 November 1905. "
                                           "In force 25 November 1905. Matches the search. ", help, NULL);
  g_autoptr(NichiroStudyStore) store = nichiro_study_store_new (home->path);
  g_autoptr(NichiroSession) session = NULL;
  NichiroWindow *window;
  Fixture fixture;
  GtkWidget *entry, *timeline;
  guint runs;

  g_assert_true (nichiro_study_store_set_bookmarked (store, "test-small", "peace-1905", TRUE, NULL));
  session = nichiro_session_new (dataset, store);
  window = nichiro_window_new (NULL, session);
  fixture = (Fixture) { session, window };
  shown_window = GTK_WIDGET (window);
  gtk_window_present (GTK_WINDOW (window));
  nichiro_test_wait_for (shown_window, is_mapped, window);

  nichiro_session_select_id (session, "peace-1905");
  runs = nichiro_search_get_n_runs (nichiro_session_get_search (session));
  entry = nichiro_test_find_widget (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "is:bookmarked");
  wait_for_label (&fixture, "1 result");
  g_assert_cmpuint (nichiro_search_get_n_runs (nichiro_session_get_search (session)), ==, runs + 1);

  timeline = nichiro_test_find_widget (GTK_WIDGET (window), NICHIRO_TYPE_TIMELINE, NULL);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nichiro_timeline_get_canvas (NICHIRO_TIMELINE (timeline))),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, matching);

  shown_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&session);
  g_assert_true (nichiro_study_store_flush (store, NULL));
}

/* The window comes back as it was left: size, sidebar, timeline period. */
static void
test_window_state (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (dataset, NULL);
  g_autoptr(NichiroSession) next_session = nichiro_session_new (dataset, NULL);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.nichiro.Nichiro");
  NichiroWindow *window = nichiro_window_new (NULL, session);
  NichiroWindow *next;
  double start, end;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 650);
  gtk_window_present (GTK_WINDOW (window));
  nichiro_test_wait_for (shown_window, is_mapped, window);
  nichiro_session_set_visible_range (session, 2415020.0, 2430000.0);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);

  next = nichiro_window_new (NULL, next_session);
  gtk_window_get_default_size (GTK_WINDOW (next), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 650);
  nichiro_session_get_visible_range (next_session, &start, &end);
  g_assert_cmpfloat (start, ==, 2415020.0);
  g_assert_cmpfloat (end, ==, 2430000.0);
  gtk_window_destroy (GTK_WINDOW (next));
}

static GtkLabel *
find_label_with_class (GtkWidget  *root,
                       const char *css_class)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && gtk_widget_is_drawable (child) && gtk_widget_has_css_class (child, css_class))
        return GTK_LABEL (child);

      found = find_label_with_class (child, css_class);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The title-language setting, from the primary menu: titles lead in the
 * chosen language in the lists, the results and the detail view, which
 * keeps the other two under it. */
static void
test_title_language (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.nichiro.Nichiro");
  g_autofree char *setting = NULL;
  GtkLabel *title;
  GtkWidget *entry;
  GtkWidget *results, *snippet;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  nichiro_session_select_id (fixture->session, "peace-1905");
  wait_for_label (fixture, "Treaty of Portsmouth");
  g_assert_cmpint (nichiro_session_get_title_language (fixture->session), ==, NICHIRO_LANGUAGE_EN);

  g_settings_set_string (settings, "title-language", "ja");
  g_assert_cmpint (nichiro_session_get_title_language (fixture->session), ==, NICHIRO_LANGUAGE_JA);
  wait_for_label (fixture, "ポーツマス条約");
  /* The detail view's heading. */
  title = find_label_with_class (GTK_WIDGET (fixture->window), "title-1");
  g_assert_nonnull (title);
  g_assert_cmpstr (gtk_label_get_text (title), ==, "ポーツマス条約");
  /* English follows under the Japanese title, and the rows of entries
   * without a Japanese title keep their English one. */
  wait_for_label (fixture, "Treaty of Portsmouth · Портсмутский мирный договор");
  wait_for_label (fixture, "A war between Japan and Russia");

  /* A search shows the Japanese title and quotes the English one that matched. */
  entry = nichiro_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "portsmouth");
  wait_for_label (fixture, "2 results");
  results = GTK_WIDGET (find_list (GTK_WIDGET (fixture->window), TRUE));
  snippet = nichiro_test_find_widget (results, GTK_TYPE_LABEL, "Treaty of Portsmouth");
  g_assert_nonnull (snippet);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (snippet)), ==, "Treaty of <b>Portsmouth</b>");
  g_assert_nonnull (nichiro_test_find_widget (results, GTK_TYPE_LABEL, "ポーツマス条約"));

  /* The menu's radio items change the setting through the window's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.title-language", "s", "ru"));
  g_assert_cmpstr (setting = g_settings_get_string (settings, "title-language"), ==, "ru");
  g_assert_cmpint (nichiro_session_get_title_language (fixture->session), ==, NICHIRO_LANGUAGE_RU);
  wait_for_label (fixture, "Портсмутский мирный договор");

  /* Following the interface picks the user's language. */
  g_settings_set_string (settings, "title-language", "follow");
  g_assert_cmpint (nichiro_session_get_title_language (fixture->session), ==,
                   nichiro_language_from_locale ((const char * const *) g_get_language_names ()));

  g_settings_reset (settings, "title-language");
}

static GtkShortcut *
find_shortcut (GtkWidget  *widget,
               const char *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *text = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (text, trigger))
            return g_steal_pointer (&shortcut);
        }
    }

  return NULL;
}

/* Ctrl+W closes the window, as in every GNOME application, through the
 * same close request as the close button. */
static void
test_close_shortcut (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (dataset, NULL);
  NichiroWindow *window = nichiro_window_new (NULL, session);
  g_autoptr(GtkShortcut) shortcut = NULL;
  g_autofree char *action = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_present (GTK_WINDOW (window));
  shown_window = GTK_WIDGET (window);
  nichiro_test_wait_for (shown_window, is_mapped, window);

  shortcut = find_shortcut (GTK_WIDGET (window), "<Control>w");
  g_assert_nonnull (shortcut);
  action = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));
  g_assert_cmpstr (action, ==, "action(window.close)");
  g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, GTK_WIDGET (window), NULL));
  shown_window = NULL;
  g_assert_null (window);
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  data)
{
  return GTK_IS_ACTIONABLE (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), data) == 0;
}

static gboolean
is_primary_menu (GtkWidget     *widget,
                 gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_secondary_menu (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && !gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* Every control in the header bar has a name for screen readers, with
 * its tooltip as the description. */
static void
test_header_names (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *root = GTK_WIDGET (fixture->window);
  static const struct { const char *action; const char *name; } buttons[] = {
    { "win.back", "Back" },
    { "win.forward", "Forward" },
  };

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      GtkWidget *button = nichiro_test_find_matching (root, has_action, buttons[i].action);

      g_assert_nonnull (button);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, buttons[i].name);
    }

  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nichiro_test_find_widget (root, GTK_TYPE_TOGGLE_BUTTON, NULL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Show Sidebar");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nichiro_test_find_widget (root, GTK_TYPE_SEARCH_ENTRY, NULL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Search");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nichiro_test_find_matching (root, is_primary_menu, NULL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Main Menu");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (nichiro_test_find_matching (root, is_secondary_menu, NULL)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "How to Search");
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;

      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (menu_has_action (link, action))
            return TRUE;
        }
    }
  return FALSE;
}

/* The main menu's popover is made when first opened, from the window's
 * menu; the first frame does without it. */
static void
test_main_menu_on_first_use (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkMenuButton *button;
  GtkPopover *popover;
  GMenuModel *model;

  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  button = GTK_MENU_BUTTON (nichiro_test_find_matching (GTK_WIDGET (fixture->window), is_primary_menu, NULL));
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));
  g_assert_nonnull (model);
  g_assert_true (menu_has_action (model, "win.show-shortcuts"));
  g_assert_true (menu_has_action (model, "win.title-language"));

  /* Made once. */
  gtk_menu_button_popdown (button);
  gtk_menu_button_popup (button);
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
}

static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 400, 700);
  nichiro_test_wait_for (shown_window, is_mapped, fixture->window);
  nichiro_session_select_id (fixture->session, "peace-1905");
  wait_for_label (fixture, "Treaty of Portsmouth");
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

  g_test_add ("/nichiro/window/lists-entries", Fixture, NULL, fixture_set_up, test_lists_entries, fixture_tear_down);
  g_test_add ("/nichiro/window/select-shows-detail", Fixture, NULL, fixture_set_up, test_select_shows_detail, fixture_tear_down);
  g_test_add ("/nichiro/window/activate-row", Fixture, NULL, fixture_set_up, test_activate_row, fixture_tear_down);
  g_test_add ("/nichiro/window/related-link", Fixture, NULL, fixture_set_up, test_related_link, fixture_tear_down);
  g_test_add ("/nichiro/window/history", Fixture, NULL, fixture_set_up, test_history, fixture_tear_down);
  g_test_add ("/nichiro/window/copy-citation", Fixture, NULL, fixture_set_up, test_copy_citation, fixture_tear_down);
  g_test_add ("/nichiro/window/thread-link", Fixture, NULL, fixture_set_up, test_thread_link, fixture_tear_down);
  g_test_add_func ("/nichiro/window/state", test_window_state);
  g_test_add_func ("/nichiro/window/study-progress", test_study_progress);
  g_test_add_func ("/nichiro/window/footer", test_footer);
  g_test_add ("/nichiro/window/bookmarked-search", NichiroTestHome, NULL,
              nichiro_test_home_set_up, test_bookmarked_search, nichiro_test_home_tear_down);
  g_test_add ("/nichiro/window/sidebar-keeps-width", NichiroTestHome, NULL,
              nichiro_test_home_set_up, test_sidebar_keeps_width, nichiro_test_home_tear_down);
  g_test_add ("/nichiro/window/title-language", Fixture, NULL, fixture_set_up, test_title_language, fixture_tear_down);
  g_test_add_func ("/nichiro/window/close-shortcut", test_close_shortcut);
  g_test_add ("/nichiro/window/header-names", Fixture, NULL, fixture_set_up, test_header_names, fixture_tear_down);
  g_test_add ("/nichiro/window/main-menu-on-first-use", Fixture, NULL, fixture_set_up, test_main_menu_on_first_use,
              fixture_tear_down);
  g_test_add ("/nichiro/window/narrow", Fixture, NULL, fixture_set_up, test_narrow, fixture_tear_down);

  status = g_test_run ();
  g_clear_object (&dataset);
  return status;
}
