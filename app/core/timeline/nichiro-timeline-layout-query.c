/* nichiro-timeline-layout-query.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-layout"

#include "config.h"

#include "nichiro-timeline-layout-private.h"

#include <math.h>

/* Reading a layout made by nichiro-timeline-layout.c: its groups' lanes,
 * what each lane holds, the clusters, where a thing is, what a view shows
 * of a lane in O(log n), and what is under a point. */

/**
 * nichiro_timeline_layout_get_model:
 * @self: a layout
 *
 * Returns: (transfer none): the model it lays out
 */
NichiroTimelineModel *
nichiro_timeline_layout_get_model (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->model;
}

/**
 * nichiro_timeline_layout_get_groups:
 * @self: a layout
 *
 * Returns: (transfer none): what it shows, in which groups
 */
NichiroTimelineGroups *
nichiro_timeline_layout_get_groups (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->groups;
}

const NichiroTimelineMetrics *
nichiro_timeline_layout_get_metrics (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->metrics;
}

double
nichiro_timeline_layout_get_scale (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->scale;
}

guint
nichiro_timeline_layout_get_n_lanes (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_lanes;
}

int
nichiro_timeline_layout_get_pinned (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->pinned;
}

/**
 * nichiro_timeline_layout_get_group_lanes:
 * @self: a layout
 * @group: a group
 * @out_first: (out): its first lane
 * @out_n_lanes: (out): how many lanes it has
 */
void
nichiro_timeline_layout_get_group_lanes (NichiroTimelineLayout *self,
                                         guint                  group,
                                         guint                 *out_first,
                                         guint                 *out_n_lanes)
{
  const GroupLanes *lanes;

  g_return_if_fail (self != NULL);
  g_return_if_fail (group < self->group_lanes->len);

  lanes = &g_array_index (self->group_lanes, GroupLanes, group);
  *out_first = lanes->first;
  *out_n_lanes = lanes->n_lanes;
}

/**
 * nichiro_timeline_layout_get_lane_group:
 * @self: a layout
 * @lane: a lane
 *
 * Returns: the group whose lane it is, or -1 when no group needed it
 */
int
nichiro_timeline_layout_get_lane_group (NichiroTimelineLayout *self,
                                        guint                  lane)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (lane < self->n_lanes, -1);

  return self->lane_group[lane];
}

/**
 * nichiro_timeline_layout_get_lane:
 * @self: a layout
 * @item: an item's position
 *
 * Returns: the lane it is drawn in (the first, when it is in several
 *   groups), or -1 when it is hidden or inside a cluster
 */
int
nichiro_timeline_layout_get_lane (NichiroTimelineLayout *self,
                                  guint                  item)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (item < self->model->items->len, -1);

  return self->lane_of[item];
}

/**
 * nichiro_timeline_layout_get_cluster_of:
 * @self: a layout
 * @item: an item's position
 *
 * Returns: the cluster @item is in when it is in no lane, or %G_MAXUINT
 */
guint
nichiro_timeline_layout_get_cluster_of (NichiroTimelineLayout *self,
                                        guint                  item)
{
  g_return_val_if_fail (self != NULL, G_MAXUINT);
  g_return_val_if_fail (item < self->model->items->len, G_MAXUINT);

  return self->cluster_of[item];
}

/**
 * nichiro_timeline_layout_get_lane_things:
 * @self: a layout
 * @lane: a lane
 * @n_things: (out): how many things it holds
 *
 * Returns: (array length=n_things): what it holds, left to right: item
 *   positions, and clusters marked with %NICHIRO_TIMELINE_LANE_CLUSTER
 */
const guint *
nichiro_timeline_layout_get_lane_things (NichiroTimelineLayout *self,
                                         guint                  lane,
                                         guint                 *n_things)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->n_lanes, NULL);
  g_return_val_if_fail (n_things != NULL, NULL);

  *n_things = self->lanes[lane]->len;
  return (const guint *) (gpointer) self->lanes[lane]->data;
}

