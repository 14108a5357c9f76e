/* nichiro-timeline-layout.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-layout"

#include "config.h"

#include "nichiro-timeline-layout-private.h"

#include <math.h>
#include <string.h>

/* The timeline's layout: which lane each item shown goes in, group by
 * group (nichiro-timeline-groups.c), what merges into "+N" clusters, and
 * what is under a point. The axis (nichiro-timeline-ticks.c), the era
 * names (nichiro-timeline-era-labels.c) and where each label goes in a
 * frame (nichiro-timeline-labels.c) are computed per frame, apart.
 *
 * Lanes are computed once per zoom level, never per frame. Positions are
 * not stored: each is a time times the scale plus a fixed number of pixels
 * (a marker, a label), so a pan only moves the view, and a layout made at
 * one scale stays free of overlaps at every larger scale: two items that
 * clear each other by a positive margin at scale s start at times at least
 * that margin / s apart, and the gap only grows with s. The widget quantizes
 * the scale down to a level (nichiro_timeline_layout_quantize_scale()) and
 * lays out again only when the level changes.
 *
 * Packing is vis-timeline's stacking in time order: each item in the
 * lowest lane it clears, which needs no more lanes than items overlap. A
 * lane has two layers: the markers, bars and labels, and below them the
 * lifecycle lines of instruments, which may run for decades; a label may
 * stand above another's line, but never on another label, nor a line on
 * another line.
 * Given the layout of the level before (a hint), an item first tries the
 * lane it had there, so that zooming does not shuffle the picture: zooming
 * in, every item keeps its lane; zooming out, an item moves only when its
 * lane no longer has room. What finds no lane merges, in the group's last
 * lane, with what it collides with there into a "+N" badge of two or more:
 * one item is always drawn as itself. */

/* Zoom levels per doubling of the scale. */
#define LEVELS_PER_OCTAVE 4

/* Helpers: geometry */

static void geometry_at_level (const NichiroTimelineItem    *item,
                               const NichiroTimelineMetrics *metrics,
                               const NichiroTimelineView    *view,
                               double                        level,
                               NichiroTimelineGeometry      *out_geometry);

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
 *
 * Near the end of the timeline's content a label that would run further
 * past the last entry's day than @metrics allows turns before its marker
 * (or its bar), so that the last entries do not push the view decades
 * beyond them. Which labels turn is
 * decided at the view's zoom level (nichiro_timeline_layout_quantize_scale()),
 * so that a layout stays valid across its level.
 */
void
nichiro_timeline_item_get_geometry (const NichiroTimelineItem    *item,
                                    const NichiroTimelineMetrics *metrics,
                                    const NichiroTimelineView    *view,
                                    NichiroTimelineGeometry      *out_geometry)
{
  geometry_at_level (item, metrics, view, nichiro_timeline_layout_quantize_scale (view->scale), out_geometry);
}

/* The same, with the view's zoom level already known: a layout asks for
 * the geometry of each item several times at its own scale. */
