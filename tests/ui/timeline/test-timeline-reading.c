/* test-timeline-reading.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "nichiro-in-force.h"
#include "timeline-ui-common.h"

/* The timeline as a reader sees it, with the bundled dataset: the first
 * view fits the chapter's period, every label drawn is whole (for each
 * chapter part fitted, for each entry selected, at every step of a walk
 * with the arrows), "+1" is never drawn, a walk is one step of history,
 * the legend explains every mark drawn, grouping and filtering, going to
 * a year, the list of what was in force on a day, and all of it from the
 * keyboard with names a screen reader reads. What was drawn is
 * read from the frames themselves (nichiro_timeline_canvas_get_drawn_texts()). */

static NichiroDataset *bundled;

/* The size of the timeline in a default window on a 1280×800 screen. */
#define WIDTH 770
#define HEIGHT 430

/* Draws a frame, as GTK would, and checks what it drew: every label whole
 * inside the canvas, every cluster two or more. Returns how many labels. */
static guint
draw_and_check (Fixture *fixture)
{
  g_autoptr(GdkTexture) texture = render (GTK_WIDGET (fixture->timeline),
                                          gtk_widget_get_width (GTK_WIDGET (fixture->timeline)),
                                          gtk_widget_get_height (GTK_WIDGET (fixture->timeline)));
  double width = gtk_widget_get_width (fixture->canvas);
  guint n_texts, n_labels = 0;
  const NichiroTimelineDrawnText *texts = nichiro_timeline_canvas_get_drawn_texts (NICHIRO_TIMELINE_CANVAS (fixture->canvas), &n_texts);

  for (guint i = 0; i < n_texts; i++)
    {
      if (texts[i].entry == NULL)
        {
          if (texts[i].n_members < 2)
            g_error ("a cluster of %u was drawn", texts[i].n_members);
          continue;
        }

      n_labels++;
      if (texts[i].box.origin.x < -0.5 || texts[i].box.origin.x + texts[i].box.size.width > width + 0.5)
        g_error ("the label of %s is cut: %.1f to %.1f in %.0f", nichiro_entry_get_id (texts[i].entry),
                 texts[i].box.origin.x, texts[i].box.origin.x + texts[i].box.size.width, width);
    }

  return n_labels;
}

static gboolean
label_drawn (Fixture      *fixture,
             NichiroEntry *entry)
{
  guint n_texts;
  const NichiroTimelineDrawnText *texts = nichiro_timeline_canvas_get_drawn_texts (NICHIRO_TIMELINE_CANVAS (fixture->canvas), &n_texts);

  for (guint i = 0; i < n_texts; i++)
    if (texts[i].entry == entry)
      return TRUE;

  return FALSE;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  show_timeline (fixture, bundled, WIDTH, HEIGHT);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  settle ();
  g_clear_object (&fixture->session);
}

static NichiroEntry *
entry_at (guint position)
{
  return g_list_model_get_item (nichiro_dataset_get_entries (bundled), position);
}

/* The first view: the chapter's period, 1855–1956, not 1700–1980, at three
 * sizes; every label whole. */
