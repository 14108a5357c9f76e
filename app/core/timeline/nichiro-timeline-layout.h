/* nichiro-timeline-layout.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-timeline-groups.h"

G_BEGIN_DECLS

/**
 * NichiroTimelineMetrics:
 * @marker_radius: half the width of a marker
 * @label_gap: between a marker or bar and its label
 * @item_gap: the least space between two items in a lane
 * @bar_padding: inside a bar, before its marker and after its label
 * @open_tail: how far the line of an instrument still in force runs on
 * @cluster_padding: each side of a cluster's "+N"
 * @cluster_digit_width: the width of a digit in a cluster's badge
 * @cluster_plus_width: the width of its "+"
 * @tail_room: how far past the last entry's day a label may run before
 *   it turns before its marker instead
 *
 * Sizes in pixels that the layout reserves. The widget takes them from its
 * fonts; tests give round numbers.
 */
typedef struct
{
  double marker_radius;
  double label_gap;
  double item_gap;
  double bar_padding;
  double open_tail;
  double cluster_padding;
  double cluster_digit_width;
  double cluster_plus_width;
  double tail_room;
} NichiroTimelineMetrics;

/**
 * NichiroTimelineGeometry:
 * @marker_x: the centre of the marker
 * @bar_x0: the start of the bar, or of the lifecycle line
 * @bar_x1: the end of the bar, or of the lifecycle line (with its tail);
 *   @bar_x0 when there is neither
 * @label_x: where the label's text begins
 * @label_inside: whether the label is drawn over the bar
 * @has_line: whether a lifecycle line runs from the marker to @bar_x1,
 *   under the labels, where the label of another item may stand above it
 * @turned: whether the label stands before the marker (or the bar), near
 *   the end of the content
 * @x0: the left edge of what the item occupies where labels are drawn
 * @x1: the right edge, label included (a bar, not a lifecycle line)
 */
typedef struct
{
  double marker_x;
  double bar_x0;
  double bar_x1;
  double label_x;
  gboolean label_inside;
  gboolean has_line;
  gboolean turned;
  double x0;
  double x1;
} NichiroTimelineGeometry;

/**
 * NichiroTimelineCluster:
 * @first_member: where its members start in
 *   nichiro_timeline_layout_get_cluster_members()
 * @n_members: how many items it stands for, always two or more
 * @start: the earliest start of its members
 * @end: the latest end of what its members draw: a bar's end, a point's
 *   day (not a lifecycle line)
 * @lane: the lane it is drawn in
 *
 * Items too close together to draw apart, drawn as one "+N" badge that
 * starts where its first member would.
 */
typedef struct
{
  guint first_member;
  guint n_members;
  double start;
  double end;
  guint lane;
} NichiroTimelineCluster;

typedef enum
{
  NICHIRO_TIMELINE_HIT_NONE,
  NICHIRO_TIMELINE_HIT_ITEM,
  NICHIRO_TIMELINE_HIT_CLUSTER,
} NichiroTimelineHitKind;

/* What a lane holds, left to right: an item's position, or a cluster's
 * index with this bit set. */
#define NICHIRO_TIMELINE_LANE_CLUSTER (1u << 31)

static inline gboolean
nichiro_timeline_lane_is_cluster (guint thing)
{
  return (thing & NICHIRO_TIMELINE_LANE_CLUSTER) != 0;
}

static inline guint
nichiro_timeline_lane_index (guint thing)
{
  return thing & ~NICHIRO_TIMELINE_LANE_CLUSTER;
}

void nichiro_timeline_item_get_geometry (const NichiroTimelineItem    *item,
                                         const NichiroTimelineMetrics *metrics,
                                         const NichiroTimelineView    *view,
                                         NichiroTimelineGeometry      *out_geometry);

/* The layout: lanes and clusters at one zoom level */

typedef struct _NichiroTimelineLayout NichiroTimelineLayout;

double                 nichiro_timeline_layout_quantize_scale    (double                        scale);
double                 nichiro_timeline_layout_next_scale        (double                        level);
NichiroTimelineLayout *nichiro_timeline_layout_new               (NichiroTimelineGroups        *groups,
                                                                  const NichiroTimelineMetrics *metrics,
                                                                  double                        scale,
                                                                  guint                         n_lanes,
                                                                  int                           pinned,
                                                                  NichiroTimelineLayout        *hint);
