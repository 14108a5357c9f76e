/* nichiro-timeline-bench.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-bench"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "nichiro-bench-report.h"
#include "nichiro-timeline.h"
#include "nichiro-timeline-canvas.h"
#include "nichiro-window.h"

/* Times the timeline's frames on generated datasets of 100, 10,000 and
 * 100,000 entries in a 1280×800 window, drawn with the cairo renderer:
 *
 *   timeline-snapshot  the canvas's snapshot (what GTK calls each frame),
 *                      while panning and while zooming, at five zooms
 *   timeline-paint     the same snapshot plus rendering it to a texture
 *   timeline-layout    the first frame after zooming out to a level not
 *                      seen before, which lays the lanes out
 *
 * and prints one JSON object per line with the design's budget beside each
 * figure. It asserts nothing about time.
 *
 * With --labels it counts instead what a reader can read at first sight:
 * the bundled dataset in the real window on a fresh profile, at its
 * default size (on a 1280×800 screen) and at 1880×1000, the entries whose
 * label (short title or title) the timeline draws whole, and how many of
 * them are dated 1904–1956, the chapter's core:
 *
 *   timeline-labels    readable, readable_1904_1956, beside the goals */

#define WIDTH 1280
#define HEIGHT 800
#define FRAMES_PER_ZOOM 40
#define SEED 20260101
#define FIRST_YEAR 1700
#define LAST_YEAR 1960

#define SNAPSHOT_BUDGET_MS 2.0
#define PAINT_BUDGET_MS 8.0
#define LAYOUT_BUDGET_MS 50.0

static const char * const kinds[] = {
  "treaty", "agreement", "convention", "protocol", "declaration", "pact",
  "war", "battle", "conference", "incident", "mission", "event",
};

static const char * const adjectives[] = {
  "Northern", "Provisional", "Supplementary", "Secret", "Second", "Final",
  "Additional", "Maritime", "Frontier", "General", "Joint", "Temporary",
};

static const char * const nouns[] = {
  "Convention", "Agreement", "Protocol", "Declaration", "Conference", "Incident",
  "Mission", "Treaty", "Exchange", "Settlement", "Commission", "Arrangement",
};

static const char * const places[] = {
  "Sakhalin", "Hakodate", "Vladivostok", "Port Arthur", "Mukden", "Harbin",
  "Nagasaki", "Shimoda", "Portsmouth", "Kamchatka", "Dairen", "Changchun",
  "Tsushima", "Khabarovsk", "Etorofu", "Kunashiri", "Shikotan", "Habomai",
};

static void
append_date (GString *json,
             int      year,
             int      month,
             int      day)
{
  g_string_append_printf (json, "\"%04d-%02d-%02d\"", year, month, day);
}

/* A valid dataset of @n_entries, the same for the same @n_entries. A tenth
 * are ranges; a third of the instruments have a lifecycle. */
