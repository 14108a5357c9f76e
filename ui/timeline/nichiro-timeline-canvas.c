/* nichiro-timeline-canvas.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "nichiro-timeline-canvas-private.h"
#include "nichiro-timeline-ticks.h"

/* NichiroTimelineCanvas draws the timeline and takes the pointer and the
 * keys; NichiroTimeline (nichiro-timeline.c) shows it above the in-force
 * bar, or the list of entries instead. It observes the NichiroSession
 * (visible range, selection, query, cursor, title language) and writes to
 * it; it never reaches into any other view. The lanes, clusters, ticks and
 * hit-testing are computed without GTK in app/core/timeline/; the canvas
 * keeps the last few layouts, one per zoom level, so a pan never lays out
 * and a zoom only when it crosses a level.
 *
 * Right to left: the canvas mirrors. In a right-to-left locale time runs
 * from right to left, as text and GTK's own scales and progress bars do
 * there, labels follow their markers leftwards, and Left moves forward in
 * time. Everything is computed in "logical" coordinates, where time grows
 * to the right; the drawing helpers mirror each box as they draw it (text
 * keeps reading its own way), and pointer positions are mirrored on the
 * way in. */

#define ZOOM_STEP 1.6

G_DEFINE_FINAL_TYPE (NichiroTimelineCanvas, nichiro_timeline_canvas, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint canvas_signals[N_SIGNALS];

/* Helpers: the view */

gboolean
_nichiro_timeline_canvas_is_rtl (NichiroTimelineCanvas *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

/* A pointer position in logical coordinates, where time grows rightwards. */
double
_nichiro_timeline_canvas_logical_x (NichiroTimelineCanvas *self,
                                    double                 x)
{
  return _nichiro_timeline_canvas_is_rtl (self) ? gtk_widget_get_width (GTK_WIDGET (self)) - x : x;
}

double
_nichiro_timeline_canvas_get_width (NichiroTimelineCanvas *self)
{
  return MAX (gtk_widget_get_width (GTK_WIDGET (self)), 1);
}

static void
fit_range (NichiroTimelineCanvas *self,
           double                *out_start,
           double                *out_end)
{
  double start, end, margin;

  nichiro_timeline_model_get_bounds (self->model, &start, &end);
  margin = MAX ((end - start) * 0.03, 2);
  *out_start = start - margin;
  *out_end = end + margin;
}

static void
clamp_range (NichiroTimelineCanvas *self,
             double                *start,
             double                *end)
{
  double first, last, span, max_span, centre;

  nichiro_timeline_model_get_bounds (self->model, &first, &last);
  max_span = MAX ((last - first) * 1.5, 3652);
  span = CLAMP (*end - *start, MIN_SPAN_DAYS, max_span);
  centre = (*start + *end) / 2;

  /* The view may go half its width past either end, no further. */
  centre = CLAMP (centre, first, MAX (first, last));
  *start = centre - span / 2;
  *end = centre + span / 2;
}

void
_nichiro_timeline_canvas_get_range (NichiroTimelineCanvas *self,
                                    double                *out_start,
                                    double                *out_end)
{
  double start = 0, end = 0;

  if (self->session != NULL)
    nichiro_session_get_visible_range (self->session, &start, &end);

  if (!(end - start > 1e-6) && self->model != NULL)
    fit_range (self, &start, &end);
  else if (!(end - start > 1e-6))
    start = 0, end = 1;

  *out_start = start;
  *out_end = end;
}

NichiroTimelineView
_nichiro_timeline_canvas_get_view (NichiroTimelineCanvas *self)
{
  double start, end;

  _nichiro_timeline_canvas_get_range (self, &start, &end);
  return (NichiroTimelineView) { start, _nichiro_timeline_canvas_get_width (self) / (end - start) };
}

void
_nichiro_timeline_canvas_set_range (NichiroTimelineCanvas *self,
                                    double                 start,
                                    double                 end)
{
  if (self->session == NULL || self->model == NULL)
    return;

  clamp_range (self, &start, &end);
  nichiro_session_set_visible_range (self->session, start, end);
}

static void
animation_cb (double   value,
              gpointer user_data)
{
  NichiroTimelineCanvas *self = user_data;

  if (self->session == NULL)
    return;

  /* Ends exactly where it was asked to. */
  if (value >= 1)
    nichiro_session_set_visible_range (self->session, self->to_start, self->to_end);
  else
    nichiro_session_set_visible_range (self->session,
                                       self->from_start + (self->to_start - self->from_start) * value,
                                       self->from_end + (self->to_end - self->from_end) * value);
}

void
_nichiro_timeline_canvas_stop_animation (NichiroTimelineCanvas *self)
{
  if (self->animation != NULL &&
      adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING)
    adw_animation_pause (self->animation);
}

/* Moves the view smoothly, or at once where animations are off. */
void
_nichiro_timeline_canvas_animate_range (NichiroTimelineCanvas *self,
                                        double                 start,
                                        double                 end)
{
  if (self->session == NULL || self->model == NULL)
    return;

  if (self->animation == NULL)
    {
      AdwAnimationTarget *target = adw_callback_animation_target_new (animation_cb, self, NULL);

      self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0, 1, 250, target);
      adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);
    }

  clamp_range (self, &start, &end);
  _nichiro_timeline_canvas_get_range (self, &self->from_start, &self->from_end);
  self->to_start = start;
  self->to_end = end;
  adw_animation_reset (self->animation);
  adw_animation_play (self->animation);
}

