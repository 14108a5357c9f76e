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
 * nichiro-timeline-canvas-private.h. This one holds the type, the
 * selection and the session's wiring; then
 *   -view.c      the view: its range, fitting, limits, animation, zoom
 *   -layouts.c   the lanes, the layout cache and hit-testing
 *   -draw.c      the snapshot
 *   -input.c     the pointer: clicks, drags, wheel, pinch, hover
 *   -keys.c      keyboard navigation and the key bindings
 *   -clusters.c  opening a cluster, and its popover
 *   -groups.c    grouping the lanes and filtering what is shown
 *   -goto.c      going to a year or a date
 *   -legend.c    the legend: every mark, drawn as the canvas draws it
 *   -a11y.c      what a screen reader hears
 *   -tooltip.c   the tooltips
 *   -text.c      measuring text, and the Pango layouts
 *   -style.c     the style nodes the colours and fonts come from */

G_DEFINE_FINAL_TYPE (NichiroTimelineCanvas, nichiro_timeline_canvas, GTK_TYPE_WIDGET)

enum {
  ENTRY_ACTIVATED,
  N_SIGNALS
};

static guint canvas_signals[N_SIGNALS];

/* Callbacks: the session */

static void
range_changed_cb (NichiroTimelineCanvas *self)
{
  double start, end;

  /* Moved by anyone else: the first view is over. */
  nichiro_session_get_visible_range (self->session, &start, &end);
  if (start != self->fitted_start || end != self->fitted_end)
    self->showing_period = FALSE;

  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
selected_changed_cb (NichiroTimelineCanvas *self)
{
  NichiroEntry *entry = nichiro_session_get_selected (self->session);
  guint index;

  self->selected = -1;
  self->cursor_by_keys = FALSE;
  if (entry != NULL && self->model != NULL && nichiro_timeline_model_find (self->model, entry, &index))
    {
      self->selected = index;
      self->focus_cluster = -1;
      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0 && !self->selecting_by_pointer)
        _nichiro_timeline_canvas_scroll_to_item (self, index);
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
  if (nichiro_session_get_cursor (self->session) == 0)
    self->cursor_by_keys = FALSE;
  _nichiro_timeline_canvas_update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Helpers: the selection and the signal */

void
_nichiro_timeline_canvas_select_index (NichiroTimelineCanvas *self,
                                       guint                  index)
{
  self->focus_cluster = -1;
  self->cursor_by_keys = FALSE;
  if (self->session == NULL)
    return;

  if ((int) index == self->selected)
    {
      if (!self->selecting_by_pointer)
        _nichiro_timeline_canvas_scroll_to_item (self, index);
      _nichiro_timeline_canvas_update_accessible (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
      return;
    }

  nichiro_session_set_selected (self->session, _nichiro_timeline_canvas_get_item (self, index)->entry);
}

/* A step of a walk with the keyboard: the history keeps where it began. */
void
_nichiro_timeline_canvas_walk_to_index (NichiroTimelineCanvas *self,
                                        guint                  index)
{
  self->focus_cluster = -1;
  if (self->session == NULL)
    return;

  if ((int) index == self->selected)
    {
      _nichiro_timeline_canvas_select_index (self, index);
      return;
    }

  nichiro_session_walk_to (self->session, _nichiro_timeline_canvas_get_item (self, index)->entry);
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
      guint n_groups = self->groups != NULL && self->grouping != NICHIRO_TIMELINE_GROUP_BY_NONE
                       ? nichiro_timeline_groups_get_n_groups (self->groups) : 0;

      _nichiro_timeline_canvas_ensure_text (self);
      /* Three lanes at the least, seven when there is room; grouped, a
       * lane and a name for each group, and a lane for the selection. */
      *minimum = MAX (180, (int) ceil (self->header_height + self->axis_height + 3 * self->lane_height + 2));
      if (n_groups > 0)
        *minimum = MAX (*minimum, (int) ceil (self->header_height + self->axis_height +
                                              n_groups * (self->group_header_height + self->lane_height) +
                                              self->lane_height + 2));
      *natural = MAX (*minimum, (int) ceil (self->header_height + self->axis_height + 7 * self->lane_height + 2));
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
  _nichiro_timeline_canvas_ensure_range (self);

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
  g_clear_pointer (&self->goto_popover, gtk_widget_unparent);
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
  g_clear_pointer (&self->groups, nichiro_timeline_groups_unref);
  g_clear_pointer (&self->hidden_threads, g_strfreev);
  g_clear_pointer (&self->layouts, g_ptr_array_unref);
  g_clear_pointer (&self->drawn_texts, g_array_unref);
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
  self->drawn_texts = g_array_new (FALSE, FALSE, sizeof (NichiroTimelineDrawnText));
  self->item_layouts = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->wide_char_widths = g_hash_table_new (NULL, NULL);
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
  _nichiro_timeline_canvas_drop_layouts (self);
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
  _nichiro_timeline_canvas_drop_layouts (self);
  g_hash_table_remove_all (self->item_layouts);
  g_clear_pointer (&self->groups, nichiro_timeline_groups_unref);
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
      _nichiro_timeline_canvas_update_groups (self);

      if (gtk_widget_get_width (GTK_WIDGET (self)) > 0)
        _nichiro_timeline_canvas_ensure_range (self);
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
  NichiroTimelineLabelPlace place;
  double width, x0, x1;
  guint index, lane;

  g_return_val_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self), FALSE);
  g_return_val_if_fail (NICHIRO_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (out_area != NULL, FALSE);

  if (self->model == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      !nichiro_timeline_model_find (self->model, entry, &index))
    return FALSE;

  width = _nichiro_timeline_canvas_get_width (self);
  view = _nichiro_timeline_canvas_get_view (self);
  layout = _nichiro_timeline_canvas_current_layout (self, &view);
  if (!_nichiro_timeline_canvas_item_label (self, layout, &view, index, &lane, &place))
    return FALSE;

  nichiro_timeline_item_get_geometry (_nichiro_timeline_canvas_get_item (self, index), &self->metrics, &view, &g);
  x0 = g.x0;
  x1 = g.x1;
  if (place.shown)
    {
      x0 = MIN (x0, place.x);
      x1 = MAX (x1, place.x + _nichiro_timeline_canvas_get_item (self, index)->label_width);
    }
  if (x1 < 0 || x0 > width)
    return FALSE;

  out_area->x = (int) floor (_nichiro_timeline_canvas_is_rtl (self) ? width - x1 : x0);
  out_area->y = (int) floor (_nichiro_timeline_canvas_lane_y (self, layout, lane) + PILL_TOP);
  out_area->width = (int) ceil (x1 - x0);
  out_area->height = (int) ceil (self->text_height + 2);
  return TRUE;
}

/**
 * nichiro_timeline_canvas_set_grouping:
 * @self: a canvas
 * @grouping: how to group the lanes
 */
void
nichiro_timeline_canvas_set_grouping (NichiroTimelineCanvas   *self,
                                      NichiroTimelineGrouping  grouping)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  if (self->grouping == grouping)
    return;

  self->grouping = grouping;
  _nichiro_timeline_canvas_update_groups (self);
}

NichiroTimelineGrouping
nichiro_timeline_canvas_get_grouping (NichiroTimelineCanvas *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self), NICHIRO_TIMELINE_GROUP_BY_NONE);

  return self->grouping;
}

