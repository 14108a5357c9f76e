/* nichiro-timeline-model-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-timeline-model.h"

G_BEGIN_DECLS

/* The layout reads the items and the bounds in place, item after item. */
struct _NichiroTimelineModel
{
  gatomicrefcount ref_count;

  NichiroDataset *dataset;
  GArray *items;          /* NichiroTimelineItem, in time order */
  GHashTable *positions;  /* NichiroEntry → position + 1 */
  GArray *eras;           /* NichiroTimelineEra, in dataset order */
  GPtrArray *era_initials; /* the short names made for eras, owned */
  NichiroLanguage language;
  double start;           /* the first day of anything, entries or eras */
  double end;
  double entries_start;   /* the first day of any entry */
  double entries_end;
  double widest_label;    /* the widest item label, once measured */
};

G_END_DECLS
