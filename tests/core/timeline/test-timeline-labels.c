/* test-timeline-labels.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "timeline-test-common.h"

/* Which entries the timeline shows in which groups, where their labels go
 * in a frame, and the views that keep labels whole: the dataset's period
 * and each chapter part fitted with every label of theirs readable, no
 * label ever cut at an edge, and what a reader can read counted. */

#define PADDING 4.0
#define MIN_SPAN 10.0

static NichiroDataset *bundled;

typedef struct
{
  NichiroTimelineGroups *groups;
  guint n_lanes;
  GPtrArray *layouts;
} Layouts;

static NichiroTimelineLayout *
get_layout_cb (double   level,
               gpointer user_data)
{
  Layouts *layouts = user_data;
  NichiroTimelineLayout *layout = nichiro_timeline_layout_new (layouts->groups, &metrics, level, layouts->n_lanes, -1, NULL);

  g_ptr_array_add (layouts->layouts, layout);
  return layout;
}

/* Fits @from to @to as the widget does; gives the view and its layout. */
static NichiroTimelineLayout *
fit (NichiroTimelineGroups *groups,
     guint                  n_lanes,
     double                 from,
     double                 to,
     double                 width,
     NichiroTimelineView   *out_view)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) nichiro_timeline_layout_unref);
  Layouts layouts = { groups, n_lanes, made };
  double start, end;

  g_assert_true (nichiro_timeline_fit (nichiro_timeline_groups_get_model (groups), from, to, width, PADDING,
                                       MIN_SPAN, get_layout_cb, &layouts, &start, &end));
  *out_view = (NichiroTimelineView) { start, width / (end - start) };

  /* The layout the widget would draw at that view. */
  return nichiro_timeline_layout_new (groups, &metrics, nichiro_timeline_layout_quantize_scale (out_view->scale),
                                      n_lanes, -1, NULL);
}

/* Every label drawn is whole inside the view and clear of its lane's other
 * things; returns how many items starting from @from to @to are drawn in a
 * lane without a label. */
static guint
assert_labels_whole (NichiroTimelineLayout     *layout,
                     const NichiroTimelineView *view,
                     double                     width,
                     double                     from,
                     double                     to)
{
  NichiroTimelineModel *model = nichiro_timeline_layout_get_model (layout);
  guint n_unlabelled = 0;

  for (guint lane = 0; lane < nichiro_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n, first, end;
      const guint *things = nichiro_timeline_layout_get_lane_things (layout, lane, &n);

      nichiro_timeline_layout_find_visible (layout, lane, view, width, &first, &end);
      for (guint i = first; i < end; i++)
        {
          const NichiroTimelineItem *item;
          NichiroTimelineLabelPlace place;

          if (nichiro_timeline_lane_is_cluster (things[i]))
            continue;

          item = nichiro_timeline_model_get_item (model, things[i]);
          nichiro_timeline_layout_place_label (layout, lane, i, view, width, PADDING, &place);
          if (!place.shown)
            {
              if (item->start >= from && item->start < to)
                {
                  g_test_message ("%s has no label", nichiro_entry_get_id (item->entry));
                  n_unlabelled++;
                }
              continue;
            }

          if (place.x < PADDING - 1e-6 || place.x + item->label_width > width - PADDING + 1e-6)
            g_error ("“%s” is cut: %.1f to %.1f in %.0f", item->label, place.x, place.x + item->label_width, width);

          /* Clear of the neighbours' marks in its lane. */
          if (i > 0)
            {
              double x0, x1;

              nichiro_timeline_layout_get_extent (layout, things[i - 1], view, &x0, &x1);
              g_assert_cmpfloat (place.x, >=, x1);
            }
          if (i + 1 < n)
            {
              double x0, x1;

              nichiro_timeline_layout_get_extent (layout, things[i + 1], view, &x0, &x1);
              g_assert_cmpfloat (place.x + item->label_width, <=, x0);
            }
        }
    }

  return n_unlabelled;
}

/* Groups and filters */

