/* nichiro-timeline-canvas-layouts.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <math.h>

#include "nichiro-timeline-canvas-private.h"

/* The layouts the canvas draws and hit-tests: as many lanes as fit
 * between the header and the axis (less a row for each group's name when
 * the lanes are grouped), one layout per zoom level, the last few kept so
 * that a pan never lays out and a zoom only when it crosses a level; a
 * large dataset lays out between frames. Each new layout takes the lanes
 * of the one used last as a hint, so that zooming does not shuffle them.
 * And what lies under a point of the canvas. The layouts themselves are
 * made without GTK, in app/core/timeline/. */

#define LAYOUT_CACHE_SIZE 6
/* Up to this many entries, every zoom level is laid out as it is reached. */
#define SYNC_LAYOUT_ITEMS 5000

static guint
n_group_headers (NichiroTimelineCanvas *self)
{
  if (self->groups == NULL || self->grouping == NICHIRO_TIMELINE_GROUP_BY_NONE)
    return 0;

  return nichiro_timeline_groups_get_n_groups (self->groups);
}

guint
_nichiro_timeline_canvas_count_lanes (NichiroTimelineCanvas *self)
{
  double room = _nichiro_timeline_canvas_axis_top (self) - _nichiro_timeline_canvas_lanes_top (self) - 2;
  guint n_headers = n_group_headers (self);
  guint n_lanes;

  room -= n_headers * self->group_header_height;
  n_lanes = room > 0 ? (guint) floor (room / self->lane_height) : 0;

  /* A lane for each group and one more for the selection, at the least:
   * what does not fit on the canvas is cut at the axis. */
  return MAX (n_lanes, MAX (2, n_headers + 1));
}

void
_nichiro_timeline_canvas_drop_layouts (NichiroTimelineCanvas *self)
{
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  g_ptr_array_set_size (self->layouts, 0);
  self->focus_cluster = -1;
}

static NichiroTimelineLayout *find_layout (NichiroTimelineCanvas *self,
                                           double                 scale,
                                           int                    pinned,
                                           gboolean               coarser);

/* The layout most like the one to make, for its lanes: at the same level
 * unpinned, else the one used last. */
static NichiroTimelineLayout *
find_hint (NichiroTimelineCanvas *self,
           double                 scale,
           int                    pinned)
{
  NichiroTimelineLayout *same_level = pinned >= 0 ? find_layout (self, scale, -1, FALSE) : NULL;

  if (same_level != NULL)
    return same_level;

  for (guint i = 0; i < self->layouts->len; i++)
    {
      NichiroTimelineLayout *layout = g_ptr_array_index (self->layouts, i);

      if (nichiro_timeline_layout_get_groups (layout) == self->groups)
        return layout;
    }

  return NULL;
}

/* The layout at @scale, from the cache or made now. */
static NichiroTimelineLayout *
get_layout (NichiroTimelineCanvas *self,
            double                 scale,
            int                    pinned)
{
  NichiroTimelineLayout *layout = find_layout (self, scale, pinned, FALSE);
  guint position;

  if (layout != NULL)
    {
      /* The most recently used first, so that the cache drops the oldest. */
      if (g_ptr_array_find (self->layouts, layout, &position) && position > 0)
        g_ptr_array_insert (self->layouts, 0, g_ptr_array_steal_index (self->layouts, position));
    }
  else
    {
      layout = nichiro_timeline_layout_new (self->groups, &self->metrics, scale, self->n_lanes, pinned,
                                            find_hint (self, scale, pinned));
      g_ptr_array_insert (self->layouts, 0, layout);
      if (self->layouts->len > LAYOUT_CACHE_SIZE)
        g_ptr_array_set_size (self->layouts, LAYOUT_CACHE_SIZE);
    }

  return layout;
}

static NichiroTimelineLayout *
find_layout (NichiroTimelineCanvas *self,
             double                 scale,
             int                    pinned,
             gboolean               coarser)
{
  NichiroTimelineLayout *best = NULL;

  for (guint i = 0; i < self->layouts->len; i++)
    {
      NichiroTimelineLayout *layout = g_ptr_array_index (self->layouts, i);
      double layout_scale = nichiro_timeline_layout_get_scale (layout);

      if (nichiro_timeline_layout_get_n_lanes (layout) != self->n_lanes ||
          nichiro_timeline_layout_get_groups (layout) != self->groups ||
          nichiro_timeline_layout_get_pinned (layout) != pinned)
        continue;

      if (!coarser && layout_scale == scale)
        return layout;
      if (coarser && layout_scale < scale &&
          (best == NULL || layout_scale > nichiro_timeline_layout_get_scale (best)))
        best = layout;
    }

  return best;
}

/**
 * _nichiro_timeline_canvas_layout_at:
 * @self: a canvas
 * @level: a zoom level
 *
 * Returns: (transfer none): the layout at @level without a pinned item,
 *   made now if it was not kept
 */
NichiroTimelineLayout *
_nichiro_timeline_canvas_layout_at (NichiroTimelineCanvas *self,
                                    double                 level)
{
  _nichiro_timeline_canvas_ensure_text (self);
  return get_layout (self, level, -1);
}

