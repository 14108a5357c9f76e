/* nichiro-map-paint.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nichiro-frontier.h"

G_BEGIN_DECLS

/**
 * NichiroMapColor:
 *
 * The colours the map paints with, each read from a style node of that
 * name (style.css sets them from libadwaita's named colours).
 */
typedef enum
{
  NICHIRO_MAP_COLOR_SEA,
  NICHIRO_MAP_COLOR_LAND,
  NICHIRO_MAP_COLOR_COAST,
  NICHIRO_MAP_COLOR_SIDE_A,
  NICHIRO_MAP_COLOR_SIDE_B,
  NICHIRO_MAP_COLOR_OTHER,
  NICHIRO_MAP_COLOR_UNASSIGNED,
  NICHIRO_MAP_COLOR_PATTERN,
  NICHIRO_MAP_COLOR_OUTLINE,
  NICHIRO_MAP_COLOR_LINE,
  NICHIRO_MAP_COLOR_LINE_HALO,
  NICHIRO_MAP_COLOR_HOVER,
  NICHIRO_MAP_COLOR_FOCUS,
  NICHIRO_MAP_COLOR_PIN,
  NICHIRO_MAP_N_COLORS
} NichiroMapColor;

typedef struct
{
  GdkRGBA colors[NICHIRO_MAP_N_COLORS];
} NichiroMapPalette;

/**
 * NichiroMapPattern:
 * @NICHIRO_MAP_PATTERN_NONE: no agreed holder: the plain colour of land
 * @NICHIRO_MAP_PATTERN_SOLID: held by a treaty between the two states
 * @NICHIRO_MAP_PATTERN_HATCHED: occupied: the holder's colour in hatching
 * @NICHIRO_MAP_PATTERN_STRIPED: shared: stripes of both sides' colours
 * @NICHIRO_MAP_PATTERN_DOTTED: held with no treaty between the two
 *   (annexed, renounced, promised): the holder's colour, dotted
 *
 * How an area is filled, so that no status is told by colour alone.
 */
typedef enum
{
  NICHIRO_MAP_PATTERN_NONE,
  NICHIRO_MAP_PATTERN_SOLID,
  NICHIRO_MAP_PATTERN_HATCHED,
  NICHIRO_MAP_PATTERN_STRIPED,
  NICHIRO_MAP_PATTERN_DOTTED,
  NICHIRO_MAP_N_PATTERNS
} NichiroMapPattern;

typedef struct
{
  NichiroFrontierSide side;
  NichiroMapPattern pattern;
} NichiroMapFill;

NichiroMapFill  nichiro_map_fill_for            (NichiroFrontier          *frontier,
                                                 const NichiroAreaChange  *change);
gboolean        nichiro_map_fill_equal          (NichiroMapFill            a,
                                                 NichiroMapFill            b);
const char     *nichiro_map_pattern_get_label   (NichiroMapPattern         pattern);

void            nichiro_map_palette_init_nodes  (GtkWidget                *owner,
                                                 GtkWidget               **nodes);
void            nichiro_map_palette_clear_nodes (GtkWidget               **nodes);
void            nichiro_map_palette_read        (GtkWidget               **nodes,
                                                 NichiroMapPalette        *out_palette);

void            nichiro_map_paint_fill          (cairo_t                  *cr,
                                                 const NichiroMapPalette  *palette,
                                                 NichiroMapFill            fill,
                                                 double                    origin_x,
                                                 double                    origin_y);
void            nichiro_map_paint_line          (cairo_t                  *cr,
                                                 const NichiroMapPalette  *palette,
                                                 double                    width);
void            nichiro_map_paint_pin           (cairo_t                  *cr,
                                                 const NichiroMapPalette  *palette,
                                                 double                    x,
                                                 double                    y,
                                                 double                    size);

G_END_DECLS
