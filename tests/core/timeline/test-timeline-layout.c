/* test-timeline-layout.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "nichiro-test-utils.h"
#include "nichiro-timeline-era-labels.h"
#include "nichiro-timeline-layout.h"
#include "nichiro-timeline-ticks.h"

/* The timeline's layout without a display: ticks, lanes, clusters,
 * hit-testing, era names and what was in force on a day. Label widths come
 * from a fixed measure (7 pixels a character), so every figure is exact. */

#define CHAR_WIDTH 7.0
#define MIN_GAP 8.0

static NichiroDataset *bundled;
static NichiroDataset *small;

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

static double
measure (const char *text,
         gpointer    user_data)
{
  return g_utf8_strlen (text, -1) * CHAR_WIDTH;
}

static double
day (int year,
     int month,
     int day_of_month)
{
  NichiroDate date = nichiro_date_make (year, month, day_of_month);

  return nichiro_timeline_date_to_time (&date);
}

static NichiroTimelineView
view_between (double start,
              double end,
              double width)
{
  return (NichiroTimelineView) { start, width / (end - start) };
}

static NichiroTimelineModel *
measured_model (NichiroDataset *dataset)
{
  NichiroTimelineModel *model = nichiro_timeline_model_new (dataset);

  nichiro_timeline_model_measure (model, measure, NULL, NULL);
  return model;
}

static guint
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

static void
assert_labels_apart (GArray *labels)
{
  for (guint i = 1; i < labels->len; i++)
    {
      const NichiroTimelineLabel *a = &g_array_index (labels, NichiroTimelineLabel, i - 1);
      const NichiroTimelineLabel *b = &g_array_index (labels, NichiroTimelineLabel, i);

      if (a->x + a->width + MIN_GAP > b->x + 1e-6)
        g_error ("“%s” at %.1f (%.1f wide) touches “%s” at %.1f", a->text, a->x, a->width, b->text, b->x);
    }
}

/* Ticks */

