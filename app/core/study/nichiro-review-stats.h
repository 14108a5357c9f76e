/* nichiro-review-stats.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nichiro-fsrs.h"
#include "nichiro-review-log.h"

G_BEGIN_DECLS

gint64    nichiro_review_day_start               (gint64                        time,
                                                  GTimeZone                    *time_zone,
                                                  int                           offset_days);

guint     nichiro_review_stats_count_due         (GHashTable                   *states,
                                                  gint64                        until);
void      nichiro_review_stats_forecast          (GHashTable                   *states,
                                                  gint64                        now,
                                                  GTimeZone                    *time_zone,
                                                  guint                         n_days,
                                                  guint                        *out_counts);
void      nichiro_review_stats_reviews_per_day   (const NichiroReviewLogEntry  *log,
                                                  guint                         n_log,
                                                  gint64                        now,
                                                  GTimeZone                    *time_zone,
                                                  guint                         n_days,
                                                  guint                        *out_counts);
gboolean  nichiro_review_stats_true_retention    (const NichiroReviewLogEntry  *log,
                                                  guint                         n_log,
                                                  gint64                        since,
                                                  double                       *out_retention,
                                                  guint                        *out_passed,
                                                  guint                        *out_total);
guint     nichiro_review_stats_count_new_since   (const NichiroReviewLogEntry  *log,
                                                  guint                         n_log,
                                                  gint64                        since);

G_END_DECLS
