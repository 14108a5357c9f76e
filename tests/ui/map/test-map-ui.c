/* test-map-ui.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nichiro-cli.h"
#include "nichiro-map.h"
#include "nichiro-map-canvas.h"
#include "nichiro-map-legend.h"
#include "nichiro-map-marker.h"
#include "nichiro-territory.h"
#include "nichiro-test-ui.h"
#include "nichiro-detail-view.h"
#include "nichiro-timeline.h"
#include "nichiro-window.h"

/* The frontier map in a real window on the test's private display, with
 * the bundled dataset: it follows the date cursor and the selection, shows
 * what `nichiro --territory` says on a thousand days, opens an area's
 * changes and a place's entries, answers the keys and the pointer, and
 * says in words what it draws. */

static NichiroDataset *bundled;

typedef struct
{
  NichiroSession *session;
  GtkWindow *window;
  NichiroMap *map;
  NichiroMapCanvas *canvas;
} Fixture;

static void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static gboolean
is_drawn (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (GTK_WIDGET (fixture->canvas)) && gtk_widget_get_width (GTK_WIDGET (fixture->canvas)) > 0
         && nichiro_map_get_day (fixture->map) != 0;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->session = nichiro_session_new (bundled, NULL);
  fixture->map = NICHIRO_MAP (nichiro_map_new ());
  fixture->canvas = NICHIRO_MAP_CANVAS (nichiro_map_get_canvas (fixture->map));
  nichiro_map_set_session (fixture->map, fixture->session);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (fixture->window, FALSE);
  gtk_window_set_default_size (fixture->window, 800, 640);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->map));
  gtk_window_present (fixture->window);
  nichiro_test_wait_for (NULL, is_drawn, fixture);
  settle ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  settle ();
  g_clear_object (&fixture->session);
}

static gint64
day_of (const char *iso)
{
  NichiroDate date;

  g_assert_true (nichiro_date_parse (iso, &date));
  return nichiro_date_to_julian_day (&date);
}

static const char *
shown_holder (Fixture    *fixture,
              const char *area)
{
  const NichiroAreaChange *change = nichiro_map_canvas_get_shown_change (fixture->canvas, area);

  return change != NULL ? change->holder : NULL;
}

static gboolean
press_key (GtkWidget       *widget,
           guint            keyval,
           GdkModifierType  modifiers)
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
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger)
              && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              gboolean handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                                               gtk_shortcut_get_arguments (shortcut));
              settle ();
              return handled;
            }
        }
    }

  g_error ("%s has no binding for %s", G_OBJECT_TYPE_NAME (widget), gdk_keyval_name (keyval));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return GTK_EVENT_CONTROLLER (controller);
    }

  g_error ("%s has no %s", G_OBJECT_TYPE_NAME (widget), g_type_name (type));
}

/* The popover, once something has opened it. */
static GtkPopover *
find_popover (Fixture *fixture)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->map));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return GTK_POPOVER (child);

  return NULL;
}

static gboolean
popover_shown (Fixture *fixture)
{
  GtkPopover *popover = find_popover (fixture);

  return popover != NULL && gtk_widget_get_visible (GTK_WIDGET (popover));
}

/* The activatable rows of the popover's list. */
static GPtrArray *
popover_rows (GtkPopover *popover)
{
  GtkWidget *list = nichiro_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX, NULL);
  GPtrArray *rows = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
      g_ptr_array_add (rows, row);

  return rows;
}

/* Tests */

/* The day is the cursor's; with no cursor, the selected entry's, the last
 * day of its month when it is known to the month; with neither, the end of
 * the period. The map redraws for each. */
