/* nichiro-review-stats.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-review-stats"

#include "config.h"

#include "nichiro-review-stats.h"

/* The figures a learner checks: what is due today and this week, how many
 * reviews a day, the true retention of mature cards (the share of their
 * reviews not forgotten, which should sit near the desired retention) and
 * a forecast of the days ahead. Days are the learner's local days. */

/* Helpers */

/* The index of the first boundary above @time, or @n_boundaries. */
static guint
find_bucket (const gint64 *boundaries,
             guint         n_boundaries,
             gint64        time)
{
  guint low = 0, high = n_boundaries;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (boundaries[middle] <= time)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/* Public API: days */

/**
 * nichiro_review_day_start:
 * @time: a time (µs since the epoch, UTC)
 * @time_zone: (nullable): the learner's time zone; %NULL for the local one
 * @offset_days: days to move by
 *
 * Returns: the start (local midnight) of the day @offset_days after the
 *   local day of @time, in µs since the epoch
 */
gint64
nichiro_review_day_start (gint64     time,
                          GTimeZone *time_zone,
                          int        offset_days)
{
  g_autoptr(GTimeZone) local = time_zone != NULL ? g_time_zone_ref (time_zone) : g_time_zone_new_local ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time / G_USEC_PER_SEC - (time % G_USEC_PER_SEC < 0));
  g_autoptr(GDateTime) there = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) moved = NULL;
  g_autoptr(GDateTime) start = NULL;
  int year, month, day;

  g_return_val_if_fail (utc != NULL, time);

  there = g_date_time_to_timezone (utc, local);
  g_date_time_get_ymd (there, &year, &month, &day);
  midnight = g_date_time_new (local, year, month, day, 0, 0, 0);
  moved = g_date_time_add_days (midnight, offset_days);
  g_return_val_if_fail (moved != NULL, time);

  /* Made again from the date, so that the day starts at its own midnight
   * (or the first moment after it) whatever changes of clock lie between. */
  g_date_time_get_ymd (moved, &year, &month, &day);
  start = g_date_time_new (local, year, month, day, 0, 0, 0);

  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

/* Public API: statistics */

/**
 * nichiro_review_stats_count_due:
 * @states: (element-type utf8 NichiroFsrsCard): card states
 * @until: a time
 *
 * Returns: how many cards studied before are due before @until; with the
 *   end of today, what is due today; with the end of the sixth day after,
 *   this week
 */
guint
nichiro_review_stats_count_due (GHashTable *states,
                                gint64      until)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_return_val_if_fail (states != NULL, 0);

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const NichiroFsrsCard *card = value;

      if (!nichiro_fsrs_card_is_new (card) && card->due < until)
        count++;
    }

  return count;
}

/**
 * nichiro_review_stats_forecast:
 * @states: (element-type utf8 NichiroFsrsCard): card states
 * @now: the time
 * @time_zone: (nullable): the learner's time zone; %NULL for the local one
 * @n_days: how many days ahead, today first
 * @out_counts: (out caller-allocates) (array length=n_days): the cards due
 *   each day; today's count takes those overdue
 */
void
nichiro_review_stats_forecast (GHashTable *states,
                               gint64      now,
                               GTimeZone  *time_zone,
                               guint       n_days,
                               guint      *out_counts)
{
  g_autofree gint64 *ends = NULL;
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (states != NULL);
  g_return_if_fail (out_counts != NULL || n_days == 0);

  ends = g_new (gint64, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      ends[i] = nichiro_review_day_start (now, time_zone, (int) i + 1);
      out_counts[i] = 0;
    }

  g_hash_table_iter_init (&iter, states);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const NichiroFsrsCard *card = value;
      guint day;

      if (nichiro_fsrs_card_is_new (card))
        continue;

      day = find_bucket (ends, n_days, card->due);
      if (day < n_days)
        out_counts[day]++;
    }
}

/**
 * nichiro_review_stats_reviews_per_day:
 * @log: (array length=n_log): the review log
 * @n_log: its length
 * @now: the time
 * @time_zone: (nullable): the learner's time zone; %NULL for the local one
 * @n_days: how many days back, today included
 * @out_counts: (out caller-allocates) (array length=n_days): the reviews of
 *   each day, oldest first, today last
 */
void
nichiro_review_stats_reviews_per_day (const NichiroReviewLogEntry *log,
                                      guint                        n_log,
                                      gint64                       now,
                                      GTimeZone                   *time_zone,
                                      guint                        n_days,
                                      guint                       *out_counts)
{
  g_autofree gint64 *ends = NULL;
  gint64 first;

  g_return_if_fail (log != NULL || n_log == 0);
  g_return_if_fail (out_counts != NULL || n_days == 0);

  if (n_days == 0)
    return;

  first = nichiro_review_day_start (now, time_zone, -((int) n_days - 1));
  ends = g_new (gint64, n_days);
  for (guint i = 0; i < n_days; i++)
    {
      ends[i] = nichiro_review_day_start (now, time_zone, (int) i - (int) n_days + 2);
      out_counts[i] = 0;
    }

  for (guint i = 0; i < n_log; i++)
    {
      guint day;

      if (log[i].time < first)
        continue;

      day = find_bucket (ends, n_days, log[i].time);
      if (day < n_days)
        out_counts[day]++;
    }
}

/**
 * nichiro_review_stats_true_retention:
 * @log: (array length=n_log): the review log
 * @n_log: its length
 * @since: count reviews from this time on
 * @out_retention: (out) (optional): the share of mature reviews graded
 *   Hard, Good or Easy, from 0 to 1
 * @out_passed: (out) (optional): how many were
 * @out_total: (out) (optional): how many mature reviews there were
 *
 * The true retention: how often mature cards were recalled when they came
 * up, which with a well-fitted scheduler is near the desired retention.
 *
 * Returns: whether there was any mature review to count
 */
gboolean
nichiro_review_stats_true_retention (const NichiroReviewLogEntry *log,
                                     guint                        n_log,
                                     gint64                       since,
                                     double                      *out_retention,
                                     guint                       *out_passed,
                                     guint                       *out_total)
{
  guint passed = 0, total = 0;

  g_return_val_if_fail (log != NULL || n_log == 0, FALSE);

  for (guint i = 0; i < n_log; i++)
    {
      if (log[i].time < since || !nichiro_review_log_entry_is_mature (&log[i]))
        continue;

      total++;
      passed += log[i].rating != NICHIRO_RATING_AGAIN;
    }

  if (out_retention != NULL)
    *out_retention = total > 0 ? (double) passed / total : 0.0;
  if (out_passed != NULL)
    *out_passed = passed;
  if (out_total != NULL)
    *out_total = total;

  return total > 0;
}

/**
 * nichiro_review_stats_count_new_since:
 * @log: (array length=n_log): the review log
 * @n_log: its length
 * @since: a time, such as the start of today
 *
 * Returns: how many cards had their first review from @since on: what
 *   the day's limit of new cards has already used
 */
guint
nichiro_review_stats_count_new_since (const NichiroReviewLogEntry *log,
                                      guint                        n_log,
                                      gint64                       since)
{
  guint count = 0;

  g_return_val_if_fail (log != NULL || n_log == 0, 0);

  for (guint i = 0; i < n_log; i++)
    count += log[i].was_new && log[i].time >= since;

  return count;
}