static void
test_ticks_units (void)
{
  static const struct
  {
    int from[3];
    int to[3];
    double width;
    NichiroTimelineUnit unit;
    const char *first_label;
    guint n_labels;
    const char *context;
  } cases[] = {
    /* August 1945 day by day: every day labelled, the month named below. */
    { { 1945, 8, 1 }, { 1945, 9, 1 }, 1280, NICHIRO_TIMELINE_UNIT_DAY, "1", 31, "August 1945" },
    /* Narrower, every fifth day (and half of the 1st of September). */
    { { 1945, 8, 1 }, { 1945, 9, 1 }, 600, NICHIRO_TIMELINE_UNIT_5_DAYS, "1", 7, "August 1945" },
    /* A year: every tenth day when wide, months, then quarters. */
    { { 1945, 1, 1 }, { 1946, 1, 1 }, 1280, NICHIRO_TIMELINE_UNIT_10_DAYS, "1", 37, "January 1945" },
    { { 1945, 1, 1 }, { 1946, 1, 1 }, 700, NICHIRO_TIMELINE_UNIT_MONTH, "Jan", 12, "1945" },
    { { 1945, 1, 1 }, { 1946, 1, 1 }, 300, NICHIRO_TIMELINE_UNIT_QUARTER, "Jan", 5, "1945" },
    /* The Pacific War years. */
    { { 1937, 1, 1 }, { 1946, 1, 1 }, 1280, NICHIRO_TIMELINE_UNIT_QUARTER, "Jan", 37, "1937" },
    { { 1937, 1, 1 }, { 1946, 1, 1 }, 400, NICHIRO_TIMELINE_UNIT_YEAR, "1937", 9, NULL },
    /* Half a century. */
    { { 1900, 1, 1 }, { 1950, 1, 1 }, 1280, NICHIRO_TIMELINE_UNIT_2_YEARS, "1900", 26, NULL },
    /* The whole span. */
    { { 1700, 1, 1 }, { 1960, 1, 1 }, 1280, NICHIRO_TIMELINE_UNIT_DECADE, "1700", 27, NULL },
    { { 1700, 1, 1 }, { 1960, 1, 1 }, 600, NICHIRO_TIMELINE_UNIT_20_YEARS, "1700", 14, NULL },
    { { 1700, 1, 1 }, { 1960, 1, 1 }, 200, NICHIRO_TIMELINE_UNIT_50_YEARS, "1700", 6, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double from = day (cases[i].from[0], cases[i].from[1], cases[i].from[2]);
      double to = day (cases[i].to[0], cases[i].to[1], cases[i].to[2]);
      NichiroTimelineView view = view_between (from, to, cases[i].width);
      g_autoptr(NichiroTimelineTicks) ticks = nichiro_timeline_ticks_new (&view, cases[i].width, MIN_GAP, measure, NULL);
      const NichiroTimelineLabel *first;

      g_test_message ("case %u: unit %d, %u labels, first “%s”, last “%s”", i, ticks->unit, ticks->labels->len,
                      ticks->labels->len ? g_array_index (ticks->labels, NichiroTimelineLabel, 0).text : "",
                      ticks->labels->len ? g_array_index (ticks->labels, NichiroTimelineLabel, ticks->labels->len - 1).text : "");
      g_assert_cmpint (ticks->unit, ==, cases[i].unit);
      g_assert_cmpuint (ticks->labels->len, ==, cases[i].n_labels);
      first = &g_array_index (ticks->labels, NichiroTimelineLabel, 0);
      g_assert_cmpstr (first->text, ==, cases[i].first_label);
      assert_labels_apart (ticks->labels);

      if (cases[i].context != NULL)
        {
          g_assert_cmpuint (ticks->context->len, >=, 1);
          g_assert_cmpstr (g_array_index (ticks->context, NichiroTimelineLabel, 0).text, ==, cases[i].context);
          assert_labels_apart (ticks->context);
        }
      else
        {
          g_assert_cmpuint (ticks->context->len, ==, 0);
        }

      /* Every label is at least partly in view. */
      for (guint j = 0; j < ticks->labels->len; j++)
        {
          const NichiroTimelineLabel *label = &g_array_index (ticks->labels, NichiroTimelineLabel, j);

          g_assert_cmpfloat (label->x + label->width, >, 0);
          g_assert_cmpfloat (label->x, <, cases[i].width);
        }
    }
}

/* From the whole span to a few days, at two widths and many positions:
 * labels never touch, the unit only gets finer as the zoom grows, and the
 * axis always has a label. */
static void
test_ticks_sweep (void)
{
  static const double widths[] = { 600, 1280 };
  double span_start = day (1700, 1, 1);
  double span_end = day (1980, 1, 1);

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      NichiroTimelineUnit previous_unit = NICHIRO_TIMELINE_N_UNITS;

      for (double days = span_end - span_start; days >= 8; days /= 1.15)
        {
          NichiroTimelineUnit unit = NICHIRO_TIMELINE_N_UNITS;

          for (guint k = 0; k < 7; k++)
            {
              double start = span_start + (span_end - span_start - days) * k / 6.0 + 0.37 * k;
              NichiroTimelineView view = { start, widths[w] / days };
              g_autoptr(NichiroTimelineTicks) ticks = nichiro_timeline_ticks_new (&view, widths[w], MIN_GAP, measure, NULL);

              assert_labels_apart (ticks->labels);
              assert_labels_apart (ticks->context);
              g_assert_cmpuint (ticks->labels->len, >=, 2);
              if (unit == NICHIRO_TIMELINE_N_UNITS)
                unit = ticks->unit;
              g_assert_cmpint (ticks->unit, ==, unit);

              for (guint j = 1; j < ticks->lines->len; j++)
                g_assert_cmpfloat (g_array_index (ticks->lines, NichiroTimelineTickLine, j).x, >=, -1);
            }

          g_assert_cmpint (unit, <=, previous_unit);
          previous_unit = unit;
        }

      /* Zoomed all the way in, the days are labelled. */
      g_assert_cmpint (previous_unit, <=, NICHIRO_TIMELINE_UNIT_5_DAYS);
    }
}

/* The name of the month stays in view while the view pans through it. */
static void
test_ticks_context_sticks (void)
{
  double start = day (1945, 8, 12);
  NichiroTimelineView view = { start, 40 };
  g_autoptr(NichiroTimelineTicks) ticks = nichiro_timeline_ticks_new (&view, 1280, MIN_GAP, measure, NULL);
  const NichiroTimelineLabel *august, *september;

  g_assert_cmpint (ticks->unit, ==, NICHIRO_TIMELINE_UNIT_DAY);
  g_assert_cmpuint (ticks->context->len, ==, 2);
  august = &g_array_index (ticks->context, NichiroTimelineLabel, 0);
  september = &g_array_index (ticks->context, NichiroTimelineLabel, 1);
  g_assert_cmpstr (august->text, ==, "August 1945");
  g_assert_cmpstr (september->text, ==, "September 1945");
  g_assert_cmpfloat (august->x, >=, 0);
  g_assert_cmpfloat (september->x, ==, (day (1945, 9, 1) - start) * 40 + MIN_GAP / 2);

  /* Near the end of August, September pushes it out to the left. */
  view.start = day (1945, 8, 31) + 0.5;
  g_clear_pointer (&ticks, nichiro_timeline_ticks_free);
  ticks = nichiro_timeline_ticks_new (&view, 1280, MIN_GAP, measure, NULL);
  august = &g_array_index (ticks->context, NichiroTimelineLabel, 0);
  g_assert_cmpstr (august->text, ==, "August 1945");
  g_assert_cmpfloat (august->x, <, 0);
  assert_labels_apart (ticks->context);
}

/* Model */

