/* test-timeline-layout.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "nichiro-timeline-era-labels.h"
#include "nichiro-timeline-ticks.h"
#include "timeline-test-common.h"

/* The timeline's layout without a display: ticks, the model, lanes and
 * clusters, hit-testing, era names and what was in force on a day. Label
 * widths come from a fixed measure (7 pixels a character), so every
 * figure is exact. Where labels go in a frame and the views that fit them
 * are tested in test-timeline-labels.c. */

#define MIN_GAP 8.0

static NichiroDataset *bundled;
static NichiroDataset *small;

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
      g_assert_cmpfloat (item->label_width, ==, g_utf8_strlen (item->label, -1) * CHAR_WIDTH);
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
test_lanes_no_overlap (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  g_autoptr(NichiroTimelineGroups) by_kind = nichiro_timeline_groups_new (model, NICHIRO_TIMELINE_GROUP_BY_KIND, 0, NULL);
  g_autoptr(NichiroTimelineGroups) by_thread = nichiro_timeline_groups_new (model, NICHIRO_TIMELINE_GROUP_BY_THREAD, 0, NULL);
  NichiroTimelineGroups *cases[] = { groups, by_kind, by_thread };
  double start, end;

  nichiro_timeline_model_get_bounds (model, &start, &end);

  /* From the whole span in 600 pixels to a day in 400, grouped every way. */
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    for (double scale = 600 / (end - start); scale < 400; scale *= 1.3)
      {
        double level = nichiro_timeline_layout_quantize_scale (scale);

        for (guint n_lanes = 2; n_lanes <= 24; n_lanes += 5)
          {
            g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (cases[c], &metrics, level, n_lanes, -1, NULL);

            /* Valid at its level and at every larger scale up to the next
             * level, which is what lets panning and zooming within a level
             * reuse it. */
            assert_layout_valid (layout, level);
            assert_layout_valid (layout, scale);
            assert_layout_valid (layout, level * 1.189);
          }
      }
}

/* With enough lanes and room, nothing merges; with the same input, the
 * same lanes. */
static void
test_lanes_same_input (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  g_autoptr(NichiroTimelineModel) again = measured_model (bundled);
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  g_autoptr(NichiroTimelineGroups) groups_again = all_items (again);
  g_autoptr(NichiroTimelineLayout) roomy = nichiro_timeline_layout_new (groups, &metrics, 2.0, 40, -1, NULL);
  double scale = nichiro_timeline_layout_quantize_scale (0.05);
  g_autoptr(NichiroTimelineLayout) a = nichiro_timeline_layout_new (groups, &metrics, scale, 6, -1, NULL);
  g_autoptr(NichiroTimelineLayout) b = nichiro_timeline_layout_new (groups_again, &metrics, scale, 6, -1, NULL);
  guint n_clusters, n_items = nichiro_timeline_model_get_n_items (model);

  nichiro_timeline_layout_get_clusters (roomy, &n_clusters);
  g_assert_cmpuint (n_clusters, ==, 0);
  assert_layout_valid (roomy, 2.0);

  /* Stacking in time order uses the lowest lanes: the earliest item is in
   * the first. */
  g_assert_cmpint (nichiro_timeline_layout_get_lane (roomy, 0), ==, 0);

  for (guint i = 0; i < n_items; i++)
    {
      g_assert_cmpint (nichiro_timeline_layout_get_lane (a, i), ==, nichiro_timeline_layout_get_lane (b, i));
      g_assert_cmpuint (nichiro_timeline_layout_get_cluster_of (a, i), ==, nichiro_timeline_layout_get_cluster_of (b, i));
    }
}

/* Zooming does not shuffle the lanes. Zoomed in a level, with the layout
 * before as a hint, every item in a lane keeps it (more room never takes
 * it away), but for those in the last lane, where clusters spread out into
 * items and what still finds no lane merges; zoomed out, an item leaves its
 * lane only when what comes before it in that lane leaves it no room.
 * Every level from the whole span to a week. */
