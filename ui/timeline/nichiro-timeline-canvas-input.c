/* nichiro-timeline-canvas-input.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <math.h>

#include "nichiro-timeline-canvas-private.h"

/* The pointer on the canvas: a click selects an entry or opens a cluster;
 * the date cursor is set on purpose, by a click or a drag on the axis, or
 * a click with Shift anywhere, never by a click that missed an entry; a
 * double click zooms to an entry; a drag pans (past the content it
 * resists, and springs back), or moves the cursor when it starts on it;
 * the wheel and the touchpad pan, and zoom with Control; two fingers
 * zoom; hovering highlights and sets the pointer's shape. Everything it
 * does it writes to the session (visible range, selection, cursor).
 * Positions are mirrored into logical coordinates on the way in. */

#define WHEEL_PAN_PIXELS 48.0
#define CURSOR_GRAB_DISTANCE 6.0

static void
click_pressed_cb (NichiroTimelineCanvas *self,
                  int                    n_press,
                  double                 x,
                  double                 y,
                  GtkGestureClick       *gesture)
{
  guint index;

  if (n_press == 2 && _nichiro_timeline_canvas_hit_at (self, x, y, &index) == NICHIRO_TIMELINE_HIT_ITEM)
    {
      const NichiroTimelineItem *item = _nichiro_timeline_canvas_get_item (self, index);

      _nichiro_timeline_canvas_zoom_to_span (self, item->start, item->end);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
    }
}

static void
place_cursor_at (NichiroTimelineCanvas *self,
                 double                 x)
{
  NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);
  double time = view.start + x / view.scale;

  if (self->session != NULL && time >= 1)
    nichiro_session_set_cursor (self->session, (gint64) floor (time));
}

static gboolean
on_axis (NichiroTimelineCanvas *self,
         double                 y)
{
  return y >= _nichiro_timeline_canvas_axis_top (self);
}

static void
click_released_cb (NichiroTimelineCanvas *self,
                   int                    n_press,
                   double                 x,
                   double                 y,
                   GtkGestureClick       *gesture)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  guint index;

  if (n_press != 1 || self->model == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self));

  /* The cursor, on purpose: on the axis, or with Shift. */
  if (on_axis (self, y) || (state & GDK_SHIFT_MASK))
    {
      place_cursor_at (self, _nichiro_timeline_canvas_logical_x (self, x));
      return;
    }

  switch (_nichiro_timeline_canvas_hit_at (self, x, y, &index))
    {
    case NICHIRO_TIMELINE_HIT_ITEM:
      self->selecting_by_pointer = TRUE;
      _nichiro_timeline_canvas_select_index (self, index);
      self->selecting_by_pointer = FALSE;
      break;

    case NICHIRO_TIMELINE_HIT_CLUSTER:
      _nichiro_timeline_canvas_activate_cluster (self, index);
      break;

    case NICHIRO_TIMELINE_HIT_NONE:
    default:
      /* Between entries: nothing; the view stays as it is. */
      break;
    }
}