static void
test_model_items (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  const NichiroTimelineItem *pact, *war, *battle, *event, *previous = NULL;
  double start, end;

  g_assert_cmpuint (nichiro_timeline_model_get_n_items (model), ==,
                    g_list_model_get_n_items (nichiro_dataset_get_entries (bundled)));

  /* In time order. */
  for (guint i = 0; i < nichiro_timeline_model_get_n_items (model); i++)
    {
      const NichiroTimelineItem *item = nichiro_timeline_model_get_item (model, i);

      if (previous != NULL)
        g_assert_cmpfloat (previous->start, <=, item->start);
      previous = item;
      g_assert_cmpfloat (item->label_width, ==, g_utf8_strlen (nichiro_entry_get_title (item->entry), -1) * CHAR_WIDTH);
    }

  /* The Neutrality Pact: signed, in force, notice, ended. */
  pact = nichiro_timeline_model_get_item (model, find_item (model, "neutrality-pact-1941"));
  g_assert_cmpint (pact->marker, ==, NICHIRO_TIMELINE_MARKER_DIAMOND);
  g_assert_cmpint (pact->group, ==, NICHIRO_TIMELINE_GROUP_INSTRUMENT);
  g_assert_false (pact->is_range);
  g_assert_false (pact->is_open);
  g_assert_cmpfloat (pact->start, ==, day (1941, 4, 13));
  g_assert_cmpfloat (pact->stages[NICHIRO_STAGE_IN_FORCE], ==, day (1941, 4, 25));
  g_assert_cmpfloat (pact->stages[NICHIRO_STAGE_NOTICE], ==, day (1945, 4, 5));
  g_assert_cmpfloat (pact->stages[NICHIRO_STAGE_ENDED], ==, day (1945, 8, 9));
  g_assert_cmpfloat (pact->end, ==, day (1945, 8, 9));

  /* A treaty in force with no end runs on. */
  g_assert_true (nichiro_timeline_model_get_item (model, find_item (model, "san-francisco-1951"))->is_open);

  war = nichiro_timeline_model_get_item (model, find_item (model, "russo-japanese-war-1904"));
  g_assert_true (war->is_range);
  g_assert_cmpint (war->marker, ==, NICHIRO_TIMELINE_MARKER_TRIANGLE);
  g_assert_cmpint (war->group, ==, NICHIRO_TIMELINE_GROUP_CONFLICT);
  g_assert_cmpfloat (war->end, ==, day (1905, 9, 6));

  battle = nichiro_timeline_model_get_item (model, find_item (model, "battle-of-tsushima-1905"));
  g_assert_cmpint (battle->marker, ==, NICHIRO_TIMELINE_MARKER_TRIANGLE);

  event = nichiro_timeline_model_get_item (model, find_item (model, "otsu-incident-1891"));
  g_assert_cmpint (event->marker, ==, NICHIRO_TIMELINE_MARKER_CIRCLE);
  g_assert_false (event->is_range);
  g_assert_cmpfloat (event->end, ==, event->start + 1);

  /* A range known to the month ends with the month. */
  g_assert_cmpfloat (nichiro_timeline_model_get_item (model, find_item (model, "laxman-mission-1792"))->end, ==,
                     day (1793, 9, 1));

  nichiro_timeline_model_get_bounds (model, &start, &end);
  g_assert_cmpfloat (start, ==, day (1702, 1, 19));
  g_assert_cmpfloat (end, >=, day (1978, 1, 1));
}

/* Lanes */