static void
test_lanes_stable_across_zoom (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  static const guint lane_counts[] = { 4, 9 };
  double start, end;

  nichiro_timeline_model_get_bounds (model, &start, &end);

  for (guint c = 0; c < G_N_ELEMENTS (lane_counts); c++)
    {
      g_autoptr(NichiroTimelineLayout) previous = NULL;
      double top = nichiro_timeline_layout_quantize_scale (1000 / 7.0);

      /* In. */
      for (double level = nichiro_timeline_layout_quantize_scale (700 / (end - start)); level <= top;
           level = nichiro_timeline_layout_next_scale (level))
        {
          NichiroTimelineLayout *layout = nichiro_timeline_layout_new (groups, &metrics, level, lane_counts[c], -1, previous);

          assert_layout_valid (layout, level);
          for (guint i = 0; previous != NULL && i < nichiro_timeline_model_get_n_items (model); i++)
            {
              int before = nichiro_timeline_layout_get_lane (previous, i);
              NichiroTimelineView was = { start, nichiro_timeline_layout_get_scale (previous) }, now = { start, level };
              NichiroTimelineGeometry g_was, g_now;

              const NichiroTimelineItem *item = nichiro_timeline_model_get_item (model, i);

              /* Near the end, labels turn back after their markers as the
               * zoom grows, and take other room. */
              nichiro_timeline_item_get_geometry (item, &metrics, &was, &g_was);
              nichiro_timeline_item_get_geometry (item, &metrics, &now, &g_now);
              if (before == (int) lane_counts[c] - 1 || g_was.turned != g_now.turned ||
                  (item->tail - item->start) * was.scale < 2 * 40 * CHAR_WIDTH)
                continue;
              if (before >= 0 && nichiro_timeline_layout_get_lane (layout, i) != before)
                g_error ("zooming in to %g, %s left lane %d for %d", level,
                         nichiro_entry_get_id (nichiro_timeline_model_get_item (model, i)->entry),
                         before, nichiro_timeline_layout_get_lane (layout, i));
            }
          g_clear_pointer (&previous, nichiro_timeline_layout_unref);
          previous = layout;
        }

      /* And out again: a move needs a reason. */
      for (double level = top; level > 600 / (end - start); level = nichiro_timeline_layout_quantize_scale (level / 1.1))
        {
          NichiroTimelineLayout *layout = nichiro_timeline_layout_new (groups, &metrics, level, lane_counts[c], -1, previous);
          NichiroTimelineView view = { start, level };

          assert_layout_valid (layout, level);
          for (guint i = 0; i < nichiro_timeline_model_get_n_items (model); i++)
            {
              int before = nichiro_timeline_layout_get_lane (previous, i);
              int after = nichiro_timeline_layout_get_lane (layout, i);
              guint n;
              const guint *things;
              NichiroTimelineGeometry g;
              gboolean blocked = FALSE;

              if (before < 0 || after == before || (guint) before >= lane_counts[c] - 1)
                continue;

              /* Near the end, where labels turn before their markers. */
              if ((nichiro_timeline_model_get_item (model, i)->tail - nichiro_timeline_model_get_item (model, i)->start) * level <
                  2 * 40 * CHAR_WIDTH)
                continue;

              /* Something ahead of it in its old lane now reaches it: a
               * label, or a line where it has a line too. */
              nichiro_timeline_item_get_geometry (nichiro_timeline_model_get_item (model, i), &metrics, &view, &g);
              things = nichiro_timeline_layout_get_lane_things (layout, before, &n);
              for (guint t = 0; t < n && !blocked; t++)
                {
                  double x0, x1;

                  nichiro_timeline_layout_get_extent (layout, things[t], &view, &x0, &x1);
                  blocked = x0 <= g.x0 && x1 + metrics.item_gap > g.x0;
                }
              things = nichiro_timeline_layout_get_lane_lines (layout, before, &n);
              for (guint t = 0; t < n && !blocked && g.has_line; t++)
                {
                  NichiroTimelineGeometry other;

                  nichiro_timeline_item_get_geometry (nichiro_timeline_model_get_item (model, things[t]), &metrics, &view, &other);
                  blocked = other.marker_x <= g.marker_x && other.bar_x1 + metrics.item_gap > g.marker_x;
                }
              if (!blocked)
                g_error ("zooming out to %g, %s left lane %d for %d with room in it", level,
                         nichiro_entry_get_id (nichiro_timeline_model_get_item (model, i)->entry), before, after);
            }
          g_clear_pointer (&previous, nichiro_timeline_layout_unref);
          previous = layout;
        }
    }
}

