/* nichiro-timeline-canvas-text.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-canvas"

#include "config.h"

#include <math.h>

#include "nichiro-timeline-canvas-private.h"
#include "nichiro-timeline-ticks.h"

/* The canvas's text. Labels are measured a character at a time (exact
 * enough, and fast for 100,000 titles) and laid out by Pango only when
 * drawn, each layout cached until the fonts change. The fonts decide the
 * heights of the lanes, the header and the axis, and the sizes the layout
 * reserves (NichiroTimelineMetrics); all are measured again when a style
 * change brings other fonts or another text scale, and only then. */

#define TEXT_CACHE_SIZE 2048

PangoLayout *
_nichiro_timeline_canvas_text_layout (NichiroTimelineCanvas     *self,
                                      NichiroTimelineCanvasPart  part,
                                      const char                *text)
{
  PangoLayout *layout;

  if (self->text_layouts[part] == NULL)
    self->text_layouts[part] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  layout = g_hash_table_lookup (self->text_layouts[part], text);
  if (layout != NULL)
    return layout;

  /* Date labels of a dragged cursor are many and brief. */
  if (g_hash_table_size (self->text_layouts[part]) > TEXT_CACHE_SIZE)
    g_hash_table_remove_all (self->text_layouts[part]);

  layout = gtk_widget_create_pango_layout (self->parts[part], text);
  g_hash_table_insert (self->text_layouts[part], g_strdup (text), layout);
  return layout;
}

static double
text_width (NichiroTimelineCanvas     *self,
            NichiroTimelineCanvasPart  part,
            const char                *text)
{
  int width;

  pango_layout_get_pixel_size (_nichiro_timeline_canvas_text_layout (self, part, text), &width, NULL);
  return width;
}

double
_nichiro_timeline_canvas_measure_axis_label (const char *text,
                                             gpointer    user_data)
{
  return text_width (user_data, PART_AXIS, text);
}

static double
era_measure_cb (const char *text,
                gpointer    user_data)
{
  return text_width (user_data, PART_ERA_LABEL, text);
}

static double
char_width (NichiroTimelineCanvas *self,
            gunichar               c)
{
  char buffer[8];
  int length;
  PangoRectangle logical;
  double width;

  if (c < 128 && self->char_widths[c] >= 0)
    return self->char_widths[c];

  if (c >= 128)
    {
      gpointer found = g_hash_table_lookup (self->wide_char_widths, GUINT_TO_POINTER (c));

      if (found != NULL)
        return (GPOINTER_TO_UINT (found) - 1) / 1024.0;
    }

  length = g_unichar_to_utf8 (c, buffer);
  pango_layout_set_text (self->measure_layout, buffer, length);
  pango_layout_get_extents (self->measure_layout, NULL, &logical);
  width = (double) logical.width / PANGO_SCALE;

  if (c < 128)
    self->char_widths[c] = width;
  else
    g_hash_table_insert (self->wide_char_widths, GUINT_TO_POINTER (c),
                         GUINT_TO_POINTER ((guint) (width * 1024) + 1));
  return width;
}

/* Sums advances without kerning, which only ever narrows Latin text; the
 * drawn label is ellipsized to this width all the same. */
static double
label_measure_cb (const char *text,
                  gpointer    user_data)
{
  NichiroTimelineCanvas *self = user_data;
  double width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += char_width (self, g_utf8_get_char (p));

  return ceil (width) + 1;
}

static double
pixel_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static void
clear_text (NichiroTimelineCanvas *self)
{
  for (guint i = 0; i < N_PARTS; i++)
    g_clear_pointer (&self->text_layouts[i], g_hash_table_unref);
  g_hash_table_remove_all (self->item_layouts);
  g_hash_table_remove_all (self->wide_char_widths);
  g_clear_object (&self->measure_layout);
  for (guint i = 0; i < G_N_ELEMENTS (self->char_widths); i++)
    self->char_widths[i] = -1;
  _nichiro_timeline_canvas_drop_layouts (self);
}

/* What the labels were measured in: the font and the resolution (the text
 * scaling factor). */
static char *
dup_font_key (NichiroTimelineCanvas *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoContext *small = gtk_widget_get_pango_context (self->parts[PART_AXIS]);
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  g_autofree char *small_font = pango_font_description_to_string (pango_context_get_font_description (small));
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  return g_strdup_printf ("%s|%s|%g|%lu", font, small_font, pango_cairo_context_get_resolution (context),
                          options ? cairo_font_options_hash (options) : 0);
}