/* The first view, when the session has none: everything. */
static void
ensure_session_range (NichiroTimelineCanvas *self)
{
  double start = 0, end = 0;

  if (self->session == NULL || self->model == NULL)
    return;

  nichiro_session_get_visible_range (self->session, &start, &end);
  if (!(end - start > 1e-6))
    {
      fit_range (self, &start, &end);
      nichiro_session_set_visible_range (self->session, start, end);
    }
}

/* Zooms by @factor keeping the time at @anchor_x (logical) where it is. */
void
_nichiro_timeline_canvas_zoom_around (NichiroTimelineCanvas *self,
                                      double                 factor,
                                      double                 anchor_x,
                                      gboolean               animate)
{
  double start, end, width = _nichiro_timeline_canvas_get_width (self), anchor, span;

  if (self->model == NULL)
    return;

  _nichiro_timeline_canvas_get_range (self, &start, &end);
  anchor = start + (end - start) * anchor_x / width;
  span = (end - start) / factor;
  start = anchor - span * anchor_x / width;

  if (animate)
    _nichiro_timeline_canvas_animate_range (self, start, start + span);
  else
    _nichiro_timeline_canvas_set_range (self, start, start + span);
}

/* Callbacks: the session */

static void
range_changed_cb (NichiroTimelineCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Brings @index into view when it is not, keeping the zoom. */
static void
scroll_to_item (NichiroTimelineCanvas *self,
                guint                  index)
{
  NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);
  NichiroTimelineGeometry g;
  double width = _nichiro_timeline_canvas_get_width (self);
  double margin = MIN (48, width / 6);
  double span = width / view.scale;
  double start;

  _nichiro_timeline_canvas_ensure_text (self);
  nichiro_timeline_item_get_geometry (_nichiro_timeline_canvas_get_item (self, index), &self->metrics, &view, &g);
  if (g.marker_x >= margin && g.marker_x <= width - margin)
    return;

  start = view.start + (g.marker_x - width / 3) / view.scale;
  _nichiro_timeline_canvas_animate_range (self, start, start + span);
}

static void
selected_changed_cb (NichiroTimelineCanvas *self)
{
  NichiroEntry *entry = nichiro_session_get_selected (self->session);
  guint index;

  self->selected = -1;
  if (entry != NULL && self->model != NULL && nichiro_timeline_model_find (self->model, entry, &index))
    {
      self->selected = index;
      self->focus_cluster = -1;
      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && !self->selecting_by_pointer)
        scroll_to_item (self, index);
    }

  _nichiro_timeline_canvas_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
