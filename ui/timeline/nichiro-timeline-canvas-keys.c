/* nichiro-timeline-canvas-keys.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <math.h>

#include "nichiro-timeline-canvas-private.h"
#include "nichiro-timeline-ticks.h"

/* The keyboard on the canvas, which is one stop in the focus chain:
 * Left and Right walk through the entries shown, in time, keeping the
 * selection whole in view and the walk one step of history; Up and Down
 * move between lanes (a cluster is a stop too), Home and End to the first
 * and the last; plus and minus zoom around the selection, 0 returns to the
 * dataset's period, Page Up and Page Down turn a page of time; typing a
 * year, or Control+G, goes to a date; Enter or Space activates the
 * selection or lists a cluster; Shift with Left or Right moves the date
 * cursor by a step of the axis and Escape removes it. Right to left, Left
 * and Right swap, as the axis does. */

/* Moving with the keyboard shows where it is: GTK turns focus rings on for
 * Tab, not for the arrows a canvas handles itself. */
static void
show_focus (NichiroTimelineCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
}

static gboolean
step_in_time (NichiroTimelineCanvas *self,
              int                    direction)
{
  guint target;

  if (self->model == NULL || nichiro_timeline_groups_get_n_shown (self->groups) == 0)
    return FALSE;

  show_focus (self);
  if (_nichiro_timeline_canvas_is_rtl (self))
    direction = -direction;

  if (self->selected < 0 || !nichiro_timeline_groups_is_shown (self->groups, self->selected))
    {
      /* From nothing, the first entry in view going forward, the last
       * going back. */
      NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);
      double end = view.start + _nichiro_timeline_canvas_get_width (self) / view.scale;
      gint64 from = direction > 0
                    ? (gint64) nichiro_timeline_model_first_at_or_after (self->model, view.start)
                    : (gint64) nichiro_timeline_model_first_at_or_after (self->model, end) - 1;

      if (!_nichiro_timeline_canvas_shown_from (self, from, direction, &target) &&
          !_nichiro_timeline_canvas_shown_from (self, direction > 0 ? nichiro_timeline_model_get_n_items (self->model) - 1 : 0, -direction, &target))
        return TRUE;
    }
  else if (!nichiro_timeline_groups_step (self->groups, self->selected, direction, &target))
    {
      /* At either end: stay, and keep it in view. */
      target = self->selected;
    }

  _nichiro_timeline_canvas_walk_to_index (self, target);
  return TRUE;
}

static gboolean
previous_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  return step_in_time (NICHIRO_TIMELINE_CANVAS (widget), -1);
}

static gboolean
next_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  return step_in_time (NICHIRO_TIMELINE_CANVAS (widget), 1);
}

static gboolean
step_lane (NichiroTimelineCanvas *self,
           int                    direction)
{
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  guint n_lanes, n_clusters;
  int lane;
  double x;

  if (self->model == NULL)
    return FALSE;

  show_focus (self);
  view = _nichiro_timeline_canvas_get_view (self);
  layout = _nichiro_timeline_canvas_current_layout (self, &view);
  n_lanes = nichiro_timeline_layout_get_n_lanes (layout);

  if (self->focus_cluster >= 0)
    {
      double x1;

      lane = nichiro_timeline_layout_get_clusters (layout, &n_clusters)[self->focus_cluster].lane;
      nichiro_timeline_layout_get_cluster_geometry (layout, self->focus_cluster, &view, &x, &x1);
    }
  else if (self->selected >= 0 && nichiro_timeline_layout_get_lane (layout, self->selected) >= 0)
    {
      NichiroTimelineGeometry g;

      lane = nichiro_timeline_layout_get_lane (layout, self->selected);
      nichiro_timeline_item_get_geometry (_nichiro_timeline_canvas_get_item (self, self->selected), &self->metrics, &view, &g);
      x = g.x0;
    }
  else
    {
      return step_in_time (self, _nichiro_timeline_canvas_is_rtl (self) ? -1 : 1);
    }

  /* The nearest in the next lane that has anything, skipping empty ones. */
  for (lane += direction; lane >= 0 && lane < (int) n_lanes; lane += direction)
    {
      guint index;

      switch (nichiro_timeline_layout_nearest (layout, lane, &view, x, &index))
        {
        case NICHIRO_TIMELINE_HIT_ITEM:
          _nichiro_timeline_canvas_walk_to_index (self, index);
          return TRUE;

        case NICHIRO_TIMELINE_HIT_CLUSTER:
          self->focus_cluster = index;
          self->cursor_by_keys = FALSE;
          self->focus_cluster_scale = nichiro_timeline_layout_get_scale (layout);
          self->focus_cluster_pinned = nichiro_timeline_layout_get_pinned (layout);
          _nichiro_timeline_canvas_update_accessible (self);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return TRUE;

        case NICHIRO_TIMELINE_HIT_NONE:
        default:
          break;
        }
    }

  /* Nothing further: stay, but say where the keyboard is. */
  gtk_widget_error_bell (GTK_WIDGET (self));
  return TRUE;
}

