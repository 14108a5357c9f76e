/* nichiro-bench.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-bench"

#include "config.h"

#include "nichiro-bench-config.h"
#include "nichiro-bench-report.h"
#include "nichiro-bench-startup.h"
#include "nichiro-bench-synthetic.h"
#include "nichiro-bench-review.h"
#include "nichiro-data-resources.h"
#include "nichiro-dataset.h"
#include "nichiro-query.h"
#include "nichiro-search.h"

#include <glib-unix.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifdef __GLIBC__
# include <malloc.h>
#endif

/* Measures what the design gives budgets for and prints one JSON object per
 * line. It asserts nothing about time: machines differ, so the figures are
 * for people (and the CI log) to read, with each budget printed beside its
 * figure. */

#define DATASET_LOAD_WARMUPS 5
#define SYNTHETIC_ENTRIES 100000

typedef enum
{
  BENCH_DATASET_LOAD = 1 << 0,
  BENCH_SEARCH_BUNDLED = 1 << 1,
  BENCH_SEARCH_SYNTHETIC = 1 << 2,
  BENCH_STARTUP = 1 << 3,
  BENCH_REVIEW_SIM = 1 << 4,
  BENCH_DUE_QUEUE = 1 << 5,
  BENCH_SEARCH_LONG_QUERY = 1 << 6,
} Bench;

static const struct
{
  Bench bench;
  const char *name;
  guint default_iterations;
} benches[] = {
  { BENCH_DATASET_LOAD, "dataset-load", 200 },
  { BENCH_SEARCH_BUNDLED, "search-bundled", 5 },
  { BENCH_SEARCH_LONG_QUERY, "search-long-query", 20 },
  { BENCH_SEARCH_SYNTHETIC, "search-synthetic", 1 },
  { BENCH_STARTUP, "startup", 15 },
  { BENCH_REVIEW_SIM, "review-sim", 200 },
  { BENCH_DUE_QUEUE, "due-queue", 200 },
};

#define DUE_QUEUE_CARDS 10000

/* What a person might type into the search entry of the bundled dataset;
 * each is timed at every prefix, as the results update per keystroke. */
static const char * const bundled_queries[] = {
  "portsmouth", "neutrality pact", "ポーツマス", "Портсмут", "komura",
  "sakhalin", "kuril", "1905", "joint declaration", "hatoyama",
  "molotov", "yalta", "shimoda", "nomonhan", "khalkhin gol",
  "siberian intervention", "basic convention", "fisheries", "manchuria", "korea",
  "matsuoka", "san francisco", "clause 9", "日ソ共同宣言", "Совместная декларация",
  "port arthur", "tsushima", "witte", "mongolia", "railway",
};

static const char * const synthetic_queries[] = {
  "treaty", "fisheries", "railway concession", "hakodate", "vladivostok",
  "port arthur", "salmon", "neutrality", "whaling", "lighthouse",
  "telegraph cable", "secret", "indemnity", "delimitation", "plenipotentiary",
  "tanaka", "ivanov", "条約", "漁業", "函館",
  "договор", "граница", "владивосток", "рыболовство", "t",
  "tr", "tre", "trea", "fi", "fish",
  "ha", "hako", "xyzzy", "qqq", "1855",
  "1905", "coal mining", "timber concession", "harbour", "consul",
  "customs tariff", "sakhalin", "kuril", "kamchatka", "okhotsk",
  "mukden", "harbin", "garrison", "armistice", "sakhalin fisheries convention",
};


/* The benchmarks */