static gboolean
relayout_cb (gpointer user_data)
{
  NichiroTimelineCanvas *self = user_data;
  NichiroTimelineView view;
  double level;

  self->relayout_id = 0;
  if (self->model == NULL)
    return G_SOURCE_REMOVE;

  /* The zoom level's own layout, and the one below it, ready for a zoom
   * out. */
  view = _nichiro_timeline_canvas_get_view (self);
  level = nichiro_timeline_layout_quantize_scale (view.scale);
  get_layout (self, level, -1);
  if (self->selected >= 0)
    get_layout (self, level, self->selected);
  get_layout (self, nichiro_timeline_layout_quantize_scale (level / 1.1), -1);

  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* A large dataset lays out between frames: zooming in may show the layout
 * of a lower zoom level for a moment, which stays free of overlaps at any
 * larger scale. Zooming out past what was prepared lays out at once. */
static NichiroTimelineLayout *
layout_for (NichiroTimelineCanvas *self,
            double                 level,
            int                    pinned)
{
  NichiroTimelineLayout *layout = find_layout (self, level, pinned, FALSE);
  gboolean large = nichiro_timeline_model_get_n_items (self->model) > SYNC_LAYOUT_ITEMS;

  if (layout != NULL)
    return layout;

  if (large)
    {
      if (self->relayout_id == 0)
        self->relayout_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, relayout_cb, self, NULL);

      layout = find_layout (self, level, pinned, TRUE);
      if (layout != NULL)
        return layout;
    }

  return get_layout (self, level, pinned);
}

/* The layout for @view: its zoom level's, with the selection pinned out of
 * any cluster when it would be in one. */
NichiroTimelineLayout *
_nichiro_timeline_canvas_current_layout (NichiroTimelineCanvas     *self,
                                         const NichiroTimelineView *view)
{
  double level = nichiro_timeline_layout_quantize_scale (view->scale);
  NichiroTimelineLayout *layout;

  _nichiro_timeline_canvas_ensure_text (self);
  self->n_lanes = _nichiro_timeline_canvas_count_lanes (self);
  layout = layout_for (self, level, -1);
  if (self->selected >= 0 && nichiro_timeline_groups_is_shown (self->groups, self->selected) &&
      nichiro_timeline_layout_get_lane (layout, self->selected) < 0)
    layout = layout_for (self, level, self->selected);

  /* A focused cluster belongs to the layout it was focused in. */
  if (self->focus_cluster >= 0 &&
      (self->focus_cluster_scale != nichiro_timeline_layout_get_scale (layout) ||
       self->focus_cluster_pinned != nichiro_timeline_layout_get_pinned (layout)))
    self->focus_cluster = -1;

  return layout;
}

/* The top of @lane: the lanes of each group under its name. */
double
_nichiro_timeline_canvas_lane_y (NichiroTimelineCanvas *self,
                                 NichiroTimelineLayout *layout,
                                 guint                  lane)
{
  double y = _nichiro_timeline_canvas_lanes_top (self) + lane * self->lane_height;
  int group = nichiro_timeline_layout_get_lane_group (layout, lane);

  if (n_group_headers (self) > 0)
    y += (group >= 0 ? group + 1 : nichiro_timeline_groups_get_n_groups (self->groups)) * self->group_header_height;

  return y;
}

gboolean
_nichiro_timeline_canvas_lane_at (NichiroTimelineCanvas *self,
                                  NichiroTimelineLayout *layout,
                                  double                 y,
                                  guint                 *out_lane)
{
  guint n_lanes = nichiro_timeline_layout_get_n_lanes (layout);

  if (y >= _nichiro_timeline_canvas_axis_top (self))
    return FALSE;

  for (guint lane = 0; lane < n_lanes; lane++)
    {
      double top = _nichiro_timeline_canvas_lane_y (self, layout, lane);

      if (y >= top && y < top + self->lane_height)
        {
          *out_lane = lane;
          return TRUE;
        }
    }

  return FALSE;
}

/* Where the item at @index is drawn in @view: its lane, and where its
 * label goes. */
gboolean
_nichiro_timeline_canvas_item_label (NichiroTimelineCanvas     *self,
                                     NichiroTimelineLayout     *layout,
                                     const NichiroTimelineView *view,
                                     guint                      index,
                                     guint                     *out_lane,
                                     NichiroTimelineLabelPlace *out_place)
{
  int lane = nichiro_timeline_layout_get_lane (layout, index);
  guint position;

  if (lane < 0 || !nichiro_timeline_layout_find_thing (layout, lane, index, &position))
    return FALSE;

  *out_lane = lane;
  nichiro_timeline_layout_place_label (layout, lane, position, view, _nichiro_timeline_canvas_get_width (self),
                                       LABEL_PADDING, out_place);
  return TRUE;
}

NichiroTimelineHitKind
_nichiro_timeline_canvas_hit_at (NichiroTimelineCanvas *self,
                                 double                 x,
                                 double                 y,
                                 guint                 *out_index)
{
  NichiroTimelineView view;
  NichiroTimelineLayout *layout;
  guint lane;

  if (self->model == NULL)
    return NICHIRO_TIMELINE_HIT_NONE;

  view = _nichiro_timeline_canvas_get_view (self);
  layout = _nichiro_timeline_canvas_current_layout (self, &view);
  if (!_nichiro_timeline_canvas_lane_at (self, layout, y, &lane))
    return NICHIRO_TIMELINE_HIT_NONE;

  return nichiro_timeline_layout_hit_placed (layout, lane, &view, _nichiro_timeline_canvas_get_width (self),
                                             LABEL_PADDING, _nichiro_timeline_canvas_logical_x (self, x), out_index);
}