static gboolean
up_cb (GtkWidget *widget,
       GVariant  *args,
       gpointer   user_data)
{
  return step_lane (NICHIRO_TIMELINE_CANVAS (widget), -1);
}

static gboolean
down_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  return step_lane (NICHIRO_TIMELINE_CANVAS (widget), 1);
}

static gboolean
home_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  guint first;

  if (self->model == NULL || !_nichiro_timeline_canvas_shown_from (self, 0, 1, &first))
    return FALSE;

  show_focus (self);
  _nichiro_timeline_canvas_walk_to_index (self, first);
  return TRUE;
}

static gboolean
end_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  guint last;

  if (self->model == NULL || !_nichiro_timeline_canvas_shown_from (self, (gint64) nichiro_timeline_model_get_n_items (self->model) - 1, -1, &last))
    return FALSE;

  show_focus (self);
  _nichiro_timeline_canvas_walk_to_index (self, last);
  return TRUE;
}

/* Keys zoom around the selection when it is in view, otherwise the middle. */
double
_nichiro_timeline_canvas_keyboard_anchor (NichiroTimelineCanvas *self)
{
  double width = _nichiro_timeline_canvas_get_width (self);

  if (self->selected >= 0)
    {
      NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);
      double x = nichiro_timeline_view_time_to_x (&view, _nichiro_timeline_canvas_get_item (self, self->selected)->start + 0.5);

      if (x >= 0 && x <= width)
        return x;
    }

  return width / 2;
}

static gboolean
zoom_in_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  nichiro_timeline_canvas_zoom_in (NICHIRO_TIMELINE_CANVAS (widget));
  return TRUE;
}

static gboolean
zoom_out_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  nichiro_timeline_canvas_zoom_out (NICHIRO_TIMELINE_CANVAS (widget));
  return TRUE;
}

static gboolean
zoom_fit_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  nichiro_timeline_canvas_zoom_fit (NICHIRO_TIMELINE_CANVAS (widget));
  return TRUE;
}

static gboolean
activate_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  if (self->model == NULL)
    return FALSE;

  if (self->focus_cluster >= 0)
    {
      _nichiro_timeline_canvas_activate_cluster (self, self->focus_cluster);
      return TRUE;
    }

  if (self->selected >= 0)
    {
      _nichiro_timeline_canvas_emit_entry_activated (self, _nichiro_timeline_canvas_get_item (self, self->selected)->entry);
      return TRUE;
    }

  return FALSE;
}

static gboolean
clear_cursor_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  /* Escape goes on to the window when there is nothing to clear. */
  if (self->session == NULL || nichiro_session_get_cursor (self->session) == 0)
    return FALSE;

  nichiro_session_set_cursor (self->session, 0);
  return TRUE;
}

/* Moves the cursor by one step of the axis: a day, a month, a year… */
static gboolean
step_cursor (NichiroTimelineCanvas *self,
             int                    direction)
{
  NichiroTimelineView view;
  gint64 cursor;
  double days, x, width = _nichiro_timeline_canvas_get_width (self);

  if (self->session == NULL || self->model == NULL)
    return FALSE;

  if (_nichiro_timeline_canvas_is_rtl (self))
    direction = -direction;

  view = _nichiro_timeline_canvas_get_view (self);
  cursor = nichiro_session_get_cursor (self->session);

  if (cursor == 0)
    {
      /* It starts on the selection when that is in view, else mid-view. */
      double anchor = _nichiro_timeline_canvas_keyboard_anchor (self);

      cursor = (gint64) floor (view.start + anchor / view.scale);
    }
  else
    {
      NichiroDate date = nichiro_date_from_julian_day (cursor);
      NichiroTimelineUnit unit;
      int step;

      _nichiro_timeline_canvas_ensure_text (self);
      unit = nichiro_timeline_choose_unit (view.scale, LABEL_MIN_GAP, _nichiro_timeline_canvas_measure_axis_label, self);
      days = nichiro_timeline_unit_get_days (unit);

      if (days < 28)
        {
          cursor += direction * (gint64) MAX (1, round (days));
        }
      else
        {
          int year = date.year, month = date.month;

          step = days < 365 ? (int) round (days / 30.436875) : 12 * (int) round (days / 365.2425);
          month += direction * step;
          year += (month - 1 >= 0 ? (month - 1) / 12 : -((12 - month) / 12));
          month = ((month - 1) % 12 + 12) % 12 + 1;
          if (year < 1 || year > 9999)
            return TRUE;
          date = nichiro_date_make (year, month, MIN (date.day, nichiro_date_days_in_month (year, month, FALSE)));
          cursor = nichiro_date_to_julian_day (&date);
        }
    }

  self->cursor_by_keys = TRUE;
  nichiro_session_set_cursor (self->session, MAX (cursor, 1));
  _nichiro_timeline_canvas_update_accessible (self);

  /* Keep it in view. */
  x = nichiro_timeline_view_time_to_x (&view, cursor + 0.5);
  if (x < 0 || x > width)
    {
      double span = width / view.scale;
      double start = cursor + 0.5 - span / 2;

      _nichiro_timeline_canvas_set_range (self, start, start + span);
    }

  return TRUE;
}

