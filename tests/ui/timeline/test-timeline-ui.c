/* test-timeline-ui.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "timeline-ui-common.h"

/* The timeline widget in a real window on the test's private X display,
 * driven as a person would: clicks go to its click gesture, keys through
 * its key bindings, and what a screen reader would hear is read from GTK's
 * test accessibility backend. Animations are off, so every change is
 * immediate; waits are bounded.
 *
 * The reference image: NICHIRO_UPDATE_REFERENCE=1 writes it again (to the
 * source tree) instead of comparing. */

#define REFERENCE_WIDTH 640
#define REFERENCE_HEIGHT 260
/* A pixel differs when a channel is off by more than this... */
#define PIXEL_TOLERANCE 24
/* ...and the image differs when more than this share of pixels do. */
#define DIFFERING_SHARE 0.004

static NichiroDataset *small;
static NichiroDataset *bundled;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  show_timeline (fixture, data ? (NichiroDataset *) data : small, 800, 300);
}

/* Tests */

static void
test_accessible_role (Fixture       *fixture,
                      gconstpointer  data)
{
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->timeline), GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->timeline), GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_ROLE_LIST);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL, "Timeline");
  g_assert_true (gtk_widget_get_focusable (fixture->canvas));

  /* The first view shows every entry of a dataset with no period, each
   * label whole, and is kept in the session. */
  g_assert_cmpfloat (visible_span (fixture), >, day ("1905-09-06") - day ("1855-02-07"));
  g_assert_cmpfloat (visible_span (fixture), <, (day ("1905-09-06") - day ("1855-02-07")) * 1.5);
  g_assert_cmpuint (nichiro_timeline_canvas_count_readable (NICHIRO_TIMELINE_CANVAS (fixture->canvas), 0, G_MAXDOUBLE, NULL), ==, 3);
}

static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  NichiroEntry *shimoda = nichiro_dataset_lookup_entry (small, "shimoda-1855");
  NichiroEntry *peace = nichiro_dataset_lookup_entry (small, "peace-1905");
  GdkRectangle area;

  g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, shimoda, &area));
  click (fixture->canvas, area.x + area.width / 2.0, area.y + area.height / 2.0);
  g_assert_cmpstr (selected_id (fixture), ==, "shimoda-1855");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Treaty of Shimoda, Treaty, 7 February 1855");

  /* On the label, not just the marker. */
  g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, peace, &area));
  click (fixture->canvas, area.x + area.width - 3, area.y + area.height / 2.0);
  g_assert_cmpstr (selected_id (fixture), ==, "peace-1905");

  /* Between entries, nothing happens: the date cursor is set on purpose,
   * on the axis (or with Shift, which a synthetic click cannot carry). */
  click (fixture->canvas, 400, gtk_widget_get_height (fixture->canvas) / 2.0);
  g_assert_cmpstr (selected_id (fixture), ==, "peace-1905");
  g_assert_cmpint (nichiro_session_get_cursor (fixture->session), ==, 0);

  click (fixture->canvas, 400, gtk_widget_get_height (fixture->canvas) - 10);
  g_assert_cmpstr (selected_id (fixture), ==, "peace-1905");
  g_assert_cmpint (nichiro_session_get_cursor (fixture->session), !=, 0);
}

/* Titles in another language: read out, and laid out again at their width. */
static void
test_title_language (Fixture       *fixture,
                     gconstpointer  data)
{
  NichiroEntry *peace = nichiro_dataset_lookup_entry (small, "peace-1905");
  GdkRectangle english, japanese;

  nichiro_session_set_selected (fixture->session, peace);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Treaty of Portsmouth, Treaty, 5 September 1905");
  g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, peace, &english));

  nichiro_session_set_title_language (fixture->session, NICHIRO_LANGUAGE_JA);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "ポーツマス条約, Treaty, 5 September 1905");
  g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, peace, &japanese));
  /* The same marker, another label. */
  g_assert_true (gdk_rectangle_intersect (&japanese, &english, NULL));
  g_assert_cmpint (japanese.width, !=, english.width);
}