static void
test_first_view (void)
{
  static const int sizes[][2] = { { WIDTH, HEIGHT }, { 600, 320 }, { 1550, 560 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Fixture fixture = { 0, };
      double start, end;

      show_timeline (&fixture, bundled, sizes[s][0], sizes[s][1]);
      nichiro_session_get_visible_range (fixture.session, &start, &end);
      g_test_message ("%d×%d: %.1f to %.1f", sizes[s][0], sizes[s][1],
                      (start - day ("1855-01-01")) / 365.25 + 1855, (end - day ("1855-01-01")) / 365.25 + 1855);

      /* From the Treaty of Shimoda to Japan's admission to the United
       * Nations, and not decades beyond. */
      g_assert_cmpfloat (start, <=, day ("1855-02-07"));
      g_assert_cmpfloat (start, >=, day ("1850-01-01"));
      g_assert_cmpfloat (end, >=, day ("1956-12-18"));
      g_assert_cmpfloat (end, <=, day ("1990-01-01"));
      g_assert_cmpuint (draw_and_check (&fixture), >, 10);

      tear_down (&fixture, NULL);
    }
}

/* Each chapter part, chosen as the guide chooses it: the view fits it,
 * and every entry of it drawn in a lane has its label whole. */
static void
test_parts_fit (Fixture       *fixture,
                gconstpointer  data)
{
  guint n_parts;
  const NichiroPart *parts = nichiro_dataset_get_parts (bundled, &n_parts);
  GListModel *entries = nichiro_dataset_get_entries (bundled);

  for (guint p = 0; p < n_parts; p++)
    {
      NichiroDate end = nichiro_date_make (parts[p].end.year, 12, 31);
      guint n_shown = 0, n_in_part = 0;

      nichiro_timeline_zoom_to (fixture->timeline, nichiro_date_to_julian_day (&parts[p].start),
                                nichiro_date_to_julian_day (&end) + 1.0);
      settle ();
      draw_and_check (fixture);

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
          GdkRectangle area;

          if (g_strcmp0 (nichiro_entry_get_part (entry), parts[p].id) != 0)
            continue;
          n_in_part++;
          if (!nichiro_timeline_get_entry_area (fixture->timeline, entry, &area))
            continue;
          n_shown++;
          if (!label_drawn (fixture, entry))
            g_error ("part %s: %s is drawn without its label", parts[p].id, nichiro_entry_get_id (entry));
        }

      g_test_message ("part %s: %u of %u entries drawn, each with its label", parts[p].id, n_shown, n_in_part);
      g_assert_cmpuint (n_shown, >, 0);
    }
}

/* Every entry selected, from the first view and from a close one: it is
 * brought whole into view, and no label is cut. */
static void
test_selection_whole (Fixture       *fixture,
                      gconstpointer  data)
{
  guint n_entries = g_list_model_get_n_items (nichiro_dataset_get_entries (bundled));

  for (guint zoom = 0; zoom < 2; zoom++)
    {
      if (zoom == 1)
        nichiro_session_set_visible_range (fixture->session, day ("1905-01-01"), day ("1907-01-01"));

      for (guint i = 0; i < n_entries; i++)
        {
          g_autoptr(NichiroEntry) entry = entry_at (i);

          nichiro_session_set_selected (fixture->session, entry);
          settle ();
          draw_and_check (fixture);
          if (!label_drawn (fixture, entry))
            g_error ("%s, selected, is not drawn whole", nichiro_entry_get_id (entry));
        }
    }
}

/* Left and Right through every entry, close up, both ways and right to
 * left: the selection is always drawn whole; the walk is one step of
 * history. */
static void
test_walk (Fixture       *fixture,
           gconstpointer  data)
{
  guint n_entries = g_list_model_get_n_items (nichiro_dataset_get_entries (bundled));
  gboolean rtl = GPOINTER_TO_INT (data);
  guint forward = rtl ? GDK_KEY_Left : GDK_KEY_Right;
  guint backward = rtl ? GDK_KEY_Right : GDK_KEY_Left;

  if (rtl)
    {
      gtk_widget_set_direction (fixture->canvas, GTK_TEXT_DIR_RTL);
      settle ();
    }

  nichiro_session_select_id (fixture->session, "portsmouth-1905");
  nichiro_session_set_visible_range (fixture->session, day ("1905-01-01"), day ("1908-01-01"));
  settle ();

  g_assert_true (press_key (fixture->canvas, GDK_KEY_Home, 0));
  for (guint step = 0; step < 2 * n_entries; step++)
    {
      NichiroEntry *selected = nichiro_session_get_selected (fixture->session);

      draw_and_check (fixture);
      if (!label_drawn (fixture, selected))
        g_error ("step %u: %s is not drawn whole", step, nichiro_entry_get_id (selected));
      g_assert_true (press_key (fixture->canvas, step < n_entries ? forward : backward, 0));
    }

  /* Home, then many steps: Back returns to where the walk began. */
  g_assert_true (nichiro_session_can_go_back (fixture->session));
  nichiro_session_go_back (fixture->session);
  g_assert_cmpstr (selected_id (fixture), ==, "portsmouth-1905");
  g_assert_false (nichiro_session_can_go_back (fixture->session));
}

/* Zooming from the whole period in to days, around the chapter's densest
 * years: never "+1", never a cut label. */
