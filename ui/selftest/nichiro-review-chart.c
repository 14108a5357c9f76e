/* nichiro-review-chart.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-review-chart"

#include "config.h"

#include "nichiro-review-chart.h"

/* A small bar chart of counts by day, for the self-test's statistics: one
 * bar a day, the day @highlight (today) stronger. It only draws; its
 * colour comes from style.css (the accent), so the dark and high-contrast
 * styles follow. What it shows is said in words beside it, for screen
 * readers and for anyone: the chart is a picture of those words. */

struct _NichiroReviewChart
{
  GtkWidget parent_instance;

  GArray *values;
  guint highlight;
};

G_DEFINE_FINAL_TYPE (NichiroReviewChart, nichiro_review_chart, GTK_TYPE_WIDGET)

#define MIN_HEIGHT 72
#define MIN_BAR_WIDTH 3
#define GAP 2

static void
nichiro_review_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  NichiroReviewChart *self = NICHIRO_REVIEW_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->values->len * (MIN_BAR_WIDTH + GAP);
      *natural = self->values->len * (12 + GAP);
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = MIN_HEIGHT + 24;
    }
}

static void
nichiro_review_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  NichiroReviewChart *self = NICHIRO_REVIEW_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean rtl = gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL;
  GdkRGBA color, dim, axis;
  guint n = self->values->len;
  guint max = 0;
  double slot;

#if GTK_CHECK_VERSION (4, 10, 0)
  gtk_widget_get_color (widget, &color);
#else
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
#endif

  if (n == 0 || width <= 0 || height <= 0)
    return;

  dim = color;
  dim.alpha *= 0.55f;
  axis = color;
  axis.alpha *= 0.3f;

  for (guint i = 0; i < n; i++)
    max = MAX (max, g_array_index (self->values, guint, i));

  /* The baseline, so that an empty chart still reads as one. */
  gtk_snapshot_append_color (snapshot, &axis, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));

  slot = (double) width / n;
  for (guint i = 0; i < n && max > 0; i++)
    {
      guint value = g_array_index (self->values, guint, i);
      double bar = MAX (slot - GAP, 1.0);
      double x = (rtl ? n - 1 - i : i) * slot + (slot - bar) / 2;
      double h = value == 0 ? 0 : MAX ((double) value / max * (height - 2), 2.0);

      if (h <= 0)
        continue;

      gtk_snapshot_append_color (snapshot, i == self->highlight ? &color : &dim,
                                 &GRAPHENE_RECT_INIT (x, height - 1 - h, bar, h));
    }
}

static void
nichiro_review_chart_finalize (GObject *object)
{
  NichiroReviewChart *self = (NichiroReviewChart *)object;

  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (nichiro_review_chart_parent_class)->finalize (object);
}

static void
nichiro_review_chart_class_init (NichiroReviewChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = nichiro_review_chart_finalize;
  widget_class->measure = nichiro_review_chart_measure;
  widget_class->snapshot = nichiro_review_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "nichiro-review-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
nichiro_review_chart_init (NichiroReviewChart *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (guint));
  self->highlight = G_MAXUINT;
}

GtkWidget *
nichiro_review_chart_new (void)
{
  return g_object_new (NICHIRO_TYPE_REVIEW_CHART, NULL);
}

/**
 * nichiro_review_chart_set_values:
 * @self: a chart
 * @values: (array length=n_values): a count a day
 * @n_values: how many days
 * @highlight: the day drawn stronger (today), or %G_MAXUINT
 */
void
nichiro_review_chart_set_values (NichiroReviewChart *self,
                                 const guint        *values,
                                 guint               n_values,
                                 guint               highlight)
{
  g_return_if_fail (NICHIRO_IS_REVIEW_CHART (self));
  g_return_if_fail (values != NULL || n_values == 0);

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);
  self->highlight = highlight;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
nichiro_review_chart_get_n_values (NichiroReviewChart *self)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_CHART (self), 0);

  return self->values->len;
}

guint
nichiro_review_chart_get_value (NichiroReviewChart *self,
                                guint               index)
{
  g_return_val_if_fail (NICHIRO_IS_REVIEW_CHART (self), 0);
  g_return_val_if_fail (index < self->values->len, 0);

  return g_array_index (self->values, guint, index);
}