static void
assert_layout_valid (NichiroTimelineLayout *layout,
                     double                 scale)
{
  NichiroTimelineModel *model = nichiro_timeline_layout_get_model (layout);
  guint n_items = nichiro_timeline_model_get_n_items (model);
  guint n_item_lanes = nichiro_timeline_layout_get_n_item_lanes (layout);
  NichiroTimelineView view = { 2400000, scale };
  g_autofree guint *seen = g_new0 (guint, n_items);
  const NichiroTimelineCluster *clusters;
  guint n_clusters, n_placed = 0, n_clustered = 0;

  for (guint lane = 0; lane < n_item_lanes; lane++)
    {
      guint n;
      const guint *items = nichiro_timeline_layout_get_lane_items (layout, lane, &n);

      for (guint i = 0; i < n; i++)
        {
          NichiroTimelineGeometry g;

          nichiro_timeline_item_get_geometry (nichiro_timeline_model_get_item (model, items[i]), &metrics, &view, &g);
          g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, items[i]), ==, lane);
          seen[items[i]]++;
          n_placed++;

          if (i > 0)
            {
              NichiroTimelineGeometry p;

              nichiro_timeline_item_get_geometry (nichiro_timeline_model_get_item (model, items[i - 1]), &metrics, &view, &p);
              if (p.x1 + metrics.item_gap > g.x0 + 1e-6)
                g_error ("lane %u: “%s” (%.1f–%.1f) overlaps “%s” (%.1f–%.1f) at scale %g",
                         lane,
                         nichiro_entry_get_id (nichiro_timeline_model_get_item (model, items[i - 1])->entry), p.x0, p.x1,
                         nichiro_entry_get_id (nichiro_timeline_model_get_item (model, items[i])->entry), g.x0, g.x1,
                         scale);
            }
        }
    }

  clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);
  if (n_clusters > 0)
    g_assert_cmpuint (n_item_lanes, ==, nichiro_timeline_layout_get_n_lanes (layout) - 1);
  else
    g_assert_cmpuint (n_item_lanes, ==, nichiro_timeline_layout_get_n_lanes (layout));

  for (guint c = 0; c < n_clusters; c++)
    {
      guint n;
      const guint *members = nichiro_timeline_layout_get_cluster_members (layout, c, &n);
      double x0, x1;

      g_assert_cmpuint (n, ==, clusters[c].n_members);
      g_assert_cmpuint (n, >, 0);
      for (guint i = 0; i < n; i++)
        {
          const NichiroTimelineItem *item = nichiro_timeline_model_get_item (model, members[i]);

          g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, members[i]), ==, -1);
          g_assert_cmpuint (nichiro_timeline_layout_get_cluster_of (layout, members[i]), ==, c);
          g_assert_cmpfloat (item->start, >=, clusters[c].start);
          g_assert_cmpfloat (item->end, <=, clusters[c].end);
          seen[members[i]]++;
          n_clustered++;
        }

      nichiro_timeline_layout_get_cluster_geometry (layout, c, &view, &x0, &x1);
      if (c > 0)
        {
          double p0, p1;

          nichiro_timeline_layout_get_cluster_geometry (layout, c - 1, &view, &p0, &p1);
          g_assert_cmpfloat (p1 + metrics.item_gap, <=, x0 + 1e-6);
        }
    }

  /* Every item is shown once, in a lane or a cluster. */
  g_assert_cmpuint (n_placed + n_clustered, ==, n_items);
  for (guint i = 0; i < n_items; i++)
    g_assert_cmpuint (seen[i], ==, 1);
}

static void
test_lanes_no_overlap (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  double start, end;

  nichiro_timeline_model_get_bounds (model, &start, &end);

  /* From the whole span in 600 pixels to a day in 400. */
  for (double scale = 600 / (end - start); scale < 400; scale *= 1.3)
    {
      double level = nichiro_timeline_layout_quantize_scale (scale);

      for (guint n_lanes = 2; n_lanes <= 12; n_lanes += 5)
        {
          g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (model, &metrics, level, n_lanes, -1);

          /* Valid at its level and at every larger scale up to the next
           * level, which is what lets panning and zooming within a level
           * reuse it. */
          assert_layout_valid (layout, level);
          assert_layout_valid (layout, scale);
          assert_layout_valid (layout, level * 1.189);
          assert_layout_valid (layout, level * 3);
        }
    }
}

/* With enough lanes and room, nothing merges; with the same input, the
 * same lanes. */
static void
test_lanes_stable (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  g_autoptr(NichiroTimelineModel) again = measured_model (bundled);
  g_autoptr(NichiroTimelineLayout) roomy = nichiro_timeline_layout_new (model, &metrics, 2.0, 40, -1);
  double scale = nichiro_timeline_layout_quantize_scale (0.05);
  g_autoptr(NichiroTimelineLayout) a = nichiro_timeline_layout_new (model, &metrics, scale, 6, -1);
  g_autoptr(NichiroTimelineLayout) b = nichiro_timeline_layout_new (again, &metrics, scale, 6, -1);
  guint n_clusters, n_items = nichiro_timeline_model_get_n_items (model);
  guint max_lane = 0;

  nichiro_timeline_layout_get_clusters (roomy, &n_clusters);
  g_assert_cmpuint (n_clusters, ==, 0);
  assert_layout_valid (roomy, 2.0);

  /* First fit in time order uses the lowest lanes: the earliest item is
   * in the first. */
  g_assert_cmpint (nichiro_timeline_layout_get_lane (roomy, 0), ==, 0);
  for (guint i = 0; i < n_items; i++)
    max_lane = MAX (max_lane, (guint) nichiro_timeline_layout_get_lane (roomy, i));
  g_assert_cmpuint (max_lane, <, 40);

  for (guint i = 0; i < n_items; i++)
    {
      g_assert_cmpint (nichiro_timeline_layout_get_lane (a, i), ==, nichiro_timeline_layout_get_lane (b, i));
      g_assert_cmpuint (nichiro_timeline_layout_get_cluster_of (a, i), ==, nichiro_timeline_layout_get_cluster_of (b, i));
    }
}

/* Clusters */