static gboolean
same_strv (const char * const *a,
           const char * const *b)
{
  guint n_a = a != NULL ? g_strv_length ((char **) a) : 0;
  guint n_b = b != NULL ? g_strv_length ((char **) b) : 0;

  if (n_a != n_b)
    return FALSE;
  for (guint i = 0; i < n_a; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

/**
 * nichiro_timeline_canvas_set_filter:
 * @self: a canvas
 * @hidden_categories: a mask of `1 << NichiroTimelineCategory` for the
 *   kinds to hide
 * @hidden_threads: (array zero-terminated=1) (nullable): the threads to
 *   hide, %NICHIRO_TIMELINE_NO_THREAD for entries of none
 */
void
nichiro_timeline_canvas_set_filter (NichiroTimelineCanvas *self,
                                    guint                  hidden_categories,
                                    const char * const    *hidden_threads)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  if (self->hidden_categories == hidden_categories && same_strv ((const char * const *) self->hidden_threads, hidden_threads))
    return;

  self->hidden_categories = hidden_categories;
  g_strfreev (self->hidden_threads);
  self->hidden_threads = g_strdupv ((char **) hidden_threads);
  _nichiro_timeline_canvas_update_groups (self);
}

/**
 * nichiro_timeline_canvas_go_to:
 * @self: a canvas
 *
 * Asks for a year (or a month, or a day) and moves there.
 */
void
nichiro_timeline_canvas_go_to (NichiroTimelineCanvas *self)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  _nichiro_timeline_canvas_open_goto (self, NULL);
}

