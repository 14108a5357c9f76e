/* nichiro-timeline-canvas-view.c
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

/* The canvas's view: the range of time it shows, written to the session;
 * the first view fitted to the dataset's period, views fitted to labels,
 * the limits a view keeps to (a margin past the content, then a rubber
 * band), the animations between views, zooming, and keeping an entry in
 * view as the selection moves. */

#define ZOOM_STEP 1.6

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

static NichiroTimelineLayout *
layout_at_cb (double   level,
              gpointer user_data)
{
  return _nichiro_timeline_canvas_layout_at (user_data, level);
}

/* The view that shows the entries from @from to @to with their labels
 * whole, as large as they can be. */
static void
fit_span (NichiroTimelineCanvas *self,
          double                 from,
          double                 to,
          double                *out_start,
          double                *out_end)
{
  _nichiro_timeline_canvas_ensure_text (self);
  self->n_lanes = _nichiro_timeline_canvas_count_lanes (self);
  nichiro_timeline_fit (self->model, from, to, _nichiro_timeline_canvas_get_width (self), LABEL_PADDING,
                        MIN_SPAN_DAYS, layout_at_cb, self, out_start, out_end);
}

/* The first view: the period the dataset is about. */
static void
fit_range (NichiroTimelineCanvas *self,
           double                *out_start,
           double                *out_end)
{
  double from, to;

  nichiro_timeline_model_get_period (self->model, &from, &to);
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      /* Not laid out yet: no labels to fit. */
      *out_start = from - (to - from) * 0.03;
      *out_end = to + (to - from) * 0.03;
      return;
    }

  fit_span (self, from, to, out_start, out_end);
}

/* Where the content is at a view of @span days: from the first entry or
 * era to the end of the last label, and a margin. */
static void
get_limits (NichiroTimelineCanvas *self,
            double                 span,
            double                *out_first,
            double                *out_last)
{
  double width = _nichiro_timeline_canvas_get_width (self), margin;

  _nichiro_timeline_canvas_ensure_text (self);
  nichiro_timeline_model_get_content_bounds (self->model, &self->metrics, width / span, out_first, out_last);
  margin = 24 * span / width;
  *out_first -= margin;
  *out_last += margin;
}

/* The view never shows much more than the content: it zooms out no wider
 * than all of it, and pans a fifth of its width past either end, no
 * further. */
static void
clamp_range (NichiroTimelineCanvas *self,
             double                *start,
             double                *end)
{
  double first, last, slack, span = CLAMP (*end - *start, MIN_SPAN_DAYS, 1e9);

  get_limits (self, span, &first, &last);
  if (span > last - first)
    {
      /* At the wider view the labels take fewer days: measure again. */
      span = last - first;
      get_limits (self, span, &first, &last);
      span = MAX (MIN (span, last - first), MIN_SPAN_DAYS);
    }

  slack = span * 0.2;
  if (span >= last - first)
    *start = (first + last) / 2 - span / 2;
  else
    *start = CLAMP (*start, first - slack, last + slack - span);
  *end = *start + span;
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

  self->showing_period = FALSE;
  clamp_range (self, &start, &end);
  nichiro_session_set_visible_range (self->session, start, end);
}

/* A drag past the limits goes on, ever more slowly (a rubber band), and
 * springs back when let go (_nichiro_timeline_canvas_settle_range()). */
void
_nichiro_timeline_canvas_drag_range (NichiroTimelineCanvas *self,
                                     double                 start,
                                     double                 end)
{
  double clamped_start = start, clamped_end = end, scale, over, resisted;
  const double stretch = 80;

  if (self->session == NULL || self->model == NULL)
    return;

  self->showing_period = FALSE;
  clamp_range (self, &clamped_start, &clamped_end);
  scale = _nichiro_timeline_canvas_get_width (self) / (clamped_end - clamped_start);
  over = (start - clamped_start) * scale;
  resisted = over / (1 + fabs (over) / stretch);
  nichiro_session_set_visible_range (self->session, clamped_start + resisted / scale, clamped_end + resisted / scale);
}

void
_nichiro_timeline_canvas_settle_range (NichiroTimelineCanvas *self)
{
  double start, end, clamped_start, clamped_end;

  if (self->session == NULL || self->model == NULL)
    return;

  _nichiro_timeline_canvas_get_range (self, &start, &end);
  clamped_start = start;
  clamped_end = end;
  clamp_range (self, &clamped_start, &clamped_end);
  if (fabs (clamped_start - start) > 1e-9 || fabs (clamped_end - end) > 1e-9)
    _nichiro_timeline_canvas_animate_range (self, clamped_start, clamped_end);
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

  self->showing_period = FALSE;
  clamp_range (self, &start, &end);
  _nichiro_timeline_canvas_get_range (self, &self->from_start, &self->from_end);
  self->to_start = start;
  self->to_end = end;
  adw_animation_reset (self->animation);
  adw_animation_play (self->animation);
}