static gboolean
bench_dataset_load (guint iterations)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) samples = g_array_sized_new (FALSE, FALSE, sizeof (double), iterations);
  g_autoptr(GError) error = NULL;
  guint n_entries = 0;
  BenchReport report;

  bytes = g_resource_lookup_data (nichiro_data_get_resource (), NICHIRO_DATASET_DEFAULT_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      bench_report_error ("dataset-load", error->message);
      return FALSE;
    }

  for (guint i = 0; i < DATASET_LOAD_WARMUPS + iterations; i++)
    {
      g_autoptr(NichiroDataset) dataset = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      dataset = nichiro_dataset_new_default (&error);
      ms = bench_elapsed_ms (start);

      if (dataset == NULL)
        {
          bench_report_error ("dataset-load", error->message);
          return FALSE;
        }

      n_entries = g_list_model_get_n_items (nichiro_dataset_get_entries (dataset));
      if (i >= DATASET_LOAD_WARMUPS)
        g_array_append_val (samples, ms);
    }

  bench_report_begin (&report, "dataset-load");
  bench_report_add_samples (&report, "", samples);
  bench_report_add_uint (&report, "entries", n_entries);
  bench_report_add_uint (&report, "bytes", g_bytes_get_size (bytes));
  bench_report_add_double (&report, "budget_ms", 10.0);
  bench_report_add_bool (&report, "ok", bench_percentile (samples, 0.95) <= 10.0);
  bench_report_end (&report);

  return TRUE;
}

/* Times each query of @queries at every prefix, as typed, @passes times
 * over; the first pass is a warm-up when @warm_up. */
static GArray *
time_queries (NichiroSearch      *search,
              const char * const *queries,
              guint               n_queries,
              gboolean            every_prefix,
              guint               passes,
              gboolean            warm_up,
              double             *out_mean_results)
{
  GArray *samples = g_array_new (FALSE, FALSE, sizeof (double));
  guint64 total_results = 0;

  for (guint pass = 0; pass < passes + (warm_up ? 1 : 0); pass++)
    {
      for (guint q = 0; q < n_queries; q++)
        {
          const char *query = queries[q];
          const char *end = every_prefix ? g_utf8_next_char (query) : query + strlen (query);

          for (;;)
            {
              g_autofree char *prefix = g_strndup (query, end - query);
              NichiroSearchResults *results;
              guint results_len;
              gint64 start;
              double ms;

              start = g_get_monotonic_time ();
              results = nichiro_search_run (search, prefix);
              results_len = results->items->len;
              nichiro_search_results_free (results);
              ms = bench_elapsed_ms (start);

              if (!warm_up || pass > 0)
                {
                  g_array_append_val (samples, ms);
                  total_results += results_len;
                }

              if (*end == '\0')
                break;
              end = g_utf8_next_char (end);
            }
        }
    }

  if (out_mean_results != NULL)
    *out_mean_results = samples->len ? (double) total_results / samples->len : 0.0;

  return samples;
}

static gboolean
bench_search_bundled (guint passes)
{
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(GArray) build_samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) samples = NULL;
  g_autoptr(NichiroSearch) search = NULL;
  g_autoptr(GError) error = NULL;
  double mean_results;
  BenchReport report;

  dataset = nichiro_dataset_new_default (&error);
  if (dataset == NULL)
    {
      bench_report_error ("search-bundled", error->message);
      return FALSE;
    }

  /* The window builds its search once per dataset; time a few builds. */
  for (guint i = 0; i < 11; i++)
    {
      gint64 start = g_get_monotonic_time ();
      double ms;

      g_clear_pointer (&search, nichiro_search_free);
      search = nichiro_search_new (dataset);
      ms = bench_elapsed_ms (start);
      if (i > 0)
        g_array_append_val (build_samples, ms);
    }

  samples = time_queries (search, bundled_queries, G_N_ELEMENTS (bundled_queries),
                          TRUE, passes, TRUE, &mean_results);

  bench_report_begin (&report, "search-bundled");
  bench_report_add_samples (&report, "", samples);
  bench_report_add_uint (&report, "entries", g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)));
  bench_report_add_uint (&report, "queries", G_N_ELEMENTS (bundled_queries));
  bench_report_add_double (&report, "mean_results", mean_results);
  g_array_sort (build_samples, bench_compare_doubles);
  bench_report_add_double (&report, "build_ms", bench_percentile (build_samples, 0.5));
  bench_report_add_double (&report, "budget_ms", 1.0);
  bench_report_add_bool (&report, "ok", bench_percentile (samples, 0.99) <= 1.0);
  bench_report_end (&report);

  return TRUE;
}

