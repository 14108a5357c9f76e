/* nichiro-map-swatch.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-map"

#include "config.h"

#include "nichiro-map-canvas.h"
#include "nichiro-map-swatch.h"

/* A small sample of what the map draws (an area's fill, a treaty line, a
 * pin), painted exactly as the canvas paints it: for the legend and the
 * areas' markers. Inside the canvas it paints with the canvas's colours;
 * elsewhere it makes style nodes of its own, named as the canvas's are. */

#define SIZE 16

struct _NichiroMapSwatch
{
  GtkWidget parent_instance;

  NichiroMapSwatchKind kind;
  NichiroMapFill fill;
  GtkWidget *nodes[NICHIRO_MAP_N_COLORS];
};

G_DEFINE_FINAL_TYPE (NichiroMapSwatch, nichiro_map_swatch, GTK_TYPE_WIDGET)

static void
nichiro_map_swatch_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  NichiroMapSwatch *self = NICHIRO_MAP_SWATCH (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  NichiroMapPalette palette;
  GtkWidget *canvas;
  cairo_t *cr;

  canvas = gtk_widget_get_ancestor (widget, NICHIRO_TYPE_MAP_CANVAS);
  if (canvas != NULL)
    {
      palette = *nichiro_map_canvas_get_palette (NICHIRO_MAP_CANVAS (canvas));
    }
  else
    {
      if (self->nodes[0] == NULL)
        nichiro_map_palette_init_nodes (widget, self->nodes);
      nichiro_map_palette_read (self->nodes, &palette);
    }
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  switch (self->kind)
    {
    case NICHIRO_MAP_SWATCH_FILL:
      cairo_rectangle (cr, 1.5, 1.5, width - 3, height - 3);
      nichiro_map_paint_fill (cr, &palette, self->fill, 0, 0);
      cairo_rectangle (cr, 1.5, 1.5, width - 3, height - 3);
      gdk_cairo_set_source_rgba (cr, &palette.colors[NICHIRO_MAP_COLOR_OUTLINE]);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      break;

    case NICHIRO_MAP_SWATCH_LINE:
      cairo_move_to (cr, 1, height / 2);
      cairo_line_to (cr, width - 1, height / 2);
      nichiro_map_paint_line (cr, &palette, 2);
      break;

    case NICHIRO_MAP_SWATCH_PIN:
    default:
      nichiro_map_paint_pin (cr, &palette, width / 2, height - 1, height - 2);
      break;
    }

  cairo_destroy (cr);
}

static void
nichiro_map_swatch_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  *minimum = *natural = SIZE;
}

static void
nichiro_map_swatch_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (nichiro_map_swatch_parent_class)->css_changed (widget, change);
  gtk_widget_queue_draw (widget);
}

static void
nichiro_map_swatch_dispose (GObject *object)
{
  NichiroMapSwatch *self = NICHIRO_MAP_SWATCH (object);

  nichiro_map_palette_clear_nodes (self->nodes);

  G_OBJECT_CLASS (nichiro_map_swatch_parent_class)->dispose (object);
}

static void
nichiro_map_swatch_class_init (NichiroMapSwatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_map_swatch_dispose;
  widget_class->snapshot = nichiro_map_swatch_snapshot;
  widget_class->measure = nichiro_map_swatch_measure;
  widget_class->css_changed = nichiro_map_swatch_css_changed;

  gtk_widget_class_set_css_name (widget_class, "nichiro-map-swatch");
  /* A picture of what the words beside it say. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
nichiro_map_swatch_init (NichiroMapSwatch *self)
{
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

/**
 * nichiro_map_swatch_new:
 * @kind: what it shows
 *
 * Returns: (transfer floating): a swatch
 */
GtkWidget *
nichiro_map_swatch_new (NichiroMapSwatchKind kind)
{
  NichiroMapSwatch *self = g_object_new (NICHIRO_TYPE_MAP_SWATCH, NULL);

  self->kind = kind;
  return GTK_WIDGET (self);
}

void
nichiro_map_swatch_set_fill (NichiroMapSwatch *self,
                             NichiroMapFill    fill)
{
  g_return_if_fail (NICHIRO_IS_MAP_SWATCH (self));

  if (nichiro_map_fill_equal (self->fill, fill))
    return;

  self->fill = fill;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