query_changed_cb (NichiroTimelineCanvas *self)
{
  const char *query = nichiro_session_get_query (self->session);

  g_clear_pointer (&self->matches, g_free);

  if (query[0] != '\0' && self->model != NULL)
    {
      g_autoptr(NichiroSearchResults) results = nichiro_search_run (nichiro_session_get_search (self->session), query);

      self->matches = g_new0 (guint8, MAX (nichiro_timeline_model_get_n_items (self->model), 1));
      for (guint i = 0; i < results->items->len; i++)
        {
          const NichiroSearchResult *result = g_ptr_array_index (results->items, i);
          guint index;

          if (nichiro_timeline_model_find (self->model, result->entry, &index))
            self->matches[index] = 1;
        }
    }

  _nichiro_timeline_canvas_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
cursor_changed_cb (NichiroTimelineCanvas *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Callbacks: actions on entries and clusters */

void
_nichiro_timeline_canvas_select_index (NichiroTimelineCanvas *self,
                                       guint                  index)
{
  self->focus_cluster = -1;
  if (self->session == NULL)
    return;

  if ((int) index == self->selected)
    {
      if (!self->selecting_by_pointer)
        scroll_to_item (self, index);
      _nichiro_timeline_canvas_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  nichiro_session_set_selected (self->session, _nichiro_timeline_canvas_get_item (self, index)->entry);
}

void
_nichiro_timeline_canvas_zoom_to_span (NichiroTimelineCanvas *self,
                                       double                 start,
                                       double                 end)
{
  double span = MAX (end - start, MIN_SPAN_DAYS);
  double centre = (start + end) / 2;

  span *= 1.3;
  _nichiro_timeline_canvas_animate_range (self, centre - span / 2, centre + span / 2);
}

void
_nichiro_timeline_canvas_emit_entry_activated (NichiroTimelineCanvas *self,
                                               NichiroEntry          *entry)
{
  g_signal_emit (self, canvas_signals[ENTRY_ACTIVATED], 0, entry);
}

/* Callbacks: keys */

/* Moving with the keyboard shows where it is: GTK turns focus rings on for
 * Tab, not for the arrows a canvas handles itself. */
static void
show_focus (NichiroTimelineCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
}

static guint
first_at_or_after (NichiroTimelineCanvas *self,
                   double                 time)
{
  guint low = 0, high = nichiro_timeline_model_get_n_items (self->model);

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (_nichiro_timeline_canvas_get_item (self, middle)->start < time)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

static gboolean
step_in_time (NichiroTimelineCanvas *self,
              int                    direction)
{
  guint n_items;
  int target;

  if (self->model == NULL || (n_items = nichiro_timeline_model_get_n_items (self->model)) == 0)
    return FALSE;

  show_focus (self);
  if (_nichiro_timeline_canvas_is_rtl (self))
    direction = -direction;

  if (self->selected < 0)
    {
      /* From nothing, the first entry in view going forward, the last
       * going back. */
      NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);
      double end = view.start + _nichiro_timeline_canvas_get_width (self) / view.scale;

      target = direction > 0 ? (int) first_at_or_after (self, view.start) : (int) first_at_or_after (self, end) - 1;
    }
  else
    {
      target = self->selected + direction;
    }

  _nichiro_timeline_canvas_select_index (self, CLAMP (target, 0, (int) n_items - 1));
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
  guint n_lanes, n_item_lanes;
  int lane;
  double x;

  if (self->model == NULL)
    return FALSE;

  show_focus (self);
  view = _nichiro_timeline_canvas_get_view (self);
  layout = _nichiro_timeline_canvas_current_layout (self, &view);
  n_lanes = nichiro_timeline_layout_get_n_lanes (layout);
  n_item_lanes = nichiro_timeline_layout_get_n_item_lanes (layout);

  if (self->focus_cluster >= 0)
    {
      double x1;

      lane = n_item_lanes;
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
          _nichiro_timeline_canvas_select_index (self, index);
          return TRUE;

        case NICHIRO_TIMELINE_HIT_CLUSTER:
          self->focus_cluster = index;
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

  if (self->model == NULL || nichiro_timeline_model_get_n_items (self->model) == 0)
    return FALSE;

  show_focus (self);
  _nichiro_timeline_canvas_select_index (self, 0);
  return TRUE;
}

static gboolean
end_cb (GtkWidget *widget,
        GVariant  *args,
        gpointer   user_data)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  if (self->model == NULL || nichiro_timeline_model_get_n_items (self->model) == 0)
    return FALSE;

  show_focus (self);
  _nichiro_timeline_canvas_select_index (self, nichiro_timeline_model_get_n_items (self->model) - 1);
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
      int step;

      _nichiro_timeline_canvas_ensure_text (self);
      days = nichiro_timeline_unit_get_days (nichiro_timeline_choose_unit (view.scale, LABEL_MIN_GAP, _nichiro_timeline_canvas_measure_axis_label, self));

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

  nichiro_session_set_cursor (self->session, MAX (cursor, 1));

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
}

/* Vfuncs: the canvas */

static void
nichiro_timeline_canvas_measure (GtkWidget      *widget,
                                 GtkOrientation  orientation,
                                 int             for_size,
                                 int            *minimum,
                                 int            *natural,
                                 int            *minimum_baseline,
                                 int            *natural_baseline)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 800;
    }
  else
    {
      _nichiro_timeline_canvas_ensure_text (self);
      /* Three lanes at the least, seven when there is room. */
      *minimum = MAX (180, (int) ceil (self->header_height + self->axis_height + 3 * self->lane_height + 2));
      *natural = (int) ceil (self->header_height + self->axis_height + 7 * self->lane_height + 2);
    }
}

static void
nichiro_timeline_canvas_size_allocate (GtkWidget *widget,
                                       int        width,
                                       int        height,
                                       int        baseline)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  _nichiro_timeline_canvas_ensure_text (self);
  self->n_lanes = _nichiro_timeline_canvas_count_lanes (self);
  ensure_session_range (self);

  if (self->cluster_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->cluster_popover));
}

