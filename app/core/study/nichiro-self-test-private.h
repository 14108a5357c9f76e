/* nichiro-self-test-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-self-test.h"

G_BEGIN_DECLS

/* What the self-test's files share: the object (nichiro-self-test.c) and
 * what it counts when asked (nichiro-self-test-counts.c). */

struct _NichiroSelfTest
{
  GObject parent_instance;

  NichiroDataset *dataset;
  NichiroStudyStore *store;
  GSignalGroup *store_signals;
  NichiroCardSet *cards;
  NichiroFsrs *fsrs;
  GTimeZone *time_zone;

  NichiroSelfTestClock clock;
  gpointer clock_data;

  NichiroSelfTestChoice choice;
  GStrv parts;
  guint new_per_day;

  /* What is due, once prepared; recomputed when it may have changed. */
  guint n_due;
  guint update_source;
  guint due_source;
  guint prepared : 1;
};

GHashTable *_nichiro_self_test_dup_states       (NichiroSelfTest       *self);
GArray     *_nichiro_self_test_dup_log          (NichiroSelfTest       *self);
guint       _nichiro_self_test_count_new_allowed (NichiroSelfTest      *self,
                                                  GArray               *log);
void        _nichiro_self_test_count_cards      (GPtrArray             *cards,
                                                 GHashTable            *states,
                                                 gint64                 until,
                                                 NichiroSelfTestCounts *out_counts);

G_END_DECLS
