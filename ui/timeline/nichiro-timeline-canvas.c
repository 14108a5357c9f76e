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
 * way in.
 *
 * The canvas is one type in several files, by concern, that share
 * nichiro-timeline-canvas-private.h. This one holds the type, the view
 * (range, zoom, animation), the selection and the session's wiring; then
 *   -layouts.c   the lanes, the layout cache and hit-testing
 *   -draw.c      the snapshot
 *   -input.c     the pointer: clicks, drags, wheel, pinch, hover
 *   -keys.c      keyboard navigation and the key bindings
 *   -clusters.c  opening a "+N" cluster, and its popover
 *   -a11y.c      what a screen reader hears
 *   -tooltip.c   the tooltips
 *   -text.c      measuring text, and the Pango layouts
 *   -style.c     the style nodes the colours and fonts come from */

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

/* The session searches once for every view; the timeline marks what its
 * results hold. */
static void
results_changed_cb (NichiroTimelineCanvas *self)
{
  const NichiroSearchResults *results = nichiro_results_model_get_results (nichiro_session_get_results (self->session));

  g_clear_pointer (&self->matches, g_free);

  if (results != NULL && self->model != NULL)
    {
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

/* Helpers: the selection and the signal */

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
  g_clear_object (&self->session_signals);
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
  if (self->session == session)
    return;

  if (self->session_signals == NULL)
    {
      self->session_signals = g_signal_group_new (NICHIRO_TYPE_SESSION);
      g_signal_group_connect_object (self->session_signals, "notify::visible-start",
                                     G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_group_connect_object (self->session_signals, "notify::visible-end",
                                     G_CALLBACK (range_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_group_connect_object (self->session_signals, "notify::selected",
                                     G_CALLBACK (selected_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_group_connect_object (self->session_signals, "results-changed",
                                     G_CALLBACK (results_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_group_connect_object (self->session_signals, "notify::cursor",
                                     G_CALLBACK (cursor_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_group_connect_object (self->session_signals, "notify::title-language",
                                     G_CALLBACK (title_language_changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
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

      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
        ensure_session_range (self);
      selected_changed_cb (self);
      results_changed_cb (self);
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