/* Queries of the most characters a query is searched for, in the shapes
 * that cost most: many phrases, many words the index has never seen (each
 * tried for misspellings), many alternatives, one long word, long runs of
 * Japanese and Cyrillic. Something pasted into the search entry by
 * mistake looks like these; typing must still not wait. */
static GPtrArray *
make_long_queries (void)
{
  static const char * const units[] = {
    "\"a ", "\"of the ", "treaty sakhalin ", "treaty OR war OR fisheries OR ", "日ソ共同宣言ポーツマス条約",
    "Портсмутский договор ", "a", "shimdoa portsmuoth ",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (1905);
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);
  GString *random_words = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      GString *query = g_string_new (NULL);

      while (g_utf8_strlen (query->str, -1) < NICHIRO_QUERY_MAX_LENGTH)
        g_string_append (query, units[i]);
      g_string_truncate (query, g_utf8_offset_to_pointer (query->str, NICHIRO_QUERY_MAX_LENGTH) - query->str);
      g_ptr_array_add (queries, g_string_free (query, FALSE));
    }

  /* Words no index has: every one a candidate for misspelling. */
  while (random_words->len < NICHIRO_QUERY_MAX_LENGTH)
    {
      for (guint i = 0; i < 7; i++)
        g_string_append_c (random_words, 'a' + g_rand_int_range (rand, 0, 26));
      g_string_append_c (random_words, ' ');
    }
  g_string_truncate (random_words, NICHIRO_QUERY_MAX_LENGTH);
  g_ptr_array_add (queries, g_string_free (random_words, FALSE));

  return queries;
}

/* Times each long query whole, @passes times over after a warm-up. */
static GArray *
time_long_queries (NichiroSearch *search,
                   GPtrArray     *queries,
                   guint          passes)
{
  return time_queries (search, (const char * const *) queries->pdata, queries->len, FALSE, passes, TRUE, NULL);
}

static gboolean
bench_search_long_query (guint passes)
{
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(NichiroSearch) search = NULL;
  g_autoptr(GPtrArray) queries = make_long_queries ();
  g_autoptr(GArray) samples = NULL;
  g_autoptr(GError) error = NULL;
  BenchReport report;

  dataset = nichiro_dataset_new_default (&error);
  if (dataset == NULL)
    {
      bench_report_error ("search-long-query", error->message);
      return FALSE;
    }

  search = nichiro_search_new (dataset);
  samples = time_long_queries (search, queries, passes);

  bench_report_begin (&report, "search-long-query");
  bench_report_add_samples (&report, "", samples);
  bench_report_add_uint (&report, "entries", g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)));
  bench_report_add_uint (&report, "queries", queries->len);
  bench_report_add_uint (&report, "query_chars", NICHIRO_QUERY_MAX_LENGTH);
  bench_report_add_double (&report, "budget_ms", 16.0);
  bench_report_add_bool (&report, "ok", bench_percentile (samples, 1.0) <= 16.0);
  bench_report_end (&report);

  return TRUE;
}

/* The synthetic dataset at the most words per summary that keep it within
 * the format's size cap. */
static GString *
generate_capped_synthetic_dataset (guint *out_summary_words)
{
  guint summary_words = 48;
  GString *json;

  for (;;)
    {
      json = bench_generate_synthetic_dataset (SYNTHETIC_ENTRIES, summary_words);
      if (json->len <= NICHIRO_DATASET_MAX_SIZE || summary_words <= 4)
        break;

      summary_words = (guint64) summary_words * NICHIRO_DATASET_MAX_SIZE / json->len * 9 / 10;
      summary_words = MAX (summary_words, 4);
      g_string_free (json, TRUE);
    }

  *out_summary_words = summary_words;
  return json;
}