static void
nichiro_timeline_canvas_css_changed (GtkWidget         *widget,
                                     GtkCssStyleChange *change)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (widget);

  GTK_WIDGET_CLASS (nichiro_timeline_canvas_parent_class)->css_changed (widget, change);

  /* Focus, focus-visible, hover and the colours change the style: draw
   * again. Only a new font lays out again. */
  if (_nichiro_timeline_canvas_fonts_changed (self))
    gtk_widget_queue_resize (widget);
  else
    gtk_widget_queue_draw (widget);
}

static void
nichiro_timeline_canvas_direction_changed (GtkWidget        *widget,
                                           GtkTextDirection  previous)
{
  gtk_widget_queue_draw (widget);
}

static gboolean
nichiro_timeline_canvas_focus (GtkWidget        *widget,
                               GtkDirectionType  direction)
{
  /* One stop in the focus chain: the arrows move within. */
  if (gtk_widget_is_focus (widget))
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static void
nichiro_timeline_canvas_dispose (GObject *object)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (object);

  nichiro_timeline_canvas_set_session (self, NULL);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  if (self->animation != NULL)
    {
      adw_animation_reset (self->animation);
      g_clear_object (&self->animation);
    }
  g_clear_pointer (&self->cluster_popover, gtk_widget_unparent);
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&self->parts[i], gtk_widget_unparent);

  G_OBJECT_CLASS (nichiro_timeline_canvas_parent_class)->dispose (object);
}