static void
test_follows_cursor_and_selection (Fixture       *fixture,
                                   gconstpointer  data)
{
  nichiro_session_set_cursor (fixture->session, day_of ("1922-06-01"));
  settle ();
  g_assert_cmpint (nichiro_map_get_day (fixture->map), ==, day_of ("1922-06-01"));
  g_assert_cmpstr (shown_holder (fixture, "northern-sakhalin"), ==, "japan");
  g_assert_cmpint (nichiro_map_canvas_get_shown_change (fixture->canvas, "northern-sakhalin")->status, ==,
                   NICHIRO_AREA_OCCUPIED);
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (fixture->map), "1 June 1922"));
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (fixture->map), "At the timeline’s date cursor"));

  /* The cursor moves: the map follows at once. */
  nichiro_session_set_cursor (fixture->session, day_of ("1925-05-15"));
  g_assert_cmpstr (shown_holder (fixture, "northern-sakhalin"), ==, "ussr");

  /* No cursor: the selected entry's date. */
  nichiro_session_select_id (fixture->session, "portsmouth-1905");
  nichiro_session_set_cursor (fixture->session, 0);
  settle ();
  g_assert_cmpint (nichiro_map_get_day (fixture->map), ==, day_of ("1905-09-05"));
  g_assert_cmpstr (shown_holder (fixture, "southern-sakhalin"), ==, "japan");
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (fixture->map),
                                                   "Date of the selected entry: Treaty of Portsmouth"));

  /* Dated to the month (April 1920): by the end of it. */
  nichiro_session_select_id (fixture->session, "northern-sakhalin-occupation-1920");
  g_assert_cmpint (nichiro_map_get_day (fixture->map), ==, day_of ("1920-04-30"));
  g_assert_cmpstr (shown_holder (fixture, "northern-sakhalin"), ==, "japan");

  /* Neither: the end of the period. */
  nichiro_session_set_selected (fixture->session, NULL);
  g_assert_cmpint (nichiro_map_get_day (fixture->map), ==, day_of ("1956-12-31"));
  g_assert_cmpint (nichiro_map_canvas_get_shown_change (fixture->canvas, "shikotan")->status, ==, NICHIRO_AREA_PROMISED);
}

static char *captured;

static void
capture_print_cb (const char *text)
{
  char *joined = g_strconcat (captured ? captured : "", text, NULL);

  g_free (captured);
  captured = joined;
}

/* What `nichiro --territory DAY --json` prints, run in this process: the
 * whole command line, parsing and loading included. */
static JsonNode *
territory_json_from_command_line (const char *day)
{
  g_auto(NichiroCliOptions) options = { 0, };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  GPrintFunc previous;
  int status;

  options.territory = g_strdup (day);
  options.json = TRUE;
  g_clear_pointer (&captured, g_free);
  previous = g_set_print_handler (capture_print_cb);
  status = nichiro_cli_run (&options, NULL);
  g_set_print_handler (previous);

  g_assert_cmpint (status, ==, NICHIRO_EXIT_OK);
  json_parser_load_from_data (parser, captured, -1, &error);
  g_assert_no_error (error);
  return json_node_ref (json_parser_get_root (parser));
}

/* One source of truth: on a thousand random days the map draws each area
 * for the holder, title, entry and article `nichiro --territory --json`
 * gives, and its marker names that holder. Every twentieth day goes
 * through the whole command line; the others through the function it
 * prints (which test-cli holds to the printed output). */
static void
test_random_days_agree_with_command_line (Fixture       *fixture,
                                          gconstpointer  data)
{
  gint64 first = day_of ("1850-01-01"), last = day_of ("1960-12-31");

  for (guint i = 0; i < 1000; i++)
    {
      gint64 day = g_test_rand_int_range (first, last + 1);
      NichiroDate date = nichiro_date_from_julian_day (day);
      g_autofree char *iso = nichiro_date_to_iso (&date);
      g_autoptr(JsonNode) root = NULL;
      JsonArray *areas;

      nichiro_session_set_cursor (fixture->session, day);
      if (i % 20 == 0)
        root = territory_json_from_command_line (iso);
      else
        root = nichiro_territory_to_json (bundled, day);
      areas = json_object_get_array_member (json_node_get_object (root), "areas");
      g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "date"), ==, iso);
      g_assert_cmpuint (json_array_get_length (areas), ==, 8);

      for (guint a = 0; a < json_array_get_length (areas); a++)
        {
          JsonObject *area = json_array_get_object_element (areas, a);
          const char *id = json_object_get_string_member (area, "id");
          const NichiroAreaChange *shown = nichiro_map_canvas_get_shown_change (fixture->canvas, id);

          if (json_object_get_null_member (area, "holder"))
            {
              g_assert_null (shown);
              continue;
            }

          g_assert_nonnull (shown);
          g_assert_cmpstr (shown->holder, ==, json_object_get_string_member (area, "holder"));
          g_assert_cmpstr (nichiro_area_status_to_string (shown->status), ==, json_object_get_string_member (area, "status"));
          g_assert_cmpstr (shown->entry, ==, json_object_get_string_member (area, "entry"));
          g_assert_cmpstr (shown->article, ==, json_object_get_string_member_with_default (area, "article", NULL));

          if (i % 50 == 0)
            {
              NichiroMapMarker *marker = NICHIRO_MAP_MARKER (nichiro_map_canvas_get_area_marker (fixture->canvas, id));
              const char *name = nichiro_territory_holder_name (bundled, shown->holder, NICHIRO_LANGUAGE_EN);

              settle ();
              g_assert_true (g_str_has_prefix (nichiro_map_marker_get_holding (marker), name));
            }
        }
    }

  g_clear_pointer (&captured, g_free);
}

