/* nichiro-bench-review.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NICHIRO_SIM_FSRS,
  NICHIRO_SIM_SM2,
} NichiroSimScheduler;

/**
 * NichiroSimResult:
 * @cards: the date cards studied
 * @retention: the mean over seeds of the share of scheduled reviews
 *   recalled (graded Hard, Good or Easy)
 * @retention_sd: its standard deviation over seeds
 * @reviews_per_day: every answer a day, learning steps included
 * @scheduled_per_day: reviews of cards in review (not in their steps)
 * @new_per_day: first reviews a day
 */
typedef struct
{
  guint cards;
  double retention;
  double retention_sd;
  double reviews_per_day;
  double scheduled_per_day;
  double new_per_day;
} NichiroSimResult;

#define NICHIRO_SIM_DAYS 30
#define NICHIRO_SIM_NEW_PER_DAY 10

gboolean  nichiro_bench_simulate       (NichiroSimScheduler  scheduler,
                                        guint                seeds,
                                        NichiroSimResult    *out_result,
                                        GError             **error);
GArray   *nichiro_bench_time_due_queue (guint                n_cards,
                                        guint                iterations);

G_END_DECLS
