/* nichiro-timeline-labels.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-labels"

#include "config.h"

#include "nichiro-timeline-labels.h"
#include "nichiro-timeline-model-private.h"

#include <math.h>

/* Where labels go in a frame, and views that keep them whole.
 *
 * A label is drawn whole or not at all: a title cut at the view's edge
 * ("Sov", "Treaty (") reads as another word. At the left edge a label
 * slides along what its item still shows (a bar, a lifecycle line); at the
 * right edge it turns to its marker's left when the lane has room there.
 * Otherwise it waits until the view moves.
 *
 * Fitting a time span to the view (the dataset's period, a chapter part,
 * an entry, a cluster) takes the labels into account: the view is the
 * largest zoom at which every label of an entry in the span that is drawn
 * in a lane lies whole inside it. */

/* Helpers */

/**
 * nichiro_timeline_item_get_content:
 * @item: an item
 * @metrics: the sizes the widget reserves
 * @view: where the view is
 * @out_x0: (out): the left edge of its marker or bar
 * @out_x1: (out): the right edge of its label, or of its marker when that
 *   is further
 *
 * What must be in view for @item to read whole: its marker or the start of
 * its bar, and its label at its usual place. A bar or a lifecycle line
 * may run on past the edge.
 */
void
nichiro_timeline_item_get_content (const NichiroTimelineItem    *item,
                                   const NichiroTimelineMetrics *metrics,
                                   const NichiroTimelineView    *view,
                                   double                       *out_x0,
                                   double                       *out_x1)
{
  NichiroTimelineGeometry g;

  nichiro_timeline_item_get_geometry (item, metrics, view, &g);
  *out_x0 = MIN (g.x0, g.label_x);
  *out_x1 = MAX (g.label_x + item->label_width, g.marker_x + metrics->marker_radius);
  if (g.turned && item->is_range)
    *out_x1 = MAX (*out_x1, g.bar_x0 + 2 * metrics->marker_radius);
}

static const NichiroTimelineItem *
get_item (NichiroTimelineLayout *layout,
          guint                  index)
{
  return nichiro_timeline_model_get_item (nichiro_timeline_layout_get_model (layout), index);
}

typedef void (*LabelFunc) (NichiroTimelineLayout           *layout,
                           guint                            lane,
                           guint                            position,
                           const NichiroTimelineLabelPlace *place,
                           gpointer                         user_data);

/* Calls @func for each item of @lane whose label is drawn: those in view,
 * and those out of view at the left whose line is in view and whose label
 * slides along it. */
static void
foreach_label (NichiroTimelineLayout     *layout,
               guint                      lane,
               const NichiroTimelineView *view,
               double                     width,
               double                     padding,
               LabelFunc                  func,
               gpointer                   user_data)
{
  guint n_things, n_lines, first, end, line_first, line_end;
  const guint *things = nichiro_timeline_layout_get_lane_things (layout, lane, &n_things);
  const guint *lines = nichiro_timeline_layout_get_lane_lines (layout, lane, &n_lines);
  NichiroTimelineLabelPlace place;

  nichiro_timeline_layout_find_visible (layout, lane, view, width, &first, &end);
  nichiro_timeline_layout_find_visible_lines (layout, lane, view, width, &line_first, &line_end);

  for (guint i = line_first; i < line_end; i++)
    {
      guint position;

      if (!nichiro_timeline_layout_find_thing (layout, lane, lines[i], &position) || position >= first)
        continue;
      nichiro_timeline_layout_place_label (layout, lane, position, view, width, padding, &place);
      if (place.shown)
        func (layout, lane, position, &place, user_data);
    }

  for (guint i = first; i < end; i++)
    {
      if (nichiro_timeline_lane_is_cluster (things[i]))
        continue;
      nichiro_timeline_layout_place_label (layout, lane, i, view, width, padding, &place);
      if (place.shown)
        func (layout, lane, i, &place, user_data);
    }
}

/* Public API */

/**
 * nichiro_timeline_layout_place_label:
 * @layout: a layout
 * @lane: a lane
 * @position: the place in @lane of an item (not a cluster)
 * @view: where the view is
 * @width: the view's width
 * @padding: the least room between a label and the view's edges
 * @out_place: (out caller-allocates): where the item's label goes
 */