static void
test_keys_move_selection (Fixture       *fixture,
                          gconstpointer  data)
{
  /* From nothing, Right takes the first entry in view. */
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Right, 0));
  g_assert_cmpstr (selected_id (fixture), ==, "shimoda-1855");

  g_assert_true (press_key (fixture->canvas, GDK_KEY_Right, 0));
  g_assert_cmpstr (selected_id (fixture), ==, "war-1904");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "A war between Japan and Russia, War, 8 February 1904 – 5 September 1905");

  g_assert_true (press_key (fixture->canvas, GDK_KEY_Right, 0));
  g_assert_cmpstr (selected_id (fixture), ==, "peace-1905");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Treaty of Portsmouth, Treaty, 5 September 1905");
  /* An instrument's lifecycle is read out with it. */
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Signed 5 September 1905. Ratifications exchanged 25 November 1905. "
                                       "In force 25 November 1905. Left and Right move through time, Up and Down "
                                       "between rows, plus and minus zoom, a year or Control+G goes to a date, "
                                       "Shift with Left or Right moves the date cursor, Control+L lists the entries.");

  /* The last stays the last. */
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Right, 0));
  g_assert_cmpstr (selected_id (fixture), ==, "peace-1905");

  g_assert_true (press_key (fixture->canvas, GDK_KEY_Left, 0));
  g_assert_cmpstr (selected_id (fixture), ==, "war-1904");
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Home, 0));
  g_assert_cmpstr (selected_id (fixture), ==, "shimoda-1855");
  g_assert_true (press_key (fixture->canvas, GDK_KEY_End, 0));
  g_assert_cmpstr (selected_id (fixture), ==, "peace-1905");

  /* Up and Down move between lanes: the three entries are in three. */
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Up, 0));
  g_assert_cmpstr (selected_id (fixture), !=, "peace-1905");
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Down, 0));
  g_assert_cmpstr (selected_id (fixture), ==, "peace-1905");

  /* Enter activates the selection. */
  {
    NichiroEntry *activated = NULL;

    g_signal_connect_swapped (fixture->timeline, "entry-activated", G_CALLBACK (g_set_object), &activated);
    g_assert_true (press_key (fixture->canvas, GDK_KEY_Return, 0));
    g_assert_nonnull (activated);
    g_assert_cmpstr (nichiro_entry_get_id (activated), ==, "peace-1905");
    g_signal_handlers_disconnect_by_func (fixture->timeline, g_set_object, &activated);
    g_clear_object (&activated);
  }
}