static gboolean
bench_search_synthetic (guint passes)
{
  g_autoptr(NichiroDataset) dataset = NULL;
  g_autoptr(NichiroSearch) search = NULL;
  g_autoptr(GArray) samples = NULL;
  g_autoptr(GPtrArray) long_queries = NULL;
  g_autoptr(GArray) long_samples = NULL;
  g_autoptr(GError) error = NULL;
  GString *json = NULL;
  guint summary_words;
  double json_mib, load_ms, index_build_ms, mean_results;
  double peak_before_mib, peak_after_mib, rss_before_mib, rss_after_mib;
  double heap_before_mib, heap_after_mib;
  gint64 start;
  BenchReport report;

  json = generate_capped_synthetic_dataset (&summary_words);
  json_mib = json->len / (1024.0 * 1024.0);

  start = g_get_monotonic_time ();
  dataset = nichiro_dataset_new_from_data (json->str, json->len, "synthetic.json", &error);
  load_ms = bench_elapsed_ms (start);
  g_string_free (json, TRUE);

  if (dataset == NULL)
    {
      bench_report_error ("search-synthetic", error->message);
      return FALSE;
    }

  bench_trim_heap ();
  peak_before_mib = bench_peak_rss_mib ();
  rss_before_mib = bench_current_rss_mib ();
  heap_before_mib = bench_heap_in_use_mib ();

  start = g_get_monotonic_time ();
  search = nichiro_search_new (dataset);
  index_build_ms = bench_elapsed_ms (start);

  peak_after_mib = bench_peak_rss_mib ();
  rss_after_mib = bench_current_rss_mib ();
  heap_after_mib = bench_heap_in_use_mib ();

  samples = time_queries (search, synthetic_queries, G_N_ELEMENTS (synthetic_queries),
                          FALSE, passes, TRUE, &mean_results);
  long_queries = make_long_queries ();
  long_samples = time_long_queries (search, long_queries, passes);

  bench_report_begin (&report, "search-synthetic");
  bench_report_add_samples (&report, "", samples);
  bench_report_add_uint (&report, "entries", g_list_model_get_n_items (nichiro_dataset_get_entries (dataset)));
  bench_report_add_double (&report, "json_mib", json_mib);
  bench_report_add_uint (&report, "summary_words", summary_words);
  bench_report_add_double (&report, "load_ms", load_ms);
  bench_report_add_double (&report, "index_build_ms", index_build_ms);
  bench_report_add_double (&report, "peak_rss_before_index_mib", peak_before_mib);
  bench_report_add_double (&report, "peak_rss_after_index_mib", peak_after_mib);
  bench_report_add_double (&report, "rss_before_index_mib", rss_before_mib);
  bench_report_add_double (&report, "rss_after_index_mib", rss_after_mib);
  bench_report_add_double (&report, "index_rss_mib", rss_after_mib - rss_before_mib);
  if (heap_before_mib >= 0.0)
    {
      bench_report_add_double (&report, "dataset_heap_mib", heap_before_mib);
      bench_report_add_double (&report, "index_heap_mib", heap_after_mib - heap_before_mib);
    }
  bench_report_add_double (&report, "mean_results", mean_results);
  bench_report_add_samples (&report, "long_query_", long_samples);
  bench_report_add_double (&report, "budget_ms", 16.0);
  bench_report_add_double (&report, "budget_index_build_ms", 2000.0);
  bench_report_add_bool (&report, "ok", bench_percentile (samples, 0.95) <= 16.0 && index_build_ms <= 2000.0);
  bench_report_end (&report);

  return TRUE;
}

/* Self-test: a simulated month, and the due queue */

