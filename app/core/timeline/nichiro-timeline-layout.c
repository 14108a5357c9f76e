/* nichiro-timeline-layout.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-layout"

#include "config.h"

#include "nichiro-timeline-layout.h"
#include "nichiro-timeline-model-private.h"

#include <math.h>

/* The timeline's layout: where each item of the model
 * (nichiro-timeline-model.c) is drawn, which lane it goes in, what merges
 * into "+N" clusters, and what is under a point. The axis
 * (nichiro-timeline-ticks.c) and the era names
 * (nichiro-timeline-era-labels.c) are placed per frame, apart.
 *
 * Lanes are computed once per zoom level, never per frame. Positions are
 * not stored: each is a time times the scale plus a fixed number of pixels
 * (a marker, a label), so a pan only moves the view, and a layout made at
 * one scale stays free of overlaps at every larger scale: two items that
 * clear each other by a positive margin at scale s start at times at least
 * that margin / s apart, and the gap only grows with s. The widget quantizes
 * the scale down to a level (nichiro_timeline_layout_quantize_scale()) and
 * lays out again only when the level changes. */

/* Zoom levels per doubling of the scale. */
#define LEVELS_PER_OCTAVE 4

struct _NichiroTimelineLayout
{
  gatomicrefcount ref_count;

  NichiroTimelineModel *model;
  NichiroTimelineMetrics metrics;
  double scale;
  guint n_lanes;
  guint n_item_lanes;
  int pinned;

  int *lane_of;           /* per item: its lane, or -1 inside a cluster */
  guint *cluster_of;      /* per item: its cluster, or G_MAXUINT */
  GArray **lanes;         /* per item lane: item positions, left to right */
  GArray *clusters;       /* NichiroTimelineCluster, left to right */
  GArray *members;        /* item positions, cluster after cluster */
};

/* Helpers: geometry */

/**
 * nichiro_timeline_item_get_geometry:
 * @item: an item
 * @metrics: the sizes the widget reserves
 * @view: where the view is
 * @out_geometry: (out caller-allocates): where @item is drawn
 *
 * A point sits in the middle of its day with its label after it; a range is
 * a bar with its marker and label inside when they fit, the label after it
 * when not; an instrument's lifecycle is a line from its signature on,
 * under its label.
 */
void
nichiro_timeline_item_get_geometry (const NichiroTimelineItem    *item,
                                    const NichiroTimelineMetrics *metrics,
                                    const NichiroTimelineView    *view,
                                    NichiroTimelineGeometry      *out_geometry)
{
  NichiroTimelineGeometry *g = out_geometry;
  double r = metrics->marker_radius;

  if (item->is_range)
    {
      double inner_end;

      g->bar_x0 = nichiro_timeline_view_time_to_x (view, item->start);
      g->bar_x1 = MAX (nichiro_timeline_view_time_to_x (view, item->end), g->bar_x0 + 2 * r);
      g->marker_x = g->bar_x0 + metrics->bar_padding + r;
      g->x0 = g->bar_x0;

      inner_end = g->marker_x + r + metrics->label_gap + item->label_width + metrics->bar_padding;
      g->label_inside = inner_end <= g->bar_x1;
      if (g->label_inside)
        {
          g->label_x = g->marker_x + r + metrics->label_gap;
          g->x1 = g->bar_x1;
        }
      else
        {
          g->label_x = g->bar_x1 + metrics->label_gap;
          g->x1 = g->label_x + item->label_width;
        }
      return;
    }

  g->marker_x = nichiro_timeline_view_time_to_x (view, item->start + 0.5);
  g->x0 = g->marker_x - r;
  g->label_x = g->marker_x + r + metrics->label_gap;
  g->label_inside = FALSE;
  g->x1 = g->label_x + item->label_width;
  g->bar_x0 = g->bar_x1 = g->marker_x;

  if (item->end > item->start + 1 || item->is_open)
    {
      g->bar_x1 = MAX (nichiro_timeline_view_time_to_x (view, item->end), g->marker_x);
      if (item->is_open)
        g->bar_x1 += metrics->open_tail;
      g->x1 = MAX (g->x1, g->bar_x1);
    }
}