static GString *
generate (guint n_entries)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  GString *json = g_string_sized_new (n_entries * 260);

  g_string_append (json,
                   "{\"format\":\"nichiro-dataset\",\"version\":1,\"id\":\"timeline-bench\","
                   "\"title\":\"Timeline benchmark\",\"license\":\"CC0-1.0\","
                   "\"states\":[{\"id\":\"japan\",\"name\":{\"en\":\"Japan\"}}],"
                   "\"parts\":[{\"id\":\"all\",\"title\":\"All\",\"start\":\"1700\",\"end\":\"1960\"}],"
                   "\"eras\":["
                   "{\"id\":\"war-a\",\"kind\":\"war\",\"name\":{\"en\":\"A long war\"},\"start\":\"1756\",\"end\":\"1763\"},"
                   "{\"id\":\"period-b\",\"kind\":\"period\",\"name\":{\"en\":\"A period\"},\"start\":\"1868\",\"end\":\"1912\"},"
                   "{\"id\":\"war-c\",\"kind\":\"war\",\"name\":{\"en\":\"A short war\"},\"start\":\"1904-02-08\",\"end\":\"1905-09-05\"},"
                   "{\"id\":\"occupation-d\",\"kind\":\"occupation\",\"name\":{\"en\":\"An occupation\"},\"start\":\"1945-09-02\",\"end\":\"1952-04-28\"}"
                   "],\"threads\":[],\"people\":[],\"entries\":[");

  for (guint i = 0; i < n_entries; i++)
    {
      const char *kind = kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];
      int year = g_rand_int_range (rand, FIRST_YEAR, LAST_YEAR + 1);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      gboolean instrument = g_rand_int_range (rand, 0, 12) < 6;

      if (instrument)
        kind = kinds[g_rand_int_range (rand, 0, 6)];

      g_string_append_printf (json, "%s{\"id\":\"e-%u\",\"kind\":\"%s\",\"title\":{\"en\":\"%s %s of %s\"},\"date\":",
                              i ? "," : "", i, kind,
                              adjectives[g_rand_int_range (rand, 0, G_N_ELEMENTS (adjectives))],
                              nouns[g_rand_int_range (rand, 0, G_N_ELEMENTS (nouns))],
                              places[g_rand_int_range (rand, 0, G_N_ELEMENTS (places))]);
      append_date (json, year, month, day);

      if (!instrument && g_rand_int_range (rand, 0, 10) == 0)
        {
          g_string_append (json, ",\"end_date\":");
          append_date (json, year + g_rand_int_range (rand, 1, 4), month, day);
        }
      else if (instrument && g_rand_int_range (rand, 0, 3) == 0)
        {
          g_string_append (json, ",\"lifecycle\":[{\"stage\":\"in-force\",\"date\":");
          append_date (json, year, month, MIN (day + 1, 28));
          g_string_append (json, "},{\"stage\":\"ended\",\"date\":");
          append_date (json, year + g_rand_int_range (rand, 1, 30), month, day);
          g_string_append (json, "}]");
        }

      g_string_append (json, ",\"summary\":\"Generated.\",\"part\":\"all\",\"sources\":[{\"title\":\"Generated\"}]}");
    }

  g_string_append (json, "]}");
  return json;
}

/* One line of figures: the shared report's percentiles, and the budget
 * beside them. */
static void
report (const char *bench,
        const char *mode,
        guint       entries,
        GArray     *samples,
        double      budget_ms)
{
  BenchReport report;

  bench_report_begin (&report, bench);
  if (mode != NULL)
    bench_report_add_string (&report, "mode", mode);
  bench_report_add_uint (&report, "entries", entries);
  bench_report_add_samples (&report, "", samples);
  bench_report_add_double (&report, "budget_ms", budget_ms);
  bench_report_add_bool (&report, "ok", bench_percentile (samples, 0.95) <= budget_ms);
  bench_report_end (&report);
}

static gboolean
is_drawn (GtkWidget *canvas)
{
  return gtk_widget_get_mapped (canvas) && gtk_widget_get_width (canvas) > 0;
}

/* Runs the main loop until @canvas is drawn; FALSE if it is not within
 * ten seconds. */
static gboolean
wait_drawn (GtkWidget *canvas)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!is_drawn (canvas))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
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

/* What runs between two frames: on a large dataset the canvas lays out the
 * next zoom levels then, not in a frame. */
static void
between_frames (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
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
  GtkWidget *canvas;
  GskRenderer *renderer;
  GArray *snapshot_ms;
  GArray *paint_ms;
} Frames;

/* One frame: the canvas's snapshot, as GTK takes it when the view moved,
 * then its render node drawn by cairo. */
