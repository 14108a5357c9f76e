/* nichiro-map-paint.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "nichiro-map-paint.h"
#include "nichiro-map-style-node.h"

/* What the canvas, the legend and the area markers paint alike: an area's
 * fill for its holder and status, a treaty line, a pin. Each status has a
 * pattern of its own as well as its colour: in high contrast, in print or
 * to a reader who does not tell red from blue, the map still says who held
 * what and on what title, and the markers say it in words. Patterns are
 * small repeating tiles, anchored to the map so that they move with it. */

#define TILE 8.0

static const char * const color_nodes[NICHIRO_MAP_N_COLORS] = {
  [NICHIRO_MAP_COLOR_SEA] = "sea",
  [NICHIRO_MAP_COLOR_LAND] = "land",
  [NICHIRO_MAP_COLOR_COAST] = "coast",
  [NICHIRO_MAP_COLOR_SIDE_A] = "side-a",
  [NICHIRO_MAP_COLOR_SIDE_B] = "side-b",
  [NICHIRO_MAP_COLOR_OTHER] = "side-other",
  [NICHIRO_MAP_COLOR_UNASSIGNED] = "unassigned",
  [NICHIRO_MAP_COLOR_PATTERN] = "pattern",
  [NICHIRO_MAP_COLOR_OUTLINE] = "outline",
  [NICHIRO_MAP_COLOR_LINE] = "treaty-line",
  [NICHIRO_MAP_COLOR_LINE_HALO] = "treaty-line-halo",
  [NICHIRO_MAP_COLOR_HOVER] = "hover",
  [NICHIRO_MAP_COLOR_FOCUS] = "focus-ring",
  [NICHIRO_MAP_COLOR_PIN] = "pin",
};

static const char * const pattern_labels[NICHIRO_MAP_N_PATTERNS] = {
  [NICHIRO_MAP_PATTERN_NONE] = N_("No agreed holder"),
  [NICHIRO_MAP_PATTERN_SOLID] = N_("By treaty"),
  [NICHIRO_MAP_PATTERN_HATCHED] = N_("Occupied (hatched)"),
  [NICHIRO_MAP_PATTERN_STRIPED] = N_("Shared, undivided (striped)"),
  [NICHIRO_MAP_PATTERN_DOTTED] = N_("Annexed, no treaty (dotted)"),
};

/* Helpers */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static const GdkRGBA *
side_color (const NichiroMapPalette *palette,
            NichiroFrontierSide      side)
{
  switch (side)
    {
    case NICHIRO_FRONTIER_SIDE_A:
      return &palette->colors[NICHIRO_MAP_COLOR_SIDE_A];
    case NICHIRO_FRONTIER_SIDE_B:
      return &palette->colors[NICHIRO_MAP_COLOR_SIDE_B];
    case NICHIRO_FRONTIER_SIDE_NONE:
    default:
      return &palette->colors[NICHIRO_MAP_COLOR_OTHER];
    }
}

/* A tile of TILE × TILE logical pixels, drawn by @draw at the target's
 * scale, repeated from the map's origin. */