static double
cluster_width (const NichiroTimelineMetrics *metrics,
               guint                         n_members)
{
  guint digits = 1;

  for (guint n = n_members; n >= 10; n /= 10)
    digits++;

  return 2 * metrics->cluster_padding + metrics->cluster_plus_width + digits * metrics->cluster_digit_width;
}

/* Helpers: the layout */

static const NichiroTimelineItem *
layout_item (NichiroTimelineLayout *self,
             guint                  index)
{
  return &g_array_index (self->model->items, NichiroTimelineItem, index);
}

static void
layout_geometry (NichiroTimelineLayout     *self,
                 guint                      index,
                 const NichiroTimelineView *view,
                 NichiroTimelineGeometry   *out_geometry)
{
  nichiro_timeline_item_get_geometry (layout_item (self, index), &self->metrics, view, out_geometry);
}

/* Greedy interval partitioning: items in time order, each in the first lane
 * whose last item it clears. In that order first fit needs no more lanes
 * than items overlap, and the same data gives the same lanes. Items that
 * find no lane either fail the pass or, with @make_clusters, merge into
 * the cluster at the end of the last lane or start one. */
static gboolean
assign_lanes (NichiroTimelineLayout *self,
              guint                  n_item_lanes,
              gboolean               make_clusters)
{
  NichiroTimelineView view = { self->model->start, self->scale };
  double gap = self->metrics.item_gap;
  guint n_items = self->model->items->len;
  g_autofree double *last_x1 = g_new (double, MAX (n_item_lanes, 1));
  double pinned_x0 = G_MAXDOUBLE;
  NichiroTimelineCluster *cluster = NULL;
  double cluster_x1 = -G_MAXDOUBLE;

  for (guint l = 0; l < self->n_lanes; l++)
    g_array_set_size (self->lanes[l], 0);
  g_array_set_size (self->clusters, 0);
  g_array_set_size (self->members, 0);

  for (guint l = 0; l < n_item_lanes; l++)
    last_x1[l] = -G_MAXDOUBLE;

  if (self->pinned >= 0)
    {
      NichiroTimelineGeometry g;

      layout_geometry (self, self->pinned, &view, &g);
      pinned_x0 = g.x0;
    }

  for (guint i = 0; i < n_items; i++)
    {
      NichiroTimelineGeometry g;
      int lane = -1;

      layout_geometry (self, i, &view, &g);

      if ((int) i == self->pinned)
        {
          /* Lane 0 was kept clear for it. */
          g_assert (g.x0 >= last_x1[0] + gap);
          lane = 0;
        }
      else
        {
          for (guint l = 0; l < n_item_lanes; l++)
            {
              if (g.x0 < last_x1[l] + gap)
                continue;
              /* Before the pinned item, lane 0 takes only what ends
               * before it begins. */
              if (l == 0 && (int) i < self->pinned && g.x1 + gap > pinned_x0)
                continue;
              lane = l;
              break;
            }
        }

      if (lane >= 0)
        {
          last_x1[lane] = g.x1;
          g_array_append_val (self->lanes[lane], i);
          self->lane_of[i] = lane;
          self->cluster_of[i] = G_MAXUINT;
          continue;
        }

      if (!make_clusters)
        return FALSE;

      self->lane_of[i] = -1;
      if (cluster == NULL || g.x0 >= cluster_x1 + gap)
        {
          NichiroTimelineCluster fresh = { self->members->len, 0, G_MAXDOUBLE, -G_MAXDOUBLE };

          g_array_append_val (self->clusters, fresh);
          cluster = &g_array_index (self->clusters, NichiroTimelineCluster, self->clusters->len - 1);
          cluster_x1 = g.x0;
        }

      g_array_append_val (self->members, i);
      self->cluster_of[i] = self->clusters->len - 1;
      cluster->n_members++;
      cluster->start = MIN (cluster->start, layout_item (self, i)->start);
      cluster->end = MAX (cluster->end, layout_item (self, i)->end);
      /* Its badge starts where its first member does and widens with the
       * count. */
      {
        NichiroTimelineGeometry first;

        layout_geometry (self, g_array_index (self->members, guint, cluster->first_member), &view, &first);
        cluster_x1 = first.x0 + cluster_width (&self->metrics, cluster->n_members);
      }
    }

  return TRUE;
}

