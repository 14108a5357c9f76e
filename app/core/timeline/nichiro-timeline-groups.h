/* nichiro-timeline-groups.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-timeline-model.h"

G_BEGIN_DECLS

/**
 * NichiroTimelineGrouping:
 * @NICHIRO_TIMELINE_GROUP_BY_NONE: every entry in the same lanes
 * @NICHIRO_TIMELINE_GROUP_BY_KIND: instruments, wars and battles, and
 *   events each in lanes of their own
 * @NICHIRO_TIMELINE_GROUP_BY_THREAD: the lanes of each thread (Sakhalin,
 *   the Kurils…) apart; an entry of several threads is in each
 *
 * How the lanes are grouped.
 */
typedef enum
{
  NICHIRO_TIMELINE_GROUP_BY_NONE,
  NICHIRO_TIMELINE_GROUP_BY_KIND,
  NICHIRO_TIMELINE_GROUP_BY_THREAD,
} NichiroTimelineGrouping;

/* The thread id that stands for entries of no thread in a filter. */
#define NICHIRO_TIMELINE_NO_THREAD ""

/**
 * NichiroTimelineGroupInfo:
 * @category: the kind it holds, when grouped by kind
 * @thread: (nullable): the thread it holds, when grouped by thread; %NULL
 *   for entries of no thread, and when not grouped by thread
 * @items: (array length=n_items): item positions, in time order
 * @n_items: how many
 * @first_occurrence: where its items start among all groups' items
 */
typedef struct
{
  NichiroTimelineCategory category;
  const NichiroThread *thread;
  const guint *items;
  guint n_items;
  guint first_occurrence;
} NichiroTimelineGroupInfo;

typedef struct _NichiroTimelineGroups NichiroTimelineGroups;

NichiroTimelineGroups *nichiro_timeline_groups_new            (NichiroTimelineModel   *model,
                                                               NichiroTimelineGrouping grouping,
                                                               guint                   hidden_categories,
                                                               const char * const     *hidden_threads);
NichiroTimelineGroups *nichiro_timeline_groups_ref            (NichiroTimelineGroups  *self);
void                   nichiro_timeline_groups_unref          (NichiroTimelineGroups  *self);
NichiroTimelineModel  *nichiro_timeline_groups_get_model      (NichiroTimelineGroups  *self);
NichiroTimelineGrouping nichiro_timeline_groups_get_grouping  (NichiroTimelineGroups  *self);
guint                  nichiro_timeline_groups_get_n_groups   (NichiroTimelineGroups  *self);
const NichiroTimelineGroupInfo *nichiro_timeline_groups_get_group (NichiroTimelineGroups *self,
                                                               guint                   group);
guint                  nichiro_timeline_groups_get_n_occurrences (NichiroTimelineGroups *self);
gboolean               nichiro_timeline_groups_is_shown       (NichiroTimelineGroups  *self,
                                                               guint                   item);
guint                  nichiro_timeline_groups_get_n_shown    (NichiroTimelineGroups  *self);
int                    nichiro_timeline_groups_get_primary    (NichiroTimelineGroups  *self,
                                                               guint                   item);
gboolean               nichiro_timeline_groups_step           (NichiroTimelineGroups  *self,
                                                               guint                   from,
                                                               int                     direction,
                                                               guint                  *out_item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroTimelineGroups, nichiro_timeline_groups_unref)

G_END_DECLS