/**
 * nichiro_timeline_layout_get_extent:
 * @self: a layout
 * @thing: an item's position, or a cluster marked as in a lane
 * @view: where the view is
 * @out_x0: (out): its left edge
 * @out_x1: (out): its right edge, label included
 */
void
nichiro_timeline_layout_get_extent (NichiroTimelineLayout     *self,
                                    guint                      thing,
                                    const NichiroTimelineView *view,
                                    double                    *out_x0,
                                    double                    *out_x1)
{
  g_return_if_fail (self != NULL);

  if (nichiro_timeline_lane_is_cluster (thing))
    {
      nichiro_timeline_layout_get_cluster_geometry (self, nichiro_timeline_lane_index (thing), view, out_x0, out_x1);
    }
  else
    {
      NichiroTimelineGeometry g;

      _nichiro_timeline_layout_item_geometry (self, thing, view, &g);
      *out_x0 = g.x0;
      *out_x1 = g.x1;
    }
}

/**
 * nichiro_timeline_layout_get_clusters:
 * @self: a layout
 * @n_clusters: (out): how many there are
 *
 * Returns: (array length=n_clusters): the clusters
 */
const NichiroTimelineCluster *
nichiro_timeline_layout_get_clusters (NichiroTimelineLayout *self,
                                      guint                 *n_clusters)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_clusters != NULL, NULL);

  *n_clusters = self->clusters->len;
  return (const NichiroTimelineCluster *) (gpointer) self->clusters->data;
}

/**
 * nichiro_timeline_layout_get_cluster_members:
 * @self: a layout
 * @cluster: a cluster
 * @n_members: (out): how many items it stands for
 *
 * Returns: (array length=n_members): their positions, in time order
 */
const guint *
nichiro_timeline_layout_get_cluster_members (NichiroTimelineLayout *self,
                                             guint                  cluster,
                                             guint                 *n_members)
{
  const NichiroTimelineCluster *c;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (cluster < self->clusters->len, NULL);
  g_return_val_if_fail (n_members != NULL, NULL);

  c = &g_array_index (self->clusters, NichiroTimelineCluster, cluster);
  *n_members = c->n_members;
  return &g_array_index (self->members, guint, c->first_member);
}

/**
 * nichiro_timeline_layout_get_cluster_geometry:
 * @self: a layout
 * @cluster: a cluster
 * @view: where the view is
 * @out_x0: (out): the left edge of its badge
 * @out_x1: (out): the right edge
 */
void
nichiro_timeline_layout_get_cluster_geometry (NichiroTimelineLayout     *self,
                                              guint                      cluster,
                                              const NichiroTimelineView *view,
                                              double                    *out_x0,
                                              double                    *out_x1)
{
  const NichiroTimelineCluster *c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cluster < self->clusters->len);

  c = &g_array_index (self->clusters, NichiroTimelineCluster, cluster);
  *out_x0 = _nichiro_timeline_layout_badge_x (self, cluster, view);
  *out_x1 = *out_x0 + _nichiro_timeline_cluster_width (&self->metrics, c->n_members);
}

/**
 * nichiro_timeline_layout_find_thing:
 * @self: a layout
 * @lane: a lane
 * @thing: an item's position, or a marked cluster
 * @out_position: (out): where it is in the lane
 *
 * Returns: whether @lane holds @thing
 */
gboolean
nichiro_timeline_layout_find_thing (NichiroTimelineLayout *self,
                                    guint                  lane,
                                    guint                  thing,
                                    guint                 *out_position)
{
  NichiroTimelineView view;
  GArray *things;
  double x0, x1;
  guint low = 0, high;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (lane < self->n_lanes, FALSE);

  /* What a lane holds never overlaps: left edges grow left to right. */
  things = self->lanes[lane];
  view = (NichiroTimelineView) { self->model->start, self->scale };
  nichiro_timeline_layout_get_extent (self, thing, &view, &x0, &x1);
  high = things->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      double m0, m1;

      nichiro_timeline_layout_get_extent (self, g_array_index (things, guint, middle), &view, &m0, &m1);
      if (m0 < x0)
        low = middle + 1;
      else
        high = middle;
    }

  for (; low < things->len; low++)
    {
      double m0, m1;

      if (g_array_index (things, guint, low) == thing)
        {
          if (out_position != NULL)
            *out_position = low;
          return TRUE;
        }
      nichiro_timeline_layout_get_extent (self, g_array_index (things, guint, low), &view, &m0, &m1);
      if (m0 > x0)
        break;
    }

  return FALSE;
}

