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
 * @width: the width of its text
 * @form: which of its names it is
 * @band_x0: where the era's band begins in view
 * @band_x1: where it ends in view; the text may run past it
 */
typedef struct
{
  guint era;
  guint row;
  double x;
  double width;
  NichiroTimelineEraForm form;
  double band_x0;
  double band_x1;
} NichiroTimelineEraLabel;

guint nichiro_timeline_place_era_labels (const NichiroTimelineEra  *eras,
                                         guint                      n_eras,
                                         const NichiroTimelineView *view,
                                         double                     width,
                                         guint                      n_rows,
                                         const double              *row_widths,
                                         double                     padding,
                                         NichiroTimelineEraLabel   *out_labels);

G_END_DECLS