static void
test_no_plus_one (Fixture       *fixture,
                  gconstpointer  data)
{
  static const char * const centres[] = { "1905-09-05", "1945-08-09", "1917-11-07", "1956-10-19" };

  for (guint c = 0; c < G_N_ELEMENTS (centres); c++)
    {
      nichiro_timeline_zoom_fit (fixture->timeline);
      settle ();
      nichiro_session_select_id (fixture->session, "portsmouth-1905");
      for (double span = 40000; span > 12; span /= 1.7)
        {
          nichiro_session_set_visible_range (fixture->session, day (centres[c]) - span / 2, day (centres[c]) + span / 2);
          settle ();
          draw_and_check (fixture);
        }
    }
}

static void
collect_legend_marks (GtkWidget *widget,
                      guint     *marks)
{
  guint mark = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (widget), "nichiro-mark"));

  if (mark != 0)
    {
      g_autofree char *failure = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, "");

      /* Read out: each row has a name. */
      g_assert_nonnull (failure);
      *marks |= 1u << (mark - 1);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_legend_marks (child, marks);
}

/* Whatever the canvas draws, the legend explains: marks drawn in many
 * states, held against the legend's rows. */
static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *button = nichiro_test_find_widget (GTK_WIDGET (fixture->timeline), GTK_TYPE_MENU_BUTTON, NULL);
  GtkPopover *popover;
  guint drawn = 0, legend = 0;
  static const struct
  {
    const char *from;
    const char *to;
    const char *selected;
    const char *query;
    const char *cursor;
  } states[] = {
    { NULL, NULL, NULL, NULL, NULL },
    { "1850-01-01", "1960-01-01", "neutrality-pact-1941", NULL, "1941-05-01" },
    { "1904-01-01", "1907-01-01", "portsmouth-1905", "sakhalin", NULL },
    { "1939-01-01", "1946-01-01", NULL, "kind:pact", "1945-08-09" },
    { "1945-08-01", "1945-09-10", "soviet-japanese-war-1945", NULL, NULL },
    { "1950-01-01", "1958-01-01", "san-francisco-1951", NULL, "1951-09-08" },
    { "1910-01-01", "1930-01-01", NULL, NULL, NULL },
  };

  for (guint s = 0; s < G_N_ELEMENTS (states); s++)
    {
      if (states[s].from != NULL)
        nichiro_session_set_visible_range (fixture->session, day (states[s].from), day (states[s].to));
      else
        nichiro_timeline_zoom_fit (fixture->timeline);
      nichiro_session_set_selected (fixture->session, NULL);
      if (states[s].selected != NULL)
        nichiro_session_select_id (fixture->session, states[s].selected);
      nichiro_session_set_query (fixture->session, states[s].query ? states[s].query : "");
      nichiro_session_set_cursor (fixture->session, states[s].cursor ? (gint64) day (states[s].cursor) : 0);
      settle ();
      draw_and_check (fixture);
      drawn |= nichiro_timeline_canvas_get_marks_drawn (NICHIRO_TIMELINE_CANVAS (fixture->canvas));
    }

  /* The legend opens from its button, made then. */
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  settle ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (popover), GTK_ACCESSIBLE_PROPERTY_LABEL, "Legend");
  collect_legend_marks (GTK_WIDGET (popover), &legend);

  g_test_message ("drawn %x, in the legend %x", drawn, legend);
  g_assert_cmpuint (drawn & ~legend, ==, 0);
  /* And it explains them all, drawn this time or not. */
  g_assert_cmpuint (legend, ==, (1u << NICHIRO_TIMELINE_N_MARKS) - 1);
  /* The states above drew most of them. */
  g_assert_cmpuint (__builtin_popcount (drawn), >=, NICHIRO_TIMELINE_N_MARKS - 2);
}

/* Grouped by kind, then filtered: what is hidden is neither drawn nor
 * walked to; the choices are the settings' strings. */