static void
test_keys_zoom (Fixture       *fixture,
                gconstpointer  data)
{
  double start, end, fit_span, span;

  nichiro_session_get_visible_range (fixture->session, &start, &end);
  fit_span = end - start;

  g_assert_true (press_key (fixture->canvas, GDK_KEY_plus, 0));
  span = visible_span (fixture);
  g_assert_cmpfloat (fabs (span - fit_span / 1.6), <, 1e-6 * fit_span);

  g_assert_true (press_key (fixture->canvas, GDK_KEY_plus, 0));
  g_assert_cmpfloat (fabs (visible_span (fixture) - fit_span / 1.6 / 1.6), <, 1e-6 * fit_span);

  g_assert_true (press_key (fixture->canvas, GDK_KEY_minus, 0));
  g_assert_cmpfloat (fabs (visible_span (fixture) - span), <, 1e-6 * fit_span);

  /* Zooming in keeps the selection where it is on screen. */
  nichiro_session_select_id (fixture->session, "war-1904");
  {
    GdkRectangle before, after;
    NichiroEntry *war = nichiro_dataset_lookup_entry (small, "war-1904");

    g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, war, &before));
    g_assert_true (press_key (fixture->canvas, GDK_KEY_KP_Add, 0));
    g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, war, &after));
    g_assert_cmpint (abs (before.x - after.x), <=, 8);
  }

  /* 0 fits everything again. */
  g_assert_true (press_key (fixture->canvas, GDK_KEY_0, 0));
  g_assert_cmpfloat (fabs (visible_span (fixture) - fit_span), <, 1e-6 * fit_span);

  /* Never closer than ten days. */
  for (guint i = 0; i < 40; i++)
    press_key (fixture->canvas, GDK_KEY_plus, 0);
  g_assert_cmpfloat (visible_span (fixture), >=, 10 - 1e-9);

  /* And the actions say the same. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.zoom-fit", NULL);
  g_assert_cmpfloat (fabs (visible_span (fixture) - fit_span), <, 1e-6 * fit_span);
  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.zoom-in", NULL);
  g_assert_cmpfloat (visible_span (fixture), <, fit_span);
}

/* A selection made elsewhere is brought into view. */
static void
test_selection_scrolls (Fixture       *fixture,
                        gconstpointer  data)
{
  NichiroEntry *pact = nichiro_dataset_lookup_entry (bundled, "neutrality-pact-1941");
  double start, end;
  GdkRectangle area;

  nichiro_session_set_visible_range (fixture->session, day ("1700-01-01"), day ("1710-01-01"));
  settle ();
  g_assert_false (nichiro_timeline_get_entry_area (fixture->timeline, pact, &area));

  nichiro_session_set_selected (fixture->session, pact);
  settle ();
  nichiro_session_get_visible_range (fixture->session, &start, &end);
  g_assert_cmpfloat (start, <, day ("1941-04-13"));
  g_assert_cmpfloat (end, >, day ("1941-04-14"));
  g_assert_cmpfloat (fabs ((end - start) - (day ("1710-01-01") - day ("1700-01-01"))), <, 1e-6);
  g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, pact, &area));

  /* Zoomed out so far that it would merge into a cluster, it keeps its
   * own place. */
  nichiro_timeline_zoom_fit (fixture->timeline);
  settle ();
  g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, pact, &area));
}

