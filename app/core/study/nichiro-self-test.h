/* nichiro-self-test.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nichiro-card-set.h"
#include "nichiro-fsrs.h"
#include "nichiro-study-store.h"

G_BEGIN_DECLS

/* New cards a day, as Anki's default. */
#define NICHIRO_SELF_TEST_NEW_PER_DAY 10

/* The days the statistics look back (reviews) and ahead (forecast). */
#define NICHIRO_SELF_TEST_STATS_DAYS 30

/**
 * NichiroSelfTestChoice:
 * @NICHIRO_SELF_TEST_CHOICE_ALL: every card of the dataset
 * @NICHIRO_SELF_TEST_CHOICE_PARTS: the cards of the chapter parts chosen
 * @NICHIRO_SELF_TEST_CHOICE_STUDIED: the cards of the entries marked
 *   studied ("what I have studied")
 *
 * Which cards a review session draws its new cards from, and which it
 * shows.
 */
typedef enum
{
  NICHIRO_SELF_TEST_CHOICE_ALL,
  NICHIRO_SELF_TEST_CHOICE_PARTS,
  NICHIRO_SELF_TEST_CHOICE_STUDIED,
} NichiroSelfTestChoice;

#define NICHIRO_TYPE_SELF_TEST_CHOICE (nichiro_self_test_choice_get_type ())

GType nichiro_self_test_choice_get_type (void);

/**
 * NichiroSelfTestCounts:
 * @due: cards answered before that are due before today ends
 * @fresh: cards never answered
 * @total: all the cards counted
 *
 * The cards of a part, or of the reader's choice, by where they stand.
 */
typedef struct
{
  guint due;
  guint fresh;
  guint total;
} NichiroSelfTestCounts;

/**
 * NichiroSelfTestStats:
 * @due_today: cards due before today ends
 * @due_week: cards due before the seventh day from today ends
 * @new_today: new cards a session may still introduce today
 * @reviews_today: reviews made today
 * @reviews_per_day: reviews made each of the last days, oldest first,
 *   today last
 * @forecast: cards due each of the coming days, today first (overdue
 *   cards count today)
 * @has_retention: whether any mature card was reviewed in the last days
 * @retention: the share of those reviews recalled (Hard, Good or Easy)
 * @mature_passed: how many of them were recalled
 * @mature_total: how many there were
 * @n_cards: the dataset's cards
 * @n_seen: those answered at least once
 * @n_mature: those with an interval of three weeks or more
 *
 * What a learner checks, over every card of the dataset.
 */
typedef struct
{
  guint due_today;
  guint due_week;
  guint new_today;
  guint reviews_today;
  guint reviews_per_day[NICHIRO_SELF_TEST_STATS_DAYS];
  guint forecast[NICHIRO_SELF_TEST_STATS_DAYS];
  gboolean has_retention;
  double retention;
  guint mature_passed;
  guint mature_total;
  guint n_cards;
  guint n_seen;
  guint n_mature;
} NichiroSelfTestStats;

/**
 * NichiroSelfTestClock:
 * @user_data: the data given with it
 *
 * Returns: the time, in µs since the epoch, UTC
 */
typedef gint64 (*NichiroSelfTestClock) (gpointer user_data);

#define NICHIRO_TYPE_SELF_TEST (nichiro_self_test_get_type ())

G_DECLARE_FINAL_TYPE (NichiroSelfTest, nichiro_self_test, NICHIRO, SELF_TEST, GObject)

NichiroSelfTest       *nichiro_self_test_new                   (NichiroDataset        *dataset,
                                                                NichiroStudyStore     *store);
NichiroDataset        *nichiro_self_test_get_dataset           (NichiroSelfTest       *self);
NichiroStudyStore     *nichiro_self_test_get_store             (NichiroSelfTest       *self);
void                   nichiro_self_test_set_store             (NichiroSelfTest       *self,
                                                                NichiroStudyStore     *store);
NichiroCardSet        *nichiro_self_test_get_cards             (NichiroSelfTest       *self);
NichiroFsrs           *nichiro_self_test_get_scheduler         (NichiroSelfTest       *self);
gboolean               nichiro_self_test_is_prepared           (NichiroSelfTest       *self);
void                   nichiro_self_test_prepare               (NichiroSelfTest       *self);
guint                  nichiro_self_test_get_n_due             (NichiroSelfTest       *self);
double                 nichiro_self_test_get_desired_retention (NichiroSelfTest       *self);
void                   nichiro_self_test_set_desired_retention (NichiroSelfTest       *self,
                                                                double                 desired_retention);
guint                  nichiro_self_test_get_new_per_day       (NichiroSelfTest       *self);
void                   nichiro_self_test_set_new_per_day       (NichiroSelfTest       *self,
                                                                guint                  new_per_day);
NichiroSelfTestChoice  nichiro_self_test_get_choice            (NichiroSelfTest       *self);
const char * const    *nichiro_self_test_get_parts             (NichiroSelfTest       *self);
void                   nichiro_self_test_set_choice            (NichiroSelfTest       *self,
                                                                NichiroSelfTestChoice  choice,
                                                                const char * const    *parts);
void                   nichiro_self_test_set_clock             (NichiroSelfTest       *self,
                                                                NichiroSelfTestClock   clock,
                                                                gpointer               user_data);
void                   nichiro_self_test_set_time_zone         (NichiroSelfTest       *self,
                                                                GTimeZone             *time_zone);
GTimeZone             *nichiro_self_test_get_time_zone         (NichiroSelfTest       *self);
gint64                 nichiro_self_test_get_now               (NichiroSelfTest       *self);
gint64                 nichiro_self_test_get_day_start         (NichiroSelfTest       *self,
                                                                int                    offset_days);

GPtrArray             *nichiro_self_test_dup_chosen_cards      (NichiroSelfTest       *self);
void                   nichiro_self_test_count_chosen          (NichiroSelfTest       *self,
                                                                NichiroSelfTestCounts *out_counts);
void                   nichiro_self_test_count_part            (NichiroSelfTest       *self,
                                                                const char            *part_id,
                                                                NichiroSelfTestCounts *out_counts);
void                   nichiro_self_test_count_tomorrow        (NichiroSelfTest       *self,
                                                                guint                 *out_due,
                                                                guint                 *out_new);
void                   nichiro_self_test_get_stats             (NichiroSelfTest       *self,
                                                                NichiroSelfTestStats  *out_stats);

char                  *nichiro_self_test_format_interval       (gint64                 interval);

G_END_DECLS
