/* nichiro-map-bench.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map-bench"

#include "config.h"

#include <adwaita.h>

#include "nichiro-frontier.h"
#include "nichiro-map.h"

/* Times the frontier map's frames with the bundled dataset in a 1280×800
 * window, drawn with the cairo renderer, while the date cursor moves:
 *
 *   map-cursor  the cursor steps through 1855–1956 a month at a time
 *               (mode "month"), and across every change of holder, each
 *               frame on a day a holder changes (mode "changes")
 *   map-view    panning and zooming, for comparison (no budget of its own)
 *
 * A frame is what GTK does after the cursor moves: the map takes the day
 * (holdings, markers' words, the text twin), lays its markers out again,
 * takes its snapshot, and cairo renders it. It prints one JSON object per
 * line with the design's budget beside each figure; it asserts nothing
 * about time. */

#define WIDTH 1280
#define HEIGHT 800
#define REDRAW_BUDGET_MS 8.0

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile of @samples, which it sorts. */
static double
percentile (GArray *samples,
            double  fraction)
{
  double exact = fraction * samples->len;
  guint rank = (guint) exact;

  if (samples->len == 0)
    return 0.0;

  g_array_sort (samples, compare_doubles);
  if ((double) rank < exact)
    rank++;
  rank = CLAMP (rank, 1, samples->len);
  return g_array_index (samples, double, rank - 1);
}

static void
report (const char *bench,
        const char *mode,
        GArray     *samples,
        double      budget_ms)
{
  double p50 = percentile (samples, 0.50);
  double p95 = percentile (samples, 0.95);
  double max = percentile (samples, 1.0);

  g_print ("{\"bench\": \"%s\", \"mode\": \"%s\", \"n\": %u, \"width\": %d, \"height\": %d, "
           "\"p50_ms\": %.3f, \"p95_ms\": %.3f, \"max_ms\": %.3f",
           bench, mode, samples->len, WIDTH, HEIGHT, p50, p95, max);
  if (budget_ms > 0)
    g_print (", \"budget_ms\": %g, \"ok\": %s", budget_ms, p95 <= budget_ms ? "true" : "false");
  g_print ("}\n");
}

static gboolean
count_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  guint *ticks = user_data;

  (*ticks)++;
  return G_SOURCE_CONTINUE;
}

/* Lets two frames go by, so that layout and drawing are done. */
static void
settle (GtkWidget *widget)
{
  guint ticks = 0;
  guint id = gtk_widget_add_tick_callback (widget, count_tick_cb, &ticks, NULL);
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (ticks < 2 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct
{
  NichiroSession *session;
  GtkWidget *map;
  GskRenderer *renderer;
} Bench;

/* One frame after @change ran: layout, snapshot, render. */
static double
frame (Bench  *bench,
       void  (*change) (Bench *bench, gpointer data),
       gpointer data)
{
  int width = gtk_widget_get_width (bench->map), height = gtk_widget_get_height (bench->map);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 start, end;

  start = g_get_monotonic_time ();
  change (bench, data);
  /* The layout phase, as the frame clock would run it. */
  gtk_widget_size_allocate (bench->map, &(GtkAllocation) { 0, 0, width, height }, -1);
  gtk_widget_snapshot_child (gtk_widget_get_parent (bench->map), bench->map, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node != NULL)
    texture = gsk_renderer_render_texture (bench->renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  end = g_get_monotonic_time ();

  while (g_main_context_iteration (NULL, FALSE))
    ;
  return (end - start) / 1000.0;
}

static void
set_cursor (Bench    *bench,
            gpointer  data)
{
  nichiro_session_set_cursor (bench->session, *(gint64 *) data);
}

static void
pan (Bench    *bench,
     gpointer  data)
{
  gtk_widget_activate_action (nichiro_map_get_canvas (NICHIRO_MAP (bench->map)), "map.pan", "(dd)",
                              *(double *) data, 0.0);
}

static void
zoom (Bench    *bench,
      gpointer  data)
{
  gtk_widget_activate_action (bench->map, *(gboolean *) data ? "map.zoom-in" : "map.zoom-out", NULL);
}

static gint64
julian (int year,
        int month,
        int day)
{
  NichiroDate date = nichiro_date_make (year, month, day);

  return nichiro_date_to_julian_day (&date);
}

static void
bench_cursor (Bench *bench)
{
  NichiroFrontier *frontier = nichiro_dataset_get_frontier (nichiro_session_get_dataset (bench->session));
  g_autoptr(GArray) months = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* A month at a time, 1855 to 1956, as a held Shift+Right or a drag does
   * at a coarse zoom. */
  for (int year = 1855; year <= 1956; year++)
    for (int month = 1; month <= 12; month++)
      {
        gint64 day = julian (year, month, 1);
        double ms = frame (bench, set_cursor, &day);

        g_array_append_val (months, ms);
      }
  report ("map-cursor", "month", months, REDRAW_BUDGET_MS);

  /* The worst case: every frame on a day some holder changes, and the
   * next on the day before it. */
  for (guint a = 0; a < nichiro_frontier_get_n_areas (frontier); a++)
    {
      const NichiroArea *area = nichiro_frontier_get_area (frontier, a);

      for (guint c = 0; c < area->n_changes; c++)
        {
          gint64 day = nichiro_date_to_julian_day (&area->changes[c].date);
          gint64 before = day - 1;

          g_array_append_val (days, before);
          g_array_append_val (days, day);
        }
    }
  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < days->len; i++)
      {
        double ms = frame (bench, set_cursor, &g_array_index (days, gint64, i));

        g_array_append_val (changes, ms);
      }
  report ("map-cursor", "changes", changes, REDRAW_BUDGET_MS);
}

static void
bench_view (Bench *bench)
{
  g_autoptr(GArray) panning = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zooming = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < 60; i++)
    {
      double direction = (i / 15) % 2 == 0 ? -0.08 : 0.08;
      double ms = frame (bench, pan, &direction);

      g_array_append_val (panning, ms);
    }
  report ("map-view", "pan", panning, 0);

  for (guint i = 0; i < 40; i++)
    {
      gboolean in = (i / 5) % 2 == 0;
      double ms = frame (bench, zoom, &in);

      g_array_append_val (zooming, ms);
    }
  report ("map-view", "zoom", zooming, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  Bench bench = { NULL, };
  GtkWindow *window;
  gint64 deadline;

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  dataset = nichiro_dataset_new_default (&error);
  if (dataset == NULL)
    g_error ("%s", error->message);
  bench.session = nichiro_session_new (dataset, NULL);
  bench.map = nichiro_map_new ();
  nichiro_map_set_session (NICHIRO_MAP (bench.map), bench.session);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_set_child (window, bench.map);
  gtk_window_present (window);

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (nichiro_map_get_day (NICHIRO_MAP (bench.map)) == 0)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the map was not shown");
      g_main_context_iteration (NULL, TRUE);
    }
  settle (bench.map);

  bench.renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (bench.renderer, NULL, &error))
    g_error ("%s", error->message);

  bench_cursor (&bench);
  bench_view (&bench);

  gsk_renderer_unrealize (bench.renderer);
  g_object_unref (bench.renderer);
  gtk_window_destroy (window);
  g_object_unref (bench.session);
  return 0;
}