static void
geometry_at_level (const NichiroTimelineItem    *item,
                   const NichiroTimelineMetrics *metrics,
                   const NichiroTimelineView    *view,
                   double                        level,
                   NichiroTimelineGeometry      *out_geometry)
{
  NichiroTimelineGeometry *g = out_geometry;
  double r = metrics->marker_radius, w = item->label_width;

  g->turned = FALSE;

  if (item->is_range)
    {
      double inner_end;

      g->bar_x0 = nichiro_timeline_view_time_to_x (view, item->start);
      g->bar_x1 = MAX (nichiro_timeline_view_time_to_x (view, item->end), g->bar_x0 + 2 * r);
      g->marker_x = g->bar_x0 + metrics->bar_padding + r;
      g->has_line = FALSE;
      g->x0 = g->bar_x0;

      inner_end = g->marker_x + r + metrics->label_gap + w + metrics->bar_padding;
      g->label_inside = inner_end <= g->bar_x1;
      if (g->label_inside)
        {
          g->label_x = g->marker_x + r + metrics->label_gap;
          g->x1 = g->bar_x1;
        }
      else if ((item->tail - item->end) * level + metrics->tail_room < metrics->label_gap + w)
        {
          g->turned = TRUE;
          g->label_x = g->bar_x0 - metrics->label_gap - w;
          g->x0 = g->label_x;
          g->x1 = g->bar_x1;
        }
      else
        {
          g->label_x = g->bar_x1 + metrics->label_gap;
          g->x1 = g->label_x + w;
        }
      return;
    }

  g->marker_x = nichiro_timeline_view_time_to_x (view, item->start + 0.5);
  g->label_inside = FALSE;
  g->has_line = FALSE;
  g->bar_x0 = g->bar_x1 = g->marker_x;
  if ((item->tail - item->start - 0.5) * level + metrics->tail_room < metrics->label_gap + w)
    {
      g->turned = TRUE;
      g->label_x = g->marker_x - r - metrics->label_gap - w;
      g->x0 = g->label_x;
      g->x1 = g->marker_x + r;
    }
  else
    {
      g->x0 = g->marker_x - r;
      g->label_x = g->marker_x + r + metrics->label_gap;
      g->x1 = g->label_x + w;
    }

  if (item->end > item->start + 1 || item->is_open)
    {
      g->bar_x1 = MAX (nichiro_timeline_view_time_to_x (view, item->end), g->marker_x);
      if (item->is_open)
        g->bar_x1 += metrics->open_tail;
      g->has_line = TRUE;
    }
}

