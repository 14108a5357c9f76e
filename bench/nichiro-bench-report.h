/* nichiro-bench-report.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  GString *line;
} BenchReport;

int      bench_compare_doubles    (gconstpointer  a,
                                   gconstpointer  b);
double   bench_percentile         (GArray        *samples,
                                   double         fraction);
double   bench_elapsed_ms         (gint64         start_us);

void     bench_report_begin       (BenchReport   *report,
                                   const char    *bench);
void     bench_report_add_double  (BenchReport   *report,
                                   const char    *name,
                                   double         value);
void     bench_report_add_uint    (BenchReport   *report,
                                   const char    *name,
                                   guint64        value);
void     bench_report_add_bool    (BenchReport   *report,
                                   const char    *name,
                                   gboolean       value);
void     bench_report_add_string  (BenchReport   *report,
                                   const char    *name,
                                   const char    *value);
void     bench_report_add_samples (BenchReport   *report,
                                   const char    *prefix,
                                   GArray        *samples);
void     bench_report_end         (BenchReport   *report);
void     bench_report_error       (const char    *bench,
                                   const char    *message);

double   bench_current_rss_mib    (void);
double   bench_peak_rss_mib       (void);
void     bench_trim_heap          (void);
double   bench_heap_in_use_mib    (void);
gboolean bench_reset_peak_rss     (void);

G_END_DECLS