static void
test_groups_and_filters (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const no_conflicts[] = { "conflicts", NULL };
  guint n_texts, n_entries = g_list_model_get_n_items (nichiro_dataset_get_entries (bundled));
  const NichiroTimelineDrawnText *texts;

  nichiro_timeline_set_group_by (fixture->timeline, "kind");
  g_assert_cmpint (nichiro_timeline_canvas_get_grouping (NICHIRO_TIMELINE_CANVAS (fixture->canvas)), ==,
                   NICHIRO_TIMELINE_GROUP_BY_KIND);
  settle ();
  g_assert_cmpuint (draw_and_check (fixture), >, 5);

  nichiro_timeline_set_hidden_kinds (fixture->timeline, no_conflicts);
  settle ();
  draw_and_check (fixture);
  texts = nichiro_timeline_canvas_get_drawn_texts (NICHIRO_TIMELINE_CANVAS (fixture->canvas), &n_texts);
  for (guint i = 0; i < n_texts; i++)
    if (texts[i].entry != NULL)
      g_assert_cmpint (nichiro_timeline_category_for_kind (nichiro_entry_get_kind (texts[i].entry)), !=,
                       NICHIRO_TIMELINE_CATEGORY_CONFLICTS);

  g_assert_true (press_key (fixture->canvas, GDK_KEY_Home, 0));
  for (guint i = 0; i < n_entries; i++)
    {
      g_assert_cmpint (nichiro_timeline_category_for_kind (nichiro_entry_get_kind (nichiro_session_get_selected (fixture->session))),
                       !=, NICHIRO_TIMELINE_CATEGORY_CONFLICTS);
      press_key (fixture->canvas, GDK_KEY_Right, 0);
    }

  /* By thread: an entry of two threads is drawn in both groups. */
  nichiro_timeline_set_hidden_kinds (fixture->timeline, NULL);
  nichiro_timeline_set_group_by (fixture->timeline, "thread");
  nichiro_session_set_visible_range (fixture->session, day ("1872-01-01"), day ("1880-01-01"));
  settle ();
  draw_and_check (fixture);
  {
    NichiroEntry *treaty = nichiro_dataset_lookup_entry (bundled, "st-petersburg-1875");
    guint n = 0;

    texts = nichiro_timeline_canvas_get_drawn_texts (NICHIRO_TIMELINE_CANVAS (fixture->canvas), &n_texts);
    for (guint i = 0; i < n_texts; i++)
      n += texts[i].entry == treaty;
    g_assert_cmpuint (n, >=, 2);
  }

  nichiro_timeline_set_group_by (fixture->timeline, "no such grouping");
  g_assert_cmpstr (nichiro_timeline_get_group_by (fixture->timeline), ==, "none");
}

static GtkWidget *
find_popover_with_entry (GtkWidget *canvas)
{
  for (GtkWidget *child = gtk_widget_get_first_child (canvas); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child) && find_child (child, GTK_TYPE_ENTRY) != NULL)
      return child;

  return NULL;
}

/* Control+G, or a digit typed on the canvas: a year goes to its first
 * entry; what cannot be read is said, and nothing moves. */
static void
test_go_to_year (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *popover, *entry, *error;

  nichiro_session_select_id (fixture->session, "shimoda-1855");
  g_assert_true (press_key (fixture->canvas, GDK_KEY_g, GDK_CONTROL_MASK));
  popover = find_popover_with_entry (fixture->canvas);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  entry = find_child (popover, GTK_TYPE_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), "19x5");
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_true (gtk_widget_get_visible (popover));
  error = nichiro_test_find_widget (popover, GTK_TYPE_LABEL, "Type a year such as 1905, or a date such as 1905-09-05.");
  g_assert_nonnull (error);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (selected_id (fixture), ==, "shimoda-1855");

  gtk_editable_set_text (GTK_EDITABLE (entry), "1925");
  g_assert_false (gtk_widget_get_visible (error));
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (selected_id (fixture), ==, "basic-convention-1925");
  draw_and_check (fixture);
  g_assert_true (label_drawn (fixture, nichiro_session_get_selected (fixture->session)));

  /* A digit starts a year; it is a step of a walk, one step of history. */
  g_assert_true (press_key (fixture->canvas, GDK_KEY_1, 0));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1");
  gtk_editable_set_text (GTK_EDITABLE (entry), "1941-04");
  g_signal_emit_by_name (entry, "activate");
  settle ();
  g_assert_cmpstr (selected_id (fixture), ==, "neutrality-pact-1941");
  nichiro_session_go_back (fixture->session);
  g_assert_cmpstr (selected_id (fixture), ==, "shimoda-1855");
}

/* The date cursor's list, read in full: every instrument in force that
 * day in order of signature, the disputed ones said to be. */