/* Clusters */

static void
test_clusters (void)
{
  g_autoptr(NichiroDataset) dataset = dense_dataset (12);
  g_autoptr(NichiroTimelineModel) model = measured_model (dataset);
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, 0.5, 4, -1, NULL);
  const NichiroTimelineCluster *clusters;
  guint n_clusters, n_things, alone = find_item (model, "alone");
  const guint *last_lane;
  g_autoptr(NichiroTimelineLayout) pinned = NULL;
  g_autoptr(NichiroTimelineLayout) wide = NULL;

  assert_layout_valid (layout, 0.5);

  /* Three lanes of events, the other nine in one "+9" in the last lane,
   * which still draws the lone treaty years later as itself. */
  clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);
  g_assert_cmpuint (n_clusters, ==, 1);
  g_assert_cmpuint (clusters[0].n_members, ==, 9);
  g_assert_cmpuint (clusters[0].lane, ==, 3);
  g_assert_cmpfloat (clusters[0].start, ==, day (1945, 8, 9));
  g_assert_cmpfloat (clusters[0].end, ==, day (1945, 8, 10));
  g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, alone), ==, 0);
  last_lane = nichiro_timeline_layout_get_lane_things (layout, 3, &n_things);
  g_assert_cmpuint (n_things, ==, 1);
  g_assert_true (nichiro_timeline_lane_is_cluster (last_lane[0]));

  /* The selection is never hidden in a cluster: it takes a lane, and the
   * items there before it are the only ones that move. */
  {
    guint n, hidden;
    const guint *members = nichiro_timeline_layout_get_cluster_members (layout, 0, &n);

    hidden = members[4];
    pinned = nichiro_timeline_layout_new (groups, &metrics, 0.5, 4, hidden, layout);
    assert_layout_valid (pinned, 0.5);
    g_assert_cmpint (nichiro_timeline_layout_get_lane (pinned, hidden), >=, 0);
    g_assert_cmpint (nichiro_timeline_layout_get_lane (pinned, hidden), <, 3);
    g_assert_cmpint (nichiro_timeline_layout_get_pinned (pinned), ==, (int) hidden);
    g_assert_cmpint (nichiro_timeline_layout_get_lane (pinned, alone), ==, 0);
  }

  /* With lanes enough, no cluster. */
  wide = nichiro_timeline_layout_new (groups, &metrics, 0.5, 13, -1, NULL);
  nichiro_timeline_layout_get_clusters (wide, &n_clusters);
  g_assert_cmpuint (n_clusters, ==, 0);
  assert_layout_valid (wide, 0.5);
}

/* One item too many is drawn as itself, never as "+1": two events on a
 * day with one lane for them, then two with two lanes, then three. */
