/* timeline-ui-common.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <math.h>

#include "nichiro-test-ui.h"
#include "nichiro-timeline.h"
#include "nichiro-timeline-canvas.h"

/* What the timeline's widget tests share: a timeline in a window of its
 * own on the test's display, settling, keys through the widget's bindings
 * as GTK would press them, clicks through its gesture, and rendering it
 * as a frame would. */

typedef struct
{
  NichiroSession *session;
  GtkWindow *window;
  NichiroTimeline *timeline;
  GtkWidget *canvas;
} Fixture;

static inline gboolean
is_drawn (gpointer data)
{
  Fixture *fixture = data;

  return gtk_widget_get_mapped (fixture->canvas) && gtk_widget_get_width (fixture->canvas) > 0;
}

/* Lets pending layout and drawing happen. */
static inline void
settle (void)
{
  for (guint i = 0; i < 20; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static inline void
show_timeline (Fixture        *fixture,
               NichiroDataset *dataset,
               int             width,
               int             height)
{
  fixture->session = nichiro_session_new (dataset, NULL);
  fixture->timeline = NICHIRO_TIMELINE (nichiro_timeline_new ());
  fixture->canvas = nichiro_timeline_get_canvas (fixture->timeline);
  nichiro_timeline_set_session (fixture->timeline, fixture->session);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (fixture->window, FALSE);
  gtk_window_set_default_size (fixture->window, width, height);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->timeline));
  gtk_window_present (fixture->window);
  nichiro_test_wait_for (NULL, is_drawn, fixture);
  settle ();
}

static inline void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  settle ();
  g_clear_object (&fixture->session);
}

static inline double
day (const char *iso)
{
  NichiroDate date;

  g_assert_true (nichiro_date_parse (iso, &date));
  return nichiro_date_to_julian_day (&date);
}

/* Presses a key the way GTK would: through the widget's key bindings. */
static inline gboolean
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

          if (GTK_IS_KEYVAL_TRIGGER (trigger) &&
              gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval &&
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
            {
              gboolean handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                               GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                               widget,
                                                               gtk_shortcut_get_arguments (shortcut));
              settle ();
              return handled;
            }
        }
    }

  g_error ("%s has no binding for %s", G_OBJECT_TYPE_NAME (widget), gdk_keyval_name (keyval));
}

static inline GtkEventController *
find_gesture_or_controller (GtkWidget *widget,
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

static inline GtkGesture *
find_gesture (GtkWidget *widget,
              GType      type)
{
  return GTK_GESTURE (find_gesture_or_controller (widget, type));
}

/* A click at (@x, @y) as the click gesture reports it. */
static inline void
click (GtkWidget *widget,
       double     x,
       double     y)
{
  GtkGesture *gesture = find_gesture (widget, GTK_TYPE_GESTURE_CLICK);

  g_signal_emit_by_name (gesture, "pressed", 1, x, y);
  g_signal_emit_by_name (gesture, "released", 1, x, y);
  settle ();
}

static inline const char *
selected_id (Fixture *fixture)
{
  NichiroEntry *selected = nichiro_session_get_selected (fixture->session);

  return selected ? nichiro_entry_get_id (selected) : NULL;
}

static inline double
visible_span (Fixture *fixture)
{
  double start, end;

  nichiro_session_get_visible_range (fixture->session, &start, &end);
  return end - start;
}

static inline GtkWidget *
find_child (GtkWidget *root,
            GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      found = find_child (child, type);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static inline GdkTexture *
render (GtkWidget *widget,
        int        width,
        int        height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GskRenderer) renderer = gsk_cairo_renderer_new ();
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  gsk_renderer_realize (renderer, NULL, &error);
  g_assert_no_error (error);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_renderer_unrealize (renderer);
  return texture;
}

/* Options common to every timeline test program: the application's style
 * sheet, light colours, and for repeatable pixels one font and no
 * animations. */
static inline GtkCssProvider *
timeline_test_init (int    *argc,
                    char ***argv)
{
  GtkCssProvider *provider = gtk_css_provider_new ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  gtk_css_provider_load_from_resource (provider, "/io/github/nichiro/Nichiro/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_object_set (gtk_settings_get_default (),
                "gtk-enable-animations", FALSE,
                "gtk-font-name", "DejaVu Sans 10",
                "gtk-xft-antialias", 1,
                "gtk-xft-hinting", 1,
                "gtk-xft-hintstyle", "hintslight",
                "gtk-xft-rgba", "none",
                "gtk-xft-dpi", 96 * 1024,
                NULL);
  return provider;
}
