/* nichiro-timeline-ticks.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-timeline-model.h"

G_BEGIN_DECLS

/* The axis */

/**
 * NichiroTimelineUnit:
 *
 * The steps the axis can be labelled in, finest first.
 */
typedef enum
{
  NICHIRO_TIMELINE_UNIT_DAY,
  NICHIRO_TIMELINE_UNIT_5_DAYS,
  NICHIRO_TIMELINE_UNIT_10_DAYS,
  NICHIRO_TIMELINE_UNIT_MONTH,
  NICHIRO_TIMELINE_UNIT_QUARTER,
  NICHIRO_TIMELINE_UNIT_YEAR,
  NICHIRO_TIMELINE_UNIT_2_YEARS,
  NICHIRO_TIMELINE_UNIT_5_YEARS,
  NICHIRO_TIMELINE_UNIT_DECADE,
  NICHIRO_TIMELINE_UNIT_20_YEARS,
  NICHIRO_TIMELINE_UNIT_50_YEARS,
  NICHIRO_TIMELINE_UNIT_CENTURY,
  NICHIRO_TIMELINE_UNIT_200_YEARS,
  NICHIRO_TIMELINE_UNIT_500_YEARS,
  NICHIRO_TIMELINE_N_UNITS,
} NichiroTimelineUnit;

/**
 * NichiroTimelineTickLine:
 * @x: where the line is drawn
 * @level: 0 for an unlabelled subdivision, 1 for a labelled step, 2 for
 *   the start of a larger unit (a month among days, a decade among years)
 */
typedef struct
{
  double x;
  guint level;
} NichiroTimelineTickLine;

/**
 * NichiroTimelineLabel:
 * @x: the left edge of the text
 * @width: its width
 * @time: the time it names (the start of the day, month, year…)
 * @text: the text
 */
typedef struct
{
  double x;
  double width;
  double time;
  char text[40];
} NichiroTimelineLabel;

/**
 * NichiroTimelineTicks:
 * @unit: the step the axis is labelled in
 * @lines: (element-type NichiroTimelineTickLine): every tick in view
 * @labels: (element-type NichiroTimelineLabel): the step labels, left to right
 * @context: (element-type NichiroTimelineLabel): the larger unit the labels
 *   belong to ("August 1945" above days), the first one kept in view
 */
typedef struct
{
  NichiroTimelineUnit unit;
  GArray *lines;
  GArray *labels;
  GArray *context;
} NichiroTimelineTicks;

NichiroTimelineUnit   nichiro_timeline_choose_unit  (double                      scale,
                                                     double                      min_gap,
                                                     NichiroTimelineMeasureFunc  measure,
                                                     gpointer                    user_data);
NichiroTimelineTicks *nichiro_timeline_ticks_new    (const NichiroTimelineView  *view,
                                                     double                      width,
                                                     double                      min_gap,
                                                     NichiroTimelineMeasureFunc  measure,
                                                     gpointer                    user_data);
void                  nichiro_timeline_ticks_free   (NichiroTimelineTicks       *ticks);
double                nichiro_timeline_unit_get_days (NichiroTimelineUnit        unit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NichiroTimelineTicks, nichiro_timeline_ticks_free)

G_END_DECLS