static void
test_groups (void)
{
  g_autoptr(NichiroDataset) dataset = dataset_from_entries (
    "{\"id\":\"a\",\"kind\":\"treaty\",\"title\":{\"en\":\"A\"},\"date\":\"1900-01-01\",\"threads\":[\"north\",\"south\"],"
    "\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]},"
    "{\"id\":\"b\",\"kind\":\"war\",\"title\":{\"en\":\"B\"},\"date\":\"1901-01-01\",\"end_date\":\"1902-01-01\",\"threads\":[\"north\"],"
    "\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]},"
    "{\"id\":\"c\",\"kind\":\"event\",\"title\":{\"en\":\"C\"},\"date\":\"1903-01-01\","
    "\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]},"
    "{\"id\":\"d\",\"kind\":\"mission\",\"title\":{\"en\":\"D\"},\"date\":\"1904-01-01\",\"threads\":[\"south\"],"
    "\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}");
  g_autoptr(NichiroTimelineModel) model = measured_model (dataset);
  static const char * const no_south[] = { "south", NULL };
  static const char * const no_threadless[] = { NICHIRO_TIMELINE_NO_THREAD, NULL };
  static const struct
  {
    NichiroTimelineGrouping grouping;
    guint hidden_categories;
    const char * const *hidden_threads;
    const char *expected;   /* the groups' ids, "|" between groups */
  } cases[] = {
    { NICHIRO_TIMELINE_GROUP_BY_NONE, 0, NULL, "abcd" },
    { NICHIRO_TIMELINE_GROUP_BY_KIND, 0, NULL, "a|b|cd" },
    /* An entry of two threads is in both; one of none at the end. */
    { NICHIRO_TIMELINE_GROUP_BY_THREAD, 0, NULL, "ab|ad|c" },
    { NICHIRO_TIMELINE_GROUP_BY_KIND, 1u << NICHIRO_TIMELINE_CATEGORY_CONFLICTS, NULL, "a|cd" },
    /* Hiding a thread hides what has no other. */
    { NICHIRO_TIMELINE_GROUP_BY_NONE, 0, no_south, "abc" },
    { NICHIRO_TIMELINE_GROUP_BY_THREAD, 0, no_south, "ab|c" },
    { NICHIRO_TIMELINE_GROUP_BY_NONE, 0, no_threadless, "abd" },
    { NICHIRO_TIMELINE_GROUP_BY_NONE, 1u << NICHIRO_TIMELINE_CATEGORY_INSTRUMENTS, no_threadless, "bd" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(NichiroTimelineGroups) groups = nichiro_timeline_groups_new (model, cases[c].grouping,
                                                                             cases[c].hidden_categories,
                                                                             cases[c].hidden_threads);
      g_autoptr(GString) got = g_string_new (NULL);
      g_autoptr(NichiroTimelineLayout) layout = NULL;
      guint n_shown = 0;

      for (guint g = 0; g < nichiro_timeline_groups_get_n_groups (groups); g++)
        {
          const NichiroTimelineGroupInfo *info = nichiro_timeline_groups_get_group (groups, g);

          if (g > 0)
            g_string_append_c (got, '|');
          for (guint k = 0; k < info->n_items; k++)
            g_string_append (got, nichiro_entry_get_id (nichiro_timeline_model_get_item (model, info->items[k])->entry));
        }
      g_assert_cmpstr (got->str, ==, cases[c].expected);

      for (guint i = 0; i < nichiro_timeline_model_get_n_items (model); i++)
        {
          const char *id = nichiro_entry_get_id (nichiro_timeline_model_get_item (model, i)->entry);
          gboolean shown = strstr (cases[c].expected, id) != NULL;

          g_assert_cmpint (nichiro_timeline_groups_is_shown (groups, i), ==, shown);
          n_shown += shown;
        }
      g_assert_cmpuint (nichiro_timeline_groups_get_n_shown (groups), ==, n_shown);

      /* Laid out: each group in lanes of its own, hidden items nowhere. */
      layout = nichiro_timeline_layout_new (groups, &metrics, 0.01, 6, -1, NULL);
      assert_layout_valid (layout, 0.01);
      for (guint g = 0; g < nichiro_timeline_groups_get_n_groups (groups); g++)
        {
          guint first, n_lanes;

          nichiro_timeline_layout_get_group_lanes (layout, g, &first, &n_lanes);
          g_assert_cmpuint (n_lanes, >=, 1);
          for (guint l = first; l < first + n_lanes; l++)
            g_assert_cmpint (nichiro_timeline_layout_get_lane_group (layout, l), ==, g);
        }
    }

  /* Walking skips what is hidden. */
  {
    g_autoptr(NichiroTimelineGroups) groups = nichiro_timeline_groups_new (model, NICHIRO_TIMELINE_GROUP_BY_NONE, 0, no_south);
    guint next;

    g_assert_true (nichiro_timeline_groups_step (groups, find_item (model, "b"), 1, &next));
    g_assert_cmpuint (next, ==, find_item (model, "c"));
    g_assert_false (nichiro_timeline_groups_step (groups, find_item (model, "c"), 1, &next));
    g_assert_true (nichiro_timeline_groups_step (groups, find_item (model, "c"), -1, &next));
    g_assert_cmpuint (next, ==, find_item (model, "b"));
  }
}

/* Labels in a frame */

/* Three items in a row, each alone in its lane or sharing it: how their
 * labels go at the edges. */
static void
test_place_label (void)
{
  g_autoptr(NichiroDataset) dataset = dataset_from_entries (
    /* A point with a ten-letter label (70 pixels). */
    "{\"id\":\"point\",\"kind\":\"event\",\"title\":{\"en\":\"Point here\"},\"date\":\"1900-01-01\","
    "\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]},"
    /* A long range whose label fits inside its bar. */
    "{\"id\":\"range\",\"kind\":\"war\",\"title\":{\"en\":\"Long war\"},\"date\":\"1910-01-01\",\"end_date\":\"1930-01-01\","
    "\"summary\":\"s\",\"part\":\"p\",\"sources\":[{\"title\":\"t\"}]}");
  g_autoptr(NichiroTimelineModel) model = measured_model (dataset);
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  double scale = nichiro_timeline_layout_quantize_scale (0.1);
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, scale, 2, -1, NULL);
  guint point = find_item (model, "point"), range = find_item (model, "range");
  static const struct
  {
    const char *id;
    double marker_x;   /* where the item's start falls in a 400-pixel view */
    gboolean shown;
    gboolean moved;
    double x;          /* where its label goes, when shown */
  } cases[] = {
    /* In the middle: after the marker, as usual (marker + radius + gap). */
    { "point", 100, TRUE, FALSE, 100 + 6 + 4 },
    /* At the right edge with room before it: turned to the left. */
    { "point", 380, TRUE, TRUE, 380 - 6 - 4 - 70 },
    /* Its marker just out at the left: its label has nothing to slide
     * along, so it is not drawn cut. */
    { "point", -20, FALSE, FALSE, 0 },
    /* A bar begun before the view: its label slides inside it. */
    { "range", -300, TRUE, TRUE, PADDING },
    /* Near the bar's end, no room left in it: no label. */
    { "range", -(20 * 365.25 * 0.1) + 30, FALSE, FALSE, 0 },
  };

  g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, point), ==, 0);
  g_assert_cmpint (nichiro_timeline_layout_get_lane (layout, range), ==, 0);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      guint index = find_item (model, cases[c].id), position;
      const NichiroTimelineItem *item = nichiro_timeline_model_get_item (model, index);
      double offset = item->is_range ? 0 : 0.5;
      NichiroTimelineView view = { item->start + offset - cases[c].marker_x / scale, scale };
      NichiroTimelineLabelPlace place;

      g_test_message ("case %u: %s at %g", c, cases[c].id, cases[c].marker_x);
      g_assert_true (nichiro_timeline_layout_find_thing (layout, 0, index, &position));
      nichiro_timeline_layout_place_label (layout, 0, position, &view, 400, PADDING, &place);
      g_assert_cmpint (place.shown, ==, cases[c].shown);
      if (!cases[c].shown)
        continue;
      g_assert_cmpint (place.moved, ==, cases[c].moved);
      g_assert_cmpfloat_with_epsilon (place.x, cases[c].x, 1e-6);
    }

  /* A label turned before its marker is the item's to click. */
  {
    NichiroTimelineView view = { nichiro_timeline_model_get_item (model, point)->start + 0.5 - 380 / scale, scale };
    guint index;

    g_assert_cmpint (nichiro_timeline_layout_hit (layout, 0, &view, 330, &index), ==, NICHIRO_TIMELINE_HIT_NONE);
    g_assert_cmpint (nichiro_timeline_layout_hit_placed (layout, 0, &view, 400, PADDING, 330, &index), ==, NICHIRO_TIMELINE_HIT_ITEM);
    g_assert_cmpuint (index, ==, point);
  }
}