void
nichiro_timeline_layout_place_label (NichiroTimelineLayout     *layout,
                                     guint                      lane,
                                     guint                      position,
                                     const NichiroTimelineView *view,
                                     double                     width,
                                     double                     padding,
                                     NichiroTimelineLabelPlace *out_place)
{
  const NichiroTimelineMetrics *metrics = nichiro_timeline_layout_get_metrics (layout);
  guint n_things;
  const guint *things = nichiro_timeline_layout_get_lane_things (layout, lane, &n_things);
  const NichiroTimelineItem *item;
  NichiroTimelineGeometry g;
  /* A hundredth of a pixel for rounding: a view fitted to a label's end
   * is fitted to it. */
  double w, low = padding - 0.01, high = width - padding + 0.01;

  g_return_if_fail (position < n_things);
  g_return_if_fail (!nichiro_timeline_lane_is_cluster (things[position]));

  item = get_item (layout, things[position]);
  w = item->label_width;
  nichiro_timeline_item_get_geometry (item, metrics, view, &g);
  *out_place = (NichiroTimelineLabelPlace) { g.label_x, TRUE, FALSE };

  if (g.label_x >= low && g.label_x + w <= high)
    return;

  out_place->shown = FALSE;
  if (w > high - low)
    return;

  if (g.label_x < low)
    {
      /* Slides along what the item still shows (its bar, its line), no
       * further, and not onto the next label; one turned before its
       * marker stays there. */
      double room_end = g.turned ? -G_MAXDOUBLE : g.x1;

      if (item->is_range && g.label_inside)
        room_end = g.bar_x1 - metrics->bar_padding;
      else if (g.has_line)
        room_end = g.bar_x1 - (item->is_open ? metrics->open_tail : 0);

      if (position + 1 < n_things)
        {
          double x0, x1;

          nichiro_timeline_layout_get_extent (layout, things[position + 1], view, &x0, &x1);
          room_end = MIN (room_end, x0 - metrics->item_gap);
        }

      if (room_end - w >= low)
        *out_place = (NichiroTimelineLabelPlace) { padding, TRUE, TRUE };
      return;
    }

  /* Cut at the right: before the marker, or the bar, when its own lane
   * has room there and the marker is in view. */
  if (!g.turned)
    {
      double start = item->is_range ? g.bar_x0 : g.x0;
      double turned = start - metrics->label_gap - w;
      double room_start = low;

      if (start > high)
        return;

      if (position > 0)
        {
          double x0, x1;

          nichiro_timeline_layout_get_extent (layout, things[position - 1], view, &x0, &x1);
          room_start = MAX (room_start, x1 + metrics->item_gap);
        }

      if (turned >= room_start)
        *out_place = (NichiroTimelineLabelPlace) { turned, TRUE, TRUE };
    }
}

typedef struct
{
  double x;
  guint index;
} LabelHit;

static void
hit_label_cb (NichiroTimelineLayout           *layout,
              guint                            lane,
              guint                            position,
              const NichiroTimelineLabelPlace *place,
              gpointer                         user_data)
{
  LabelHit *hit = user_data;
  guint n_things;
  guint item = nichiro_timeline_layout_get_lane_things (layout, lane, &n_things)[position];

  if (place->moved && hit->x >= place->x && hit->x <= place->x + get_item (layout, item)->label_width)
    hit->index = item;
}

/**
 * nichiro_timeline_layout_hit_placed:
 * @layout: a layout
 * @lane: the lane under the pointer
 * @view: where the view is
 * @width: the view's width
 * @padding: as for nichiro_timeline_layout_place_label()
 * @x: the pointer's position
 * @out_index: (out): the item's position, or the cluster
 *
 * Like nichiro_timeline_layout_hit(), with labels where they are drawn:
 * a label turned before its marker is the item's too.
 *
 * Returns: what is at @x in @lane
 */
NichiroTimelineHitKind
nichiro_timeline_layout_hit_placed (NichiroTimelineLayout     *layout,
                                    guint                      lane,
                                    const NichiroTimelineView *view,
                                    double                     width,
                                    double                     padding,
                                    double                     x,
                                    guint                     *out_index)
{
  NichiroTimelineHitKind kind;
  LabelHit hit;

  g_return_val_if_fail (layout != NULL, NICHIRO_TIMELINE_HIT_NONE);
  g_return_val_if_fail (out_index != NULL, NICHIRO_TIMELINE_HIT_NONE);

  if (lane >= nichiro_timeline_layout_get_n_lanes (layout))
    return NICHIRO_TIMELINE_HIT_NONE;

  kind = nichiro_timeline_layout_hit (layout, lane, view, x, out_index);
  if (kind != NICHIRO_TIMELINE_HIT_NONE)
    return kind;

  hit.x = x;
  hit.index = G_MAXUINT;
  foreach_label (layout, lane, view, width, padding, hit_label_cb, &hit);
  if (hit.index == G_MAXUINT)
    return NICHIRO_TIMELINE_HIT_NONE;

  *out_index = hit.index;
  return NICHIRO_TIMELINE_HIT_ITEM;
}