/**
 * nichiro_timeline_layout_quantize_scale:
 * @scale: pixels per day
 *
 * Rounds @scale down to a zoom level, a quarter of a doubling apart. A
 * layout made at the level stays valid at every scale up to the next one,
 * so zooming lays out again only when it crosses a level.
 *
 * Returns: the level's scale, never more than @scale
 */
double
nichiro_timeline_layout_quantize_scale (double scale)
{
  double level;

  g_return_val_if_fail (scale > 0, scale);

  level = floor (log2 (scale) * LEVELS_PER_OCTAVE + 1e-9);
  /* Rounding in log2() and exp2() must not put the level above @scale. */
  while (exp2 (level / LEVELS_PER_OCTAVE) > scale)
    level--;

  return exp2 (level / LEVELS_PER_OCTAVE);
}

/**
 * nichiro_timeline_layout_new:
 * @model: a model, with its labels measured
 * @metrics: the sizes the widget reserves
 * @scale: pixels per day, usually from nichiro_timeline_layout_quantize_scale()
 * @n_lanes: how many lanes fit, at least 2
 * @pinned: the position of an item that must not merge into a cluster
 *   (the selection), or -1
 *
 * Puts every item in a lane where neither it nor its label touches
 * another at @scale or any larger scale. When they do not all fit, the
 * last lane holds "+N" clusters of what did not: the layout is made again
 * with one lane fewer, so that clusters never cover items.
 *
 * Returns: (transfer full): the layout
 */
NichiroTimelineLayout *
nichiro_timeline_layout_new (NichiroTimelineModel         *model,
                             const NichiroTimelineMetrics *metrics,
                             double                        scale,
                             guint                         n_lanes,
                             int                           pinned)
{
  NichiroTimelineLayout *self;
  guint n_items;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (metrics != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);
  g_return_val_if_fail (pinned < (int) model->items->len, NULL);

  n_items = model->items->len;
  self = g_new0 (NichiroTimelineLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->model = nichiro_timeline_model_ref (model);
  self->metrics = *metrics;
  self->scale = scale;
  self->n_lanes = MAX (n_lanes, 2);
  self->pinned = pinned;
  self->lane_of = g_new (int, MAX (n_items, 1));
  self->cluster_of = g_new (guint, MAX (n_items, 1));
  self->lanes = g_new0 (GArray *, self->n_lanes);
  for (guint l = 0; l < self->n_lanes; l++)
    self->lanes[l] = g_array_new (FALSE, FALSE, sizeof (guint));
  self->clusters = g_array_new (FALSE, FALSE, sizeof (NichiroTimelineCluster));
  self->members = g_array_new (FALSE, FALSE, sizeof (guint));

  self->n_item_lanes = self->n_lanes;
  if (!assign_lanes (self, self->n_lanes, FALSE))
    {
      self->n_item_lanes = self->n_lanes - 1;
      assign_lanes (self, self->n_item_lanes, TRUE);
    }

  return self;
}

NichiroTimelineLayout *
nichiro_timeline_layout_ref (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nichiro_timeline_layout_unref (NichiroTimelineLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint l = 0; l < self->n_lanes; l++)
    g_array_unref (self->lanes[l]);
  g_free (self->lanes);
  g_array_unref (self->clusters);
  g_array_unref (self->members);
  g_free (self->lane_of);
  g_free (self->cluster_of);
  nichiro_timeline_model_unref (self->model);
  g_free (self);
}

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

double
nichiro_timeline_layout_get_scale (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->scale;
}

/**
 * nichiro_timeline_layout_get_n_lanes:
 * @self: a layout
 *
 * Returns: the number of lanes, the cluster lane included
 */
guint
nichiro_timeline_layout_get_n_lanes (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_lanes;
}

/**
 * nichiro_timeline_layout_get_n_item_lanes:
 * @self: a layout
 *
 * Returns: the number of lanes that hold items: all of them, or all but
 *   the last when it holds clusters
 */
guint
nichiro_timeline_layout_get_n_item_lanes (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_item_lanes;
}

int
nichiro_timeline_layout_get_pinned (NichiroTimelineLayout *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->pinned;
}

/**
 * nichiro_timeline_layout_get_lane:
 * @self: a layout
 * @item: an item's position
 *
 * Returns: its lane, or -1 when it is inside a cluster
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
 * Returns: the cluster @item is in, or %G_MAXUINT
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
 * nichiro_timeline_layout_get_lane_items:
 * @self: a layout
 * @lane: a lane that holds items
 * @n_items: (out): how many it holds
 *
 * Returns: (array length=n_items): the positions of its items, left to right
 */
const guint *
nichiro_timeline_layout_get_lane_items (NichiroTimelineLayout *self,
                                        guint                  lane,
                                        guint                 *n_items)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (lane < self->n_lanes, NULL);
  g_return_val_if_fail (n_items != NULL, NULL);

  *n_items = self->lanes[lane]->len;
  return (const guint *) (gpointer) self->lanes[lane]->data;
}

