/* nichiro-map-canvas-keys.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include "nichiro-map-canvas-private.h"

/* The keys, bound to the canvas's actions: the arrows pan by an eighth of
 * the view, + and − zoom, 0 shows the whole frontier again. They work
 * while the map or one of its markers has the focus; Tab walks through
 * the markers, areas first. */

#define PAN_FRACTION 0.125

static void
pan_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  NichiroMapCanvas *self = NICHIRO_MAP_CANVAS (widget);
  double dx, dy;

  g_variant_get (parameter, "(dd)", &dx, &dy);
  _nichiro_map_canvas_pan_by (self,
                              dx * gtk_widget_get_width (widget) * PAN_FRACTION,
                              dy * gtk_widget_get_height (widget) * PAN_FRACTION);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nichiro_map_canvas_zoom_in (NICHIRO_MAP_CANVAS (widget));
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  nichiro_map_canvas_zoom_out (NICHIRO_MAP_CANVAS (widget));
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  nichiro_map_canvas_zoom_fit (NICHIRO_MAP_CANVAS (widget));
}

void
_nichiro_map_canvas_class_init_keys (GtkWidgetClass *widget_class)
{
  /* The view moves the way the arrow points: Left shows what is west. */
  static const struct
  {
    guint key;
    double dx;
    double dy;
  } pans[] = {
    { GDK_KEY_Left, 1, 0 }, { GDK_KEY_KP_Left, 1, 0 },
    { GDK_KEY_Right, -1, 0 }, { GDK_KEY_KP_Right, -1, 0 },
    { GDK_KEY_Up, 0, 1 }, { GDK_KEY_KP_Up, 0, 1 },
    { GDK_KEY_Down, 0, -1 }, { GDK_KEY_KP_Down, 0, -1 },
  };

  gtk_widget_class_install_action (widget_class, "map.pan", "(dd)", pan_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_fit_action);

  for (guint i = 0; i < G_N_ELEMENTS (pans); i++)
    gtk_widget_class_add_binding_action (widget_class, pans[i].key, 0, "map.pan", "(dd)", pans[i].dx, pans[i].dy);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "map.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "map.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "map.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "map.zoom-fit", NULL);
}
