/* timeline-test-common.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "nichiro-test-utils.h"
#include "nichiro-timeline-labels.h"
#include "nichiro-timeline-layout.h"

/* What the timeline's GTK-free tests share: round metrics, a measure of 7
 * pixels a character so that every figure is exact, and small datasets
 * made on the spot. */

#define CHAR_WIDTH 7.0

static const NichiroTimelineMetrics metrics = {
  .marker_radius = 6,
  .label_gap = 4,
  .item_gap = 8,
  .bar_padding = 4,
  .open_tail = 24,
  .cluster_padding = 8,
  .cluster_digit_width = 7,
  .cluster_plus_width = 7,
};

static inline double
measure (const char *text,
         gpointer    user_data)
{
  return g_utf8_strlen (text, -1) * CHAR_WIDTH;
}

static inline double
day (int year,
     int month,
     int day_of_month)
{
  NichiroDate date = nichiro_date_make (year, month, day_of_month);

  return nichiro_timeline_date_to_time (&date);
}

static inline NichiroTimelineView
view_between (double start,
              double end,
              double width)
{
  return (NichiroTimelineView) { start, width / (end - start) };
}

static inline NichiroTimelineModel *
measured_model (NichiroDataset *dataset)
{
  NichiroTimelineModel *model = nichiro_timeline_model_new (dataset);

  nichiro_timeline_model_measure (model, measure, NULL, NULL);
  return model;
}

/* Everything shown, in one group. */
static inline NichiroTimelineGroups *
all_items (NichiroTimelineModel *model)
{
  return nichiro_timeline_groups_new (model, NICHIRO_TIMELINE_GROUP_BY_NONE, 0, NULL);
}

static inline guint
find_item (NichiroTimelineModel *model,
           const char           *id)
{
  NichiroDataset *dataset = nichiro_timeline_model_get_dataset (model);
  NichiroEntry *entry = nichiro_dataset_lookup_entry (dataset, id);
  guint index = G_MAXUINT;

  g_assert_nonnull (entry);
  g_assert_true (nichiro_timeline_model_find (model, entry, &index));
  return index;
}

/* A dataset's members up to its entries. */
#define DATASET_HEAD \
  "{\"format\":\"nichiro-dataset\",\"version\":1,\"id\":\"generated\",\"title\":\"Generated\"," \
  "\"license\":\"CC0-1.0\",\"states\":[{\"id\":\"japan\",\"name\":{\"en\":\"Japan\"}}]," \
  "\"parts\":[{\"id\":\"p\",\"title\":\"P\",\"start\":\"1700\",\"end\":\"1999\"}]," \
  "\"eras\":[],\"threads\":[{\"id\":\"north\",\"name\":{\"en\":\"North\"}},{\"id\":\"south\",\"name\":{\"en\":\"South\"}}]," \
  "\"people\":[],\"entries\":["

static inline NichiroDataset *
dataset_from_entries (const char *entries_json)
{
  g_autofree char *json = g_strconcat (DATASET_HEAD, entries_json, "]}", NULL);
  g_autoptr(GError) error = NULL;
  NichiroDataset *dataset = nichiro_dataset_new_from_data (json, strlen (json), "generated.json", &error);

  g_assert_no_error (error);
  return dataset;
}

/* @n_same_day events on one day, then a lone treaty years later. */
static inline NichiroDataset *
dense_dataset (guint n_same_day)
{
  g_autoptr(GString) json = g_string_new (NULL);

  for (guint i = 0; i < n_same_day; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"same-%u\",\"kind\":\"event\",\"title\":{\"en\":\"Event %u\"},"
                            "\"date\":\"1945-08-09\",\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}",
                            i ? "," : "", i, i);
  g_string_append (json,
                   ",{\"id\":\"alone\",\"kind\":\"treaty\",\"title\":{\"en\":\"Alone\"},"
                   "\"date\":\"1950-01-01\",\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}");

  return dataset_from_entries (json->str);
}

/* Checks what every layout promises: nothing in a lane touches its
 * neighbour at @scale, every item shown is drawn in a lane or merged in a
 * cluster once per group it is in, hidden ones nowhere, and no cluster
 * stands for one item. */