/* The bar under the canvas that lists what was in force. */
static gboolean
in_force_shown (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *revealer = find_child (GTK_WIDGET (fixture->timeline), GTK_TYPE_REVEALER);

  g_assert_nonnull (revealer);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

static char *
dup_in_force_text (Fixture *fixture)
{
  GtkWidget *revealer = find_child (GTK_WIDGET (fixture->timeline), GTK_TYPE_REVEALER);
  GtkWidget *label = find_child (revealer, GTK_TYPE_LABEL);

  g_assert_nonnull (label);
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

static void
test_cursor (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *text = NULL;
  NichiroDate date;

  g_assert_false (in_force_shown (fixture));

  /* Placed by the session (or a click, or keys), it lists what was in force. */
  nichiro_session_set_cursor (fixture->session, (gint64) day ("1941-05-01"));
  nichiro_test_wait_for (NULL, in_force_shown, fixture);
  text = dup_in_force_text (fixture);
  g_assert_true (g_str_has_prefix (text, "In force on 1 May 1941: "));
  g_assert_nonnull (strstr (text, "Soviet–Japanese Neutrality Pact"));
  g_assert_nonnull (strstr (text, "Soviet–Japanese Basic Convention"));
  g_clear_pointer (&text, g_free);

  /* Shift+Right moves it by a step of the axis. */
  nichiro_session_set_visible_range (fixture->session, day ("1945-08-01"), day ("1945-08-21"));
  nichiro_session_set_cursor (fixture->session, (gint64) day ("1945-08-07"));
  settle ();
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Right, GDK_SHIFT_MASK));
  date = nichiro_date_from_julian_day (nichiro_session_get_cursor (fixture->session));
  g_assert_cmpint (date.day, ==, 9);
  text = dup_in_force_text (fixture);
  /* From the Soviet declaration of war the sides disagree on the pact, and
   * the line says so; the Basic Convention was annulled by the war. */
  g_assert_true (g_str_has_prefix (text, "In force on 9 August 1945: "));
  g_assert_nonnull (strstr (text, "Soviet–Japanese Neutrality Pact (disputed)"));
  g_assert_null (strstr (text, "Soviet–Japanese Basic Convention"));
  g_clear_pointer (&text, g_free);
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Left, GDK_SHIFT_MASK));
  text = dup_in_force_text (fixture);
  g_assert_true (g_str_has_prefix (text, "In force on 8 August 1945: "));
  g_assert_nonnull (strstr (text, "Soviet–Japanese Neutrality Pact"));
  g_assert_null (strstr (text, "Soviet–Japanese Neutrality Pact (disputed)"));
  g_assert_nonnull (strstr (text, "Soviet–Japanese Basic Convention"));

  /* Escape takes it away; with nothing to take, Escape is left to others. */
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Escape, 0));
  g_assert_cmpint (nichiro_session_get_cursor (fixture->session), ==, 0);
  g_assert_false (in_force_shown (fixture));
  g_assert_false (press_key (fixture->canvas, GDK_KEY_Escape, 0));

  /* Shift+Right with no cursor places one in view. */
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpfloat (nichiro_session_get_cursor (fixture->session), >=, day ("1945-08-01"));
  g_assert_cmpfloat (nichiro_session_get_cursor (fixture->session), <, day ("1945-09-01"));
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  GtkWidget *stack = gtk_widget_get_first_child (GTK_WIDGET (fixture->timeline));
  GtkListView *list = NULL;
  GtkSelectionModel *model;
  g_autoptr(NichiroEntry) first = NULL;

  nichiro_session_select_id (fixture->session, "war-1904");
  gtk_widget_grab_focus (fixture->canvas);

  /* Ctrl+L, from the timeline, shows the list and moves the focus to it. */
  g_assert_true (press_key (GTK_WIDGET (fixture->timeline), GDK_KEY_l, GDK_CONTROL_MASK));
  g_assert_true (nichiro_timeline_get_show_list (fixture->timeline));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");

  for (GtkWidget *w = gtk_stack_get_visible_child (GTK_STACK (stack)); w != NULL; w = gtk_widget_get_first_child (w))
    if (GTK_IS_LIST_VIEW (w))
      {
        list = GTK_LIST_VIEW (w);
        break;
      }
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (list)) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (list)));

  /* The same entries in date order, the selection with them. */
  model = gtk_list_view_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpstr (nichiro_entry_get_id (first), ==, "shimoda-1855");
  g_assert_true (gtk_selection_model_is_selected (model, 1));

  /* Choosing in the list chooses everywhere. */
  gtk_selection_model_select_item (model, 2, TRUE);
  g_assert_cmpstr (selected_id (fixture), ==, "peace-1905");

  gtk_widget_activate_action (GTK_WIDGET (fixture->timeline), "timeline.show-list", NULL);
  g_assert_false (nichiro_timeline_get_show_list (fixture->timeline));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "canvas");
}

static void
test_search_dims (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *help = "Left and Right move through time, Up and Down between rows, plus and minus zoom, "
                     "a year or Control+G goes to a date, Shift with Left or Right moves the date cursor, "
                     "Control+L lists the entries.";
  g_autofree char *matching = g_strconcat ("Matches the search. ", help, NULL);
  g_autofree char *other = g_strconcat ("Does not match the search. ", help, NULL);

  nichiro_session_select_id (fixture->session, "war-1904");
  nichiro_session_set_query (fixture->session, "manchuria");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, matching);

  nichiro_session_set_query (fixture->session, "shimoda");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, other);

  nichiro_session_set_query (fixture->session, "");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, help);
}

/* Sixty events a week apart: at first they merge; Down reaches the
 * cluster, Enter lists them with "Zoom to These", which zooms in. */
static NichiroDataset *
weekly_dataset (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  NichiroDataset *dataset;
  double first = day ("1940-01-01");

  g_string_append (json,
                   "{\"format\":\"nichiro-dataset\",\"version\":1,\"id\":\"weekly\",\"title\":\"Weekly\","
                   "\"license\":\"CC0-1.0\",\"states\":[{\"id\":\"japan\",\"name\":{\"en\":\"Japan\"}}],"
                   "\"parts\":[{\"id\":\"p\",\"title\":\"P\",\"start\":\"1940\",\"end\":\"1942\"}],"
                   "\"eras\":[],\"threads\":[],\"people\":[],\"entries\":[");
  for (guint i = 0; i < 60; i++)
    {
      NichiroDate date = nichiro_date_from_julian_day ((gint64) first + 7 * i);
      g_autofree char *iso = nichiro_date_to_iso (&date);

      g_string_append_printf (json,
                              "%s{\"id\":\"e-%u\",\"kind\":\"event\",\"title\":{\"en\":\"Weekly event number %u\"},"
                              "\"date\":\"%s\",\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}",
                              i ? "," : "", i, i, iso);
    }
  g_string_append (json, "]}");

  dataset = nichiro_dataset_new_from_data (json->str, json->len, "weekly.json", &error);
  g_assert_no_error (error);
  return dataset;
}