/* The text twin: the canvas's description is the holdings on the day. */
static void
test_text_twin (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *expected = NULL;
  g_autofree char *legend = NULL;
  GtkWidget *marker;

  nichiro_session_set_cursor (fixture->session, day_of ("1910-01-01"));
  settle ();
  expected = nichiro_territory_dup_description (bundled, day_of ("1910-01-01"), NICHIRO_LANGUAGE_EN, NICHIRO_LANGUAGE_EN);
  g_assert_true (g_str_has_prefix (expected, "On 1 January 1910: Northern Sakhalin — Russia, by treaty, since 1905"));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (fixture->canvas), GTK_ACCESSIBLE_PROPERTY_LABEL, "Frontier map");

  /* Each marker says its area's line of it. */
  marker = nichiro_map_canvas_get_area_marker (fixture->canvas, "southern-sakhalin");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (marker), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Southern Sakhalin (Karafuto) — Japan, by treaty, since 1905 "
                                       "(Treaty of Portsmouth, Art. IX)");

  /* The legend names what the map shows that day. */
  legend = nichiro_map_legend_dup_text (NICHIRO_MAP_LEGEND (nichiro_test_find_widget (GTK_WIDGET (fixture->map),
                                                                                      NICHIRO_TYPE_MAP_LEGEND, NULL)));
  g_assert_cmpstr (legend, ==, "Japan\nRussia\nTreaty frontier\nPlace of an entry\n");

  /* Shared and occupied are named in the legend, not left to colour. */
  nichiro_session_set_cursor (fixture->session, day_of ("1860-01-01"));
  g_free (legend);
  legend = nichiro_map_legend_dup_text (NICHIRO_MAP_LEGEND (nichiro_test_find_widget (GTK_WIDGET (fixture->map),
                                                                                      NICHIRO_TYPE_MAP_LEGEND, NULL)));
  g_assert_nonnull (strstr (legend, "Shared, undivided (striped)"));
  nichiro_session_set_cursor (fixture->session, day_of ("1922-01-01"));
  g_free (legend);
  legend = nichiro_map_legend_dup_text (NICHIRO_MAP_LEGEND (nichiro_test_find_widget (GTK_WIDGET (fixture->map),
                                                                                      NICHIRO_TYPE_MAP_LEGEND, NULL)));
  g_assert_nonnull (strstr (legend, "Occupied (hatched)"));
}

static gboolean
cross (graphene_point_t p1,
       graphene_point_t p2,
       graphene_point_t q1,
       graphene_point_t q2)
{
  double d1 = (q2.x - q1.x) * (p1.y - q1.y) - (q2.y - q1.y) * (p1.x - q1.x);
  double d2 = (q2.x - q1.x) * (p2.y - q1.y) - (q2.y - q1.y) * (p2.x - q1.x);
  double d3 = (p2.x - p1.x) * (q1.y - p1.y) - (p2.y - p1.y) * (q1.x - p1.x);
  double d4 = (p2.x - p1.x) * (q2.y - p1.y) - (p2.y - p1.y) * (q2.x - p1.x);

  return d1 * d2 < 0 && d3 * d4 < 0;
}

/* At every size, from a small window's map to a wide one's, no two
 * leader lines cross: each marker's line goes to its own area. */