/**
 * nichiro_timeline_layout_get_clusters:
 * @self: a layout
 * @n_clusters: (out): how many there are
 *
 * Returns: (array length=n_clusters): the clusters, left to right, all in
 *   the last lane
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
  NichiroTimelineGeometry first;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cluster < self->clusters->len);

  c = &g_array_index (self->clusters, NichiroTimelineCluster, cluster);
  layout_geometry (self, g_array_index (self->members, guint, c->first_member), view, &first);
  *out_x0 = first.x0;
  *out_x1 = first.x0 + cluster_width (&self->metrics, c->n_members);
}

static gboolean
is_cluster_lane (NichiroTimelineLayout *self,
                 guint                  lane)
{
  return lane >= self->n_item_lanes;
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
  if (is_cluster_lane (self, lane))
    {
      nichiro_timeline_layout_get_cluster_geometry (self, index, view, out_x0, out_x1);
    }
  else
    {
      NichiroTimelineGeometry g;

      layout_geometry (self, g_array_index (self->lanes[lane], guint, index), view, &g);
      *out_x0 = g.x0;
      *out_x1 = g.x1;
    }
}

static guint
lane_length (NichiroTimelineLayout *self,
             guint                  lane)
{
  return is_cluster_lane (self, lane) ? self->clusters->len : self->lanes[lane]->len;
}

/* The first thing in @lane whose right edge is at or after @x: what is in a
 * lane never overlaps, so right edges grow left to right. */
static guint
lane_search (NichiroTimelineLayout     *self,
             guint                      lane,
             const NichiroTimelineView *view,
             double                     x)
{
  guint low = 0, high = lane_length (self, lane);

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
 * nichiro_timeline_layout_get_lane_items(), or into the clusters for the
 * cluster lane.
 */
void
nichiro_timeline_layout_find_visible (NichiroTimelineLayout     *self,
                                      guint                      lane,
                                      const NichiroTimelineView *view,
                                      double                     width,
                                      guint                     *out_first,
                                      guint                     *out_end)
{
  guint low, high, n;

  g_return_if_fail (self != NULL);
  g_return_if_fail (lane < self->n_lanes);

  n = lane_length (self, lane);
  low = lane_search (self, lane, view, 0);

  /* The first one that starts after the right edge; left edges grow too. */
  high = n;
  {
    guint lo = low;

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
  }

  *out_first = low;
  *out_end = high;
}

/**
 * nichiro_timeline_layout_hit:
 * @self: a layout
 * @lane: the lane under the pointer
 * @view: where the view is
 * @x: the pointer's position
 * @out_index: (out): the item's position, or the cluster
 *
 * Returns: what is at @x in @lane, label included
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
  if (index >= lane_length (self, lane))
    return NICHIRO_TIMELINE_HIT_NONE;

  lane_extent (self, lane, index, view, &x0, &x1);
  if (x < x0)
    return NICHIRO_TIMELINE_HIT_NONE;

  if (is_cluster_lane (self, lane))
    {
      *out_index = index;
      return NICHIRO_TIMELINE_HIT_CLUSTER;
    }

  *out_index = g_array_index (self->lanes[lane], guint, index);
  return NICHIRO_TIMELINE_HIT_ITEM;
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

  n = lane_length (self, lane);
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

  if (is_cluster_lane (self, lane))
    {
      *out_index = best;
      return NICHIRO_TIMELINE_HIT_CLUSTER;
    }

  *out_index = g_array_index (self->lanes[lane], guint, best);
  return NICHIRO_TIMELINE_HIT_ITEM;
}