static void
test_in_force_list (Fixture       *fixture,
                    gconstpointer  data)
{
  NichiroDate date = nichiro_date_make (1945, 8, 9);
  g_autoptr(GPtrArray) in_force = nichiro_in_force_on (bundled, &date);
  GtkWidget *revealer = find_child (GTK_WIDGET (fixture->timeline), GTK_TYPE_REVEALER);
  GtkWidget *button = nichiro_test_find_widget (revealer, GTK_TYPE_MENU_BUTTON, NULL);
  GtkPopover *popover;
  GtkWidget *list;
  guint n_disputed = 0;

  nichiro_session_set_cursor (fixture->session, nichiro_date_to_julian_day (&date));
  settle ();
  g_assert_true (gtk_widget_get_visible (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  settle ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_nonnull (popover);
  list = find_child (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);

  g_assert_cmpuint (in_force->len, >, 3);
  for (guint i = 0; i < in_force->len; i++)
    {
      const NichiroInForce *item = g_ptr_array_index (in_force, i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);
      g_assert_nonnull (row);
      g_assert_true (g_object_get_data (G_OBJECT (row), "nichiro-entry") == item->entry);
      if (item->force == NICHIRO_FORCE_DISPUTED)
        {
          gboolean said = FALSE;

          for (GtkWidget *label = find_child (GTK_WIDGET (row), GTK_TYPE_LABEL); label != NULL;
               label = gtk_widget_get_next_sibling (label))
            said |= GTK_IS_LABEL (label) && strstr (gtk_label_get_text (GTK_LABEL (label)), "Disputed") != NULL;
          g_assert_true (said);
          n_disputed++;
        }
    }
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), in_force->len));
  g_assert_cmpuint (n_disputed, >=, 1);

  /* Choosing a row selects it. */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  settle ();
  g_assert_true (nichiro_session_get_selected (fixture->session) ==
                 ((const NichiroInForce *) g_ptr_array_index (in_force, 0))->entry);
}

/* Tab from the canvas, as a person without a mouse goes: the next stop,
 * and the focus inside the popover a button opens, if it opens one. */
static GtkWidget *
tab (Fixture *fixture)
{
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
  settle ();
  return gtk_root_get_focus (GTK_ROOT (fixture->window));
}

/* Tabs from the canvas until the focus is in a menu button named @name. */
static GtkWidget *
tab_to_menu_button (Fixture    *fixture,
                    const char *name)
{
  gtk_widget_grab_focus (fixture->canvas);
  for (guint i = 0; i < 8; i++)
    {
      GtkWidget *focus = tab (fixture);
      GtkWidget *button = focus ? gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON) : NULL;
      g_autofree char *mismatch = NULL;

      if (button != NULL)
        mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name);
      if (button != NULL && mismatch == NULL)
        return focus;
      if (button != NULL && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (button)), name) == 0)
        return focus;
    }

  g_error ("Tab from the timeline does not reach “%s”", name);
  return NULL;
}

static gboolean
popover_shown (gpointer data)
{
  GtkPopover *popover = gtk_menu_button_get_popover (data);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

/* Space or Enter on the focused button, which shows its press a moment
 * before it acts: what it opened, shown. */
static GtkWidget *
activate_menu_button (GtkWidget *focus)
{
  GtkWidget *button = gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON);

  g_assert_true (gtk_widget_activate (focus));
  nichiro_test_wait_for (NULL, popover_shown, button);
  settle ();
  return GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
}

static gboolean
cursor_removed (gpointer data)
{
  return nichiro_session_get_cursor (data) == 0;
}

static GtkWidget *
find_check (GtkWidget  *root,
            const char *text)
{
  GtkWidget *label = nichiro_test_find_widget (root, GTK_TYPE_LABEL, text);

  g_assert_nonnull (label);
  return gtk_widget_get_ancestor (label, GTK_TYPE_CHECK_BUTTON);
}