typedef struct
{
  GHashTable *seen;
  double from;
  double to;
  guint n_in_range;
} Readable;

static void
count_label_cb (NichiroTimelineLayout           *layout,
                guint                            lane,
                guint                            position,
                const NichiroTimelineLabelPlace *place,
                gpointer                         user_data)
{
  Readable *readable = user_data;
  guint n_things;
  guint item = nichiro_timeline_layout_get_lane_things (layout, lane, &n_things)[position];
  const NichiroTimelineItem *it = get_item (layout, item);

  if (!g_hash_table_add (readable->seen, GUINT_TO_POINTER (item + 1)))
    return;
  if (it->start >= readable->from && it->start < readable->to)
    readable->n_in_range++;
}

/**
 * nichiro_timeline_layout_count_readable:
 * @layout: a layout
 * @view: where the view is
 * @width: the view's width
 * @padding: as for nichiro_timeline_layout_place_label()
 * @from: the start of a time span
 * @to: its end
 * @out_in_range: (out) (optional): how many of them start between @from
 *   and @to
 *
 * Counts what a reader can read on the timeline: the entries whose label
 * (their short or full title) is drawn whole in the view, each once
 * however many groups it is drawn in.
 *
 * Returns: how many there are
 */
guint
nichiro_timeline_layout_count_readable (NichiroTimelineLayout     *layout,
                                        const NichiroTimelineView *view,
                                        double                     width,
                                        double                     padding,
                                        double                     from,
                                        double                     to,
                                        guint                     *out_in_range)
{
  Readable readable = { g_hash_table_new (NULL, NULL), from, to, 0 };
  guint n;

  g_return_val_if_fail (layout != NULL, 0);

  for (guint lane = 0; lane < nichiro_timeline_layout_get_n_lanes (layout); lane++)
    foreach_label (layout, lane, view, width, padding, count_label_cb, &readable);

  n = g_hash_table_size (readable.seen);
  g_hash_table_unref (readable.seen);
  if (out_in_range != NULL)
    *out_in_range = readable.n_in_range;
  return n;
}

/* An item to fit, and where it is in its lane. */
typedef struct
{
  guint item;
  guint lane;
  guint position;
} Fitted;

/* The width the content of @items takes at @scale. A label may turn
 * before its marker where its lane has room (as
 * nichiro_timeline_layout_place_label() turns it at the right edge), when
 * that ends it sooner without reaching further left than the rest. */
static double
content_width (NichiroTimelineLayout *layout,
               GArray                *items,
               double                 first,
               double                 last,
               double                 origin,
               double                 scale,
               double                *out_x0)
{
  const NichiroTimelineMetrics *metrics = nichiro_timeline_layout_get_metrics (layout);
  NichiroTimelineView view = { origin, scale };
  double low, high;

  /* The span's first and last entries, drawn in a lane or not. */
  low = nichiro_timeline_view_time_to_x (&view, first) - metrics->marker_radius;
  high = nichiro_timeline_view_time_to_x (&view, last) + metrics->marker_radius;

  for (guint i = 0; i < items->len; i++)
    {
      double x0, x1;

      nichiro_timeline_item_get_content (get_item (layout, g_array_index (items, Fitted, i).item), metrics, &view, &x0, &x1);
      low = MIN (low, x0);
    }

  for (guint i = 0; i < items->len; i++)
    {
      const Fitted *fitted = &g_array_index (items, Fitted, i);
      const NichiroTimelineItem *item = get_item (layout, fitted->item);
      NichiroTimelineGeometry g;
      double x0, x1, start, turned, turned_end;

      nichiro_timeline_item_get_content (item, metrics, &view, &x0, &x1);
      nichiro_timeline_item_get_geometry (item, metrics, &view, &g);
      if (g.turned)
        {
          high = MAX (high, x1);
          continue;
        }
      start = item->is_range ? g.bar_x0 : g.x0;
      turned = start - metrics->label_gap - item->label_width;
      turned_end = item->is_range ? g.bar_x0 + 2 * metrics->marker_radius : g.marker_x + metrics->marker_radius;

      if (turned_end < x1 && turned >= low)
        {
          guint n_things;
          const guint *things = nichiro_timeline_layout_get_lane_things (layout, fitted->lane, &n_things);
          double p0 = -G_MAXDOUBLE, p1 = -G_MAXDOUBLE;

          if (fitted->position > 0)
            nichiro_timeline_layout_get_extent (layout, things[fitted->position - 1], &view, &p0, &p1);
          if (turned >= p1 + metrics->item_gap)
            x1 = turned_end;
        }

      high = MAX (high, x1);
    }

  if (out_x0 != NULL)
    *out_x0 = low;
  return high - low;
}