/* Panning and zooming anywhere over the bundled dataset: a label is drawn
 * whole, inside the view and clear of its neighbours, or not at all. */
static void
test_labels_never_cut (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  double start, end;

  nichiro_timeline_model_get_bounds (model, &start, &end);
  for (double span = end - start; span > 20; span /= 2.1)
    {
      double level = nichiro_timeline_layout_quantize_scale (900 / span);
      g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, level, 7, -1, NULL);

      for (double from = start - span / 3; from < end; from += span / 7.3)
        {
          NichiroTimelineView view = { from, 900 / span };

          assert_labels_whole (layout, &view, 900, 0, 0);
        }
    }
}

/* Fitting */

/* The first view: the dataset's period, every label of it drawn in a lane
 * whole, and little beyond it. */
static void
test_fit_period (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  static const struct
  {
    double width;
    guint n_lanes;
  } cases[] = {
    { 600, 5 }, { 780, 9 }, { 1280, 10 }, { 1560, 14 },
  };
  double from, to;

  nichiro_timeline_model_get_period (model, &from, &to);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      NichiroTimelineView view;
      g_autoptr(NichiroTimelineLayout) layout = fit (groups, cases[c].n_lanes, from, to, cases[c].width, &view);
      double view_end = view.start + cases[c].width / view.scale;

      g_test_message ("%g wide: %.1f to %.1f", cases[c].width,
                      nichiro_timeline_time_to_date (view.start).year + 0.0,
                      nichiro_timeline_time_to_date (view_end).year + 0.0);
      g_assert_cmpuint (assert_labels_whole (layout, &view, cases[c].width, from, to), ==, 0);

      /* Not far outside it: a label's width at most. */
      g_assert_cmpfloat (view.start, >=, from - 200 / view.scale);
      g_assert_cmpfloat (view_end, <=, to + 400 / view.scale);
    }
}

