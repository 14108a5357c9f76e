/* nichiro-stats-view.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-stats-view"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-stats-view.h"
#include "nichiro-review-chart.h"

/* The self-test's statistics, figures a learner can check against what
 * they did: what is due today and this week, the reviews of today, the
 * true retention of mature cards (how often they were recalled when they
 * came up, which should sit near the desired retention), and two small
 * charts with their sentences: the reviews of the last 30 days, and what
 * falls due in the next 30. Computed when shown and when the self-test
 * changes while shown. */

typedef enum
{
  FIGURE_DUE_TODAY,
  FIGURE_DUE_WEEK,
  FIGURE_REVIEWS_TODAY,
  FIGURE_RETENTION,
  N_FIGURES
} Figure;

struct _NichiroStatsView
{
  GtkWidget parent_instance;

  NichiroSelfTest *self_test;
  GSignalGroup *self_test_signals;

  GtkWidget *scroller;
  GtkFlowBox *figures;
  GtkLabel *cards_label;
  GtkLabel *retention_label;
  NichiroReviewChart *reviews_chart;
  GtkLabel *reviews_label;
  NichiroReviewChart *forecast_chart;
  GtkLabel *forecast_label;

  GtkLabel *figure_values[N_FIGURES];
  GtkWidget *figure_boxes[N_FIGURES];
};

G_DEFINE_FINAL_TYPE (NichiroStatsView, nichiro_stats_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELF_TEST,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const figure_names[N_FIGURES] = {
  N_("Due today"),
  N_("Due this week"),
  N_("Reviews today"),
  N_("True retention"),
};

/* Helpers */

static void
set_figure (NichiroStatsView *self,
            Figure            figure,
            const char       *value)
{
  g_autofree char *name = g_strdup_printf ("%s: %s", _(figure_names[figure]), value);

  gtk_label_set_text (self->figure_values[figure], value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figure_boxes[figure]),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static char *
dup_day (NichiroSelfTest *self_test,
         int              offset)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (nichiro_self_test_get_day_start (self_test, offset) /
                                                            G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, nichiro_self_test_get_time_zone (self_test));

  /* Translators: a day in the statistics, as strftime() writes it: "14 January" */
  return g_date_time_format (local, C_("stats day", "%-d %B"));
}

static void
update (NichiroStatsView *self)
{
  NichiroSelfTestStats stats;
  g_autofree char *value = NULL;
  g_autofree char *seen = NULL;
  g_autofree char *retention = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *forecast = NULL;
  guint total_reviews = 0, active_days = 0, total_due = 0, busiest = 0, busiest_day = 0;

  if (self->self_test == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  nichiro_self_test_get_stats (self->self_test, &stats);

  value = g_strdup_printf ("%u", stats.due_today);
  set_figure (self, FIGURE_DUE_TODAY, value);
  g_free (value);
  value = g_strdup_printf ("%u", stats.due_week);
  set_figure (self, FIGURE_DUE_WEEK, value);
  g_free (value);
  value = g_strdup_printf ("%u", stats.reviews_today);
  set_figure (self, FIGURE_REVIEWS_TODAY, value);
  g_free (value);
  /* Translators: a percentage, "91%" */
  value = stats.has_retention ? g_strdup_printf (_("%.0f%%"), stats.retention * 100) : g_strdup ("—");
  set_figure (self, FIGURE_RETENTION, value);

  seen = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "You have answered %u of the %u card this dataset gives. Mature (an interval "
                                       "of three weeks or more): %u. New cards left for today: %u.",
                                       "You have answered %u of the %u cards this dataset gives. Mature (an interval "
                                       "of three weeks or more): %u. New cards left for today: %u.",
                                       stats.n_cards),
                          stats.n_seen, stats.n_cards, stats.n_mature, stats.new_today);
  gtk_label_set_text (self->cards_label, seen);

  if (stats.has_retention)
    retention = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "True retention: of %u review of mature cards in the last 30 days, "
                                              "%u were recalled (%.0f%%). Your desired retention is %.0f%%.",
                                              "True retention: of %u reviews of mature cards in the last 30 days, "
                                              "%u were recalled (%.0f%%). Your desired retention is %.0f%%.",
                                              stats.mature_total),
                                 stats.mature_total, stats.mature_passed, stats.retention * 100,
                                 nichiro_self_test_get_desired_retention (self->self_test) * 100);
  else
    retention = g_strdup (_("True retention is the share of reviews of mature cards you recalled. "
                            "No mature card came up in the last 30 days yet."));
  gtk_label_set_text (self->retention_label, retention);

  nichiro_review_chart_set_values (self->reviews_chart, stats.reviews_per_day, NICHIRO_SELF_TEST_STATS_DAYS,
                                   NICHIRO_SELF_TEST_STATS_DAYS - 1);
  for (guint i = 0; i < NICHIRO_SELF_TEST_STATS_DAYS; i++)
    {
      total_reviews += stats.reviews_per_day[i];
      active_days += stats.reviews_per_day[i] > 0;
    }
  reviews = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u review in the last 30 days, %u today (the last bar). Days with reviews: %u.",
                                          "%u reviews in the last 30 days, %u today (the last bar). Days with reviews: %u.",
                                          total_reviews),
                             total_reviews, stats.reviews_today, active_days);
  gtk_label_set_text (self->reviews_label, reviews);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reviews_chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart of reviews, last 30 days"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, reviews,
                                  -1);

  nichiro_review_chart_set_values (self->forecast_chart, stats.forecast, NICHIRO_SELF_TEST_STATS_DAYS, 0);
  for (guint i = 0; i < NICHIRO_SELF_TEST_STATS_DAYS; i++)
    {
      total_due += stats.forecast[i];
      if (stats.forecast[i] > busiest)
        {
          busiest = stats.forecast[i];
          busiest_day = i;
        }
    }
  if (total_due == 0)
    {
      forecast = g_strdup (_("Nothing falls due in the next 30 days."));
    }
  else
    {
      g_autofree char *day = dup_day (self->self_test, (int) busiest_day);

      forecast = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%u card falls due in the next 30 days, %u today (the first bar); "
                                               "the busiest day is %s, with %u.",
                                               "%u cards fall due in the next 30 days, %u today (the first bar); "
                                               "the busiest day is %s, with %u.",
                                               total_due),
                                  total_due, stats.forecast[0], day, busiest);
    }
  gtk_label_set_text (self->forecast_label, forecast);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->forecast_chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart of cards due, next 30 days"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, forecast,
                                  -1);
}