/**
 * nichiro_timeline_layout_fit:
 * @layout: a layout
 * @from: the start of a time span
 * @to: its end
 * @width: the view's width
 * @padding: the least room between a label and the view's edges
 * @min_span: the least time a view spans
 * @out_start: (out): the view's start
 * @out_end: (out): its end
 *
 * Finds the view, at @layout's zoom level (up to the next), that shows
 * every entry starting between @from and @to that @layout draws in a
 * lane, each with its label whole, as large as they can be. The caller
 * tries lower levels when this one has no room for them; an empty span
 * fits as it is.
 *
 * Returns: %FALSE when the labels do not fit at this level
 */
gboolean
nichiro_timeline_layout_fit (NichiroTimelineLayout *layout,
                             double                 from,
                             double                 to,
                             double                 width,
                             double                 padding,
                             double                 min_span,
                             double                *out_start,
                             double                *out_end)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Fitted));
  double first, last, level, room = width - 2 * padding, low, high, scale, x0, used, left;

  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (out_start != NULL && out_end != NULL, FALSE);

  level = nichiro_timeline_layout_get_scale (layout);
  for (guint lane = 0; lane < nichiro_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n_things;
      const guint *things = nichiro_timeline_layout_get_lane_things (layout, lane, &n_things);

      for (guint i = 0; i < n_things; i++)
        {
          const NichiroTimelineItem *item;

          if (nichiro_timeline_lane_is_cluster (things[i]))
            continue;
          item = get_item (layout, things[i]);
          if (item->start >= from && item->start < to)
            {
              Fitted fitted = { things[i], lane, i };

              g_array_append_val (items, fitted);
            }
        }
    }

  if (room <= 0)
    return FALSE;

  if (items->len == 0)
    {
      double span = MAX (to - from, min_span), middle = (from + to) / 2;

      *out_start = middle - span / 2;
      *out_end = middle + span / 2;
      return TRUE;
    }

  {
    NichiroTimelineModel *model = nichiro_timeline_layout_get_model (layout);
    guint first_index = nichiro_timeline_model_first_at_or_after (model, from);
    guint end_index = nichiro_timeline_model_first_at_or_after (model, to);

    first = nichiro_timeline_model_get_item (model, first_index)->start;
    last = nichiro_timeline_model_get_item (model, end_index - 1)->start + 1;
  }

  if (content_width (layout, items, first, last, from, level, NULL) > room)
    return FALSE;

  /* The content's width grows with the scale past its least (it is convex
   * in it): what fits is an interval, and bisection finds its top. */
  low = level;
  high = MIN (nichiro_timeline_layout_next_scale (level) * (1 - 1e-9), room / min_span);
  if (high <= low)
    {
      scale = low;
    }
  else if (content_width (layout, items, first, last, from, high, NULL) <= room)
    {
      scale = high;
    }
  else
    {
      for (guint i = 0; i < 48; i++)
        {
          double middle = (low + high) / 2;

          if (content_width (layout, items, first, last, from, middle, NULL) <= room)
            low = middle;
          else
            high = middle;
        }
      scale = low;
    }

  used = content_width (layout, items, first, last, from, scale, &x0);
  left = x0 - padding - (room - used) / 2;
  *out_start = from + left / scale;
  *out_end = *out_start + width / scale;
  return TRUE;
}