/* Measures everything again when the fonts changed, and only then. */
void
_nichiro_timeline_canvas_ensure_text (NichiroTimelineCanvas *self)
{
  g_autofree char *key = NULL;
  g_autoptr(PangoLayout) probe = NULL;
  double digit_width = 0;

  /* Asked every frame; the fonts are compared only after a style change. */
  if (self->measure_layout != NULL && !self->fonts_may_have_changed)
    return;

  key = dup_font_key (self);

  if (self->measure_layout != NULL && g_strcmp0 (key, self->font_key) == 0)
    {
      self->fonts_may_have_changed = FALSE;
      return;
    }

  g_free (self->font_key);
  self->font_key = g_steal_pointer (&key);
  self->fonts_may_have_changed = FALSE;
  clear_text (self);

  self->measure_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  self->text_height = pixel_height (probe);
  self->small_height = pixel_height (_nichiro_timeline_canvas_text_layout (self, PART_AXIS, "Ag"));

  /* A lane: the label's box, then its lifecycle line and ticks below
   * (PILL_TOP, and line_y_for () in nichiro-timeline-canvas-draw.c). */
  self->lane_height = self->text_height + 9;
  /* An era's name with its bracket under it. */
  self->era_row_height = self->small_height + 4;
  self->header_height = 3 + ERA_ROWS * self->era_row_height + 2;
  self->group_header_height = self->small_height + 4;
  self->axis_height = 8 + 2 * (self->small_height + 1) + 6;
  self->axis_scale = 0;

  for (char digit = '0'; digit <= '9'; digit++)
    {
      char text[2] = { digit, '\0' };

      digit_width = MAX (digit_width, text_width (self, PART_CLUSTER, text));
    }

  self->metrics = (NichiroTimelineMetrics) {
    .marker_radius = MAX (4, round (self->text_height * 0.33)),
    .label_gap = 5,
    .item_gap = 12,
    .bar_padding = 4,
    .open_tail = 28,
    .cluster_padding = 8,
    .cluster_digit_width = digit_width,
    .cluster_plus_width = text_width (self, PART_CLUSTER, "+"),
    /* A short title's width, about: "Moscow talks 1956". */
    .tail_room = 9 * self->text_height,
  };

  if (self->model != NULL)
    _nichiro_timeline_canvas_measure_model (self);
}

/* The axis's height at the current zoom: a row for the steps' labels, and
 * one under it naming the year or the month they belong to when the steps
 * are finer than a year. At years and coarser, the lanes have that room. */
double
_nichiro_timeline_canvas_get_axis_height (NichiroTimelineCanvas *self)
{
  double start = 0, end = 0, scale;
  NichiroTimelineUnit unit;

  _nichiro_timeline_canvas_ensure_text (self);

  /* Not the view's own helpers: fitting the first view asks this. */
  if (self->session != NULL)
    nichiro_session_get_visible_range (self->session, &start, &end);
  if (!(end - start > 1e-6))
    return self->axis_height - (self->small_height + 1);

  scale = _nichiro_timeline_canvas_get_width (self) / (end - start);
  if (scale != self->axis_scale)
    {
      unit = nichiro_timeline_choose_unit (scale, LABEL_MIN_GAP, _nichiro_timeline_canvas_measure_axis_label, self);
      self->axis_rows = unit < NICHIRO_TIMELINE_UNIT_YEAR ? 2 : 1;
      self->axis_scale = scale;
    }

  return self->axis_height - (self->axis_rows == 2 ? 0 : self->small_height + 1);
}

/* The labels' widths in the canvas's fonts, for the layouts to come. */
void
_nichiro_timeline_canvas_measure_model (NichiroTimelineCanvas *self)
{
  nichiro_timeline_model_measure (self->model, label_measure_cb, era_measure_cb, self);
}

/* After a change of style: whether the labels were measured in other fonts
 * than the canvas has now. The next frame measures them again. */
gboolean
_nichiro_timeline_canvas_fonts_changed (NichiroTimelineCanvas *self)
{
  g_autofree char *key = dup_font_key (self);

  if (self->measure_layout == NULL || g_strcmp0 (key, self->font_key) == 0)
    return FALSE;

  self->fonts_may_have_changed = TRUE;
  return TRUE;
}

PangoLayout *
_nichiro_timeline_canvas_item_layout (NichiroTimelineCanvas     *self,
                                      guint                      index,
                                      const NichiroTimelineItem *item)
{
  PangoLayout *layout = g_hash_table_lookup (self->item_layouts, GUINT_TO_POINTER (index + 1));

  if (layout != NULL)
    return layout;

  if (g_hash_table_size (self->item_layouts) > TEXT_CACHE_SIZE)
    g_hash_table_remove_all (self->item_layouts);

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), item->label);
  pango_layout_set_width (layout, (int) (item->label_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  g_hash_table_insert (self->item_layouts, GUINT_TO_POINTER (index + 1), layout);
  return layout;
}