/**
 * nichiro_timeline_canvas_reserve_corner:
 * @self: a canvas
 * @width: the width of what stands over the top right corner
 * @height: its height
 *
 * Keeps the eras' names clear of what is laid over the canvas's top right
 * corner (on the end side: the top left, right to left).
 */
void
nichiro_timeline_canvas_reserve_corner (NichiroTimelineCanvas *self,
                                        int                    width,
                                        int                    height)
{
  g_return_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self));

  self->corner_width = MAX (width, 0);
  self->corner_height = MAX (height, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * nichiro_timeline_canvas_get_marks_drawn:
 * @self: a canvas
 *
 * For tests: what the last frame drew, to hold against the legend.
 *
 * Returns: a mask of `1 << NichiroTimelineMark`
 */
guint
nichiro_timeline_canvas_get_marks_drawn (NichiroTimelineCanvas *self)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self), 0);

  return self->marks_drawn;
}

/**
 * nichiro_timeline_canvas_get_drawn_texts:
 * @self: a canvas
 * @n_texts: (out): how many
 *
 * For tests: the labels and badges the last frame drew. The entries are
 * the session's, valid while it is.
 *
 * Returns: (array length=n_texts): where each was drawn
 */
const NichiroTimelineDrawnText *
nichiro_timeline_canvas_get_drawn_texts (NichiroTimelineCanvas *self,
                                         guint                 *n_texts)
{
  g_return_val_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self), NULL);
  g_return_val_if_fail (n_texts != NULL, NULL);

  *n_texts = self->drawn_texts->len;
  return (const NichiroTimelineDrawnText *) (gpointer) self->drawn_texts->data;
}

/**
 * nichiro_timeline_canvas_count_readable:
 * @self: a canvas
 * @from: the start of a time span
 * @to: its end
 * @out_in_range: (out) (optional): how many of them start from @from to @to
 *
 * Counts the entries whose label (short title or title) is drawn whole
 * in the current view, as a reader would count them.
 *
 * Returns: how many there are
 */
guint
nichiro_timeline_canvas_count_readable (NichiroTimelineCanvas *self,
                                        double                 from,
                                        double                 to,
                                        guint                 *out_in_range)
{
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  guint n, n_in_range = 0;

  g_return_val_if_fail (NICHIRO_IS_TIMELINE_CANVAS (self), 0);

  if (out_in_range != NULL)
    *out_in_range = 0;
  if (self->model == NULL)
    return 0;

  view = _nichiro_timeline_canvas_get_view (self);
  layout = _nichiro_timeline_canvas_current_layout (self, &view);
  n = nichiro_timeline_layout_count_readable (layout, &view, _nichiro_timeline_canvas_get_width (self),
                                              LABEL_PADDING, from, to, &n_in_range);

  if (out_in_range != NULL)
    *out_in_range = n_in_range;
  return n;
}