/* GObject */

static void
nichiro_stats_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nichiro_stats_view_parent_class)->map (widget);

  update (NICHIRO_STATS_VIEW (widget));
}

static void
nichiro_stats_view_dispose (GObject *object)
{
  NichiroStatsView *self = (NichiroStatsView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), NICHIRO_TYPE_STATS_VIEW);

  g_clear_object (&self->self_test_signals);
  g_clear_object (&self->self_test);

  G_OBJECT_CLASS (nichiro_stats_view_parent_class)->dispose (object);
}

static void
nichiro_stats_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NichiroStatsView *self = NICHIRO_STATS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELF_TEST:
      g_value_set_object (value, self->self_test);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_stats_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NichiroStatsView *self = NICHIRO_STATS_VIEW (object);

  switch (prop_id)
    {
    case PROP_SELF_TEST:
      nichiro_stats_view_set_self_test (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_stats_view_class_init (NichiroStatsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nichiro_stats_view_dispose;
  object_class->get_property = nichiro_stats_view_get_property;
  object_class->set_property = nichiro_stats_view_set_property;
  widget_class->map = nichiro_stats_view_map;

  properties[PROP_SELF_TEST] =
    g_param_spec_object ("self-test", NULL, NULL, NICHIRO_TYPE_SELF_TEST,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NICHIRO_TYPE_REVIEW_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/nichiro/Nichiro/ui/nichiro-stats-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NichiroStatsView, scroller);
  gtk_widget_class_bind_template_child (widget_class, NichiroStatsView, figures);
  gtk_widget_class_bind_template_child (widget_class, NichiroStatsView, cards_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroStatsView, retention_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroStatsView, reviews_chart);
  gtk_widget_class_bind_template_child (widget_class, NichiroStatsView, reviews_label);
  gtk_widget_class_bind_template_child (widget_class, NichiroStatsView, forecast_chart);
  gtk_widget_class_bind_template_child (widget_class, NichiroStatsView, forecast_label);

  gtk_widget_class_set_css_name (widget_class, "nichiro-stats-view");
}

static void
nichiro_stats_view_init (NichiroStatsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A figure: the number over what it counts, read as one. */
  for (guint i = 0; i < N_FIGURES; i++)
    {
      GtkWidget *box = g_object_new (GTK_TYPE_BOX,
                                     "orientation", GTK_ORIENTATION_VERTICAL,
                                     "spacing", 2,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                     NULL);
      GtkWidget *value = gtk_label_new ("—");
      GtkWidget *name = gtk_label_new (_(figure_names[i]));

      gtk_widget_add_css_class (box, "card");
      gtk_widget_add_css_class (box, "nichiro-stats-figure");
      gtk_widget_add_css_class (value, "title-1");
      gtk_widget_add_css_class (value, "numeric");
      gtk_widget_add_css_class (name, "caption");
      gtk_widget_add_css_class (name, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (name), TRUE);
      gtk_label_set_justify (GTK_LABEL (name), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), value);
      gtk_box_append (GTK_BOX (box), name);
      gtk_flow_box_append (self->figures, box);
      gtk_widget_set_focusable (gtk_widget_get_parent (box), FALSE);

      self->figure_values[i] = GTK_LABEL (value);
      self->figure_boxes[i] = box;
    }

  self->self_test_signals = g_signal_group_new (NICHIRO_TYPE_SELF_TEST);
  g_signal_group_connect_object (self->self_test_signals, "changed",
                                 G_CALLBACK (update), self, G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
nichiro_stats_view_new (void)
{
  return g_object_new (NICHIRO_TYPE_STATS_VIEW, NULL);
}

NichiroSelfTest *
nichiro_stats_view_get_self_test (NichiroStatsView *self)
{
  g_return_val_if_fail (NICHIRO_IS_STATS_VIEW (self), NULL);

  return self->self_test;
}

void
nichiro_stats_view_set_self_test (NichiroStatsView *self,
                                  NichiroSelfTest  *self_test)
{
  g_return_if_fail (NICHIRO_IS_STATS_VIEW (self));
  g_return_if_fail (self_test == NULL || NICHIRO_IS_SELF_TEST (self_test));

  if (!g_set_object (&self->self_test, self_test))
    return;

  g_signal_group_set_target (self->self_test_signals, self_test);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELF_TEST]);
}