static cairo_pattern_t *
make_tile (cairo_t                 *cr,
           void                   (*draw) (cairo_t *tile, const NichiroMapPalette *palette, const GdkRGBA *color),
           const NichiroMapPalette *palette,
           const GdkRGBA           *color,
           double                   origin_x,
           double                   origin_y)
{
  cairo_surface_t *surface = cairo_surface_create_similar (cairo_get_target (cr), CAIRO_CONTENT_COLOR_ALPHA,
                                                           (int) TILE, (int) TILE);
  cairo_pattern_t *pattern;
  cairo_matrix_t matrix;
  cairo_t *tile = cairo_create (surface);

  draw (tile, palette, color);
  cairo_destroy (tile);

  pattern = cairo_pattern_create_for_surface (surface);
  cairo_surface_destroy (surface);
  cairo_pattern_set_extend (pattern, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_translate (&matrix, -fmod (origin_x, TILE), -fmod (origin_y, TILE));
  cairo_pattern_set_matrix (pattern, &matrix);

  return pattern;
}

/* Occupied: a pale wash of the holder's colour under its hatching. */
static void
draw_hatch (cairo_t                 *tile,
            const NichiroMapPalette *palette,
            const GdkRGBA           *color)
{
  GdkRGBA wash = *color;

  wash.alpha *= 0.3;
  set_color (tile, &wash);
  cairo_paint (tile);

  set_color (tile, color);
  cairo_set_line_width (tile, 2.0);
  cairo_set_line_cap (tile, CAIRO_LINE_CAP_SQUARE);
  /* Three strokes make the diagonal continuous across tiles. */
  cairo_move_to (tile, 0, TILE);
  cairo_line_to (tile, TILE, 0);
  cairo_move_to (tile, -TILE / 2, TILE / 2);
  cairo_line_to (tile, TILE / 2, -TILE / 2);
  cairo_move_to (tile, TILE / 2, TILE * 1.5);
  cairo_line_to (tile, TILE * 1.5, TILE / 2);
  cairo_stroke (tile);
}

/* Shared: the two sides' colours in stripes, the other way. */
static void
draw_stripes (cairo_t                 *tile,
              const NichiroMapPalette *palette,
              const GdkRGBA           *color)
{
  set_color (tile, &palette->colors[NICHIRO_MAP_COLOR_SIDE_A]);
  cairo_paint (tile);

  set_color (tile, &palette->colors[NICHIRO_MAP_COLOR_SIDE_B]);
  cairo_move_to (tile, 0, 0);
  cairo_line_to (tile, TILE / 2, 0);
  cairo_line_to (tile, TILE, TILE / 2);
  cairo_line_to (tile, TILE, TILE);
  cairo_close_path (tile);
  cairo_move_to (tile, 0, TILE / 2);
  cairo_line_to (tile, TILE / 2, TILE);
  cairo_line_to (tile, 0, TILE);
  cairo_close_path (tile);
  cairo_fill (tile);
}

/* No treaty between the two: the holder's colour, dotted. */
static void
draw_dots (cairo_t                 *tile,
           const NichiroMapPalette *palette,
           const GdkRGBA           *color)
{
  set_color (tile, color);
  cairo_paint (tile);

  set_color (tile, &palette->colors[NICHIRO_MAP_COLOR_PATTERN]);
  cairo_arc (tile, TILE / 4, TILE / 4, 1.3, 0, 2 * G_PI);
  cairo_arc (tile, TILE * 3 / 4, TILE * 3 / 4, 1.3, 0, 2 * G_PI);
  cairo_fill (tile);
}

/* Public API */

/**
 * nichiro_map_fill_for:
 * @frontier: the frontier, which places holders on its sides
 * @change: (nullable): the change in force, or %NULL before any
 *
 * Returns: how to fill an area so held
 */
NichiroMapFill
nichiro_map_fill_for (NichiroFrontier         *frontier,
                      const NichiroAreaChange *change)
{
  NichiroMapFill fill = { NICHIRO_FRONTIER_SIDE_NONE, NICHIRO_MAP_PATTERN_NONE };
  const NichiroFrontierHolder *holder;

  if (change == NULL)
    return fill;

  holder = nichiro_frontier_lookup_holder (frontier, change->holder);
  if (holder != NULL)
    fill.side = holder->side;

  switch (change->status)
    {
    case NICHIRO_AREA_SHARED:
      fill.pattern = NICHIRO_MAP_PATTERN_STRIPED;
      break;
    case NICHIRO_AREA_OCCUPIED:
      fill.pattern = NICHIRO_MAP_PATTERN_HATCHED;
      break;
    case NICHIRO_AREA_ANNEXED:
    case NICHIRO_AREA_RENOUNCED:
    case NICHIRO_AREA_PROMISED:
      fill.pattern = NICHIRO_MAP_PATTERN_DOTTED;
      break;
    case NICHIRO_AREA_SOVEREIGN:
    case NICHIRO_N_AREA_STATUSES:
    default:
      fill.pattern = NICHIRO_MAP_PATTERN_SOLID;
      break;
    }

  return fill;
}

gboolean
nichiro_map_fill_equal (NichiroMapFill a,
                        NichiroMapFill b)
{
  return a.side == b.side && a.pattern == b.pattern;
}

/**
 * nichiro_map_pattern_get_label:
 * @pattern: a pattern
 *
 * Returns: what the pattern means, translated, for the legend
 */
const char *
nichiro_map_pattern_get_label (NichiroMapPattern pattern)
{
  g_return_val_if_fail (pattern < NICHIRO_MAP_N_PATTERNS, NULL);

  return _(pattern_labels[pattern]);
}

/**
 * nichiro_map_palette_init_nodes:
 * @owner: the widget that paints
 * @nodes: (array fixed-size=NICHIRO_MAP_N_COLORS) (out): where to keep its
 *   style nodes
 *
 * Gives @owner an invisible child node for each colour, named for
 * style.css.
 */
void
nichiro_map_palette_init_nodes (GtkWidget  *owner,
                                GtkWidget **nodes)
{
  for (guint i = 0; i < NICHIRO_MAP_N_COLORS; i++)
    {
      nodes[i] = g_object_new (NICHIRO_TYPE_MAP_STYLE_NODE, "css-name", color_nodes[i], NULL);
      gtk_widget_set_parent (nodes[i], owner);
      gtk_widget_set_child_visible (nodes[i], FALSE);
    }
}

void
nichiro_map_palette_clear_nodes (GtkWidget **nodes)
{
  for (guint i = 0; i < NICHIRO_MAP_N_COLORS; i++)
    g_clear_pointer (&nodes[i], gtk_widget_unparent);
}

void
nichiro_map_palette_read (GtkWidget         **nodes,
                          NichiroMapPalette  *out_palette)
{
  for (guint i = 0; i < NICHIRO_MAP_N_COLORS; i++)
    {
#if GTK_CHECK_VERSION (4, 10, 0)
      gtk_widget_get_color (nodes[i], &out_palette->colors[i]);
#else
      gtk_style_context_get_color (gtk_widget_get_style_context (nodes[i]), &out_palette->colors[i]);
#endif
    }
}

/**
 * nichiro_map_paint_fill:
 * @cr: where to paint; its current path is the area, and is used up
 * @palette: the colours
 * @fill: the holder's side and the status's pattern
 * @origin_x: where the map's origin is, so that patterns move with it
 * @origin_y: likewise
 *
 * Leaves the fill as @cr's source, to paint more of the area with.
 */
void
nichiro_map_paint_fill (cairo_t                 *cr,
                        const NichiroMapPalette *palette,
                        NichiroMapFill           fill,
                        double                   origin_x,
                        double                   origin_y)
{
  cairo_pattern_t *pattern = NULL;
  const GdkRGBA *color = side_color (palette, fill.side);

  switch (fill.pattern)
    {
    case NICHIRO_MAP_PATTERN_NONE:
      set_color (cr, &palette->colors[NICHIRO_MAP_COLOR_UNASSIGNED]);
      break;
    case NICHIRO_MAP_PATTERN_SOLID:
      set_color (cr, color);
      break;
    case NICHIRO_MAP_PATTERN_HATCHED:
      pattern = make_tile (cr, draw_hatch, palette, color, origin_x, origin_y);
      break;
    case NICHIRO_MAP_PATTERN_STRIPED:
      pattern = make_tile (cr, draw_stripes, palette, color, origin_x, origin_y);
      break;
    case NICHIRO_MAP_PATTERN_DOTTED:
    case NICHIRO_MAP_N_PATTERNS:
    default:
      pattern = make_tile (cr, draw_dots, palette, color, origin_x, origin_y);
      break;
    }

  if (pattern != NULL)
    cairo_set_source (cr, pattern);
  cairo_fill (cr);
  g_clear_pointer (&pattern, cairo_pattern_destroy);
}

/**
 * nichiro_map_paint_line:
 * @cr: where to paint; its current path is the line, and is used up
 * @palette: the colours
 * @width: the line's width
 *
 * A treaty line: dashed, on a halo that keeps it visible on land and sea.
 */
void
nichiro_map_paint_line (cairo_t                 *cr,
                        const NichiroMapPalette *palette,
                        double                   width)
{
  static const double dashes[] = { 6, 3 };

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  set_color (cr, &palette->colors[NICHIRO_MAP_COLOR_LINE_HALO]);
  cairo_set_line_width (cr, width + 3);
  cairo_stroke_preserve (cr);

  set_color (cr, &palette->colors[NICHIRO_MAP_COLOR_LINE]);
  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

/**
 * nichiro_map_paint_pin:
 * @cr: where to paint
 * @palette: the colours
 * @x: where the pin points
 * @y: likewise
 * @size: its height
 *
 * A map pin whose point is at (@x, @y).
 */
void
nichiro_map_paint_pin (cairo_t                 *cr,
                       const NichiroMapPalette *palette,
                       double                   x,
                       double                   y,
                       double                   size)
{
  double radius = size * 0.32;
  double cy = y - size + radius;

  cairo_new_path (cr);
  cairo_move_to (cr, x, y);
  cairo_arc (cr, x, cy, radius, G_PI * 0.8, G_PI * 2.2);
  cairo_close_path (cr);
  set_color (cr, &palette->colors[NICHIRO_MAP_COLOR_PIN]);
  cairo_fill_preserve (cr);
  set_color (cr, &palette->colors[NICHIRO_MAP_COLOR_LINE_HALO]);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);

  cairo_arc (cr, x, cy, radius * 0.4, 0, 2 * G_PI);
  set_color (cr, &palette->colors[NICHIRO_MAP_COLOR_LINE_HALO]);
  cairo_fill (cr);
}