static gboolean
cursor_previous_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  return step_cursor (NICHIRO_TIMELINE_CANVAS (widget), -1);
}

static gboolean
cursor_next_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  return step_cursor (NICHIRO_TIMELINE_CANVAS (widget), 1);
}

static gboolean
page_cb (GtkWidget *widget,
         GVariant  *args,
         gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  int direction = g_variant_get_int32 (args);
  double start, end, shift;

  if (self->model == NULL)
    return FALSE;

  _nichiro_timeline_canvas_get_range (self, &start, &end);
  shift = (end - start) * 0.8 * direction;
  _nichiro_timeline_canvas_animate_range (self, start + shift, end + shift);
  return TRUE;
}

static gboolean
go_to_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  if (self->model == NULL)
    return FALSE;

  _nichiro_timeline_canvas_open_goto (self, NULL);
  return TRUE;
}

/* A digit starts typing a year. */
static gboolean
digit_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);
  char typed[2] = { '0' + g_variant_get_int32 (args), '\0' };

  if (self->model == NULL)
    return FALSE;

  _nichiro_timeline_canvas_open_goto (self, typed);
  return TRUE;
}

static void
add_binding (GtkWidgetClass  *widget_class,
             guint            keyval,
             GdkModifierType  modifiers,
             GtkShortcutFunc  callback)
{
  gtk_widget_class_add_binding (widget_class, keyval, modifiers, callback, NULL);
}

void
_nichiro_timeline_canvas_class_init_keys (GtkWidgetClass *widget_class)
{
  add_binding (widget_class, GDK_KEY_Left, 0, previous_cb);
  add_binding (widget_class, GDK_KEY_KP_Left, 0, previous_cb);
  add_binding (widget_class, GDK_KEY_Right, 0, next_cb);
  add_binding (widget_class, GDK_KEY_KP_Right, 0, next_cb);
  add_binding (widget_class, GDK_KEY_Up, 0, up_cb);
  add_binding (widget_class, GDK_KEY_KP_Up, 0, up_cb);
  add_binding (widget_class, GDK_KEY_Down, 0, down_cb);
  add_binding (widget_class, GDK_KEY_KP_Down, 0, down_cb);
  add_binding (widget_class, GDK_KEY_Home, 0, home_cb);
  add_binding (widget_class, GDK_KEY_KP_Home, 0, home_cb);
  add_binding (widget_class, GDK_KEY_End, 0, end_cb);
  add_binding (widget_class, GDK_KEY_KP_End, 0, end_cb);
  add_binding (widget_class, GDK_KEY_plus, 0, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_plus, GDK_SHIFT_MASK, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_equal, 0, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_KP_Add, 0, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, zoom_in_cb);
  add_binding (widget_class, GDK_KEY_minus, 0, zoom_out_cb);
  add_binding (widget_class, GDK_KEY_KP_Subtract, 0, zoom_out_cb);
  add_binding (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, zoom_out_cb);
  add_binding (widget_class, GDK_KEY_0, 0, zoom_fit_cb);
  add_binding (widget_class, GDK_KEY_KP_0, 0, zoom_fit_cb);
  add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, zoom_fit_cb);
  add_binding (widget_class, GDK_KEY_Return, 0, activate_cb);
  add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_cb);
  add_binding (widget_class, GDK_KEY_space, 0, activate_cb);
  add_binding (widget_class, GDK_KEY_Escape, 0, clear_cursor_cb);
  add_binding (widget_class, GDK_KEY_Left, GDK_SHIFT_MASK, cursor_previous_cb);
  add_binding (widget_class, GDK_KEY_Right, GDK_SHIFT_MASK, cursor_next_cb);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Up, 0, page_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Page_Down, 0, page_cb, "i", 1);
  add_binding (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, go_to_cb);
  for (int digit = 1; digit <= 9; digit++)
    {
      gtk_widget_class_add_binding (widget_class, GDK_KEY_1 + digit - 1, 0, digit_cb, "i", digit);
      gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_1 + digit - 1, 0, digit_cb, "i", digit);
    }
}
