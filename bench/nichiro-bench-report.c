/* nichiro-bench-report.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-bench"

#include "config.h"

#include "nichiro-bench-report.h"

#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#ifdef __GLIBC__
# include <malloc.h>
#endif

/* What every benchmark shares: percentiles, the one JSON line each prints,
 * and the memory figures of the process. */

/* Helpers: statistics */

int
bench_compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The nearest-rank percentile of sorted @samples. */
double
bench_percentile (GArray *samples,
            double  fraction)
{
  double exact = fraction * samples->len;
  guint rank = (guint) exact;

  if (samples->len == 0)
    return 0.0;

  if ((double) rank < exact)
    rank++;
  rank = CLAMP (rank, 1, samples->len);

  return g_array_index (samples, double, rank - 1);
}

double
bench_elapsed_ms (gint64 start_us)
{
  return (g_get_monotonic_time () - start_us) / 1000.0;
}

/* Helpers: output */

void
bench_report_begin (BenchReport     *report,
              const char *bench)
{
  report->line = g_string_new (NULL);
  g_string_append_printf (report->line, "{\"bench\": \"%s\"", bench);
}

void
bench_report_add_double (BenchReport     *report,
                   const char *name,
                   double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value))
    g_string_append_printf (report->line, ", \"%s\": %s", name,
                            g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
  else
    g_string_append_printf (report->line, ", \"%s\": null", name);
}

void
bench_report_add_uint (BenchReport     *report,
                 const char *name,
                 guint64     value)
{
  g_string_append_printf (report->line, ", \"%s\": %" G_GUINT64_FORMAT, name, value);
}

void
bench_report_add_bool (BenchReport     *report,
                 const char *name,
                 gboolean    value)
{
  g_string_append_printf (report->line, ", \"%s\": %s", name, value ? "true" : "false");
}

void
bench_report_add_string (BenchReport     *report,
                   const char *name,
                   const char *value)
{
  g_string_append_printf (report->line, ", \"%s\": \"", name);
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (report->line, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (report->line, "\\u%04x", (guint) (guchar) *p);
      else
        g_string_append_c (report->line, *p);
    }
  g_string_append_c (report->line, '"');
}

/* Adds PREFIXp50_ms, p95, p99, min and max of @samples, which it sorts;
 * without a prefix, n first. */
void
bench_report_add_samples (BenchReport     *report,
                    const char *prefix,
                    GArray     *samples)
{
  g_autofree char *p50_name = g_strconcat (prefix, "p50_ms", NULL);
  g_autofree char *p95_name = g_strconcat (prefix, "p95_ms", NULL);
  g_autofree char *p99_name = g_strconcat (prefix, "p99_ms", NULL);
  g_autofree char *min_name = g_strconcat (prefix, "min_ms", NULL);
  g_autofree char *max_name = g_strconcat (prefix, "max_ms", NULL);

  g_array_sort (samples, bench_compare_doubles);

  if (prefix[0] == '\0')
    bench_report_add_uint (report, "n", samples->len);
  bench_report_add_double (report, p50_name, bench_percentile (samples, 0.50));
  bench_report_add_double (report, p95_name, bench_percentile (samples, 0.95));
  bench_report_add_double (report, p99_name, bench_percentile (samples, 0.99));
  bench_report_add_double (report, min_name, samples->len ? g_array_index (samples, double, 0) : 0.0);
  bench_report_add_double (report, max_name, bench_percentile (samples, 1.0));
}

/* Prints the line at once, so that a long run shows its progress. */
void
bench_report_end (BenchReport *report)
{
  g_string_append (report->line, "}\n");
  fputs (report->line->str, stdout);
  fflush (stdout);
  g_string_free (report->line, TRUE);
  report->line = NULL;
}

void
bench_report_error (const char *bench,
              const char *message)
{
  BenchReport report;

  bench_report_begin (&report, bench);
  bench_report_add_string (&report, "error", message);
  bench_report_end (&report);
}

/* Helpers: memory */

/* A "VmRSS:" or "VmHWM:" figure of /proc/self/status, in MiB; -1 if the
 * file is not there. */
static double
read_status_mib (const char *field)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1.0;

  line = strstr (contents, field);
  if (line == NULL)
    return -1.0;

  return g_ascii_strtoull (line + strlen (field), NULL, 10) / 1024.0;
}

double
bench_current_rss_mib (void)
{
  return read_status_mib ("VmRSS:");
}

double
bench_peak_rss_mib (void)
{
  double peak = read_status_mib ("VmHWM:");

  if (peak < 0.0)
    {
      struct rusage usage;

      getrusage (RUSAGE_SELF, &usage);
      peak = usage.ru_maxrss / 1024.0;   /* KiB on Linux */
    }

  return peak;
}

/* Hands freed memory back to the system, so that RSS figures taken next
 * count what is live rather than what malloc keeps for later. */
void
bench_trim_heap (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

/* The bytes malloc has handed out and not had back, in MiB; -1 where
 * glibc cannot say. Unlike RSS, this does not hide new allocations in
 * memory freed earlier and kept by malloc. */
double
bench_heap_in_use_mib (void)
{
#if defined (__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 33)
  struct mallinfo2 info = mallinfo2 ();

  return (info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
#else
  return -1.0;
#endif
}

/* Lowers the peak RSS to the current RSS (Linux 4.0 and later), so that
 * VmHWM measures from here; and so that a child spawned next does not
 * inherit this process's peak into its own ru_maxrss, as a vfork()ed
 * child's exec would. */
gboolean
bench_reset_peak_rss (void)
{
  int fd = open ("/proc/self/clear_refs", O_WRONLY | O_CLOEXEC);
  gboolean done;

  if (fd < 0)
    return FALSE;

  done = write (fd, "5", 1) == 1;
  close (fd);
  return done;
}