/* Everything the timeline offers, from the keyboard, with a name a screen
 * reader reads: the legend and the grouping and filtering from Tab stops,
 * the date cursor moved with Shift and the arrows (its name the day and
 * what was in force, the core's answer), its list in full, and removing
 * it. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *focus, *popover, *check, *list, *row;
  NichiroDate day;
  g_autoptr(GPtrArray) in_force = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *unnamed = NULL;
  guint legend = 0;

  /* The legend: a Tab stop; its rows each named, every mark there. */
  focus = tab_to_menu_button (fixture, "Legend");
  popover = activate_menu_button (focus);
  collect_legend_marks (popover, &legend);
  g_assert_cmpuint (legend, ==, (1u << NICHIRO_TIMELINE_N_MARKS) - 1);
  gtk_popover_popdown (GTK_POPOVER (popover));
  settle ();

  /* Grouping and filtering: checks with their names, used with the keys. */
  focus = tab_to_menu_button (fixture, "Group and Filter Lanes");
  popover = activate_menu_button (focus);
  check = find_check (popover, "By Kind");
  g_assert_nonnull (check);
  gtk_widget_activate (check);
  settle ();
  g_assert_cmpstr (nichiro_timeline_get_group_by (fixture->timeline), ==, "kind");
  check = find_check (popover, "Wars and battles");
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_widget_activate (check);
  settle ();
  {
    g_auto(GStrv) hidden = NULL;

    g_object_get (fixture->timeline, "hidden-kinds", &hidden, NULL);
    g_assert_true (hidden != NULL && g_strv_contains ((const char * const *) hidden, "conflicts"));
  }
  gtk_widget_activate (check);
  settle ();
  nichiro_timeline_set_group_by (fixture->timeline, "none");
  gtk_popover_popdown (GTK_POPOVER (popover));
  settle ();

  /* The date cursor: Shift+Right sets it where the selection is; a screen
   * reader hears its day and how many were in force. */
  nichiro_session_select_id (fixture->session, "neutrality-pact-1941");
  settle ();
  gtk_widget_grab_focus (fixture->canvas);
  g_assert_cmpint (nichiro_session_get_cursor (fixture->session), ==, 0);
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_true (press_key (fixture->canvas, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpint (nichiro_session_get_cursor (fixture->session), !=, 0);
  day = nichiro_date_from_julian_day (nichiro_session_get_cursor (fixture->session));
  day_text = nichiro_date_format (&day);
  in_force = nichiro_in_force_on (bundled, &day);
  g_assert_cmpuint (in_force->len, >, 0);
  expected = g_strdup_printf ("Date cursor on %s, %u in force", day_text, in_force->len);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL, expected);

  /* Its list in full, from a Tab stop; Enter on a row selects it. */
  focus = tab_to_menu_button (fixture, "_Show All");
  popover = activate_menu_button (focus);
  list = find_child (popover, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), in_force->len - 1));
  g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), in_force->len));
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  unnamed = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, "");
  g_assert_nonnull (unnamed);
  gtk_widget_activate (row);
  settle ();
  g_assert_true (nichiro_session_get_selected (fixture->session) ==
                 ((const NichiroInForce *) g_ptr_array_index (in_force, 0))->entry);

  /* The next stop removes the cursor. */
  focus = tab_to_menu_button (fixture, "_Show All");
  focus = tab (fixture);
  g_assert_true (GTK_IS_BUTTON (focus));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (focus), GTK_ACCESSIBLE_PROPERTY_LABEL, "Remove the Date Cursor");
  g_assert_true (gtk_widget_activate (focus));
  nichiro_test_wait_for (NULL, cursor_removed, fixture->session);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) provider = timeline_test_init (&argc, &argv);
  int status;

  bundled = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/nichiro/timeline/reading/first-view", test_first_view);
  g_test_add ("/nichiro/timeline/reading/parts-fit", Fixture, NULL, set_up, test_parts_fit, tear_down);
  g_test_add ("/nichiro/timeline/reading/selection-whole", Fixture, NULL, set_up, test_selection_whole, tear_down);
  g_test_add ("/nichiro/timeline/reading/walk", Fixture, GINT_TO_POINTER (FALSE), set_up, test_walk, tear_down);
  g_test_add ("/nichiro/timeline/reading/walk-rtl", Fixture, GINT_TO_POINTER (TRUE), set_up, test_walk, tear_down);
  g_test_add ("/nichiro/timeline/reading/no-plus-one", Fixture, NULL, set_up, test_no_plus_one, tear_down);
  g_test_add ("/nichiro/timeline/reading/legend", Fixture, NULL, set_up, test_legend, tear_down);
  g_test_add ("/nichiro/timeline/reading/groups-and-filters", Fixture, NULL, set_up, test_groups_and_filters, tear_down);
  g_test_add ("/nichiro/timeline/reading/go-to-year", Fixture, NULL, set_up, test_go_to_year, tear_down);
  g_test_add ("/nichiro/timeline/reading/keyboard", Fixture, NULL, set_up, test_keyboard, tear_down);
  g_test_add ("/nichiro/timeline/reading/in-force-list", Fixture, NULL, set_up, test_in_force_list, tear_down);

  status = g_test_run ();

  g_clear_object (&bundled);
  return status;
}