static gboolean
report_simulation (NichiroSimScheduler  scheduler,
                   const char          *name,
                   guint                seeds)
{
  g_autoptr(GError) error = NULL;
  NichiroSimResult result;
  BenchReport report;

  if (!nichiro_bench_simulate (scheduler, seeds, &result, &error))
    {
      bench_report_error (name, error->message);
      return FALSE;
    }

  bench_report_begin (&report, name);
  bench_report_add_uint (&report, "seeds", seeds);
  bench_report_add_uint (&report, "days", NICHIRO_SIM_DAYS);
  bench_report_add_uint (&report, "cards", result.cards);
  bench_report_add_uint (&report, "new_limit", NICHIRO_SIM_NEW_PER_DAY);
  bench_report_add_double (&report, "retention", result.retention);
  bench_report_add_double (&report, "retention_sd", result.retention_sd);
  bench_report_add_double (&report, "reviews_per_day", result.reviews_per_day);
  bench_report_add_double (&report, "scheduled_reviews_per_day", result.scheduled_per_day);
  bench_report_add_double (&report, "new_per_day", result.new_per_day);
  /* SM-2 runs for comparison: the targets are FSRS's. */
  if (scheduler == NICHIRO_SIM_FSRS)
    {
      bench_report_add_double (&report, "target_retention", 0.88);
      /* The budget counts reviews as Anki's "maximum reviews/day" does:
       * cards in review, not the same-day learning steps of new ones. */
      bench_report_add_double (&report, "budget_scheduled_reviews_per_day", 14.0);
      bench_report_add_bool (&report, "ok", result.retention >= 0.88 && result.scheduled_per_day <= 14.0);
    }
  bench_report_end (&report);

  return TRUE;
}

static gboolean
bench_review_sim (guint seeds)
{
  return report_simulation (NICHIRO_SIM_FSRS, "review-sim-fsrs", seeds) &&
         report_simulation (NICHIRO_SIM_SM2, "review-sim-sm2", seeds);
}

static gboolean
bench_due_queue (guint iterations)
{
  g_autoptr(GArray) samples = nichiro_bench_time_due_queue (DUE_QUEUE_CARDS, iterations);
  BenchReport report;

  bench_report_begin (&report, "due-queue");
  bench_report_add_samples (&report, "", samples);
  bench_report_add_uint (&report, "cards", DUE_QUEUE_CARDS);
  bench_report_add_double (&report, "budget_ms", 5.0);
  bench_report_add_bool (&report, "ok", bench_percentile (samples, 0.95) <= 5.0);
  bench_report_end (&report);

  return TRUE;
}

/* The program */