static void
test_leaders_do_not_cross (Fixture       *fixture,
                           gconstpointer  data)
{
  static const char * const areas[] = {
    "northern-sakhalin", "southern-sakhalin", "kurils-north", "urup", "etorofu", "kunashiri", "shikotan", "habomai",
  };
  static const struct
  {
    int width;
    int height;
  } sizes[] = { { 800, 640 }, { 420, 240 }, { 480, 260 }, { 560, 300 }, { 640, 420 }, { 1100, 500 }, { 1600, 760 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gtk_widget_set_size_request (GTK_WIDGET (fixture->map), sizes[s].width, sizes[s].height);
      gtk_window_set_default_size (fixture->window, sizes[s].width, sizes[s].height);
      gtk_widget_queue_resize (GTK_WIDGET (fixture->map));
      settle ();
      nichiro_map_canvas_zoom_fit (fixture->canvas);
      settle ();

      for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
        for (guint j = i + 1; j < G_N_ELEMENTS (areas); j++)
          {
            graphene_point_t a_from, a_to, b_from, b_to;

            if (!nichiro_map_canvas_get_leader (fixture->canvas, areas[i], &a_from, &a_to)
                || !nichiro_map_canvas_get_leader (fixture->canvas, areas[j], &b_from, &b_to))
              continue;
            g_test_message ("%d×%d: %s and %s", sizes[s].width, sizes[s].height, areas[i], areas[j]);
            g_assert_false (cross (a_from, a_to, b_from, b_to));
          }
    }
}

/* Every area can be reached from the keyboard: Tab from the map walks
 * through all their markers, then the pins. */
static void
test_keyboard_reaches_every_area (Fixture       *fixture,
                                  gconstpointer  data)
{
  static const char * const areas[] = {
    "northern-sakhalin", "southern-sakhalin", "kurils-north", "urup", "etorofu", "kunashiri", "shikotan", "habomai",
  };
  g_autoptr(GHashTable) reached = g_hash_table_new (NULL, NULL);

  gtk_widget_grab_focus (GTK_WIDGET (fixture->canvas));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (fixture->canvas)));

  for (guint i = 0; i < 40; i++)
    {
      GtkWidget *focus;

      if (!gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD))
        break;
      focus = gtk_window_get_focus (fixture->window);
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (fixture->canvas)))
        continue;
      g_hash_table_add (reached, focus);
    }

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_test_message ("%s", areas[i]);
      g_assert_true (g_hash_table_contains (reached, nichiro_map_canvas_get_area_marker (fixture->canvas, areas[i])));
    }
  g_assert_true (g_hash_table_contains (reached, nichiro_map_canvas_get_place_marker (fixture->canvas, "korsakov")));
}