static void
test_clusters_never_one (void)
{
  static const struct
  {
    guint n_same_day;
    guint n_lanes;
    guint n_clusters;
    guint n_members;
  } cases[] = {
    { 2, 2, 0, 0 },
    { 3, 2, 1, 2 },
    { 3, 3, 0, 0 },
    { 4, 3, 1, 2 },
    { 5, 3, 1, 3 },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(NichiroDataset) dataset = dense_dataset (cases[c].n_same_day);
      g_autoptr(NichiroTimelineModel) model = measured_model (dataset);
      g_autoptr(NichiroTimelineGroups) groups = all_items (model);
      g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, 0.5, cases[c].n_lanes, -1, NULL);
      guint n_clusters;
      const NichiroTimelineCluster *clusters = nichiro_timeline_layout_get_clusters (layout, &n_clusters);

      g_test_message ("%u on a day in %u lanes", cases[c].n_same_day, cases[c].n_lanes);
      assert_layout_valid (layout, 0.5);
      g_assert_cmpuint (n_clusters, ==, cases[c].n_clusters);
      if (n_clusters > 0)
        g_assert_cmpuint (clusters[0].n_members, ==, cases[c].n_members);
    }

  /* And over every level and lane count of the bundled dataset. */
  {
    g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
    g_autoptr(NichiroTimelineGroups) groups = all_items (model);

    for (double scale = 0.002; scale < 50; scale *= 1.19)
      for (guint n_lanes = 2; n_lanes < 12; n_lanes++)
        {
          g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, scale, n_lanes, -1, NULL);

          assert_layout_valid (layout, scale);
        }
  }
}

/* A hundred events a month apart: zoomed out they merge into several
 * clusters whose badges never touch; zoomed in they spread out. */