/* The left and right edges of the @index-th thing in @lane. */
static void
lane_extent (NichiroTimelineLayout     *self,
             guint                      lane,
             guint                      index,
             const NichiroTimelineView *view,
             double                    *out_x0,
             double                    *out_x1)
{
  nichiro_timeline_layout_get_extent (self, g_array_index (self->lanes[lane], guint, index), view, out_x0, out_x1);
}

/* The first thing in @lane whose right edge is at or after @x: what is in a
 * lane never overlaps, so right edges grow left to right. */
static guint
lane_search (NichiroTimelineLayout     *self,
             guint                      lane,
             const NichiroTimelineView *view,
             double                     x)
{
  guint low = 0, high = self->lanes[lane]->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      double x0, x1;

      lane_extent (self, lane, middle, view, &x0, &x1);
      if (x1 < x)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * nichiro_timeline_layout_find_visible:
 * @self: a layout
 * @lane: a lane
 * @view: where the view is
 * @width: the width of the view
 * @out_first: (out): the first index in view
 * @out_end: (out): the index after the last one in view
 *
 * Finds what a view shows of @lane in O(log n): indices into
 * nichiro_timeline_layout_get_lane_things().
 */
void
nichiro_timeline_layout_find_visible (NichiroTimelineLayout     *self,
                                      guint                      lane,
                                      const NichiroTimelineView *view,
                                      double                     width,
                                      guint                     *out_first,
                                      guint                     *out_end)
{
  guint low, lo, high;

  g_return_if_fail (self != NULL);
  g_return_if_fail (lane < self->n_lanes);

  low = lane_search (self, lane, view, 0);

  /* The first one that starts after the right edge; left edges grow too. */
  high = self->lanes[lane]->len;
  lo = low;
  while (lo < high)
    {
      guint middle = lo + (high - lo) / 2;
      double x0, x1;

      lane_extent (self, lane, middle, view, &x0, &x1);
      if (x0 <= width)
        lo = middle + 1;
      else
        high = middle;
    }

  *out_first = low;
  *out_end = high;
}

static NichiroTimelineHitKind
thing_hit (guint  thing,
           guint *out_index)
{
  *out_index = nichiro_timeline_lane_index (thing);
  return nichiro_timeline_lane_is_cluster (thing) ? NICHIRO_TIMELINE_HIT_CLUSTER : NICHIRO_TIMELINE_HIT_ITEM;
}

/**
 * nichiro_timeline_layout_hit:
 * @self: a layout
 * @lane: the lane under the pointer
 * @view: where the view is
 * @x: the pointer's position
 * @out_index: (out): the item's position, or the cluster
 *
 * Returns: what is at @x in @lane, its label at its usual place included
 */
NichiroTimelineHitKind
nichiro_timeline_layout_hit (NichiroTimelineLayout     *self,
                             guint                      lane,
                             const NichiroTimelineView *view,
                             double                     x,
                             guint                     *out_index)
{
  guint index;
  double x0, x1;

  g_return_val_if_fail (self != NULL, NICHIRO_TIMELINE_HIT_NONE);
  g_return_val_if_fail (out_index != NULL, NICHIRO_TIMELINE_HIT_NONE);

  if (lane >= self->n_lanes)
    return NICHIRO_TIMELINE_HIT_NONE;

  index = lane_search (self, lane, view, x);
  if (index >= self->lanes[lane]->len)
    return NICHIRO_TIMELINE_HIT_NONE;

  lane_extent (self, lane, index, view, &x0, &x1);
  if (x < x0)
    return NICHIRO_TIMELINE_HIT_NONE;

  return thing_hit (g_array_index (self->lanes[lane], guint, index), out_index);
}

/**
 * nichiro_timeline_layout_nearest:
 * @self: a layout
 * @lane: a lane
 * @view: where the view is
 * @x: a position
 * @out_index: (out): the item's position, or the cluster
 *
 * Finds what in @lane begins nearest to @x, for moving between lanes with
 * the keyboard.
 *
 * Returns: what was found, or %NICHIRO_TIMELINE_HIT_NONE if @lane is empty
 */
NichiroTimelineHitKind
nichiro_timeline_layout_nearest (NichiroTimelineLayout     *self,
                                 guint                      lane,
                                 const NichiroTimelineView *view,
                                 double                     x,
                                 guint                     *out_index)
{
  guint n, index, best = 0;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, NICHIRO_TIMELINE_HIT_NONE);
  g_return_val_if_fail (out_index != NULL, NICHIRO_TIMELINE_HIT_NONE);

  if (lane >= self->n_lanes)
    return NICHIRO_TIMELINE_HIT_NONE;

  n = self->lanes[lane]->len;
  if (n == 0)
    return NICHIRO_TIMELINE_HIT_NONE;

  index = lane_search (self, lane, view, x);
  for (guint i = index > 0 ? index - 1 : 0; i <= index + 1 && i < n; i++)
    {
      double x0, x1, distance;

      lane_extent (self, lane, i, view, &x0, &x1);
      distance = fabs (x0 - x);
      if (x >= x0 && x <= x1)
        distance = 0;
      if (distance < best_distance)
        {
          best_distance = distance;
          best = i;
        }
    }

  return thing_hit (g_array_index (self->lanes[lane], guint, best), out_index);
}