/* A dataset's members up to its entries. */
#define DATASET_HEAD \
  "{\"format\":\"nichiro-dataset\",\"version\":1,\"id\":\"generated\",\"title\":\"Generated\"," \
  "\"license\":\"CC0-1.0\",\"states\":[{\"id\":\"japan\",\"name\":{\"en\":\"Japan\"}}]," \
  "\"parts\":[{\"id\":\"p\",\"title\":\"P\",\"start\":\"1700\",\"end\":\"1999\"}]," \
  "\"eras\":[],\"threads\":[],\"people\":[],\"entries\":["

static NichiroDataset *
dense_dataset (guint n_same_day)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  NichiroDataset *dataset;

  g_string_append (json, DATASET_HEAD);
  for (guint i = 0; i < n_same_day; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"same-%u\",\"kind\":\"event\",\"title\":{\"en\":\"Event %u\"},"
                            "\"date\":\"1945-08-09\",\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}",
                            i ? "," : "", i, i);
  g_string_append (json,
                   ",{\"id\":\"alone\",\"kind\":\"treaty\",\"title\":{\"en\":\"Alone\"},"
                   "\"date\":\"1950-01-01\",\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}]}");

  dataset = nichiro_dataset_new_from_data (json->str, json->len, "dense.json", &error);
  g_assert_no_error (error);
  return dataset;
}

static void
test_clusters (void)
{
  g_autoptr(NichiroDataset) dataset = dense_dataset (12);
  g_autoptr(NichiroTimelineModel) model = measured_model (dataset);
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (model, &metrics, 0.5, 4, -1);
  const NichiroTimelineCluster *clusters;
  guint n_clusters, alone = find_item (model, "alone");
  g_autoptr(NichiroTimelineLayout) pinned = NULL;
  g_autoptr(NichiroTimelineLayout) wide = NULL;

  assert_layout_valid (layout, 0.5);

  /* Three lanes of events, the other nine in one "+9" in the last lane;
   * the lone treaty years later keeps its place. */
  g_assert_cmpuint (nichiro_timeline_layout_get_n_item_lanes (layout), ==, 3);
  clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);
  g_assert_cmpuint (n_clusters, ==, 1);
  g_assert_cmpuint (clusters[0].n_members, ==, 9);
  g_assert_cmpfloat (clusters[0].start, ==, day (1945, 8, 9));
  g_assert_cmpfloat (clusters[0].end, ==, day (1945, 8, 10));
  g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, alone), ==, 0);

  /* The selection is never hidden in a cluster: pinned, it takes lane 0. */
  {
    guint hidden;
    const guint *members = nichiro_timeline_layout_get_cluster_members (layout, 0, &hidden);

    hidden = members[4];
    pinned = nichiro_timeline_layout_new (model, &metrics, 0.5, 4, hidden);
    assert_layout_valid (pinned, 0.5);
    g_assert_cmpint (nichiro_timeline_layout_get_lane (pinned, hidden), ==, 0);
    g_assert_cmpint (nichiro_timeline_layout_get_pinned (pinned), ==, (int) hidden);
  }

  /* With lanes enough, no cluster. */
  wide = nichiro_timeline_layout_new (model, &metrics, 0.5, 13, -1);
  nichiro_timeline_layout_get_clusters (wide, &n_clusters);
  g_assert_cmpuint (n_clusters, ==, 0);
  assert_layout_valid (wide, 0.5);
}

/* A hundred events a month apart: zoomed out they merge into several
 * clusters whose badges never touch; zoomed in they spread out. */
static void
test_clusters_zoom (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(NichiroTimelineModel) model = NULL;
  guint previous = G_MAXUINT;

  g_string_append (json, DATASET_HEAD);
  for (guint i = 0; i < 100; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"e-%u\",\"kind\":\"event\",\"title\":{\"en\":\"Monthly event number %u\"},"
                            "\"date\":\"%04u-%02u-15\",\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}",
                            i ? "," : "", i, i, 1900 + i / 12, i % 12 + 1);
  g_string_append (json, "]}");
  dataset = nichiro_dataset_new_from_data (json->str, json->len, "monthly.json", &error);
  g_assert_no_error (error);
  model = measured_model (dataset);

  for (double scale = 0.02; scale < 40; scale *= 2)
    {
      g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (model, &metrics, scale, 4, -1);
      guint n_clusters, n_clustered = 0;
      const NichiroTimelineCluster *clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);

      assert_layout_valid (layout, scale);
      for (guint c = 0; c < n_clusters; c++)
        n_clustered += clusters[c].n_members;

      /* Fewer merge as the zoom grows, and at the end none. */
      g_assert_cmpuint (n_clustered, <=, previous);
      previous = n_clustered;
    }

  g_assert_cmpuint (previous, ==, 0);
}

/* Hit-testing */