static inline void
assert_layout_valid (NichiroTimelineLayout *layout,
                     double                 scale)
{
  NichiroTimelineModel *model = nichiro_timeline_layout_get_model (layout);
  NichiroTimelineGroups *groups = nichiro_timeline_layout_get_groups (layout);
  guint n_items = nichiro_timeline_model_get_n_items (model);
  NichiroTimelineView view = { 2400000, scale };
  g_autofree guint *seen = g_new0 (guint, MAX (n_items, 1));
  g_autofree guint *expected = g_new0 (guint, MAX (n_items, 1));
  const NichiroTimelineCluster *clusters;
  guint n_clusters;

  for (guint g = 0; g < nichiro_timeline_groups_get_n_groups (groups); g++)
    {
      const NichiroTimelineGroupInfo *info = nichiro_timeline_groups_get_group (groups, g);

      for (guint k = 0; k < info->n_items; k++)
        expected[info->items[k]]++;
    }

  for (guint lane = 0; lane < nichiro_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n;
      const guint *things = nichiro_timeline_layout_get_lane_things (layout, lane, &n);

      for (guint i = 0; i < n; i++)
        {
          double x0, x1;

          nichiro_timeline_layout_get_extent (layout, things[i], &view, &x0, &x1);
          if (!nichiro_timeline_lane_is_cluster (things[i]))
            {
              seen[things[i]]++;
              g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, things[i]), >=, 0);
              g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, things[i]), <=, lane);
            }
          else
            {
              g_assert_cmpuint (nichiro_timeline_layout_get_clusters (layout, &n_clusters)[nichiro_timeline_lane_index (things[i])].lane, ==, lane);
            }

          if (i > 0)
            {
              double p0, p1;

              nichiro_timeline_layout_get_extent (layout, things[i - 1], &view, &p0, &p1);
              if (p1 + metrics.item_gap > x0 + 1e-6)
                g_error ("lane %u: thing %u (%.1f–%.1f) overlaps thing %u (%.1f–%.1f) at scale %g",
                         lane, things[i - 1], p0, p1, things[i], x0, x1, scale);
            }
        }
    }

  /* Lines never overlap in a lane either. */
  for (guint lane = 0; lane < nichiro_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n;
      const guint *lines = nichiro_timeline_layout_get_lane_lines (layout, lane, &n);

      for (guint i = 1; i < n; i++)
        {
          NichiroTimelineGeometry a, b;

          nichiro_timeline_item_get_geometry (nichiro_timeline_model_get_item (model, lines[i - 1]), &metrics, &view, &a);
          nichiro_timeline_item_get_geometry (nichiro_timeline_model_get_item (model, lines[i]), &metrics, &view, &b);
          g_assert_true (a.has_line && b.has_line);
          if (a.bar_x1 + metrics.item_gap > b.marker_x + 1e-6)
            g_error ("lane %u: lines of %u and %u overlap at scale %g", lane, lines[i - 1], lines[i], scale);
        }
    }

  clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);
  for (guint c = 0; c < n_clusters; c++)
    {
      guint n;
      const guint *members = nichiro_timeline_layout_get_cluster_members (layout, c, &n);

      g_assert_cmpuint (n, ==, clusters[c].n_members);
      /* Never "+1": one item is drawn as itself. */
      g_assert_cmpuint (n, >=, 2);
      for (guint i = 0; i < n; i++)
        {
          const NichiroTimelineItem *item = nichiro_timeline_model_get_item (model, members[i]);

          g_assert_cmpfloat (item->start, >=, clusters[c].start);
          g_assert_cmpfloat (item->is_range ? item->end : item->start + 1, <=, clusters[c].end);
          if (nichiro_timeline_layout_get_lane (layout, members[i]) < 0)
            g_assert_cmpuint (nichiro_timeline_layout_get_cluster_of (layout, members[i]), <=, c);
          seen[members[i]]++;
        }
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_assert_cmpuint (seen[i], ==, expected[i]);
      if (!nichiro_timeline_groups_is_shown (groups, i))
        {
          g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, i), ==, -1);
          g_assert_cmpuint (nichiro_timeline_layout_get_cluster_of (layout, i), ==, G_MAXUINT);
        }
    }

  /* The pinned item is in a lane. */
  if (nichiro_timeline_layout_get_pinned (layout) >= 0)
    g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, nichiro_timeline_layout_get_pinned (layout)), >=, 0);
}