static gboolean
parse_only (const char  *only,
            guint       *out_selected,
            GError     **error)
{
  g_auto(GStrv) names = g_strsplit (only, ",", -1);
  guint selected = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint b = 0; b < G_N_ELEMENTS (benches); b++)
        {
          if (g_str_equal (g_strstrip (names[i]), benches[b].name))
            {
              selected |= benches[b].bench;
              found = TRUE;
            }
        }

      if (!found)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       "unknown benchmark \"%s\"; expected dataset-load, search-bundled, "
                       "search-long-query, search-synthetic, startup, review-sim or due-queue", names[i]);
          return FALSE;
        }
    }

  *out_selected = selected;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *only = NULL;
  g_autofree char *app_path = NULL;
  g_autofree char *bare_path = NULL;
  g_autofree char *synthetic_path = NULL;
  gboolean no_bus = FALSE;
  gboolean set_slice;
  int iterations = 0;
  guint selected = 0;
  gboolean ok = TRUE;
  sigset_t chld;
  const GOptionEntry entries[] = {
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      "Run only these benchmarks: dataset-load, search-bundled, search-long-query, search-synthetic, "
      "startup, review-sim, due-queue (comma-separated)", "NAME" },
    { "iterations", 'n', 0, G_OPTION_ARG_INT, &iterations,
      "Repeat each measurement N times (defaults: 200 loads, 5 passes over the bundled "
      "queries, 20 over the long ones, 1 over the synthetic ones, 15 start-ups of each program, "
      "200 simulated learners, 200 due queues)", "N" },
    { "app", 0, 0, G_OPTION_ARG_FILENAME, &app_path,
      "The nichiro program to start", "PATH" },
    { "bare", 0, 0, G_OPTION_ARG_FILENAME, &bare_path,
      "The nichiro-bare-window program to compare it with", "PATH" },
    { "no-bus", 0, 0, G_OPTION_ARG_NONE, &no_bus,
      "Start the programs without a session bus instead of a private one", NULL },
    { "write-synthetic", 0, 0, G_OPTION_ARG_FILENAME, &synthetic_path,
      "Write the synthetic 100,000-entry dataset to FILE (for nichiro --data) and exit", "FILE" },
    { NULL }
  };

  /* GLib before 2.76 keeps the JSON parser's freed nodes in GSlice
   * magazines, which would count as the dataset's memory and keep this
   * process large after the synthetic dataset is gone. Newer GLib (as in
   * the GNOME runtime) allocates slices with malloc; measure as there.
   * GSlice reads its setting before main(), hence the new start. */
  if (g_getenv ("G_SLICE") == NULL && g_getenv ("NICHIRO_BENCH_RESTARTED") == NULL)
    {
      g_setenv ("G_SLICE", "always-malloc", TRUE);
      g_setenv ("NICHIRO_BENCH_RESTARTED", "1", TRUE);
      execv ("/proc/self/exe", argv);
      g_unsetenv ("G_SLICE");   /* no /proc: measure as things are */
    }
  set_slice = g_getenv ("NICHIRO_BENCH_RESTARTED") != NULL;
  g_unsetenv ("NICHIRO_BENCH_RESTARTED");

  /* Before any thread exists, so that every thread inherits the mask and
   * a child's exit stays pending for sigtimedwait(). */
  sigemptyset (&chld);
  sigaddset (&chld, SIGCHLD);
  pthread_sigmask (SIG_BLOCK, &chld, NULL);

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                "Measures dataset loading, search, start-up and the self-test's scheduling "
                                "against the design's budgets and prints one JSON object per line. It "
                                "asserts nothing.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("nichiro-bench: %s\n", error->message);
      return 2;
    }

  if (iterations < 0)
    {
      g_printerr ("nichiro-bench: --iterations must be positive\n");
      return 2;
    }

  if (synthetic_path != NULL)
    {
      g_autoptr(GString) json = NULL;
      guint summary_words;

      json = generate_capped_synthetic_dataset (&summary_words);
      if (!g_file_set_contents (synthetic_path, json->str, json->len, &error))
        {
          g_printerr ("nichiro-bench: %s\n", error->message);
          return 1;
        }
      return 0;
    }

  if (only == NULL)
    {
      for (guint b = 0; b < G_N_ELEMENTS (benches); b++)
        selected |= benches[b].bench;
    }
  else if (!parse_only (only, &selected, &error))
    {
      g_printerr ("nichiro-bench: %s\n", error->message);
      return 2;
    }

#ifdef NICHIRO_BENCH_DEFAULT_APP
  if (app_path == NULL)
    app_path = g_strdup (NICHIRO_BENCH_DEFAULT_APP);
  if (bare_path == NULL)
    bare_path = g_strdup (NICHIRO_BENCH_DEFAULT_BARE);
#endif

  for (guint b = 0; b < G_N_ELEMENTS (benches); b++)
    {
      guint n = iterations > 0 ? (guint) iterations : benches[b].default_iterations;

      if (!(selected & benches[b].bench))
        continue;

      switch (benches[b].bench)
        {
        case BENCH_DATASET_LOAD:
          ok &= bench_dataset_load (n);
          break;

        case BENCH_SEARCH_BUNDLED:
          ok &= bench_search_bundled (n);
          break;

        case BENCH_SEARCH_LONG_QUERY:
          ok &= bench_search_long_query (n);
          break;

        case BENCH_SEARCH_SYNTHETIC:
          ok &= bench_search_synthetic (n);
          break;

        case BENCH_REVIEW_SIM:
          ok &= bench_review_sim (n);
          break;

        case BENCH_DUE_QUEUE:
          ok &= bench_due_queue (n);
          break;

        case BENCH_STARTUP:
          /* The programs under test run as they would for the user. */
          if (set_slice)
            g_unsetenv ("G_SLICE");
          ok &= bench_startup (n, app_path, bare_path, !no_bus);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  /* A figure that could not be measured fails the run; a figure over its
   * budget does not. */
  return ok ? 0 : 1;
}