static void
test_hit (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (small);
  double from = day (1850, 1, 1);
  NichiroTimelineView view = view_between (from, day (1910, 1, 1), 1280);
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (model, &metrics, view.scale, 4, -1);
  guint n_items = nichiro_timeline_model_get_n_items (model);
  guint index;

  g_assert_cmpuint (n_items, ==, 3);
  for (guint i = 0; i < n_items; i++)
    {
      NichiroTimelineGeometry g;
      int lane = nichiro_timeline_layout_get_lane (layout, i);

      g_assert_cmpint (lane, >=, 0);
      nichiro_timeline_item_get_geometry (nichiro_timeline_model_get_item (model, i), &metrics, &view, &g);

      /* On the marker, on the label's end, and just outside. */
      g_assert_cmpint (nichiro_timeline_layout_hit (layout, lane, &view, g.marker_x, &index), ==, NICHIRO_TIMELINE_HIT_ITEM);
      g_assert_cmpuint (index, ==, i);
      g_assert_cmpint (nichiro_timeline_layout_hit (layout, lane, &view, g.x1 - 1, &index), ==, NICHIRO_TIMELINE_HIT_ITEM);
      g_assert_cmpuint (index, ==, i);
      g_assert_cmpint (nichiro_timeline_layout_hit (layout, lane, &view, g.x0 - 2, &index), ==, NICHIRO_TIMELINE_HIT_NONE);

      /* The nearest in its lane to its own start is itself. */
      g_assert_cmpint (nichiro_timeline_layout_nearest (layout, lane, &view, g.x0, &index), ==, NICHIRO_TIMELINE_HIT_ITEM);
      g_assert_cmpuint (index, ==, i);
    }

  /* Outside the lanes, and in an empty one. */
  g_assert_cmpint (nichiro_timeline_layout_hit (layout, 7, &view, 100, &index), ==, NICHIRO_TIMELINE_HIT_NONE);
  g_assert_cmpint (nichiro_timeline_layout_hit (layout, 3, &view, 100, &index), ==, NICHIRO_TIMELINE_HIT_NONE);
  g_assert_cmpint (nichiro_timeline_layout_nearest (layout, 3, &view, 100, &index), ==, NICHIRO_TIMELINE_HIT_NONE);
}

static void
test_hit_cluster (void)
{
  g_autoptr(NichiroDataset) dataset = dense_dataset (12);
  g_autoptr(NichiroTimelineModel) model = measured_model (dataset);
  NichiroTimelineView view = { day (1945, 1, 1), 0.5 };
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (model, &metrics, 0.5, 4, -1);
  double x0, x1;
  guint index, first, end;

  nichiro_timeline_layout_get_cluster_geometry (layout, 0, &view, &x0, &x1);
  g_assert_cmpfloat (x1 - x0, ==, 2 * 8 + 7 + 7);
  g_assert_cmpint (nichiro_timeline_layout_hit (layout, 3, &view, (x0 + x1) / 2, &index), ==, NICHIRO_TIMELINE_HIT_CLUSTER);
  g_assert_cmpuint (index, ==, 0);
  g_assert_cmpint (nichiro_timeline_layout_hit (layout, 3, &view, x1 + 1, &index), ==, NICHIRO_TIMELINE_HIT_NONE);

  nichiro_timeline_layout_find_visible (layout, 3, &view, 1000, &first, &end);
  g_assert_cmpuint (first, ==, 0);
  g_assert_cmpuint (end, ==, 1);

  /* Panned past it, it is out of view. */
  view.start = day (1946, 1, 1);
  nichiro_timeline_layout_find_visible (layout, 3, &view, 1000, &first, &end);
  g_assert_cmpuint (first, ==, end);
}

/* What a view shows of a lane is what lies between its edges. */
static void
test_find_visible (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  double scale = nichiro_timeline_layout_quantize_scale (1.0);
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (model, &metrics, scale, 6, -1);
  double width = 800;

  for (double start = day (1850, 1, 1); start < day (1960, 1, 1); start += 97.3)
    {
      NichiroTimelineView view = { start, scale };

      for (guint lane = 0; lane < nichiro_timeline_layout_get_n_item_lanes (layout); lane++)
        {
          guint n, first, end;
          const guint *items = nichiro_timeline_layout_get_lane_items (layout, lane, &n);

          nichiro_timeline_layout_find_visible (layout, lane, &view, width, &first, &end);
          for (guint i = 0; i < n; i++)
            {
              NichiroTimelineGeometry g;
              gboolean in_view;

              nichiro_timeline_item_get_geometry (nichiro_timeline_model_get_item (model, items[i]), &metrics, &view, &g);
              in_view = g.x1 >= 0 && g.x0 <= width;
              g_assert_cmpint (in_view, ==, i >= first && i < end);
            }
        }
    }
}

static void
test_quantize (void)
{
  for (double scale = 1e-4; scale < 1e3; scale *= 1.07)
    {
      double level = nichiro_timeline_layout_quantize_scale (scale);

      g_assert_cmpfloat (level, <=, scale);
      g_assert_cmpfloat (level * pow (2, 0.25), >, scale * (1 - 1e-12));
      /* Levels are fixed points, so nearby scales share a layout. */
      g_assert_cmpfloat (nichiro_timeline_layout_quantize_scale (level), ==, level);
    }
}