double
_nichiro_timeline_cluster_width (const NichiroTimelineMetrics *metrics,
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

void
_nichiro_timeline_layout_item_geometry (NichiroTimelineLayout     *self,
                                        guint                      index,
                                        const NichiroTimelineView *view,
                                        NichiroTimelineGeometry   *out_geometry)
{
  double level = view->scale == self->scale ? self->level : nichiro_timeline_layout_quantize_scale (view->scale);

  geometry_at_level (layout_item (self, index), &self->metrics, view, level, out_geometry);
}

/* Packing one group into its lanes. */
typedef struct
{
  NichiroTimelineLayout *self;
  const NichiroTimelineGroupInfo *group;
  guint first_lane;
  guint n_lanes;
  const int *hint;        /* per occurrence of the group: a lane to try first, or NULL */
  int reserved;           /* the lane kept for the pinned item, or -1 */
  int pinned_position;    /* the pinned item's place in the group, or -1 */
  NichiroTimelineGeometry pinned;

  /* Per place in the group: where its item is at the layout's scale,
   * worked out once, since each packing reads it many times. */
  const NichiroTimelineGeometry *geometry;

  /* Per lane, where its labels and its lines end so far. */
  double *last_x1;
  double *last_line_x1;

  /* While packing with a hint: per lane, the next item hinted to it. */
  guint *next_hinted;     /* per lane: a place in the group, or G_MAXUINT */
  guint *following;       /* per place: the next place hinted to the same lane */
  guint *next_hinted_line; /* the same for the items with a lifecycle line */
  guint *following_line;
} Pack;

static void
pack_reset (Pack  *pack,
            guint  n_clusters,
            guint  n_members)
{
  NichiroTimelineLayout *self = pack->self;

  for (guint l = 0; l < pack->n_lanes; l++)
    g_array_set_size (self->lanes[pack->first_lane + l], 0);
  g_array_set_size (self->clusters, n_clusters);
  g_array_set_size (self->members, n_members);
  memset (&self->occurrence_no_line[pack->group->first_occurrence], 0, pack->group->n_items);
}

/* Links each place of the group to the next one hinted to the same lane
 * (and, for lines, to the next one with a line), so that an item placed
 * where it was not before leaves room for those that were. */
static void
pack_prepare_hint (Pack *pack)
{
  guint n_items = pack->group->n_items;
  g_autofree guint *last = g_new (guint, MAX (pack->n_lanes, 1));
  g_autofree guint *last_line = g_new (guint, MAX (pack->n_lanes, 1));

  pack->next_hinted = g_new (guint, MAX (pack->n_lanes, 1));
  pack->following = g_new (guint, MAX (n_items, 1));
  pack->next_hinted_line = g_new (guint, MAX (pack->n_lanes, 1));
  pack->following_line = g_new (guint, MAX (n_items, 1));
  for (guint l = 0; l < pack->n_lanes; l++)
    pack->next_hinted[l] = last[l] = pack->next_hinted_line[l] = last_line[l] = G_MAXUINT;

  for (guint k = 0; k < n_items; k++)
    {
      int lane = pack->hint[k];

      pack->following[k] = pack->following_line[k] = G_MAXUINT;
      if (lane < 0 || lane >= (int) pack->n_lanes)
        continue;

      if (last[lane] == G_MAXUINT)
        pack->next_hinted[lane] = k;
      else
        pack->following[last[lane]] = k;
      last[lane] = k;

      if (!pack->geometry[k].has_line)
        continue;
      if (last_line[lane] == G_MAXUINT)
        pack->next_hinted_line[lane] = k;
      else
        pack->following_line[last_line[lane]] = k;
      last_line[lane] = k;
    }
}

static void
pack_clear_hint (Pack *pack)
{
  g_clear_pointer (&pack->next_hinted, g_free);
  g_clear_pointer (&pack->following, g_free);
  g_clear_pointer (&pack->next_hinted_line, g_free);
  g_clear_pointer (&pack->following_line, g_free);
}

/* The next place after @position in a chain of places hinted to @lane. */
static guint
next_in_chain (guint *heads,
               guint *following,
               guint  lane,
               guint  position)
{
  guint next;

  while ((next = heads[lane]) != G_MAXUINT && next <= position)
    heads[lane] = following[next];

  return next;
}

/* Whether @a, which comes first, clears @b in both layers of a lane. */
static gboolean
clears (const NichiroTimelineGeometry *a,
        const NichiroTimelineGeometry *b,
        double                         gap)
{
  if (a->x1 + gap > b->x0)
    return FALSE;
  return !a->has_line || !b->has_line || a->bar_x1 + gap <= b->marker_x;
}

static gboolean
pack_fits (Pack                          *pack,
           guint                          lane,
           guint                          position,
           const NichiroTimelineGeometry *g,
           gboolean                       own_lane)
{
  NichiroTimelineLayout *self = pack->self;
  double gap = self->metrics.item_gap;

  if (g->x0 < pack->last_x1[lane] + gap)
    return FALSE;
  if (g->has_line && g->marker_x < pack->last_line_x1[lane] + gap)
    return FALSE;

  /* Before the pinned item, its lane takes only what ends before it. */
  if ((int) lane == pack->reserved && (int) position < pack->pinned_position &&
      !clears (g, &pack->pinned, gap))
    return FALSE;

  /* In another's lane, only what ends before the next item that had it,
   * and a line only before the next line there. */
  if (!own_lane && pack->next_hinted != NULL)
    {
      guint next = next_in_chain (pack->next_hinted, pack->following, lane, position);
      guint next_line = next_in_chain (pack->next_hinted_line, pack->following_line, lane, position);

      if (next != G_MAXUINT && !clears (g, &pack->geometry[next], gap))
        return FALSE;
      if (g->has_line && next_line != G_MAXUINT && g->bar_x1 + gap > pack->geometry[next_line].marker_x)
        return FALSE;
    }

  return TRUE;
}

/* Where a cluster's badge begins: at its first member's marker, or the
 * start of its bar, whichever side that member's label was on. */
double
_nichiro_timeline_layout_badge_x (NichiroTimelineLayout     *self,
                                  guint                      cluster,
                                  const NichiroTimelineView *view)
{
  const NichiroTimelineCluster *c = &g_array_index (self->clusters, NichiroTimelineCluster, cluster);
  guint first = g_array_index (self->members, guint, c->first_member);
  NichiroTimelineGeometry g;

  _nichiro_timeline_layout_item_geometry (self, first, view, &g);
  return layout_item (self, first)->is_range ? g.bar_x0 : g.marker_x - self->metrics.marker_radius;
}

/* The time an item is drawn over: its bar's, or its day (a lifecycle
 * line is drawn apart, under other labels). */
static double
drawn_end (const NichiroTimelineItem *item)
{
  return item->is_range ? item->end : item->start + 1;
}

/* Whether the line of the item at @position would reach the next line
 * hinted to @lane. */
static gboolean
line_blocks_hinted (Pack                          *pack,
                    guint                          lane,
                    guint                          position,
                    const NichiroTimelineGeometry *g)
{
  guint next;

  if (pack->next_hinted_line == NULL)
    return FALSE;

  next = next_in_chain (pack->next_hinted_line, pack->following_line, lane, position);
  if (next == G_MAXUINT)
    return FALSE;

  return g->bar_x1 + pack->self->metrics.item_gap > pack->geometry[next].marker_x;
}

/* The item at @position found no lane: it collides with the last thing in
 * the group's last lane (the lane kept for the pinned item is never the
 * last), and merges with it. An item there becomes a cluster of two. */
static void
pack_merge (Pack  *pack,
            guint  position)
{
  NichiroTimelineLayout *self = pack->self;
  NichiroTimelineView view = { self->model->start, self->scale };
  guint mixed = pack->n_lanes - 1, i = pack->group->items[position];
  GArray *mixed_lane = self->lanes[pack->first_lane + mixed];
  NichiroTimelineCluster *cluster;
  guint last;

  g_assert (mixed_lane->len > 0);
  self->occurrence_lane[pack->group->first_occurrence + position] = -1;
  last = g_array_index (mixed_lane, guint, mixed_lane->len - 1);

  if (!nichiro_timeline_lane_is_cluster (last))
    {
      const NichiroTimelineItem *item = layout_item (self, last);
      NichiroTimelineCluster fresh = { self->members->len, 1, item->start, drawn_end (item), pack->first_lane + mixed };
      guint cluster_index = self->clusters->len;

      g_array_append_val (self->members, last);
      g_array_append_val (self->clusters, fresh);

      /* The item it was holds the lane's place no more. */
      for (guint k = position; k-- > 0;)
        if (pack->group->items[k] == last && self->occurrence_lane[pack->group->first_occurrence + k] == (int) mixed)
          {
            self->occurrence_lane[pack->group->first_occurrence + k] = -1;
            break;
          }
      last = cluster_index | NICHIRO_TIMELINE_LANE_CLUSTER;
      g_array_index (mixed_lane, guint, mixed_lane->len - 1) = last;
    }

  cluster = &g_array_index (self->clusters, NichiroTimelineCluster, nichiro_timeline_lane_index (last));
  g_assert (cluster->first_member + cluster->n_members == self->members->len);
  g_array_append_val (self->members, i);
  cluster->n_members++;
  cluster->start = MIN (cluster->start, layout_item (self, i)->start);
  cluster->end = MAX (cluster->end, drawn_end (layout_item (self, i)));

  /* Its badge starts where its first member does and widens with the
   * count. */
  pack->last_x1[mixed] = _nichiro_timeline_layout_badge_x (self, nichiro_timeline_lane_index (last), &view) +
                         _nichiro_timeline_cluster_width (&self->metrics, cluster->n_members);
}

/* Places the group's items in its lanes, in time order. Without
 * @make_clusters it fails when one finds no lane; with, the last lane
 * takes what does not fit anywhere into clusters. */
static gboolean
pack_group (Pack     *pack,
            gboolean  make_clusters)
{
  NichiroTimelineLayout *self = pack->self;
  guint n_lanes = pack->n_lanes;
  g_autofree double *last_x1 = g_new (double, MAX (n_lanes, 1));
  g_autofree double *last_line_x1 = g_new (double, MAX (n_lanes, 1));

  pack->last_x1 = last_x1;
  pack->last_line_x1 = last_line_x1;
  for (guint l = 0; l < n_lanes; l++)
    last_x1[l] = last_line_x1[l] = -G_MAXDOUBLE;
  if (pack->hint != NULL)
    pack_prepare_hint (pack);

  for (guint k = 0; k < pack->group->n_items; k++)
    {
      guint i = pack->group->items[k];
      guint occurrence = pack->group->first_occurrence + k;
      NichiroTimelineGeometry g = pack->geometry[k];
      int lane = -1;

      if ((int) k == pack->pinned_position && pack->reserved >= 0)
        {
          g_assert (g.x0 >= last_x1[pack->reserved] + self->metrics.item_gap);
          g_assert (!g.has_line || g.marker_x >= last_line_x1[pack->reserved] + self->metrics.item_gap);
          lane = pack->reserved;
        }
      else
        {
          int hinted = pack->hint != NULL ? pack->hint[k] : -1;

          if (hinted >= 0 && hinted < (int) n_lanes && pack_fits (pack, hinted, k, &g, TRUE))
            {
              lane = hinted;

              /* Its line must not take the place of a line that was
               * there before: without it, then. */
              if (g.has_line && line_blocks_hinted (pack, hinted, k, &g))
                {
                  g.has_line = FALSE;
                  self->occurrence_no_line[occurrence] = TRUE;
                }
            }
          for (guint l = 0; lane < 0 && l < n_lanes; l++)
            if (pack_fits (pack, l, k, &g, FALSE))
              lane = l;
          /* Rather than merge it with what it does not touch, it takes a
           * place another had in the last lane, where clusters are. */
          if (lane < 0 && make_clusters && pack_fits (pack, n_lanes - 1, k, &g, TRUE))
            lane = n_lanes - 1;

          /* Rather than merge it, it goes without its line where its
           * label has room: the entry matters more than its lifecycle. */
          if (lane < 0 && g.has_line)
            {
              NichiroTimelineGeometry bare = g;

              bare.has_line = FALSE;
              for (guint l = 0; lane < 0 && l < n_lanes; l++)
                if (pack_fits (pack, l, k, &bare, FALSE))
                  lane = l;
              if (lane >= 0)
                {
                  g.has_line = FALSE;
                  self->occurrence_no_line[occurrence] = TRUE;
                }
            }
        }

      if (lane >= 0)
        {
          last_x1[lane] = g.x1;
          if (g.has_line)
            last_line_x1[lane] = g.bar_x1;
          g_array_append_val (self->lanes[pack->first_lane + lane], i);
          self->occurrence_lane[occurrence] = lane;
          continue;
        }

      if (!make_clusters)
        {
          pack_clear_hint (pack);
          return FALSE;
        }


      pack_merge (pack, k);
    }

  pack_clear_hint (pack);
  return TRUE;
}

/* How many lanes the group would fill, up to @cap + 1 when it does not fit
 * in @cap. */
static guint
group_depth (NichiroTimelineLayout          *self,
             const NichiroTimelineGroupInfo *group,
             guint                           cap)
{
  NichiroTimelineView view = { self->model->start, self->scale };
  g_autofree double *last_x1 = g_new (double, MAX (cap, 1));
  g_autofree double *last_line_x1 = g_new (double, MAX (cap, 1));
  guint depth = 0;

  for (guint l = 0; l < cap; l++)
    last_x1[l] = last_line_x1[l] = -G_MAXDOUBLE;

  for (guint k = 0; k < group->n_items; k++)
    {
      NichiroTimelineGeometry g;
      guint l;

      _nichiro_timeline_layout_item_geometry (self, group->items[k], &view, &g);
      for (l = 0; l < cap; l++)
        if (g.x0 >= last_x1[l] + self->metrics.item_gap &&
            (!g.has_line || g.marker_x >= last_line_x1[l] + self->metrics.item_gap))
          break;
      if (l == cap)
        return cap + 1;
      last_x1[l] = g.x1;
      if (g.has_line)
        last_line_x1[l] = g.bar_x1;
      depth = MAX (depth, l + 1);
    }

  return depth;
}

/* Shares the lanes out: one for each group, then each one more to the
 * group that still needs the most. The pinned item's group gets two when
 * it needs them, so that a lane can be kept for it away from the clusters. */
static void
allocate_lanes (NichiroTimelineLayout *self,
                int                    pinned_group)
{
  guint n_groups = nichiro_timeline_groups_get_n_groups (self->groups);
  g_autofree guint *need = g_new0 (guint, MAX (n_groups, 1));
  g_autofree guint *given = g_new0 (guint, MAX (n_groups, 1));
  guint left = self->n_lanes, lane = 0;

  g_array_set_size (self->group_lanes, n_groups);
  if (n_groups == 0)
    return;

  if (n_groups == 1)
    {
      given[0] = self->n_lanes;
    }
  else
    {
      for (guint g = 0; g < n_groups; g++)
        {
          need[g] = group_depth (self, nichiro_timeline_groups_get_group (self->groups, g), self->n_lanes);
          given[g] = 1;
          left = left > 0 ? left - 1 : 0;
        }

      if (pinned_group >= 0 && need[pinned_group] > 1 && left > 0)
        {
          given[pinned_group]++;
          left--;
        }

      while (left > 0)
        {
          int best = -1;

          for (guint g = 0; g < n_groups; g++)
            if (need[g] > given[g] && (best < 0 || need[g] - given[g] > need[best] - given[best]))
              best = g;
          if (best < 0)
            break;
          given[best]++;
          left--;
        }
    }

  for (guint g = 0; g < n_groups; g++)
    {
      g_array_index (self->group_lanes, GroupLanes, g) = (GroupLanes) { lane, given[g] };
      lane += given[g];
    }
}

/* The lane (below the last one) where the pinned item covers the fewest
 * things, for keeping it free for it. */
static int
choose_reserved_lane (Pack                          *pack,
                      const NichiroTimelineGeometry *pinned)
{
  NichiroTimelineLayout *self = pack->self;
  NichiroTimelineView view = { self->model->start, self->scale };
  double gap = self->metrics.item_gap;
  guint best_count = G_MAXUINT;
  int best = -1;

  for (guint l = 0; l + 1 < pack->n_lanes; l++)
    {
      GArray *lane = self->lanes[pack->first_lane + l];
      guint count = 0;

      for (guint t = 0; t < lane->len; t++)
        {
          double x0, x1;

          nichiro_timeline_layout_get_extent (self, g_array_index (lane, guint, t), &view, &x0, &x1);
          if (x1 + gap > pinned->x0 && x0 < pinned->x1 + gap)
            count++;
        }

      if (count < best_count)
        {
          best_count = count;
          best = l;
        }
    }

  return best;
}

static void
pack (NichiroTimelineLayout *self,
      guint                  group_index,
      const int             *hint)
{
  const NichiroTimelineGroupInfo *group = nichiro_timeline_groups_get_group (self->groups, group_index);
  const GroupLanes *lanes = &g_array_index (self->group_lanes, GroupLanes, group_index);
  guint n_clusters = self->clusters->len, n_members = self->members->len;
  NichiroTimelineView view = { self->model->start, self->scale };
  g_autofree NichiroTimelineGeometry *geometry = NULL;
  Pack pack = { .self = self, .group = group, .first_lane = lanes->first, .n_lanes = lanes->n_lanes,
                .hint = hint, .reserved = -1, .pinned_position = -1 };

  if (lanes->n_lanes == 0)
    return;

  geometry = g_new (NichiroTimelineGeometry, MAX (group->n_items, 1));
  for (guint k = 0; k < group->n_items; k++)
    _nichiro_timeline_layout_item_geometry (self, group->items[k], &view, &geometry[k]);
  pack.geometry = geometry;

  if (self->pinned >= 0 && nichiro_timeline_groups_get_primary (self->groups, self->pinned) == (int) group_index)
    {
      for (guint k = 0; k < group->n_items; k++)
        if (group->items[k] == (guint) self->pinned)
          {
            pack.pinned_position = k;
            break;
          }
    }

  if (!pack_group (&pack, FALSE))
    {
      pack_reset (&pack, n_clusters, n_members);
      pack_group (&pack, TRUE);
    }

  /* The selection is never hidden in a cluster: it takes the lane where it
   * displaces least, and what it displaces moves, the rest staying where it
   * was. */
  if (pack.pinned_position >= 0 &&
      self->occurrence_lane[group->first_occurrence + pack.pinned_position] < 0 &&
      lanes->n_lanes >= 2)
    {
      NichiroTimelineGeometry g;
      g_autofree int *previous = g_memdup2 (&self->occurrence_lane[group->first_occurrence],
                                            sizeof (int) * MAX (group->n_items, 1));

      _nichiro_timeline_layout_item_geometry (self, self->pinned, &view, &g);
      pack.reserved = choose_reserved_lane (&pack, &g);
      pack.pinned = g;
      pack.hint = previous;
      pack_reset (&pack, n_clusters, n_members);
      if (!pack_group (&pack, FALSE))
        {
          pack_reset (&pack, n_clusters, n_members);
          pack_group (&pack, TRUE);
        }
    }
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
 * nichiro_timeline_layout_next_scale:
 * @level: a zoom level, from nichiro_timeline_layout_quantize_scale()
 *
 * Returns: the level above it
 */
double
nichiro_timeline_layout_next_scale (double level)
{
  g_return_val_if_fail (level > 0, level);

  return nichiro_timeline_layout_quantize_scale (level * exp2 (1.0 / LEVELS_PER_OCTAVE) * (1 + 1e-9));
}

/**
 * nichiro_timeline_layout_new:
 * @groups: what to show, in which groups, from a model with its labels
 *   measured
 * @metrics: the sizes the widget reserves
 * @scale: pixels per day, usually from nichiro_timeline_layout_quantize_scale()
 * @n_lanes: how many lanes fit, at least one per group; two more when
 *   there is a pinned item
 * @pinned: the position of an item that must not merge into a cluster
 *   (the selection), or -1
 * @hint: (nullable): a layout of the same @groups, at another zoom level
 *   or with another item pinned, whose lanes the items keep where they can
 *
 * Puts every item shown in a lane of its group (of each of its groups)
 * where neither it nor its label touches another at @scale or any larger
 * scale. What does not fit merges into "+N" clusters in the group's last
 * lane.
 *
 * Returns: (transfer full): the layout
 */
NichiroTimelineLayout *
nichiro_timeline_layout_new (NichiroTimelineGroups        *groups,
                             const NichiroTimelineMetrics *metrics,
                             double                        scale,
                             guint                         n_lanes,
                             int                           pinned,
                             NichiroTimelineLayout        *hint)
{
  NichiroTimelineLayout *self;
  NichiroTimelineModel *model;
  guint n_items, n_groups, n_occurrences;

  g_return_val_if_fail (groups != NULL, NULL);
  g_return_val_if_fail (metrics != NULL, NULL);
  g_return_val_if_fail (scale > 0, NULL);

  model = nichiro_timeline_groups_get_model (groups);
  n_items = model->items->len;
  n_groups = nichiro_timeline_groups_get_n_groups (groups);
  n_occurrences = nichiro_timeline_groups_get_n_occurrences (groups);
  g_return_val_if_fail (pinned < (int) n_items, NULL);

  if (pinned >= 0 && !nichiro_timeline_groups_is_shown (groups, pinned))
    pinned = -1;
  if (hint != NULL && hint->groups != groups)
    hint = NULL;

  self = g_new0 (NichiroTimelineLayout, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->groups = nichiro_timeline_groups_ref (groups);
  self->model = nichiro_timeline_model_ref (model);
  self->metrics = *metrics;
  self->scale = scale;
  self->level = nichiro_timeline_layout_quantize_scale (scale);
  self->n_lanes = MAX (n_lanes, n_groups);
  self->pinned = pinned;
  self->group_lanes = g_array_new (FALSE, TRUE, sizeof (GroupLanes));
  self->lane_group = g_new (int, MAX (self->n_lanes, 1));
  self->lane_of = g_new (int, MAX (n_items, 1));
  self->cluster_of = g_new (guint, MAX (n_items, 1));
  self->occurrence_lane = g_new (int, MAX (n_occurrences, 1));
  self->occurrence_no_line = g_new0 (guint8, MAX (n_occurrences, 1));
  self->lanes = g_new0 (GArray *, MAX (self->n_lanes, 1));
  self->lines = g_new0 (GArray *, MAX (self->n_lanes, 1));
  for (guint l = 0; l < self->n_lanes; l++)
    {
      self->lanes[l] = g_array_new (FALSE, FALSE, sizeof (guint));
      self->lines[l] = g_array_new (FALSE, FALSE, sizeof (guint));
    }
  self->clusters = g_array_new (FALSE, FALSE, sizeof (NichiroTimelineCluster));
  self->members = g_array_new (FALSE, FALSE, sizeof (guint));

  allocate_lanes (self, pinned >= 0 ? nichiro_timeline_groups_get_primary (groups, pinned) : -1);

  for (guint l = 0; l < self->n_lanes; l++)
    self->lane_group[l] = -1;
  for (guint g = 0; g < n_groups; g++)
    {
      const GroupLanes *lanes = &g_array_index (self->group_lanes, GroupLanes, g);
      const NichiroTimelineGroupInfo *info = nichiro_timeline_groups_get_group (groups, g);

      for (guint l = 0; l < lanes->n_lanes; l++)
        self->lane_group[lanes->first + l] = g;
      pack (self, g, hint != NULL ? &hint->occurrence_lane[info->first_occurrence] : NULL);
    }

  /* Each lane's lines, but for those that had to go, left to right. */
  for (guint g = 0; g < n_groups; g++)
    {
      const GroupLanes *lanes = &g_array_index (self->group_lanes, GroupLanes, g);
      const NichiroTimelineGroupInfo *info = nichiro_timeline_groups_get_group (groups, g);
      NichiroTimelineView view = { model->start, scale };

      for (guint k = 0; k < info->n_items; k++)
        {
          guint occurrence = info->first_occurrence + k;
          int lane = self->occurrence_lane[occurrence];
          NichiroTimelineGeometry geometry;

          if (lane < 0 || self->occurrence_no_line[occurrence])
            continue;
          _nichiro_timeline_layout_item_geometry (self, info->items[k], &view, &geometry);
          if (geometry.has_line)
            g_array_append_val (self->lines[lanes->first + lane], info->items[k]);
        }
    }

  /* Where each item is first drawn, or first merged. */
  for (guint i = 0; i < n_items; i++)
    {
      self->lane_of[i] = -1;
      self->cluster_of[i] = G_MAXUINT;
    }
  for (guint g = 0; g < n_groups; g++)
    {
      const GroupLanes *lanes = &g_array_index (self->group_lanes, GroupLanes, g);
      const NichiroTimelineGroupInfo *info = nichiro_timeline_groups_get_group (groups, g);

      for (guint k = 0; k < info->n_items; k++)
        {
          int lane = self->occurrence_lane[info->first_occurrence + k];
          guint item = info->items[k];

          if (lane >= 0 && self->lane_of[item] < 0)
            {
              self->lane_of[item] = lanes->first + lane;
              self->cluster_of[item] = G_MAXUINT;
            }
        }
    }
  for (guint c = 0; c < self->clusters->len; c++)
    {
      const NichiroTimelineCluster *cluster = &g_array_index (self->clusters, NichiroTimelineCluster, c);

      for (guint m = 0; m < cluster->n_members; m++)
        {
          guint item = g_array_index (self->members, guint, cluster->first_member + m);

          if (self->lane_of[item] < 0 && self->cluster_of[item] == G_MAXUINT)
            self->cluster_of[item] = c;
        }
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
    {
      g_array_unref (self->lanes[l]);
      g_array_unref (self->lines[l]);
    }
  g_free (self->lanes);
  g_free (self->lines);
  g_array_unref (self->clusters);
  g_array_unref (self->members);
  g_array_unref (self->group_lanes);
  g_free (self->lane_group);
  g_free (self->lane_of);
  g_free (self->cluster_of);
  g_free (self->occurrence_lane);
  g_free (self->occurrence_no_line);
  nichiro_timeline_groups_unref (self->groups);
  nichiro_timeline_model_unref (self->model);
  g_free (self);
}