static void
nichiro_timeline_canvas_finalize (GObject *object)
{
  NichiroTimelineCanvas *self = NICHIRO_TIMELINE_CANVAS (object);

  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&self->text_layouts[i], g_hash_table_unref);
  g_clear_pointer (&self->item_layouts, g_hash_table_unref);
  g_clear_pointer (&self->wide_char_widths, g_hash_table_unref);
  g_clear_pointer (&self->era_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_free);
  g_clear_pointer (&self->font_key, g_free);
  g_clear_object (&self->measure_layout);

  G_OBJECT_CLASS (nichiro_timeline_canvas_parent_class)->finalize (object);
}

static void
nichiro_timeline_canvas_class_init (NichiroTimelineCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_timeline_canvas_dispose;
  object_class->finalize = nichiro_timeline_canvas_finalize;

  widget_class->measure = nichiro_timeline_canvas_measure;
  widget_class->size_allocate = nichiro_timeline_canvas_size_allocate;
  widget_class->snapshot = _nichiro_timeline_canvas_snapshot;
  widget_class->query_tooltip = _nichiro_timeline_canvas_query_tooltip;
  widget_class->css_changed = nichiro_timeline_canvas_css_changed;
  widget_class->direction_changed = nichiro_timeline_canvas_direction_changed;
  widget_class->focus = nichiro_timeline_canvas_focus;

  /**
   * NichiroTimelineCanvas::entry-activated:
   * @entry: the selected entry
   *
   * Enter was pressed on the selection.
   */
  canvas_signals[ENTRY_ACTIVATED] =
    g_signal_new ("entry-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, NICHIRO_TYPE_ENTRY);

  _nichiro_timeline_canvas_class_init_keys (widget_class);

  gtk_widget_class_set_css_name (widget_class, "canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
nichiro_timeline_canvas_init (NichiroTimelineCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self);

  self->selected = -1;
  self->hover_item = -1;
  self->hover_cluster = -1;
  self->focus_cluster = -1;
  self->layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) nichiro_timeline_layout_unref);
  self->item_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->wide_char_widths = g_hash_table_new (NULL, NULL);
  self->era_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->char_widths); i++)
    self->char_widths[i] = -1;

  _nichiro_timeline_canvas_init_style (self);

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);

  _nichiro_timeline_canvas_init_input (self);

  _nichiro_timeline_canvas_update_accessible (self);
}

/* New titles: new label widths, so new layouts. */
static void
title_language_changed_cb (NichiroTimelineCanvas *self)
{
  nichiro_timeline_model_set_title_language (self->model, nichiro_session_get_title_language (self->session));
  g_hash_table_remove_all (self->item_layouts);
  if (self->measure_layout != NULL)
    _nichiro_timeline_canvas_measure_model (self);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_ptr_array_set_size (self->layouts, 0);
  _nichiro_timeline_canvas_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Public API */

/**
 * nichiro_timeline_canvas_set_session:
 * @self: a canvas
 * @session: (nullable): the session to show and write to
 *
 * The canvas shows @session's dataset, selection, search matches, visible
 * range and date cursor, and writes to them as the reader clicks, drags,
 * zooms and types.
 */
void
nichiro_timeline_canvas_set_session (NichiroTimelineCanvas *self,
                                     NichiroSession        *session)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));
  g_return_if_fail (session == NULL || NICHIRO_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);

  g_set_object (&self->session, session);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_ptr_array_set_size (self->layouts, 0);
  g_hash_table_remove_all (self->item_layouts);
  g_ptr_array_set_size (self->era_layouts, 0);
  g_clear_pointer (&self->model, nichiro_timeline_model_unref);
  g_clear_pointer (&self->matches, g_free);
  self->selected = -1;
  self->focus_cluster = -1;
  self->hover_item = -1;
  self->hover_cluster = -1;

  if (session != NULL)
    {
      self->model = nichiro_timeline_model_new (nichiro_session_get_dataset (session));
      nichiro_timeline_model_set_title_language (self->model, nichiro_session_get_title_language (session));
      if (self->measure_layout != NULL)
        _nichiro_timeline_canvas_measure_model (self);

      g_signal_connect_object (session, "notify::visible-start", G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::visible-end", G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::selected", G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::query", G_CALLBACK (query_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::cursor", G_CALLBACK (cursor_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (session, "notify::title-language", G_CALLBACK (title_language_changed_cb), self, G_CONNECT_SWAPPED);
      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
        ensure_session_range (self);
      selected_changed_cb (self);
      query_changed_cb (self);
    }

  /* Only what is drawn changes: the size asked for depends on the fonts. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * nichiro_timeline_canvas_get_model:
 * @self: a canvas
 *
 * Returns: (transfer none) (nullable): the session's entries in time
 *   order, as the canvas shows them, or %NULL without a session
 */
NichiroTimelineModel *
nichiro_timeline_canvas_get_model (NichiroTimelineCanvas *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self), NULL);

  return self->model;
}

