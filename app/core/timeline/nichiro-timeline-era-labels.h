/* nichiro-timeline-era-labels.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-timeline-model.h"

G_BEGIN_DECLS

/* Era labels */

/**
 * NichiroTimelineEraLabel:
 * @era: index into nichiro_timeline_model_get_eras()
 * @row: the header row it goes in
 * @x: the left edge of its text
 * @width: how much of it is shown; the rest is ellipsized
 */
typedef struct
{
  guint era;
  guint row;
  double x;
  double width;
} NichiroTimelineEraLabel;

guint nichiro_timeline_place_era_labels (const NichiroTimelineEra  *eras,
                                         guint                      n_eras,
                                         const NichiroTimelineView *view,
                                         double                     width,
                                         guint                      n_rows,
                                         double                     padding,
                                         double                     min_width,
                                         NichiroTimelineEraLabel   *out_labels);

G_END_DECLS
