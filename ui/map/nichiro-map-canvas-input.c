/* nichiro-map-canvas-input.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include <math.h>

#include "nichiro-map-canvas-private.h"

/* The pointer and the touchpad, as on the timeline: drag or scroll to
 * pan, Ctrl+scroll or pinch to zoom, double-click to zoom in there. A
 * click on an area lists its changes of holder; hovering outlines it. */

#define WHEEL_STEP 40.0

/* Callbacks */

static void
drag_begin_cb (NichiroMapCanvas *self,
               double            x,
               double            y,
               GtkGestureDrag   *gesture)
{
  self->drag_lon = self->centre_lon;
  self->drag_lat = self->centre_lat;
}

static void
drag_update_cb (NichiroMapCanvas *self,
                double            dx,
                double            dy,
                GtkGestureDrag   *gesture)
{
  /* From where the drag began, so that rounding does not add up. A click
   * that moves this far is no click: its gesture gives up by itself. */
  self->centre_lon = self->drag_lon;
  self->centre_lat = self->drag_lat;
  _nichiro_map_canvas_pan_by (self, dx, dy);
}

static void
click_released_cb (NichiroMapCanvas *self,
                   int               n_press,
                   double            x,
                   double            y,
                   GtkGestureClick  *gesture)
{
  int area;

  if (n_press == 2)
    {
      _nichiro_map_canvas_zoom_around (self, NICHIRO_MAP_ZOOM_STEP, x, y);
      return;
    }
  if (n_press != 1)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  area = _nichiro_map_canvas_area_at (self, x, y);
  if (area >= 0)
    _nichiro_map_canvas_activate_area (self, area, GTK_WIDGET (self), x, y);
}

static gboolean
scroll_cb (NichiroMapCanvas         *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (state & GDK_CONTROL_MASK)
    {
      _nichiro_map_canvas_zoom_around (self, pow (NICHIRO_MAP_ZOOM_STEP, -dy * (wheel ? 1 : 0.1)),
                                       self->pointer_x, self->pointer_y);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  _nichiro_map_canvas_pan_by (self, -dx * (wheel ? WHEEL_STEP : 1), -dy * (wheel ? WHEEL_STEP : 1));
  return TRUE;
}

static void
zoom_begin_cb (NichiroMapCanvas *self,
               GdkEventSequence *sequence,
               GtkGestureZoom   *gesture)
{
  self->zoom_start_scale = self->scale;
}

static void
zoom_scale_changed_cb (NichiroMapCanvas *self,
                       double            scale,
                       GtkGestureZoom   *gesture)
{
  double x, y;

  if (!gtk_gesture_is_active (GTK_GESTURE (gesture))
      || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  _nichiro_map_canvas_zoom_around (self, self->zoom_start_scale * scale / self->scale, x, y);
}

static void
motion_cb (NichiroMapCanvas         *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  int area = _nichiro_map_canvas_area_at (self, x, y);

  self->pointer_x = x;
  self->pointer_y = y;
  if (area != self->hover_area)
    {
      self->hover_area = area;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), area >= 0 ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (NichiroMapCanvas         *self,
          GtkEventControllerMotion *controller)
{
  if (self->hover_area >= 0)
    {
      self->hover_area = -1;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Private API */

void
_nichiro_map_canvas_init_input (NichiroMapCanvas *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_object (zoom, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}