static void
test_clusters_zoom (void)
{
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(NichiroTimelineModel) model = NULL;
  g_autoptr(NichiroTimelineGroups) groups = NULL;
  guint previous = G_MAXUINT;

  for (guint i = 0; i < 100; i++)
    g_string_append_printf (json,
                            "%s{\"id\":\"e-%u\",\"kind\":\"event\",\"title\":{\"en\":\"Monthly event number %u\"},"
                            "\"date\":\"%04u-%02u-15\",\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}",
                            i ? "," : "", i, i, 1900 + i / 12, i % 12 + 1);
  dataset = dataset_from_entries (json->str);
  model = measured_model (dataset);
  groups = all_items (model);

  for (double scale = 0.02; scale < 40; scale *= 2)
    {
      g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, scale, 4, -1, NULL);
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
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  double from = day (1850, 1, 1);
  NichiroTimelineView view = view_between (from, day (1910, 1, 1), 1280);
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, view.scale, 4, -1, NULL);
  guint n_items = nichiro_timeline_model_get_n_items (model);
  guint index;

  g_assert_cmpuint (n_items, ==, 3);
  for (guint i = 0; i < n_items; i++)
    {
      NichiroTimelineGeometry g;
      int lane = nichiro_timeline_layout_get_lane (layout, i);
      guint position;

      g_assert_cmpint (lane, >=, 0);
      g_assert_true (nichiro_timeline_layout_find_thing (layout, lane, i, &position));
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
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  NichiroTimelineView view = { day (1945, 1, 1), 0.5 };
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, 0.5, 4, -1, NULL);
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
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  double scale = nichiro_timeline_layout_quantize_scale (1.0);
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, scale, 6, -1, NULL);
  double width = 800;

  for (double start = day (1850, 1, 1); start < day (1960, 1, 1); start += 97.3)
    {
      NichiroTimelineView view = { start, scale };

      for (guint lane = 0; lane < nichiro_timeline_layout_get_n_lanes (layout); lane++)
        {
          guint n, first, end;
          const guint *things = nichiro_timeline_layout_get_lane_things (layout, lane, &n);

          nichiro_timeline_layout_find_visible (layout, lane, &view, width, &first, &end);
          for (guint i = 0; i < n; i++)
            {
              double x0, x1;
              gboolean in_view;

              nichiro_timeline_layout_get_extent (layout, things[i], &view, &x0, &x1);
              in_view = x1 >= 0 && x0 <= width;
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
assert_era_labels_apart (const NichiroTimelineEra     *eras,
                         const NichiroTimelineEraLabel *labels,
                         guint                          n_placed,
                         double                         width)
{
  for (guint i = 0; i < n_placed; i++)
    {
      const NichiroTimelineEra *era = &eras[labels[i].era];

      g_assert_cmpfloat (labels[i].width, ==, era->widths[labels[i].form]);
      g_assert_cmpfloat (labels[i].x, >=, 6 - 1e-6);
      g_assert_cmpfloat (labels[i].x + labels[i].width, <=, width - 6 + 1e-6);
      g_assert_cmpfloat (labels[i].band_x0, <, labels[i].band_x1);
      for (guint j = 0; j < i; j++)
        if (labels[j].row == labels[i].row)
          g_assert_true (labels[i].x >= labels[j].x + labels[j].width + 6 - 1e-6 ||
                         labels[j].x >= labels[i].x + labels[i].width + 6 - 1e-6);
    }
}

static void
test_era_labels (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  guint n_eras, n_placed;
  const NichiroTimelineEra *eras = nichiro_timeline_model_get_eras (model, &n_eras);
  g_autofree NichiroTimelineEraLabel *labels = g_new (NichiroTimelineEraLabel, n_eras);
  double period_start, period_end, start, end;
  static const double widths[] = { 780, 1280, 1560 };

  g_assert_cmpuint (n_eras, ==, 10);

  /* The dataset's short names. */
  for (guint i = 0; i < n_eras; i++)
    if (g_strcmp0 (eras[i].era->id, "first-world-war") == 0)
      {
        g_assert_cmpstr (eras[i].names[NICHIRO_TIMELINE_ERA_NAME], ==, "First World War");
        g_assert_cmpstr (eras[i].names[NICHIRO_TIMELINE_ERA_SHORT], ==, "WWI");
        g_assert_cmpstr (eras[i].names[NICHIRO_TIMELINE_ERA_INITIALS], ==, "FWW");
      }

  /* Initials where it gives none. */
  {
    static const char json[] =
      "{\"format\":\"nichiro-dataset\",\"version\":1,\"id\":\"plain\",\"title\":\"Plain\",\"license\":\"CC0-1.0\","
      "\"states\":[{\"id\":\"japan\",\"name\":{\"en\":\"Japan\"}}],\"parts\":[{\"id\":\"p\",\"title\":\"P\",\"start\":\"1900\",\"end\":\"1910\"}],"
      "\"eras\":[{\"id\":\"w\",\"kind\":\"war\",\"name\":{\"en\":\"Russo-Japanese War\"},\"start\":\"1904\",\"end\":\"1905\"}],"
      "\"threads\":[],\"people\":[],\"entries\":[{\"id\":\"e\",\"kind\":\"event\",\"title\":{\"en\":\"E\"},"
      "\"date\":\"1905-01-01\",\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}]}";
    g_autoptr(GError) error = NULL;
    g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_from_data (json, strlen (json), "plain.json", &error);
    g_autoptr(NichiroTimelineModel) plain = NULL;
    const NichiroTimelineEra *plain_eras;
    guint n_plain;

    g_assert_no_error (error);
    plain = measured_model (dataset);
    plain_eras = nichiro_timeline_model_get_eras (plain, &n_plain);
    g_assert_cmpuint (n_plain, ==, 1);
    g_assert_cmpstr (plain_eras[0].names[NICHIRO_TIMELINE_ERA_SHORT], ==, "Russo-Japanese War");
    g_assert_cmpstr (plain_eras[0].names[NICHIRO_TIMELINE_ERA_INITIALS], ==, "RJW");
  }

  /* The chapter's century and August 1945 at three widths: every era in
   * view is named, by name or short name, and names never touch within a
   * row. */
  period_start = day (1855, 1, 1);
  period_end = day (1957, 1, 1);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      NichiroTimelineView views[] = {
        view_between (period_start, period_end, widths[w]),
        view_between (day (1945, 7, 1), day (1945, 10, 1), widths[w]),
        view_between (day (1910, 1, 1), day (1930, 1, 1), widths[w]),
      };

      for (guint v = 0; v < G_N_ELEMENTS (views); v++)
        {
          guint n_in_view = 0;

          n_placed = nichiro_timeline_place_era_labels (eras, n_eras, &views[v], widths[w], 3, NULL, 6, labels);
          for (guint i = 0; i < n_eras; i++)
            if (nichiro_timeline_view_time_to_x (&views[v], eras[i].end) > 0 &&
                nichiro_timeline_view_time_to_x (&views[v], eras[i].start) < widths[w])
              n_in_view++;

          g_test_message ("width %g, view %u: %u of %u eras named", widths[w], v, n_placed, n_in_view);
          g_assert_cmpuint (n_placed, ==, n_in_view);
          assert_era_labels_apart (eras, labels, n_placed, widths[w]);
        }

      /* Everything at once: too many to name them all, never touching. */
      nichiro_timeline_model_get_bounds (model, &start, &end);
      views[0] = view_between (start, end, widths[w]);
      n_placed = nichiro_timeline_place_era_labels (eras, n_eras, &views[0], widths[w], 3, NULL, 6, labels);
      assert_era_labels_apart (eras, labels, n_placed, widths[w]);
    }

  /* Buttons over the end of the first two rows: names keep clear of them. */
  {
    NichiroTimelineView view = view_between (day (1855, 1, 1), day (1957, 1, 1), 780);
    const double row_widths[3] = { 780 - 110, 780 - 110, 780 };

    n_placed = nichiro_timeline_place_era_labels (eras, n_eras, &view, 780, 3, row_widths, 6, labels);
    for (guint i = 0; i < n_placed; i++)
      g_assert_cmpfloat (labels[i].x + labels[i].width, <=, row_widths[labels[i].row] - 6 + 1e-6);
  }

  /* Wide and zoomed into a war, its name is written in full in its band. */
  {
    NichiroTimelineView view = view_between (day (1903, 1, 1), day (1907, 1, 1), 1280);

    n_placed = nichiro_timeline_place_era_labels (eras, n_eras, &view, 1280, 3, NULL, 6, labels);
    g_assert_cmpuint (n_placed, ==, 1);
    g_assert_cmpint (labels[0].form, ==, NICHIRO_TIMELINE_ERA_NAME);
    g_assert_cmpfloat (labels[0].x, >=, labels[0].band_x0);
    g_assert_cmpfloat (labels[0].x + labels[0].width, <=, labels[0].band_x1);
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
  g_test_add_func ("/nichiro/timeline/lanes/same-input", test_lanes_same_input);
  g_test_add_func ("/nichiro/timeline/lanes/stable-across-zoom", test_lanes_stable_across_zoom);
  g_test_add_func ("/nichiro/timeline/clusters/dense", test_clusters);
  g_test_add_func ("/nichiro/timeline/clusters/never-one", test_clusters_never_one);
  g_test_add_func ("/nichiro/timeline/clusters/zoom", test_clusters_zoom);
  g_test_add_func ("/nichiro/timeline/hit/items", test_hit);
  g_test_add_func ("/nichiro/timeline/hit/cluster", test_hit_cluster);
  g_test_add_func ("/nichiro/timeline/hit/visible", test_find_visible);
  g_test_add_func ("/nichiro/timeline/lanes/quantize", test_quantize);
  g_test_add_func ("/nichiro/timeline/eras/labels", test_era_labels);
  g_test_add_func ("/nichiro/timeline/dates", test_dates);
  g_test_add_func ("/nichiro/timeline/title-language", test_title_language);

  status = g_test_run ();

  g_clear_object (&bundled);
  g_clear_object (&small);
  return status;
}