/* Era names */

static void
test_era_labels (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  guint n_eras, n_placed;
  const NichiroTimelineEra *eras = nichiro_timeline_model_get_eras (model, &n_eras);
  g_autofree NichiroTimelineEraLabel *labels = g_new (NichiroTimelineEraLabel, n_eras);
  NichiroTimelineView view = view_between (day (1945, 8, 1), day (1945, 9, 1), 1280);
  gboolean soviet_named = FALSE;

  g_assert_cmpuint (n_eras, ==, 10);

  /* In August 1945 four wars overlap: the shortest are named first, and
   * the longest, the Second Sino-Japanese War, finds no room. */
  n_placed = nichiro_timeline_place_era_labels (eras, n_eras, &view, 1280, 2, 6, 24, labels);
  g_assert_cmpuint (n_placed, ==, 3);
  for (guint i = 0; i < n_placed; i++)
    {
      if (g_strcmp0 (eras[labels[i].era].era->id, "soviet-japanese-war") == 0)
        soviet_named = TRUE;
      g_assert_cmpstr (eras[labels[i].era].era->id, !=, "second-sino-japanese-war");
      g_assert_cmpfloat (labels[i].x, >=, 0);
      g_assert_cmpfloat (labels[i].x + labels[i].width, <=, 1280);
    }
  g_assert_true (soviet_named);

  /* The whole span: names never touch within a row, and stay in their era. */
  for (double width = 600; width <= 1280; width += 680)
    {
      double start, end;

      nichiro_timeline_model_get_bounds (model, &start, &end);
      view = view_between (start, end, width);
      n_placed = nichiro_timeline_place_era_labels (eras, n_eras, &view, width, 2, 6, 24, labels);
      for (guint i = 0; i < n_placed; i++)
        {
          const NichiroTimelineEra *era = &eras[labels[i].era];

          g_assert_cmpfloat (labels[i].width, >=, 24);
          g_assert_cmpfloat (labels[i].x, >=, (era->start - view.start) * view.scale);
          g_assert_cmpfloat (labels[i].x + labels[i].width, <=, (era->end - view.start) * view.scale);
          for (guint j = 0; j < i; j++)
            if (labels[j].row == labels[i].row)
              g_assert_true (labels[i].x >= labels[j].x + labels[j].width + 6 ||
                             labels[j].x >= labels[i].x + labels[i].width + 6);
        }
    }
}

/* In force */

static gboolean
lists (GPtrArray  *entries,
       const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (nichiro_entry_get_id (g_ptr_array_index (entries, i)), id) == 0)
      return TRUE;
  return FALSE;
}