static double
frame (Frames *frames)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GtkWidget *canvas = frames->canvas;
  int width = gtk_widget_get_width (canvas);
  int height = gtk_widget_get_height (canvas);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  gint64 start, snapped, painted;

  gtk_widget_queue_draw (canvas);
  start = g_get_monotonic_time ();
  gtk_widget_snapshot_child (gtk_widget_get_parent (canvas), canvas, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  snapped = g_get_monotonic_time ();
  if (node != NULL)
    texture = gsk_renderer_render_texture (frames->renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  painted = g_get_monotonic_time ();

  if (frames->snapshot_ms != NULL)
    {
      double snapshot_ms = (snapped - start) / 1000.0;
      double paint_ms = (painted - start) / 1000.0;

      g_array_append_val (frames->snapshot_ms, snapshot_ms);
      g_array_append_val (frames->paint_ms, paint_ms);
    }

  return (snapped - start) / 1000.0;
}

static double
julian (int year,
        int month,
        int day)
{
  NichiroDate date = nichiro_date_make (year, month, day);

  return nichiro_date_to_julian_day (&date);
}

static gboolean
run (guint       entries,
     GtkWindow  *window,
     GskRenderer *renderer)
{
  g_autoptr(GString) json = generate (entries);
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(NichiroSession) session = NULL;
  g_autoptr(GArray) pan_snapshot = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pan_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_snapshot = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) zoom_paint = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) layout_ms = g_array_new (FALSE, FALSE, sizeof (double));
  NichiroTimeline *timeline = NICHIRO_TIMELINE (gtk_window_get_child (window));
  Frames frames = { nichiro_timeline_get_canvas (timeline), renderer, NULL, NULL };
  double centre = julian (1900, 1, 1);
  double fit_start, fit_end;
  /* From everything to a month, centred on 1900. */
  double spans[5] = { 0, 50 * 365.25, 5 * 365.25, 182, 31 };

  dataset = nichiro_dataset_new_from_data (json->str, json->len, "timeline-bench.json", &error);
  if (dataset == NULL)
    {
      bench_report_error ("timeline-snapshot", error->message);
      return FALSE;
    }

  session = nichiro_session_new (dataset, NULL);
  nichiro_timeline_set_session (timeline, session);
  settle (frames.canvas);
  nichiro_session_get_visible_range (session, &fit_start, &fit_end);
  spans[0] = fit_end - fit_start;

  /* A first frame lays out; the timed ones follow. */
  frame (&frames);

  for (guint z = 0; z < G_N_ELEMENTS (spans); z++)
    {
      double span = spans[z];
      double start = z == 0 ? fit_start : centre - span / 2;

      nichiro_session_set_visible_range (session, start, start + span);
      settle (frames.canvas);
      frames.snapshot_ms = NULL;
      frames.paint_ms = NULL;
      frame (&frames);

      /* Panning: a hundredth of the view a frame, as a drag does. */
      frames.snapshot_ms = pan_snapshot;
      frames.paint_ms = pan_paint;
      for (guint f = 0; f < FRAMES_PER_ZOOM; f++)
        {
          start += span / 100;
          nichiro_session_set_visible_range (session, start, start + span);
          frame (&frames);
          between_frames ();
        }

      /* Zooming: 2% a frame about the middle, as a pinch does, half in and
       * half back out. */
      frames.snapshot_ms = zoom_snapshot;
      frames.paint_ms = zoom_paint;
      for (guint f = 0; f < FRAMES_PER_ZOOM; f++)
        {
          double middle = start + span / 2;

          span *= f < FRAMES_PER_ZOOM / 2 ? 0.98 : 1 / 0.98;
          start = middle - span / 2;
          nichiro_session_set_visible_range (session, start, start + span);
          frame (&frames);
          between_frames ();
        }

      settle (frames.canvas);
    }

  /* After a zoom out to a level not seen nor prepared: the frame that lays
   * out. Each jump crosses three levels. */
  frames.snapshot_ms = NULL;
  nichiro_session_set_visible_range (session, centre - 10, centre + 10);
  settle (frames.canvas);
  for (guint z = 0; z < 8; z++)
    {
      double span = 20 * pow (1.7, z + 1);
      double start = centre - span / 2;

      nichiro_session_set_visible_range (session, start, start + span);
      {
        double ms = frame (&frames);

        g_array_append_val (layout_ms, ms);
      }
    }

  report ("timeline-snapshot", "pan", entries, pan_snapshot, SNAPSHOT_BUDGET_MS);
  report ("timeline-snapshot", "zoom", entries, zoom_snapshot, SNAPSHOT_BUDGET_MS);
  report ("timeline-paint", "pan", entries, pan_paint, PAINT_BUDGET_MS);
  report ("timeline-paint", "zoom", entries, zoom_paint, PAINT_BUDGET_MS);
  report ("timeline-layout", NULL, entries, layout_ms, LAYOUT_BUDGET_MS);

  nichiro_timeline_set_session (timeline, NULL);
  return TRUE;
}