/**
 * nichiro_timeline_fit:
 * @model: a model with its labels measured
 * @from: the start of a time span
 * @to: its end
 * @width: the view's width
 * @padding: the least room between a label and the view's edges
 * @min_span: the least time a view spans
 * @get_layout: (scope call): gives the layout at a zoom level
 * @user_data: data for @get_layout
 * @out_start: (out): the view's start
 * @out_end: (out): its end
 *
 * The view that shows the entries starting between @from and @to, with
 * the label of each one drawn in a lane whole, as large as they can be
 * (nichiro_timeline_layout_fit() at the highest zoom level where that is
 * possible). When the labels are too wide for @width at any level, the
 * span alone.
 *
 * Returns: %FALSE when only the span could be fitted, not the labels
 */
gboolean
nichiro_timeline_fit (NichiroTimelineModel      *model,
                      double                     from,
                      double                     to,
                      double                     width,
                      double                     padding,
                      double                     min_span,
                      NichiroTimelineLayoutFunc  get_layout,
                      gpointer                   user_data,
                      double                    *out_start,
                      double                    *out_end)
{
  guint first, end;
  double room = width - 2 * padding, span, level;

  g_return_val_if_fail (model != NULL, FALSE);
  g_return_val_if_fail (get_layout != NULL, FALSE);
  g_return_val_if_fail (out_start != NULL && out_end != NULL, FALSE);

  first = nichiro_timeline_model_first_at_or_after (model, from);
  end = nichiro_timeline_model_first_at_or_after (model, to);

  /* The span alone, for an empty one and as the last resort. */
  span = MAX (to - from, min_span);
  *out_start = (from + to) / 2 - span / 2 * width / MAX (room, 1);
  *out_end = (from + to) / 2 + span / 2 * width / MAX (room, 1);
  if (first >= end || room <= 0)
    return first >= end;

  /* No closer than the items' own dates allow. */
  span = g_array_index (model->items, NichiroTimelineItem, end - 1).start + 1 -
         g_array_index (model->items, NichiroTimelineItem, first).start;
  level = nichiro_timeline_layout_quantize_scale (room / MAX (span, min_span));

  for (guint tries = 0; tries < 64; tries++)
    {
      NichiroTimelineLayout *layout = get_layout (level, user_data);

      if (nichiro_timeline_layout_fit (layout, from, to, width, padding, min_span, out_start, out_end))
        return TRUE;
      level = nichiro_timeline_layout_quantize_scale (level * (1 - 1e-6));
    }

  return FALSE;
}

/**
 * nichiro_timeline_model_get_content_bounds:
 * @model: a model with its labels measured
 * @metrics: the sizes the widget reserves
 * @scale: pixels per day
 * @out_start: (out): the time of the leftmost thing drawn: the first entry
 *   or era
 * @out_end: (out): the time at the right edge of the last label or era
 *
 * Where the timeline's content begins and ends at @scale, labels
 * included, for keeping the view on it. Reads only the items near the
 * end.
 */
void
nichiro_timeline_model_get_content_bounds (NichiroTimelineModel         *model,
                                           const NichiroTimelineMetrics *metrics,
                                           double                        scale,
                                           double                       *out_start,
                                           double                       *out_end)
{
  NichiroTimelineView view = { model->start, scale };
  double reach, right = -G_MAXDOUBLE, left;
  guint n_items = model->items->len, n_eras;
  const NichiroTimelineEra *eras = nichiro_timeline_model_get_eras (model, &n_eras);

  g_return_if_fail (scale > 0);

  left = model->start;
  for (guint i = 0; i < n_eras; i++)
    right = MAX (right, nichiro_timeline_view_time_to_x (&view, eras[i].end));

  if (n_items > 0)
    {
      const NichiroTimelineItem *first = &g_array_index (model->items, NichiroTimelineItem, 0);
      double x0, x1;

      nichiro_timeline_item_get_content (first, metrics, &view, &x0, &x1);
      left = MIN (left, model->start + x0 / scale);
    }

  /* The ranges' ends, then the labels: only items that start near the end
   * can reach furthest. */
  right = MAX (right, nichiro_timeline_view_time_to_x (&view, model->entries_end));
  reach = model->widest_label + 4 * metrics->marker_radius + metrics->label_gap + metrics->bar_padding;
  for (guint i = n_items; i-- > 0;)
    {
      const NichiroTimelineItem *item = &g_array_index (model->items, NichiroTimelineItem, i);
      double x0, x1;

      if (nichiro_timeline_view_time_to_x (&view, item->start) + reach < right)
        {
          if (item->is_range)
            continue;
          break;
        }

      nichiro_timeline_item_get_content (item, metrics, &view, &x0, &x1);
      right = MAX (right, x1);
    }

  *out_start = left;
  *out_end = model->start + right / scale;
}