static void
test_cluster_keys (void)
{
  g_autoptr(NichiroDataset) dataset = weekly_dataset ();
  Fixture fixture = { 0, };
  double span;

  show_timeline (&fixture, dataset, 700, 240);
  span = visible_span (&fixture);

  g_assert_true (press_key (fixture.canvas, GDK_KEY_Right, 0));
  g_assert_cmpstr (selected_id (&fixture), ==, "e-0");

  /* Down through the lanes until the selection stays: the keyboard is then
   * on the cluster in the last lane, and its label counts what it holds. */
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *before = g_strdup (selected_id (&fixture));

      press_key (fixture.canvas, GDK_KEY_Down, 0);
      if (g_strcmp0 (before, selected_id (&fixture)) == 0)
        break;
    }

  {
    g_autofree char *failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture.canvas),
                                                                   GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                   "Timeline");

    /* Not the plain name: something is focused. */
    g_assert_nonnull (failure);
  }

  /* Enter on a cluster lists it; "Zoom to These" zooms in on it. */
  g_assert_true (press_key (fixture.canvas, GDK_KEY_Return, 0));
  {
    GtkWidget *popover = NULL, *button;

    for (GtkWidget *child = gtk_widget_get_first_child (fixture.canvas); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER (child))
        popover = child;
    g_assert_nonnull (popover);
    g_assert_true (gtk_widget_get_visible (popover));
    button = nichiro_test_find_widget (popover, GTK_TYPE_BUTTON, NULL);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Zoom to These");
    g_assert_nonnull (button);
    g_assert_true (gtk_widget_get_sensitive (button));
    g_signal_emit_by_name (button, "clicked");
    settle ();
  }
  g_assert_cmpfloat (visible_span (&fixture), <, span * 0.8);

  fixture_tear_down (&fixture, NULL);
}

static void
test_rtl (Fixture       *fixture,
          gconstpointer  data)
{
  NichiroEntry *shimoda = nichiro_dataset_lookup_entry (small, "shimoda-1855");
  NichiroEntry *peace = nichiro_dataset_lookup_entry (small, "peace-1905");
  GdkRectangle early, late;

  gtk_widget_set_direction (fixture->canvas, GTK_TEXT_DIR_RTL);
  settle ();

  /* Time runs from right to left... */
  g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, shimoda, &early));
  g_assert_true (nichiro_timeline_get_entry_area (fixture->timeline, peace, &late));
  g_assert_cmpint (early.x, >, late.x);

  /* ...clicks land where things are drawn, and Left goes forward. */
  click (fixture->canvas, early.x + early.width / 2.0, early.y + early.height / 2.0);
  g_assert_cmpstr (selected_id (fixture), ==, "shimoda-1855");
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Left, 0));
  g_assert_cmpstr (selected_id (fixture), ==, "war-1904");
}

/* Fifteen events on one day: Enter on their cluster lists them, and
 * choosing one selects it. */