/* The keys pan and zoom; 0 shows the whole frontier again. */
static void
test_keys_pan_and_zoom (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  double lon, lat, scale, lon2, lat2, scale2, fit_lon, fit_lat, fit_scale;

  nichiro_map_canvas_get_view (fixture->canvas, &fit_lon, &fit_lat, &fit_scale);

  g_assert_true (press_key (canvas, GDK_KEY_plus, 0));
  nichiro_map_canvas_get_view (fixture->canvas, &lon, &lat, &scale);
  g_assert_cmpfloat_with_epsilon (scale, fit_scale * 1.5, 1e-9);

  g_assert_true (press_key (canvas, GDK_KEY_Right, 0));
  nichiro_map_canvas_get_view (fixture->canvas, &lon2, &lat2, &scale2);
  g_assert_cmpfloat (lon2, >, lon);
  g_assert_cmpfloat (lat2, ==, lat);

  g_assert_true (press_key (canvas, GDK_KEY_Up, 0));
  nichiro_map_canvas_get_view (fixture->canvas, &lon, &lat, &scale);
  g_assert_cmpfloat (lat, >, lat2);

  g_assert_true (press_key (canvas, GDK_KEY_minus, 0));
  g_assert_true (press_key (canvas, GDK_KEY_minus, 0));
  nichiro_map_canvas_get_view (fixture->canvas, NULL, NULL, &scale);
  g_assert_cmpfloat (scale, <, fit_scale);

  g_assert_true (press_key (canvas, GDK_KEY_0, 0));
  nichiro_map_canvas_get_view (fixture->canvas, &lon, &lat, &scale);
  g_assert_cmpfloat (lon, ==, fit_lon);
  g_assert_cmpfloat (lat, ==, fit_lat);
  g_assert_cmpfloat (scale, ==, fit_scale);

  /* The buttons do as the keys. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->map), "map.zoom-in", NULL));
  nichiro_map_canvas_get_view (fixture->canvas, NULL, NULL, &scale);
  g_assert_cmpfloat (scale, >, fit_scale);
}

/* Dragging pans, scrolling pans, pinching zooms. */
static void
test_pointer_pans_and_zooms (Fixture       *fixture,
                             gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  GtkEventController *drag = find_controller (canvas, GTK_TYPE_GESTURE_DRAG);
  GtkEventController *scroll = find_controller (canvas, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  GtkEventController *zoom = find_controller (canvas, GTK_TYPE_GESTURE_ZOOM);
  double lon, lat, scale, lon2, lat2, scale2;
  gboolean handled;

  nichiro_map_canvas_get_view (fixture->canvas, &lon, &lat, &scale);

  /* The land follows the pointer: dragging right shows what is west. */
  g_signal_emit_by_name (drag, "drag-begin", 100.0, 100.0);
  g_signal_emit_by_name (drag, "drag-update", 60.0, 0.0);
  nichiro_map_canvas_get_view (fixture->canvas, &lon2, &lat2, &scale2);
  g_assert_cmpfloat_with_epsilon (lon2, lon - 60.0 / (scale * 0.6626), 0.01);
  g_assert_cmpfloat (lat2, ==, lat);

  /* Two fingers on a touchpad move the map. */
  g_signal_emit_by_name (scroll, "scroll", 0.0, 30.0, &handled);
  g_assert_true (handled);
  nichiro_map_canvas_get_view (fixture->canvas, &lon, &lat, &scale);
  g_assert_cmpfloat (lat, <, lat2);

  /* A pinch zooms. */
  g_signal_emit_by_name (zoom, "begin", NULL);
  g_signal_emit_by_name (zoom, "scale-changed", 2.0);
  nichiro_map_canvas_get_view (fixture->canvas, NULL, NULL, &scale2);
  g_assert_cmpfloat_with_epsilon (scale2, scale * 2, 1e-9);
}

/* An area's marker lists its changes; a row opens the instrument. */
static void
test_area_lists_changes (Fixture       *fixture,
                         gconstpointer  data)
{
  const NichiroArea *area = nichiro_frontier_lookup_area (nichiro_dataset_get_frontier (bundled), "northern-sakhalin");
  GtkWidget *marker = nichiro_map_canvas_get_area_marker (fixture->canvas, "northern-sakhalin");
  GtkPopover *popover;
  g_autoptr(GPtrArray) rows = NULL;

  /* Made when first needed. */
  g_assert_null (find_popover (fixture));
  nichiro_session_set_cursor (fixture->session, day_of ("1930-01-01"));
  g_signal_emit_by_name (marker, "clicked");
  settle ();
  g_assert_true (popover_shown (fixture));
  popover = find_popover (fixture);
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (popover), "Northern Sakhalin"));
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (popover), "Soviet–Japanese Basic Convention, Art. III (Protocol A)"));
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (popover), "In force on the day the map shows"));

  rows = popover_rows (popover);
  g_assert_cmpuint (rows->len, ==, area->n_changes);
  g_signal_emit_by_name (nichiro_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX, NULL),
                         "row-activated", g_ptr_array_index (rows, 3));
  settle ();
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, area->changes[3].entry);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
}

/* A click on an island's land opens its area's changes. */
static void
test_click_on_land (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  GtkEventController *click = find_controller (canvas, GTK_TYPE_GESTURE_CLICK);
  const NichiroArea *etorofu = nichiro_frontier_lookup_area (nichiro_dataset_get_frontier (bundled), "etorofu");
  double lon, lat, scale, x, y;

  /* Centre the view on Etorofu's anchor and click the middle. */
  nichiro_map_canvas_get_view (fixture->canvas, &lon, &lat, &scale);
  nichiro_map_canvas_set_view (fixture->canvas, etorofu->anchor.lon, etorofu->anchor.lat, 120);
  settle ();
  x = gtk_widget_get_width (canvas) / 2.0;
  y = gtk_widget_get_height (canvas) / 2.0;
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  settle ();

  g_assert_true (popover_shown (fixture));
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (find_popover (fixture)), "Etorofu (Iturup)"));
}

