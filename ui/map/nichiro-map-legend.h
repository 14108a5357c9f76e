/* nichiro-map-legend.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-map-swatch.h"

G_BEGIN_DECLS

/**
 * NichiroMapLegendItem:
 * @kind: a fill, the treaty line or a pin
 * @fill: for a fill, its side and pattern
 * @label: what it means
 */
typedef struct
{
  NichiroMapSwatchKind kind;
  NichiroMapFill fill;
  char *label;
} NichiroMapLegendItem;

#define NICHIRO_TYPE_MAP_LEGEND (nichiro_map_legend_get_type ())

G_DECLARE_FINAL_TYPE (NichiroMapLegend, nichiro_map_legend, NICHIRO, MAP_LEGEND, GtkWidget)

GtkWidget *nichiro_map_legend_new       (void);
void       nichiro_map_legend_set_items (NichiroMapLegend           *self,
                                         const NichiroMapLegendItem *items,
                                         guint                       n_items);
char      *nichiro_map_legend_dup_text  (NichiroMapLegend           *self);

G_END_DECLS