/* Each chapter part fitted: every entry of it drawn in a lane reads whole,
 * and no label in view is cut. */
static void
test_fit_parts (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  static const double widths[] = { 500, 780, 1280 };
  guint n_parts;
  const NichiroPart *parts = nichiro_dataset_get_parts (bundled, &n_parts);

  g_assert_cmpuint (n_parts, >, 0);
  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    for (guint p = 0; p < n_parts; p++)
      {
        double from = nichiro_timeline_date_to_time (&parts[p].start);
        double to = nichiro_timeline_date_end (&parts[p].end);
        NichiroTimelineView view;
        g_autoptr(NichiroTimelineLayout) layout = fit (groups, 7, from, to, widths[w], &view);

        g_test_message ("part %s at %g", parts[p].id, widths[w]);
        g_assert_cmpuint (assert_labels_whole (layout, &view, widths[w], from, to), ==, 0);
      }
}

/* What a reader can read: counted once per entry, and only whole labels. */
static void
test_count_readable (void)
{
  g_autoptr(NichiroDataset) dataset = dense_dataset (5);
  g_autoptr(NichiroTimelineModel) model = measured_model (dataset);
  g_autoptr(NichiroTimelineGroups) groups = all_items (model);
  g_autoptr(NichiroTimelineLayout) layout = nichiro_timeline_layout_new (groups, &metrics, 0.5, 3, -1, NULL);
  NichiroTimelineView view = { day (1945, 1, 1), 0.5 };
  guint n_in_range, n;

  /* Two events in lanes and a "+3"; the treaty in 1950 after them. */
  n = nichiro_timeline_layout_count_readable (layout, &view, 2000, PADDING, day (1945, 1, 1), day (1946, 1, 1), &n_in_range);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (n_in_range, ==, 2);

  /* Narrower, the treaty is out of view. */
  n = nichiro_timeline_layout_count_readable (layout, &view, 400, PADDING, 0, G_MAXDOUBLE, NULL);
  g_assert_cmpuint (n, ==, 2);
}

/* Where the content ends, labels included, keeps the view on it. */
static void
test_content_bounds (void)
{
  g_autoptr(NichiroTimelineModel) model = measured_model (bundled);
  double start, end, first, last;

  nichiro_timeline_model_get_bounds (model, &first, &last);
  for (double scale = 0.001; scale < 10; scale *= 3)
    {
      nichiro_timeline_model_get_content_bounds (model, &metrics, scale, &start, &end);
      g_assert_cmpfloat (start, <=, first);
      g_assert_cmpfloat (start, >=, first - 20 / scale);
      g_assert_cmpfloat (end, >=, last);

      /* Every item's content lies within. */
      for (guint i = 0; i < nichiro_timeline_model_get_n_items (model); i++)
        {
          NichiroTimelineView view = { start, scale };
          double x0, x1;

          nichiro_timeline_item_get_content (nichiro_timeline_model_get_item (model, i), &metrics, &view, &x0, &x1);
          g_assert_cmpfloat (x1, <=, (end - start) * scale + 1e-6);
        }
    }
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

  g_test_add_func ("/nichiro/timeline/groups/filters", test_groups);
  g_test_add_func ("/nichiro/timeline/labels/place", test_place_label);
  g_test_add_func ("/nichiro/timeline/labels/never-cut", test_labels_never_cut);
  g_test_add_func ("/nichiro/timeline/labels/fit-period", test_fit_period);
  g_test_add_func ("/nichiro/timeline/labels/fit-parts", test_fit_parts);
  g_test_add_func ("/nichiro/timeline/labels/count-readable", test_count_readable);
  g_test_add_func ("/nichiro/timeline/labels/content-bounds", test_content_bounds);

  status = g_test_run ();

  g_clear_object (&bundled);
  return status;
}