static void
test_cluster_popover (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  Fixture fixture = { 0, };
  GtkWidget *popover = NULL;
  GtkWidget *list;
  GtkListBoxRow *row;

  g_string_append (json,
                   "{\"format\":\"nichiro-dataset\",\"version\":1,\"id\":\"same-day\",\"title\":\"Same day\","
                   "\"license\":\"CC0-1.0\",\"states\":[{\"id\":\"japan\",\"name\":{\"en\":\"Japan\"}}],"
                   "\"parts\":[{\"id\":\"p\",\"title\":\"P\",\"start\":\"1945\",\"end\":\"1945\"}],"
                   "\"eras\":[],\"threads\":[],\"people\":[],\"entries\":[");
  for (guint i = 0; i < 15; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"e-%02u\",\"kind\":\"event\",\"title\":{\"en\":\"Event %02u\"},"
                            "\"date\":\"1945-08-09\",\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}",
                            i ? "," : "", i, i);
  g_string_append (json, "]}");
  dataset = nichiro_dataset_new_from_data (json->str, json->len, "same-day.json", &error);
  g_assert_no_error (error);

  show_timeline (&fixture, dataset, 600, 200);
  g_assert_true (press_key (fixture.canvas, GDK_KEY_Right, 0));
  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *before = g_strdup (selected_id (&fixture));

      press_key (fixture.canvas, GDK_KEY_Down, 0);
      if (g_strcmp0 (before, selected_id (&fixture)) == 0)
        break;
    }

  g_assert_true (press_key (fixture.canvas, GDK_KEY_Return, 0));
  for (GtkWidget *child = gtk_widget_get_first_child (fixture.canvas); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      popover = child;
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));

  list = find_child (popover, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
  g_assert_nonnull (row);
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 15));
  g_signal_emit_by_name (list, "row-activated", row);
  settle ();
  g_assert_nonnull (selected_id (&fixture));
  g_assert_false (gtk_widget_get_visible (popover));

  fixture_tear_down (&fixture, NULL);
}

/* Dragging pans with the pointer; the wheel pans too; a pinch zooms. */
static void
test_pointer_pans_and_zooms (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkGesture *drag = find_gesture (fixture->canvas, GTK_TYPE_GESTURE_DRAG);
  GtkGesture *zoom = find_gesture (fixture->canvas, GTK_TYPE_GESTURE_ZOOM);
  GtkEventController *scroll = GTK_EVENT_CONTROLLER (find_gesture_or_controller (fixture->canvas, GTK_TYPE_EVENT_CONTROLLER_SCROLL));
  double start, end, after_start, after_end, scale;
  gboolean handled = FALSE;

  /* In the middle of the data, where nothing holds the view back. */
  nichiro_session_set_visible_range (fixture->session, day ("1870-01-01"), day ("1890-01-01"));
  nichiro_session_get_visible_range (fixture->session, &start, &end);
  scale = gtk_widget_get_width (fixture->canvas) / (end - start);

  /* Dragged 100 pixels right: the view shows 100 pixels earlier. */
  g_signal_emit_by_name (drag, "drag-begin", 300.0, 100.0);
  g_signal_emit_by_name (drag, "drag-update", 100.0, 0.0);
  g_signal_emit_by_name (drag, "drag-end", 100.0, 0.0);
  nichiro_session_get_visible_range (fixture->session, &after_start, &after_end);
  g_assert_cmpfloat (fabs ((start - after_start) - 100 / scale), <, 1e-6);
  g_assert_cmpfloat (fabs ((after_end - after_start) - (end - start)), <, 1e-6);

  /* A wheel notch down pans forward in time. */
  g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  nichiro_session_get_visible_range (fixture->session, &start, &end);
  g_assert_cmpfloat (start, >, after_start);

  /* Pinching out to twice the size halves the span. */
  g_signal_emit_by_name (zoom, "begin", NULL);
  g_signal_emit_by_name (zoom, "scale-changed", 2.0);
  nichiro_session_get_visible_range (fixture->session, &after_start, &after_end);
  g_assert_cmpfloat (fabs ((after_end - after_start) - (end - start) / 2), <, 1e-6);
}

/* A widget that is let go of is finalized, with its session still alive. */
static void
test_finalize (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (small, NULL);
  GtkWidget *timeline = g_object_ref_sink (nichiro_timeline_new ());

  nichiro_timeline_set_session (NICHIRO_TIMELINE (timeline), session);
  g_assert_true (nichiro_timeline_get_session (NICHIRO_TIMELINE (timeline)) == session);
  g_assert_finalize_object (timeline);

  /* The session no longer calls into it. */
  nichiro_session_select_id (session, "war-1904");
  nichiro_session_set_cursor (session, 2400000);
}