static void
test_in_force (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  static const struct
  {
    const char *date;
    const char *id;
    gboolean in_force;
  } cases[] = {
    { "1940-01-01", "basic-convention-1925", TRUE },
    { "1940-01-01", "fisheries-convention-1928", TRUE },
    { "1941-05-01", "neutrality-pact-1941", TRUE },
    /* Signed but not yet in force. */
    { "1941-04-20", "neutrality-pact-1941", FALSE },
    { "1941-04-25", "neutrality-pact-1941", TRUE },
    /* The notice of April 1945 did not end it; the war did. */
    { "1945-05-01", "neutrality-pact-1941", TRUE },
    { "1945-08-08", "neutrality-pact-1941", TRUE },
    { "1945-08-09", "neutrality-pact-1941", FALSE },
    { "1946-01-01", "neutrality-pact-1941", FALSE },
    { "1946-01-01", "basic-convention-1925", FALSE },
    { "1924-12-31", "basic-convention-1925", FALSE },
    /* No in-force stage: from the signature. */
    { "1928-01-23", "fisheries-convention-1928", TRUE },
    { "1928-01-22", "fisheries-convention-1928", FALSE },
    /* Events are never in force. */
    { "1905-01-01", "russo-japanese-war-1904", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NichiroDate date;
      g_autoptr(GPtrArray) from_dataset = NULL;
      g_autoptr(GPtrArray) from_model = NULL;

      g_test_message ("%s on %s", cases[i].id, cases[i].date);
      g_assert_true (nichiro_date_parse (cases[i].date, &date));
      from_dataset = nichiro_timeline_in_force (bundled, &date);
      from_model = nichiro_timeline_model_in_force (model, nichiro_date_to_julian_day (&date));

      g_assert_cmpint (lists (from_dataset, cases[i].id), ==, cases[i].in_force);
      g_assert_cmpint (nichiro_timeline_entry_in_force (nichiro_dataset_lookup_entry (bundled, cases[i].id), &date),
                       ==, cases[i].in_force);

      /* Both give the same list, in the order of signature. */
      g_assert_cmpuint (from_dataset->len, ==, from_model->len);
      for (guint j = 0; j < from_dataset->len; j++)
        {
          g_assert_true (g_ptr_array_index (from_dataset, j) == g_ptr_array_index (from_model, j));
          if (j > 0)
            g_assert_cmpint (nichiro_date_compare (nichiro_entry_get_date (g_ptr_array_index (from_dataset, j - 1)),
                                                   nichiro_entry_get_date (g_ptr_array_index (from_dataset, j))), <=, 0);
        }
    }
}

/* Dates */

static void
test_dates (void)
{
  NichiroDate year, month, date;

  g_assert_true (nichiro_date_parse ("1945", &year));
  g_assert_true (nichiro_date_parse ("1945-12", &month));
  g_assert_true (nichiro_date_parse ("1945-08-09", &date));

  g_assert_cmpfloat (nichiro_timeline_date_to_time (&year), ==, day (1945, 1, 1));
  g_assert_cmpfloat (nichiro_timeline_date_end (&year), ==, day (1946, 1, 1));
  g_assert_cmpfloat (nichiro_timeline_date_end (&month), ==, day (1946, 1, 1));
  g_assert_cmpfloat (nichiro_timeline_date_end (&date), ==, day (1945, 8, 10));
  g_assert_cmpfloat (nichiro_timeline_date_to_time (&NICHIRO_DATE_NONE), ==, 0);

  date = nichiro_timeline_time_to_date (day (1945, 8, 9) + 0.99);
  g_assert_cmpint (date.year, ==, 1945);
  g_assert_cmpint (date.month, ==, 8);
  g_assert_cmpint (date.day, ==, 9);
  date = nichiro_timeline_time_to_date (NAN);
  g_assert_false (nichiro_date_is_set (&date));
}

/* Labels in another language: new titles, measured again. */
static void
test_title_language (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (small);
  NichiroEntry *peace = nichiro_dataset_lookup_entry (small, "peace-1905");
  NichiroEntry *shimoda = nichiro_dataset_lookup_entry (small, "shimoda-1855");
  const NichiroTimelineItem *item;
  guint index;

  g_assert_true (nichiro_timeline_model_find (model, peace, &index));
  item = nichiro_timeline_model_get_item (model, index);
  g_assert_cmpstr (item->title, ==, "Treaty of Portsmouth");
  g_assert_cmpfloat (item->label_width, ==, 20 * CHAR_WIDTH);

  nichiro_timeline_model_set_title_language (model, NICHIRO_LANGUAGE_JA);
  nichiro_timeline_model_measure (model, measure, NULL, NULL);
  g_assert_cmpstr (item->title, ==, "ポーツマス条約");
  g_assert_cmpfloat (item->label_width, ==, 7 * CHAR_WIDTH);

  g_assert_true (nichiro_timeline_model_find (model, shimoda, &index));
  g_assert_cmpstr (nichiro_timeline_model_get_item (model, index)->title, ==, "Treaty of Shimoda");

  nichiro_timeline_model_set_title_language (model, NICHIRO_LANGUAGE_EN);
  g_assert_cmpstr (item->title, ==, "Treaty of Portsmouth");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  bundled = nichiro_dataset_new_default (&error);
  g_assert_no_error (error);
  small = nichiro_test_load_dataset ("small.json");

  g_test_add_func ("/nichiro/timeline/ticks/units", test_ticks_units);
  g_test_add_func ("/nichiro/timeline/ticks/sweep", test_ticks_sweep);
  g_test_add_func ("/nichiro/timeline/ticks/context-sticks", test_ticks_context_sticks);
  g_test_add_func ("/nichiro/timeline/model/items", test_model_items);
  g_test_add_func ("/nichiro/timeline/lanes/no-overlap", test_lanes_no_overlap);
  g_test_add_func ("/nichiro/timeline/lanes/stable", test_lanes_stable);
  g_test_add_func ("/nichiro/timeline/clusters/dense", test_clusters);
  g_test_add_func ("/nichiro/timeline/clusters/zoom", test_clusters_zoom);
  g_test_add_func ("/nichiro/timeline/hit/items", test_hit);
  g_test_add_func ("/nichiro/timeline/hit/cluster", test_hit_cluster);
  g_test_add_func ("/nichiro/timeline/hit/visible", test_find_visible);
  g_test_add_func ("/nichiro/timeline/lanes/quantize", test_quantize);
  g_test_add_func ("/nichiro/timeline/eras/labels", test_era_labels);
  g_test_add_func ("/nichiro/timeline/in-force", test_in_force);
  g_test_add_func ("/nichiro/timeline/dates", test_dates);
  g_test_add_func ("/nichiro/timeline/title-language", test_title_language);

  status = g_test_run ();

  g_clear_object (&bundled);
  g_clear_object (&small);
  return status;
}
