/* nichiro-timeline-era-labels.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-era-labels"

#include "config.h"

#include "nichiro-timeline-era-labels.h"

/* The names of the eras in the header rows above the lanes, placed per
 * frame. Every era in view is named: by its name where that fits in its
 * band, by its short name or its initials where they do, else by the
 * short name, the initials, then the name, running on past the band's end
 * into free room in the row (the canvas draws the band's extent under
 * it). Then names given short are written longer wherever the row has
 * room for it. A name starts at its
 * era's start, or at the left edge when the era began before the view
 * (it sticks), and moves left to stay inside the view's right edge. */

/* Helpers: era labels */

typedef struct
{
  guint index;
  double x0;
  double length;
} EraOrder;

static int
compare_era_order (gconstpointer a,
                   gconstpointer b)
{
  const EraOrder *order_a = a;
  const EraOrder *order_b = b;

  if (order_a->x0 != order_b->x0)
    return order_a->x0 < order_b->x0 ? -1 : 1;
  if (order_a->length != order_b->length)
    return order_a->length < order_b->length ? -1 : 1;
  return order_a->index < order_b->index ? -1 : order_a->index > order_b->index;
}

static gboolean
row_has_room (const NichiroTimelineEraLabel *labels,
              guint                          n_labels,
              guint                          skip,
              guint                          row,
              double                         x,
              double                         text_width,
              double                         padding)
{
  for (guint j = 0; j < n_labels; j++)
    {
      const NichiroTimelineEraLabel *other = &labels[j];

      if (j == skip || other->row != row)
        continue;
      if (x < other->x + other->width + padding && other->x < x + text_width + padding)
        return FALSE;
    }

  return TRUE;
}

/* Where a text of @text_width for a band from @band_x0 to @band_x1 starts:
 * at the band, kept inside the view. */
static double
text_x (double band_x0,
        double text_width,
        double width,
        double padding)
{
  return MAX (padding, MIN (band_x0 + padding, width - padding - text_width));
}

/**
 * nichiro_timeline_place_era_labels:
 * @eras: (array length=n_eras): the eras, their names measured
 * @n_eras: how many
 * @view: where the view is
 * @width: its width
 * @n_rows: how many header rows there are for names
 * @row_widths: (array length=n_rows) (nullable): how far each row reaches
 *   from the left edge, when something stands over its end (buttons in a
 *   corner); %NULL when every row has @width
 * @padding: space before a name, between two names, and at the edges
 * @out_labels: (out caller-allocates) (array length=n_eras): where to put
 *   the placed names
 *
 * Places the names of the eras in view in the header rows, never two
 * touching in a row. What finds no room in any row (more eras overlapping
 * than there are rows) is left unnamed; the tooltip names it.
 *
 * Returns: how many names were placed
 */
guint
nichiro_timeline_place_era_labels (const NichiroTimelineEra  *eras,
                                   guint                      n_eras,
                                   const NichiroTimelineView *view,
                                   double                     width,
                                   guint                      n_rows,
                                   const double              *row_widths,
                                   double                     padding,
                                   NichiroTimelineEraLabel   *out_labels)
{
  g_autofree EraOrder *order = g_new (EraOrder, MAX (n_eras, 1));
  guint n_order = 0, n_placed = 0;

  g_return_val_if_fail (eras != NULL || n_eras == 0, 0);
  g_return_val_if_fail (view != NULL, 0);

  for (guint i = 0; i < n_eras; i++)
    {
      double x0 = MAX (nichiro_timeline_view_time_to_x (view, eras[i].start), 0);
      double x1 = MIN (nichiro_timeline_view_time_to_x (view, eras[i].end), width);

      if (x1 > x0)
        order[n_order++] = (EraOrder) { i, x0, eras[i].end - eras[i].start };
    }
  qsort (order, n_order, sizeof (EraOrder), compare_era_order);

  /* First a name for each, the shortest that reads. */
  for (guint k = 0; k < n_order; k++)
    {
      const NichiroTimelineEra *era = &eras[order[k].index];
      double band_x0 = order[k].x0;
      double band_x1 = MIN (nichiro_timeline_view_time_to_x (view, era->end), width);
      static const struct
      {
        NichiroTimelineEraForm form;
        gboolean in_band;
      } tries[] = {
        { NICHIRO_TIMELINE_ERA_NAME, TRUE },
        { NICHIRO_TIMELINE_ERA_SHORT, TRUE },
        { NICHIRO_TIMELINE_ERA_INITIALS, TRUE },
        { NICHIRO_TIMELINE_ERA_SHORT, FALSE },
        { NICHIRO_TIMELINE_ERA_INITIALS, FALSE },
        { NICHIRO_TIMELINE_ERA_NAME, FALSE },
      };
      gboolean placed = FALSE;

      for (guint t = 0; t < G_N_ELEMENTS (tries) && !placed; t++)
        {
          double text_width = era->widths[tries[t].form];

          for (guint row = 0; row < n_rows && !placed; row++)
            {
              double row_width = row_widths != NULL ? row_widths[row] : width;
              double x = text_x (band_x0, text_width, row_width, padding);

              /* At the band's start, or after a name already in the row,
               * so long as it starts within its band. */
              for (guint j = 0; j <= n_placed && !placed; j++)
                {
                  if (j > 0)
                    {
                      const NichiroTimelineEraLabel *other = &out_labels[j - 1];

                      if (other->row != row)
                        continue;
                      x = other->x + other->width + padding;
                      if (x <= text_x (band_x0, text_width, row_width, padding))
                        continue;
                    }

                  if (text_width <= 0 || x + text_width > row_width - padding + 1e-6)
                    continue;
                  if (x > band_x1 - padding && x > band_x0 + padding)
                    continue;
                  if (tries[t].in_band && (x < band_x0 || x + text_width > band_x1 - padding))
                    continue;
                  if (!row_has_room (out_labels, n_placed, G_MAXUINT, row, x, text_width, padding))
                    continue;

                  out_labels[n_placed++] = (NichiroTimelineEraLabel) {
                    order[k].index, row, x, text_width, tries[t].form, band_x0, band_x1,
                  };
                  placed = TRUE;
                }
            }
        }
    }

  /* Then longer wherever there is room for it. */
  for (guint j = 0; j < n_placed; j++)
    {
      NichiroTimelineEraLabel *label = &out_labels[j];
      const NichiroTimelineEra *era = &eras[label->era];
      double row_width = row_widths != NULL ? row_widths[label->row] : width;

      for (NichiroTimelineEraForm form = NICHIRO_TIMELINE_ERA_NAME; form < label->form; form++)
        {
          double x = text_x (label->band_x0, era->widths[form], row_width, padding);

          if (x + era->widths[form] > row_width - padding + 1e-6 ||
              !row_has_room (out_labels, n_placed, j, label->row, x, era->widths[form], padding))
            continue;

          label->x = x;
          label->width = era->widths[form];
          label->form = form;
          break;
        }
    }

  return n_placed;
}