/* The first view, when the session has none: the dataset's period, fitted
 * again to each new size until the reader moves it. */
void
_nichiro_timeline_canvas_ensure_range (NichiroTimelineCanvas *self)
{
  double start = 0, end = 0;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->session == NULL || self->model == NULL || width <= 0)
    return;

  nichiro_session_get_visible_range (self->session, &start, &end);
  if (!(end - start > 1e-6) ||
      (self->showing_period && (width != self->fitted_width || height != self->fitted_height)))
    {
      fit_range (self, &start, &end);
      self->fitted_start = start;
      self->fitted_end = end;
      nichiro_session_set_visible_range (self->session, start, end);
      self->showing_period = TRUE;
      self->fitted_width = width;
      self->fitted_height = height;
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

/* Keeps @index whole in view, marker and label, at the same zoom: a
 * little way in from the edges, so that walking scrolls before the
 * selection reaches one; one that is far out of view comes to the
 * middle. */
void
_nichiro_timeline_canvas_scroll_to_item (NichiroTimelineCanvas *self,
                guint                  index)
{
  NichiroTimelineView view = _nichiro_timeline_canvas_get_view (self);
  double width = _nichiro_timeline_canvas_get_width (self);
  double margin = LABEL_PADDING + MIN (64, width / 8);
  double span = width / view.scale;
  double x0, x1, shift;

  _nichiro_timeline_canvas_ensure_text (self);
  nichiro_timeline_item_get_content (_nichiro_timeline_canvas_get_item (self, index), &self->metrics, &view, &x0, &x1);

  if (x0 >= margin && x1 <= width - margin)
    return;

  if (x1 < 0 || x0 > width || x1 - x0 > width - 2 * margin)
    shift = (x0 + x1) / 2 - width / 2;
  else if (x0 < margin)
    shift = x0 - margin;
  else
    shift = x1 - (width - margin);

  /* Wider than the view: its start and as much of its label as fits. */
  if (x1 - x0 > width - 2 * LABEL_PADDING)
    shift = x0 - LABEL_PADDING;

  _nichiro_timeline_canvas_animate_range (self, view.start + shift / view.scale, view.start + shift / view.scale + span);
}

/* Shows the entries from @start to @end with their labels whole. */
void
_nichiro_timeline_canvas_zoom_to_span (NichiroTimelineCanvas *self,
                                       double                 start,
                                       double                 end)
{
  double from, to;

  if (self->model == NULL)
    return;

  fit_span (self, start, MAX (end, start + 1), &from, &to);
  _nichiro_timeline_canvas_animate_range (self, from, to);
}

/* Brings @time to the middle, at the same zoom, or at a few years' when
 * the view spans decades. */
void
_nichiro_timeline_canvas_show_time (NichiroTimelineCanvas *self,
                                    double                 time)
{
  double start, end, span;

  _nichiro_timeline_canvas_get_range (self, &start, &end);
  span = MIN (end - start, 10 * 365.25);
  _nichiro_timeline_canvas_animate_range (self, time - span / 2, time + span / 2);
}

/* Public API */

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
 * Returns to the first view: the dataset's period, its labels whole.
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
  self->fitted_start = self->to_start;
  self->fitted_end = self->to_end;
  self->showing_period = TRUE;
  self->fitted_width = gtk_widget_get_width (GTK_WIDGET (self));
  self->fitted_height = gtk_widget_get_height (GTK_WIDGET (self));
}

/**
 * nichiro_timeline_canvas_zoom_to:
 * @self: a canvas
 * @start: a Julian day
 * @end: a later Julian day
 *
 * Shows the entries from @start to @end (a chapter part's years, say),
 * each with its label whole, as large as they can be; smoothly where
 * animations are on.
 */
void
nichiro_timeline_canvas_zoom_to (NichiroTimelineCanvas *self,
                                 double                 start,
                                 double                 end)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  _nichiro_timeline_canvas_zoom_to_span (self, start, end);
}

/**
 * nichiro_timeline_canvas_zoom_to_period:
 * @self: a canvas
 *
 * The same as nichiro_timeline_canvas_zoom_fit(), at once: for a new
 * session, or after the size changed.
 */
void
nichiro_timeline_canvas_zoom_to_period (NichiroTimelineCanvas *self)
{
  double start, end;

  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  if (self->model == NULL || self->session == NULL)
    return;

  fit_range (self, &start, &end);
  _nichiro_timeline_canvas_stop_animation (self);
  self->fitted_start = start;
  self->fitted_end = end;
  nichiro_session_set_visible_range (self->session, start, end);
  self->showing_period = TRUE;
  self->fitted_width = gtk_widget_get_width (GTK_WIDGET (self));
  self->fitted_height = gtk_widget_get_height (GTK_WIDGET (self));
}