/* A pin selects what happened at its place: the entry itself, or one
 * chosen from a list. */
static void
test_pins_select_entries (Fixture       *fixture,
                          gconstpointer  data)
{
  GtkWidget *nikolayevsk = nichiro_map_canvas_get_place_marker (fixture->canvas, "nikolayevsk");
  GtkWidget *aleksandrovsk = nichiro_map_canvas_get_place_marker (fixture->canvas, "aleksandrovsk");
  GtkPopover *popover;
  g_autoptr(GPtrArray) rows = NULL;

  /* Places outside the map's region and whole regions get no pin. */
  g_assert_null (nichiro_map_canvas_get_place_marker (fixture->canvas, "portsmouth-navy-yard"));
  g_assert_null (nichiro_map_canvas_get_place_marker (fixture->canvas, "kuril-islands"));

  g_assert_nonnull (nikolayevsk);
  g_signal_emit_by_name (nikolayevsk, "clicked");
  settle ();
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==, "nikolayevsk-incident-1920");
  g_assert_false (popover_shown (fixture));

  g_signal_emit_by_name (aleksandrovsk, "clicked");
  settle ();
  g_assert_true (popover_shown (fixture));
  popover = find_popover (fixture);
  rows = popover_rows (popover);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_nonnull (nichiro_test_find_shown_label (GTK_WIDGET (popover), "Japanese occupation of northern Sakhalin"));
  g_signal_emit_by_name (nichiro_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX, NULL),
                         "row-activated", g_ptr_array_index (rows, 1));
  settle ();
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (fixture->session)), ==,
                   "northern-sakhalin-occupation-1920");
}

/* A map not yet shown has read nothing: start-up does not pay for it. */
static void
test_loads_when_shown (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (bundled, NULL);
  GtkWidget *map = g_object_ref_sink (nichiro_map_new ());
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *stack = gtk_stack_new ();
  Fixture fixture = { session, window, NICHIRO_MAP (map), NICHIRO_MAP_CANVAS (nichiro_map_get_canvas (NICHIRO_MAP (map))) };

  nichiro_map_set_session (NICHIRO_MAP (map), session);
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("first"), "first");
  gtk_stack_add_named (GTK_STACK (stack), map, "map");
  gtk_window_set_child (window, stack);
  gtk_window_present (window);
  settle ();
  g_assert_cmpint (nichiro_map_get_day (NICHIRO_MAP (map)), ==, 0);
  g_assert_null (nichiro_map_canvas_get_area_marker (fixture.canvas, "urup"));

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "map");
  nichiro_test_wait_for (NULL, is_drawn, &fixture);
  g_assert_nonnull (nichiro_map_canvas_get_area_marker (fixture.canvas, "urup"));

  gtk_window_destroy (window);
  settle ();
  g_assert_finalize_object (map);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_unmapped (gpointer data)
{
  return !gtk_widget_get_mapped (data);
}

/* In the window the map takes the details' place under the timeline
 * (Ctrl+M): the two are in view together while the cursor moves, and an
 * instrument opened from the map brings its details back. */