/**
 * nichiro_timeline_layout_get_lane_lines:
 * @self: a layout
 * @lane: a lane
 * @n_lines: (out): how many there are
 *
 * Returns: (array length=n_lines): the positions of the items in @lane
 *   that draw a lifecycle line, left to right; their lines never overlap
 */
const guint *
nichiro_timeline_layout_get_lane_lines (NichiroTimelineLayout *self,
                                        guint                  lane,
                                        guint                 *n_lines)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->n_lanes, NULL);
  g_return_val_if_fail (n_lines != NULL, NULL);

  *n_lines = self->lines[lane]->len;
  return (const guint *) (gpointer) self->lines[lane]->data;
}

static void
line_extent (NichiroTimelineLayout     *self,
             guint                      lane,
             guint                      index,
             const NichiroTimelineView *view,
             double                    *out_x0,
             double                    *out_x1)
{
  NichiroTimelineGeometry g;

  _nichiro_timeline_layout_item_geometry (self, g_array_index (self->lines[lane], guint, index), view, &g);
  *out_x0 = g.marker_x;
  *out_x1 = g.bar_x1;
}

/**
 * nichiro_timeline_layout_find_visible_lines:
 * @self: a layout
 * @lane: a lane
 * @view: where the view is
 * @width: the width of the view
 * @out_first: (out): the first index in view
 * @out_end: (out): the index after the last one in view
 *
 * Finds the lifecycle lines a view shows of @lane in O(log n): indices
 * into nichiro_timeline_layout_get_lane_lines().
 */
void
nichiro_timeline_layout_find_visible_lines (NichiroTimelineLayout     *self,
                                            guint                      lane,
                                            const NichiroTimelineView *view,
                                            double                     width,
                                            guint                     *out_first,
                                            guint                     *out_end)
{
  guint low = 0, high, lo;

  g_return_if_fail (self != NULL);
  g_return_if_fail (lane < self->n_lanes);

  high = self->lines[lane]->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      double x0, x1;

      line_extent (self, lane, middle, view, &x0, &x1);
      if (x1 < 0)
        low = middle + 1;
      else
        high = middle;
    }

  high = self->lines[lane]->len;
  lo = low;
  while (lo < high)
    {
      guint middle = lo + (high - lo) / 2;
      double x0, x1;

      line_extent (self, lane, middle, view, &x0, &x1);
      if (x0 <= width)
        lo = middle + 1;
      else
        high = middle;
    }

  *out_first = low;
  *out_end = high;
}