/**
 * nichiro_timeline_canvas_zoom_in:
 * @self: a canvas
 *
 * Zooms in around the selection when it is in view, else the middle.
 */
void
nichiro_timeline_canvas_zoom_in (NichiroTimelineCanvas *self)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  _nichiro_timeline_canvas_zoom_around (self, ZOOM_STEP, _nichiro_timeline_canvas_keyboard_anchor (self), TRUE);
}

void
nichiro_timeline_canvas_zoom_out (NichiroTimelineCanvas *self)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  _nichiro_timeline_canvas_zoom_around (self, 1 / ZOOM_STEP, _nichiro_timeline_canvas_keyboard_anchor (self), TRUE);
}

/**
 * nichiro_timeline_canvas_zoom_fit:
 * @self: a canvas
 *
 * Shows every entry and era.
 */
void
nichiro_timeline_canvas_zoom_fit (NichiroTimelineCanvas *self)
{
  double start, end;

  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  if (self->model == NULL)
    return;

  fit_range (self, &start, &end);
  _nichiro_timeline_canvas_animate_range (self, start, end);
}

/**
 * nichiro_timeline_canvas_zoom_to:
 * @self: a canvas
 * @start: a Julian day
 * @end: a later Julian day
 *
 * Moves the view to the time from @start to @end, smoothly where
 * animations are on, within the zoom limits.
 */
void
nichiro_timeline_canvas_zoom_to (NichiroTimelineCanvas *self,
                                 double                 start,
                                 double                 end)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  _nichiro_timeline_canvas_animate_range (self, start, end);
}

/**
 * nichiro_timeline_canvas_get_entry_area:
 * @self: a canvas
 * @entry: an entry
 * @out_area: (out): where it is drawn, marker and label
 *
 * Returns: %FALSE if @entry is out of view, in a cluster, or not shown
 */
gboolean
nichiro_timeline_canvas_get_entry_area (NichiroTimelineCanvas *self,
                                        NichiroEntry          *entry,
                                        GdkRectangle          *out_area)
{
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  NichiroTimelineGeometry g;
  double width;
  guint index;
  int lane;

  g_return_val_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self), FALSE);
  g_return_val_if_fail (NICHIRO_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (out_area != NULL, FALSE);

  if (self->model == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !nichiro_timeline_model_find (self->model, entry, &index))
    return FALSE;

  width = _nichiro_timeline_canvas_get_width (self);
  view = _nichiro_timeline_canvas_get_view (self);
  layout = _nichiro_timeline_canvas_current_layout (self, &view);
  lane = nichiro_timeline_layout_get_lane (layout, index);
  if (lane < 0)
    return FALSE;

  nichiro_timeline_item_get_geometry (_nichiro_timeline_canvas_get_item (self, index), &self->metrics, &view, &g);
  if (g.x1 < 0 || g.x0 > width)
    return FALSE;

  out_area->x = (int) floor (_nichiro_timeline_canvas_is_rtl (self) ? width - g.x1 : g.x0);
  out_area->y = (int) floor (_nichiro_timeline_canvas_lanes_top (self) + lane * self->lane_height + 2);
  out_area->width = (int) ceil (g.x1 - g.x0);
  out_area->height = (int) ceil (self->text_height + 2);
  return TRUE;
}