static void
test_in_window (void)
{
  g_autoptr(NichiroSession) session = nichiro_session_new (bundled, NULL);
  NichiroWindow *window = nichiro_window_new (NULL, session);
  GtkWidget *root = GTK_WIDGET (window);
  Fixture fixture = { session, GTK_WINDOW (window), NULL, NULL };
  GtkWidget *timeline, *detail, *marker;
  GtkPopover *popover;
  g_autoptr(GPtrArray) rows = NULL;
  const NichiroArea *area = nichiro_frontier_lookup_area (nichiro_dataset_get_frontier (bundled), "southern-sakhalin");
  guint n_parts = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  nichiro_test_wait_for (root, is_mapped, window);
  timeline = nichiro_test_find_widget (root, NICHIRO_TYPE_TIMELINE, NULL);
  detail = nichiro_test_find_widget (root, NICHIRO_TYPE_DETAIL_VIEW, NULL);

  /* Not even made at first: the first frame does not show it. */
  settle ();
  g_assert_null (nichiro_test_find_widget (root, NICHIRO_TYPE_MAP, NULL));

  g_assert_true (gtk_widget_activate_action (root, "win.toggle-map", NULL));
  fixture.map = NICHIRO_MAP (nichiro_test_find_widget (root, NICHIRO_TYPE_MAP, NULL));
  fixture.canvas = NICHIRO_MAP_CANVAS (nichiro_map_get_canvas (fixture.map));
  nichiro_test_wait_for (root, is_drawn, &fixture);
  g_assert_true (gtk_widget_get_mapped (timeline));
  g_assert_false (gtk_widget_get_mapped (detail));

  nichiro_session_set_cursor (session, day_of ("1910-01-01"));
  settle ();
  g_assert_cmpint (nichiro_map_get_day (fixture.map), ==, day_of ("1910-01-01"));

  /* Open Portsmouth from Southern Sakhalin's changes. */
  marker = nichiro_map_canvas_get_area_marker (fixture.canvas, "southern-sakhalin");
  g_signal_emit_by_name (marker, "clicked");
  settle ();
  g_assert_true (popover_shown (&fixture));
  popover = find_popover (&fixture);
  rows = popover_rows (popover);
  g_assert_cmpuint (rows->len, ==, area->n_changes);
  for (guint i = 0; i < area->n_changes; i++)
    if (g_strcmp0 (area->changes[i].entry, "portsmouth-1905") == 0)
      g_signal_emit_by_name (nichiro_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX, NULL),
                             "row-activated", g_ptr_array_index (rows, i));
  nichiro_test_wait_for (root, is_mapped, detail);
  nichiro_test_wait_for (root, is_unmapped, fixture.map);
  g_assert_cmpstr (nichiro_entry_get_id (nichiro_session_get_selected (session)), ==, "portsmouth-1905");
  nichiro_test_wait_for_label (root, "Treaty of Portsmouth");

  /* A chapter part chosen while the map is shown takes its place. */
  g_assert_true (gtk_widget_activate_action (root, "win.toggle-map", NULL));
  nichiro_test_wait_for (root, is_mapped, fixture.map);
  g_assert_true (nichiro_session_set_part (session, nichiro_dataset_get_parts (bundled, &n_parts)[0].id));
  nichiro_test_wait_for (root, is_unmapped, fixture.map);
  g_assert_false (gtk_widget_get_mapped (detail));
  nichiro_session_select_id (session, "portsmouth-1905");
  nichiro_test_wait_for (root, is_mapped, detail);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  if (!nichiro_test_init_display ())
    return 1;
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  bundled = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);

  g_test_add ("/nichiro/map/follows-cursor-and-selection", Fixture, NULL,
              fixture_set_up, test_follows_cursor_and_selection, fixture_tear_down);
  g_test_add ("/nichiro/map/random-days-agree-with-command-line", Fixture, NULL,
              fixture_set_up, test_random_days_agree_with_command_line, fixture_tear_down);
  g_test_add ("/nichiro/map/text-twin", Fixture, NULL, fixture_set_up, test_text_twin, fixture_tear_down);
  g_test_add ("/nichiro/map/keyboard-reaches-every-area", Fixture, NULL,
              fixture_set_up, test_keyboard_reaches_every_area, fixture_tear_down);
  g_test_add ("/nichiro/map/leaders-do-not-cross", Fixture, NULL,
              fixture_set_up, test_leaders_do_not_cross, fixture_tear_down);
  g_test_add ("/nichiro/map/keys-pan-and-zoom", Fixture, NULL, fixture_set_up, test_keys_pan_and_zoom, fixture_tear_down);
  g_test_add ("/nichiro/map/pointer-pans-and-zooms", Fixture, NULL,
              fixture_set_up, test_pointer_pans_and_zooms, fixture_tear_down);
  g_test_add ("/nichiro/map/area-lists-changes", Fixture, NULL, fixture_set_up, test_area_lists_changes, fixture_tear_down);
  g_test_add ("/nichiro/map/click-on-land", Fixture, NULL, fixture_set_up, test_click_on_land, fixture_tear_down);
  g_test_add ("/nichiro/map/pins-select-entries", Fixture, NULL, fixture_set_up, test_pins_select_entries, fixture_tear_down);
  g_test_add_func ("/nichiro/map/loads-when-shown", test_loads_when_shown);
  g_test_add_func ("/nichiro/map/in-window", test_in_window);

  status = g_test_run ();
  g_object_unref (bundled);
  return status;
}
