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
 * frame: the shorter eras first, each name within its era and clear of
 * the others. */

/* Helpers: era labels */

typedef struct
{
  guint index;
  double length;
} EraOrder;

static int
compare_era_order (gconstpointer a,
                   gconstpointer b)
{
  const EraOrder *order_a = a;
  const EraOrder *order_b = b;

  if (order_a->length != order_b->length)
    return order_a->length < order_b->length ? -1 : 1;
  return order_a->index < order_b->index ? -1 : order_a->index > order_b->index;
}

/**
 * nichiro_timeline_place_era_labels:
 * @eras: (array length=n_eras): the eras
 * @n_eras: how many
 * @view: where the view is
 * @width: its width
 * @n_rows: how many header rows there are for names
 * @padding: space before a name and between two names
 * @min_width: the least width worth showing a name in
 * @out_labels: (out caller-allocates) (array length=n_eras): where to put
 *   the placed names
 *
 * Places the names of the eras in view in the header rows. A name starts
 * at its era's start, or at the left edge when the era began before the
 * view, and stays within its era. The shorter eras are named first: they
 * are the ones a reader needs named (the Soviet–Japanese War within the
 * Second World War); what finds no room is left unnamed.
 *
 * Returns: how many names were placed
 */
guint
nichiro_timeline_place_era_labels (const NichiroTimelineEra  *eras,
                                   guint                      n_eras,
                                   const NichiroTimelineView *view,
                                   double                     width,
                                   guint                      n_rows,
                                   double                     padding,
                                   double                     min_width,
                                   NichiroTimelineEraLabel   *out_labels)
{
  g_autofree EraOrder *order = g_new (EraOrder, MAX (n_eras, 1));
  guint n_placed = 0;

  g_return_val_if_fail (eras != NULL || n_eras == 0, 0);
  g_return_val_if_fail (view != NULL, 0);

  for (guint i = 0; i < n_eras; i++)
    order[i] = (EraOrder) { i, eras[i].end - eras[i].start };
  qsort (order, n_eras, sizeof (EraOrder), compare_era_order);

  for (guint k = 0; k < n_eras; k++)
    {
      const NichiroTimelineEra *era = &eras[order[k].index];
      double visible_x0 = MAX (nichiro_timeline_view_time_to_x (view, era->start), 0);
      double visible_x1 = MIN (nichiro_timeline_view_time_to_x (view, era->end), width);
      double x = visible_x0 + padding;
      double shown = MIN (era->label_width, visible_x1 - padding - x);

      if (shown < min_width)
        continue;

      for (guint row = 0; row < n_rows; row++)
        {
          gboolean room = TRUE;

          for (guint j = 0; j < n_placed && room; j++)
            {
              const NichiroTimelineEraLabel *other = &out_labels[j];

              if (other->row == row &&
                  x < other->x + other->width + padding &&
                  other->x < x + shown + padding)
                room = FALSE;
            }

          if (room)
            {
              out_labels[n_placed++] = (NichiroTimelineEraLabel) { order[k].index, row, x, shown };
              break;
            }
        }
    }

  return n_placed;
}