static void
drag_begin_cb (NichiroTimelineCanvas *self,
               double                 x,
               double                 y,
               GtkGestureDrag        *gesture)
{
  NichiroTimelineView view;
  gint64 cursor;

  _nichiro_timeline_canvas_stop_animation (self);
  _nichiro_timeline_canvas_get_range (self, &self->drag_start, &self->drag_end);
  self->drag_x = _nichiro_timeline_canvas_logical_x (self, x);
  self->panning = FALSE;
  self->drag_cursor = FALSE;

  cursor = self->session ? nichiro_session_get_cursor (self->session) : 0;
  if (cursor != 0)
    {
      view = _nichiro_timeline_canvas_get_view (self);
      self->drag_cursor = fabs (nichiro_timeline_view_time_to_x (&view, cursor + 0.5) - self->drag_x) <= CURSOR_GRAB_DISTANCE;
    }

  /* On the axis, a drag scrubs the cursor through the days. */
  if (on_axis (self, y))
    self->drag_cursor = TRUE;

  if (self->drag_cursor)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_update_cb (NichiroTimelineCanvas *self,
                double                 dx,
                double                 dy,
                GtkGestureDrag        *gesture)
{
  double scale;

  if (_nichiro_timeline_canvas_is_rtl (self))
    dx = -dx;

  if (self->drag_cursor)
    {
      place_cursor_at (self, self->drag_x + dx);
      return;
    }

  if (!self->panning)
    {
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
        return;
      self->panning = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  scale = _nichiro_timeline_canvas_get_width (self) / (self->drag_end - self->drag_start);
  _nichiro_timeline_canvas_drag_range (self, self->drag_start - dx / scale, self->drag_end - dx / scale);
}

static void
drag_end_cb (NichiroTimelineCanvas *self,
             double                 dx,
             double                 dy,
             GtkGestureDrag        *gesture)
{
  if (self->panning)
    {
      gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
      _nichiro_timeline_canvas_settle_range (self);
    }
  self->panning = FALSE;
  self->drag_cursor = FALSE;
}

static gboolean
scroll_cb (NichiroTimelineCanvas    *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;
  double start, end;

  if (self->model == NULL)
    return FALSE;

  _nichiro_timeline_canvas_stop_animation (self);

  if (state & GDK_CONTROL_MASK)
    {
      double anchor = self->has_pointer ? self->pointer_x : _nichiro_timeline_canvas_get_width (self) / 2;

      _nichiro_timeline_canvas_zoom_around (self, exp (-dy * (wheel ? 0.25 : 0.01)), anchor, FALSE);
      return TRUE;
    }

  /* The wheel and both touchpad axes pan: there is nothing to scroll
   * vertically. */
  _nichiro_timeline_canvas_get_range (self, &start, &end);
  {
    /* A sideways swipe moves the content with the fingers, so it runs
     * the other way in time where the axis is mirrored; the wheel always
     * goes forward in time downwards. */
    double pixels = ((_nichiro_timeline_canvas_is_rtl (self) ? -dx : dx) + dy) * (wheel ? WHEEL_PAN_PIXELS : 1);
    double days = pixels * (end - start) / _nichiro_timeline_canvas_get_width (self);

    _nichiro_timeline_canvas_set_range (self, start + days, end + days);
  }

  return TRUE;
}

static void
zoom_begin_cb (NichiroTimelineCanvas *self,
               GdkEventSequence      *sequence,
               GtkGesture            *gesture)
{
  double x, y;

  /* Two fingers zoom; neither of them pans as well. */
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  _nichiro_timeline_canvas_stop_animation (self);
  _nichiro_timeline_canvas_get_range (self, &self->zoom_start, &self->zoom_end);
  if (gtk_gesture_is_active (gesture) && gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    self->zoom_anchor_x = _nichiro_timeline_canvas_logical_x (self, x);
  else
    self->zoom_anchor_x = _nichiro_timeline_canvas_get_width (self) / 2;
}

static void
zoom_scale_changed_cb (NichiroTimelineCanvas *self,
                       double                 scale,
                       GtkGestureZoom        *gesture)
{
  double width = _nichiro_timeline_canvas_get_width (self);
  double anchor = self->zoom_start + (self->zoom_end - self->zoom_start) * self->zoom_anchor_x / width;
  double span = (self->zoom_end - self->zoom_start) / MAX (scale, 1e-3);
  double start = anchor - span * self->zoom_anchor_x / width;

  _nichiro_timeline_canvas_set_range (self, start, start + span);
}

static void
motion_cb (NichiroTimelineCanvas    *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  guint index;
  int hover_item = -1, hover_cluster = -1;
  const char *cursor_name = NULL;
  gint64 cursor;

  self->pointer_x = _nichiro_timeline_canvas_logical_x (self, x);
  self->has_pointer = TRUE;

  if (self->panning)
    return;

  switch (_nichiro_timeline_canvas_hit_at (self, x, y, &index))
    {
    case NICHIRO_TIMELINE_HIT_ITEM:
      hover_item = index;
      cursor_name = "pointer";
      break;
    case NICHIRO_TIMELINE_HIT_CLUSTER:
      hover_cluster = index;
      cursor_name = "pointer";
      break;
    case NICHIRO_TIMELINE_HIT_NONE:
    default:
      break;
    }

  if (cursor_name == NULL && on_axis (self, y))
    cursor_name = "crosshair";

  cursor = self->session ? nichiro_session_get_cursor (self->session) : 0;
  if (cursor != 0 && cursor_name == NULL)
    {
      NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);

      if (fabs (nichiro_timeline_view_time_to_x (&view, cursor + 0.5) - self->pointer_x) <= CURSOR_GRAB_DISTANCE)
        cursor_name = "col-resize";
    }

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), cursor_name);

  if (hover_item != self->hover_item || hover_cluster != self->hover_cluster)
    {
      self->hover_item = hover_item;
      self->hover_cluster = hover_cluster;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
leave_cb (NichiroTimelineCanvas    *self,
          GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
  if (self->hover_item >= 0 || self->hover_cluster >= 0)
    {
      self->hover_item = -1;
      self->hover_cluster = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Click, drag, pinch, wheel and hover, in that order. */
void
_nichiro_timeline_canvas_init_input (NichiroTimelineCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkGesture *zoom = gtk_gesture_zoom_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  g_signal_connect_object (zoom, "begin", G_CALLBACK (zoom_begin_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (zoom));

  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, scroll);

  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, motion);
}