static GtkWidget *
find_timeline (GtkWidget *widget)
{
  if (NICHIRO_IS_TIMELINE (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_timeline (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The window on a fresh profile at @width × @height (0 for its default
 * size), drawn: how many labels can be read. */
static gboolean
count_labels (int   width,
              int   height,
              guint goal,
              guint goal_core)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NichiroDataset) dataset = nichiro_dataset_new_default (&error);
  g_autoptr(NichiroSession) session = NULL;
  NichiroWindow *window;
  GtkWidget *canvas;
  NichiroDate from = nichiro_date_make (1904, 1, 1), to = nichiro_date_make (1957, 1, 1);
  g_autofree char *screen = NULL;
  BenchReport report;
  guint n, n_core;

  if (dataset == NULL)
    {
      bench_report_error ("timeline-labels", error->message);
      return FALSE;
    }

  session = nichiro_session_new (dataset, NULL);
  window = nichiro_window_new (NULL, session);
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  canvas = nichiro_timeline_get_canvas (NICHIRO_TIMELINE (find_timeline (GTK_WIDGET (window))));
  if (!wait_drawn (canvas))
    {
      bench_report_error ("timeline-labels", "the window was not shown");
      gtk_window_destroy (GTK_WINDOW (window));
      return FALSE;
    }
  settle (canvas);
  settle (canvas);

  n = nichiro_timeline_canvas_count_readable (NICHIRO_TIMELINE_CANVAS (canvas),
                                              nichiro_date_to_julian_day (&from),
                                              nichiro_date_to_julian_day (&to), &n_core);
  {
    GdkMonitor *monitor = g_list_model_get_item (gdk_display_get_monitors (gdk_display_get_default ()), 0);
    GdkRectangle geometry = { 0 };

    if (monitor != NULL)
      gdk_monitor_get_geometry (monitor, &geometry);
    g_clear_object (&monitor);
    screen = g_strdup_printf ("%dx%d", geometry.width, geometry.height);
  }

  bench_report_begin (&report, "timeline-labels");
  {
    g_autofree char *window_size = g_strdup_printf ("%dx%d", gtk_widget_get_width (GTK_WIDGET (window)),
                                                    gtk_widget_get_height (GTK_WIDGET (window)));
    g_autofree char *timeline_size = g_strdup_printf ("%dx%d", gtk_widget_get_width (canvas),
                                                      gtk_widget_get_height (canvas));

    bench_report_add_string (&report, "window", window_size);
    bench_report_add_string (&report, "screen", screen);
    bench_report_add_string (&report, "timeline", timeline_size);
  }
  bench_report_add_uint (&report, "readable", n);
  bench_report_add_uint (&report, "readable_1904_1956", n_core);
  bench_report_add_uint (&report, "goal", goal);
  bench_report_add_uint (&report, "goal_1904_1956", goal_core);
  bench_report_add_bool (&report, "ok", n >= goal && n_core >= goal_core);
  bench_report_end (&report);

  gtk_window_destroy (GTK_WINDOW (window));
  between_frames ();
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 100, 10000, 100000 };
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autoptr(GskRenderer) renderer = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  GtkWidget *timeline;
  int status = 0;

  gtk_init ();
  adw_init ();

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/nichiro/Nichiro/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  /* --labels small: the window's default size on a 1280×800 screen;
   * --labels large: a 1880×1000 window (on a larger screen). */
  if (argc > 2 && g_str_equal (argv[1], "--labels"))
    {
      int width, height;

      gboolean done;

      if (g_str_equal (argv[2], "large"))
        done = count_labels (1880, 1000, 45, 0);
      else if (sscanf (argv[2], "%dx%d", &width, &height) == 2)
        done = count_labels (width, height, 30, 20);
      else
        done = count_labels (0, 0, 30, 20);
      return done ? 0 : 1;
    }

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_decorated (window, FALSE);
  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  timeline = nichiro_timeline_new ();
  gtk_window_set_child (window, timeline);
  gtk_window_present (window);
  if (!wait_drawn (nichiro_timeline_get_canvas (NICHIRO_TIMELINE (timeline))))
    {
      bench_report_error ("timeline-snapshot", "the window was not shown");
      return 1;
    }

  renderer = gsk_cairo_renderer_new ();
  if (!gsk_renderer_realize (renderer, NULL, &error))
    {
      bench_report_error ("timeline-snapshot", error->message);
      return 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      if (argc > 1 && strtoul (argv[1], NULL, 10) < sizes[i])
        break;
      if (!run (sizes[i], window, renderer))
        status = 1;
    }

  gsk_renderer_unrealize (renderer);
  gtk_window_destroy (window);
  return status;
}
