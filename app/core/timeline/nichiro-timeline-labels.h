/* nichiro-timeline-labels.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-timeline-layout.h"

G_BEGIN_DECLS

/**
 * NichiroTimelineLabelPlace:
 * @x: where the text begins
 * @shown: whether it is drawn: a label is drawn whole or not at all
 * @moved: whether it left its usual place after the marker: slid along
 *   what the item still shows at the left edge, or turned to the marker's
 *   left at the right edge
 */
typedef struct
{
  double x;
  gboolean shown;
  gboolean moved;
} NichiroTimelineLabelPlace;

void                   nichiro_timeline_layout_place_label    (NichiroTimelineLayout      *layout,
                                                               guint                       lane,
                                                               guint                       position,
                                                               const NichiroTimelineView  *view,
                                                               double                      width,
                                                               double                      padding,
                                                               NichiroTimelineLabelPlace  *out_place);
NichiroTimelineHitKind nichiro_timeline_layout_hit_placed     (NichiroTimelineLayout      *layout,
                                                               guint                       lane,
                                                               const NichiroTimelineView  *view,
                                                               double                      width,
                                                               double                      padding,
                                                               double                      x,
                                                               guint                      *out_index);
guint                  nichiro_timeline_layout_count_readable (NichiroTimelineLayout      *layout,
                                                               const NichiroTimelineView  *view,
                                                               double                      width,
                                                               double                      padding,
                                                               double                      from,
                                                               double                      to,
                                                               guint                      *out_in_range);
gboolean               nichiro_timeline_layout_fit            (NichiroTimelineLayout      *layout,
                                                               double                      from,
                                                               double                      to,
                                                               double                      width,
                                                               double                      padding,
                                                               double                      min_span,
                                                               double                     *out_start,
                                                               double                     *out_end);
/**
 * NichiroTimelineLayoutFunc:
 * @level: a zoom level
 * @user_data: the data given with the function
 *
 * Returns: (transfer none): the layout at @level, which the caller keeps
 */
typedef NichiroTimelineLayout *(*NichiroTimelineLayoutFunc) (double   level,
                                                             gpointer user_data);

gboolean               nichiro_timeline_fit                   (NichiroTimelineModel       *model,
                                                               double                      from,
                                                               double                      to,
                                                               double                      width,
                                                               double                      padding,
                                                               double                      min_span,
                                                               NichiroTimelineLayoutFunc   get_layout,
                                                               gpointer                    user_data,
                                                               double                     *out_start,
                                                               double                     *out_end);
void                   nichiro_timeline_item_get_content      (const NichiroTimelineItem    *item,
                                                               const NichiroTimelineMetrics *metrics,
                                                               const NichiroTimelineView    *view,
                                                               double                       *out_x0,
                                                               double                       *out_x1);
void                   nichiro_timeline_model_get_content_bounds (NichiroTimelineModel         *model,
                                                               const NichiroTimelineMetrics *metrics,
                                                               double                        scale,
                                                               double                       *out_start,
                                                               double                       *out_end);

G_END_DECLS