NichiroTimelineLayout *nichiro_timeline_layout_ref               (NichiroTimelineLayout        *self);
void                   nichiro_timeline_layout_unref             (NichiroTimelineLayout        *self);
NichiroTimelineModel  *nichiro_timeline_layout_get_model         (NichiroTimelineLayout        *self);
NichiroTimelineGroups *nichiro_timeline_layout_get_groups        (NichiroTimelineLayout        *self);
const NichiroTimelineMetrics *nichiro_timeline_layout_get_metrics (NichiroTimelineLayout       *self);
double                 nichiro_timeline_layout_get_scale         (NichiroTimelineLayout        *self);
guint                  nichiro_timeline_layout_get_n_lanes       (NichiroTimelineLayout        *self);
int                    nichiro_timeline_layout_get_pinned        (NichiroTimelineLayout        *self);
void                   nichiro_timeline_layout_get_group_lanes   (NichiroTimelineLayout        *self,
                                                                  guint                         group,
                                                                  guint                        *out_first,
                                                                  guint                        *out_n_lanes);
int                    nichiro_timeline_layout_get_lane_group    (NichiroTimelineLayout        *self,
                                                                  guint                         lane);
int                    nichiro_timeline_layout_get_lane          (NichiroTimelineLayout        *self,
                                                                  guint                         item);
guint                  nichiro_timeline_layout_get_cluster_of    (NichiroTimelineLayout        *self,
                                                                  guint                         item);
const guint           *nichiro_timeline_layout_get_lane_things   (NichiroTimelineLayout        *self,
                                                                  guint                         lane,
                                                                  guint                        *n_things);
const guint           *nichiro_timeline_layout_get_lane_lines    (NichiroTimelineLayout        *self,
                                                                  guint                         lane,
                                                                  guint                        *n_lines);
void                   nichiro_timeline_layout_find_visible_lines (NichiroTimelineLayout       *self,
                                                                  guint                         lane,
                                                                  const NichiroTimelineView    *view,
                                                                  double                        width,
                                                                  guint                        *out_first,
                                                                  guint                        *out_end);
gboolean               nichiro_timeline_layout_find_thing        (NichiroTimelineLayout        *self,
                                                                  guint                         lane,
                                                                  guint                         thing,
                                                                  guint                        *out_position);
void                   nichiro_timeline_layout_get_extent        (NichiroTimelineLayout        *self,
                                                                  guint                         thing,
                                                                  const NichiroTimelineView    *view,
                                                                  double                       *out_x0,
                                                                  double                       *out_x1);
const NichiroTimelineCluster *nichiro_timeline_layout_get_clusters (NichiroTimelineLayout      *self,
                                                                  guint                        *n_clusters);
const guint           *nichiro_timeline_layout_get_cluster_members (NichiroTimelineLayout      *self,
                                                                  guint                         cluster,
                                                                  guint                        *n_members);
void                   nichiro_timeline_layout_get_cluster_geometry (NichiroTimelineLayout     *self,
                                                                  guint                         cluster,
                                                                  const NichiroTimelineView    *view,
                                                                  double                       *out_x0,
                                                                  double                       *out_x1);
void                   nichiro_timeline_layout_find_visible      (NichiroTimelineLayout        *self,
                                                                  guint                         lane,
                                                                  const NichiroTimelineView    *view,
                                                                  double                        width,
                                                                  guint                        *out_first,
                                                                  guint                        *out_end);
NichiroTimelineHitKind nichiro_timeline_layout_hit               (NichiroTimelineLayout        *self,
                                                                  guint                         lane,
                                                                  const NichiroTimelineView    *view,
                                                                  double                        x,
                                                                  guint                        *out_index);
NichiroTimelineHitKind nichiro_timeline_layout_nearest           (NichiroTimelineLayout        *self,
                                                                  guint                         lane,
                                                                  const NichiroTimelineView    *view,
                                                                  double                        x,
                                                                  guint                        *out_index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroTimelineLayout, nichiro_timeline_layout_unref)

G_END_DECLS