/* The reference image */

static guchar *
download (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture);
  int height = gdk_texture_get_height (texture);
  guchar *pixels = g_malloc (4 * width * height);

  gdk_texture_download (texture, pixels, 4 * width);
  return pixels;
}

static void
test_reference_image (void)
{
  Fixture fixture = { 0, };
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GdkTexture) reference = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "reference-small.png", NULL);
  g_autofree guchar *got = NULL;
  g_autofree guchar *want = NULL;
  guint differing = 0;

  show_timeline (&fixture, small, REFERENCE_WIDTH, REFERENCE_HEIGHT);
  nichiro_session_set_visible_range (fixture.session, day ("1850-01-01"), day ("1935-01-01"));
  nichiro_session_select_id (fixture.session, "peace-1905");
  nichiro_session_set_cursor (fixture.session, (gint64) day ("1906-01-01"));
  settle ();
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture.timeline)), ==, REFERENCE_WIDTH);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (fixture.timeline)), ==, REFERENCE_HEIGHT);

  texture = render (GTK_WIDGET (fixture.timeline), REFERENCE_WIDTH, REFERENCE_HEIGHT);

  if (g_getenv ("NICHIRO_UPDATE_REFERENCE") != NULL)
    {
      g_assert_true (gdk_texture_save_to_png (texture, path));
      g_test_message ("wrote %s", path);
      fixture_tear_down (&fixture, NULL);
      return;
    }

  reference = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (reference), ==, REFERENCE_WIDTH);
  g_assert_cmpint (gdk_texture_get_height (reference), ==, REFERENCE_HEIGHT);

  got = download (texture);
  want = download (reference);
  for (guint i = 0; i < REFERENCE_WIDTH * REFERENCE_HEIGHT; i++)
    {
      for (guint c = 0; c < 4; c++)
        if (abs ((int) got[4 * i + c] - (int) want[4 * i + c]) > PIXEL_TOLERANCE)
          {
            differing++;
            break;
          }
    }

  if (differing > DIFFERING_SHARE * REFERENCE_WIDTH * REFERENCE_HEIGHT)
    {
      g_autofree char *out = g_test_build_filename (G_TEST_BUILT, "reference-small-got.png", NULL);

      gdk_texture_save_to_png (texture, out);
      g_error ("%u pixels differ from %s; this run drew %s (NICHIRO_UPDATE_REFERENCE=1 makes it the reference)",
               differing, path, out);
    }

  fixture_tear_down (&fixture, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) provider = timeline_test_init (&argc, &argv);
  int status;

  small = nichiro_test_load_dataset ("small.json");
  bundled = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);

  g_test_add ("/nichiro/timeline/ui/accessible-role", Fixture, NULL, fixture_set_up, test_accessible_role, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/click-selects", Fixture, NULL, fixture_set_up, test_click_selects, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/keys-move-selection", Fixture, NULL, fixture_set_up, test_keys_move_selection, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/keys-zoom", Fixture, NULL, fixture_set_up, test_keys_zoom, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/selection-scrolls", Fixture, bundled, fixture_set_up, test_selection_scrolls, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/cursor", Fixture, bundled, fixture_set_up, test_cursor, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/title-language", Fixture, NULL, fixture_set_up, test_title_language, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/search-dims", Fixture, NULL, fixture_set_up, test_search_dims, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/rtl", Fixture, NULL, fixture_set_up, test_rtl, fixture_tear_down);
  g_test_add ("/nichiro/timeline/ui/pointer", Fixture, NULL, fixture_set_up, test_pointer_pans_and_zooms, fixture_tear_down);
  g_test_add_func ("/nichiro/timeline/ui/cluster-keys", test_cluster_keys);
  g_test_add_func ("/nichiro/timeline/ui/cluster-popover", test_cluster_popover);
  g_test_add_func ("/nichiro/timeline/ui/finalize", test_finalize);
  g_test_add_func ("/nichiro/timeline/ui/reference-image", test_reference_image);

  status = g_test_run ();

  g_clear_object (&small);
  g_clear_object (&bundled);
  return status;
}
