/* nichiro-map-swatch.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-map-paint.h"

G_BEGIN_DECLS

/**
 * NichiroMapSwatchKind:
 * @NICHIRO_MAP_SWATCH_FILL: an area's fill
 * @NICHIRO_MAP_SWATCH_LINE: a treaty line
 * @NICHIRO_MAP_SWATCH_PIN: a place's pin
 */
typedef enum
{
  NICHIRO_MAP_SWATCH_FILL,
  NICHIRO_MAP_SWATCH_LINE,
  NICHIRO_MAP_SWATCH_PIN,
} NichiroMapSwatchKind;

#define NICHIRO_TYPE_MAP_SWATCH (nichiro_map_swatch_get_type ())

G_DECLARE_FINAL_TYPE (NichiroMapSwatch, nichiro_map_swatch, NICHIRO, MAP_SWATCH, GtkWidget)

GtkWidget *nichiro_map_swatch_new      (NichiroMapSwatchKind  kind);
void       nichiro_map_swatch_set_fill (NichiroMapSwatch     *self,
                                        NichiroMapFill        fill);

G_END_DECLS
