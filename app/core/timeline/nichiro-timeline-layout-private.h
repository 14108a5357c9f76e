/* nichiro-timeline-layout-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-timeline-layout.h"
#include "nichiro-timeline-model-private.h"

G_BEGIN_DECLS

/* A layout is made in nichiro-timeline-layout.c and read in
 * nichiro-timeline-layout-query.c. */

typedef struct
{
  guint first;
  guint n_lanes;
} GroupLanes;

struct _NichiroTimelineLayout
{
  gatomicrefcount ref_count;

  NichiroTimelineGroups *groups;
  NichiroTimelineModel *model;
  NichiroTimelineMetrics metrics;
  double scale;
  double level;           /* the zoom level of @scale, which turns labels */
  guint n_lanes;
  int pinned;

  GArray *group_lanes;    /* GroupLanes, per group */
  int *lane_group;        /* per lane: its group, or -1 when unused */
  int *lane_of;           /* per item: the lane it is first drawn in, or -1 */
  guint *cluster_of;      /* per item not in a lane: its first cluster, or G_MAXUINT */
  int *occurrence_lane;   /* per occurrence: its lane within its group, or -1 */
  guint8 *occurrence_no_line; /* per occurrence: drawn without its lifecycle line */
  GArray **lanes;         /* per lane: things (items, clusters), left to right */
  GArray **lines;         /* per lane: its items with a lifecycle line, left to right */
  GArray *clusters;       /* NichiroTimelineCluster */
  GArray *members;        /* item positions, cluster after cluster */
};

void   _nichiro_timeline_layout_item_geometry (NichiroTimelineLayout        *self,
                                               guint                         index,
                                               const NichiroTimelineView    *view,
                                               NichiroTimelineGeometry      *out_geometry);
double _nichiro_timeline_cluster_width        (const NichiroTimelineMetrics *metrics,
                                               guint                         n_members);
double _nichiro_timeline_layout_badge_x        (NichiroTimelineLayout        *self,
                                               guint                         cluster,
                                               const NichiroTimelineView    *view);

G_END_DECLS
