/* nichiro-timeline-ticks.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-ticks"

#include "config.h"

#include "nichiro-timeline-ticks.h"

#include <math.h>
#include <string.h>

/* The axis under the timeline: the unit it is labelled in at a zoom (days,
 * months, years, decades…), the ticks and labels in view, finer unlabelled
 * ticks where they fit, and a second row naming the month or year that
 * days and months belong to. Computed per frame from the view alone: it
 * needs neither the model nor a layout. */

typedef enum
{
  STEP_DAYS,
  STEP_MONTHS,
  STEP_YEARS,
} StepKind;

static const struct
{
  StepKind kind;
  int step;
  /* The shortest distance between two ticks, in days. */
  double min_days;
  /* Labelled in the middle of the day, month or year rather than on the
   * line that starts it. */
  gboolean label_cell;
} units[NICHIRO_TIMELINE_N_UNITS] = {
  [NICHIRO_TIMELINE_UNIT_DAY] = { STEP_DAYS, 1, 1, TRUE },
  /* The 26th to the 1st of March in a common year. */
  [NICHIRO_TIMELINE_UNIT_5_DAYS] = { STEP_DAYS, 5, 3, FALSE },
  [NICHIRO_TIMELINE_UNIT_10_DAYS] = { STEP_DAYS, 10, 8, FALSE },
  [NICHIRO_TIMELINE_UNIT_MONTH] = { STEP_MONTHS, 1, 28, TRUE },
  [NICHIRO_TIMELINE_UNIT_QUARTER] = { STEP_MONTHS, 3, 90, FALSE },
  [NICHIRO_TIMELINE_UNIT_YEAR] = { STEP_YEARS, 1, 365, TRUE },
  [NICHIRO_TIMELINE_UNIT_2_YEARS] = { STEP_YEARS, 2, 730, FALSE },
  [NICHIRO_TIMELINE_UNIT_5_YEARS] = { STEP_YEARS, 5, 1826, FALSE },
  [NICHIRO_TIMELINE_UNIT_DECADE] = { STEP_YEARS, 10, 3652, FALSE },
  [NICHIRO_TIMELINE_UNIT_20_YEARS] = { STEP_YEARS, 20, 7304, FALSE },
  [NICHIRO_TIMELINE_UNIT_50_YEARS] = { STEP_YEARS, 50, 18262, FALSE },
  [NICHIRO_TIMELINE_UNIT_CENTURY] = { STEP_YEARS, 100, 36524, FALSE },
  [NICHIRO_TIMELINE_UNIT_200_YEARS] = { STEP_YEARS, 200, 73048, FALSE },
  [NICHIRO_TIMELINE_UNIT_500_YEARS] = { STEP_YEARS, 500, 182621, FALSE },
};

/* Helpers: ticks */

static NichiroDate
day_date (gint64 jdn)
{
  return nichiro_date_from_julian_day (jdn);
}

static double
month_time (int year,
            int month)
{
  NichiroDate date;

  /* Months are counted on past December and back before January. */
  year += (month - 1 >= 0 ? (month - 1) / 12 : -((12 - month) / 12));
  month = ((month - 1) % 12 + 12) % 12 + 1;

  if (year < 1 || year > 9999)
    return NAN;

  date = (NichiroDate) { year, month, 0, NICHIRO_DATE_PRECISION_MONTH };
  return nichiro_date_to_julian_day (&date);
}

static double
year_time (int year)
{
  NichiroDate date = { year, 0, 0, NICHIRO_DATE_PRECISION_YEAR };

  if (year < 1 || year > 9999)
    return NAN;
  return nichiro_date_to_julian_day (&date);
}

/* Month names come from the date formatter, so that they read as they do
 * everywhere else: "Aug" out of "Aug 1945". */
static void
month_label (int    year,
             int    month,
             char  *out,
             gsize  size)
{
  NichiroDate date = { year, month, 0, NICHIRO_DATE_PRECISION_MONTH };
  g_autofree char *text = nichiro_date_format_short (&date);
  const char *space = text ? strchr (text, ' ') : NULL;

  if (text == NULL)
    {
      out[0] = '\0';
      return;
    }

  g_strlcpy (out, text, MIN (size, space ? (gsize) (space - text) + 1 : size));
}

static void
month_context_label (int    year,
                     int    month,
                     char  *out,
                     gsize  size)
{
  NichiroDate date = { year, month, 0, NICHIRO_DATE_PRECISION_MONTH };
  g_autofree char *text = nichiro_date_format (&date);

  g_strlcpy (out, text ? text : "", size);
}

static double
widest (const char * const         *texts,
        guint                       n_texts,
        NichiroTimelineMeasureFunc  measure,
        gpointer                    user_data)
{
  double width = 0;

  for (guint i = 0; i < n_texts; i++)
    width = MAX (width, measure (texts[i], user_data));

  return width;
}

/* The widest label @unit can have. */
static double
unit_label_width (NichiroTimelineUnit         unit,
                  NichiroTimelineMeasureFunc  measure,
                  gpointer                    user_data)
{
  switch (units[unit].kind)
    {
    case STEP_DAYS:
      {
        static const char * const days[] = {
          "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
          "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31",
        };

        return widest (days, G_N_ELEMENTS (days), measure, user_data);
      }

    case STEP_MONTHS:
      {
        char names[12][40];
        const char *texts[12];

        for (int m = 0; m < 12; m++)
          {
            month_label (2000, m + 1, names[m], sizeof names[m]);
            texts[m] = names[m];
          }
        return widest (texts, 12, measure, user_data);
      }

    case STEP_YEARS:
    default:
      {
        /* Years have up to four digits: four of the widest digit. */
        static const char * const digits[] = {
          "0000", "1111", "2222", "3333", "4444", "5555", "6666", "7777", "8888", "9999",
        };

        return widest (digits, G_N_ELEMENTS (digits), measure, user_data);
      }
    }
}

/**
 * nichiro_timeline_unit_get_days:
 * @unit: a unit
 *
 * Returns: about how many days @unit lasts
 */
double
nichiro_timeline_unit_get_days (NichiroTimelineUnit unit)
{
  g_return_val_if_fail (unit < NICHIRO_TIMELINE_N_UNITS, 1);

  switch (units[unit].kind)
    {
    case STEP_DAYS:
      return units[unit].step;
    case STEP_MONTHS:
      return units[unit].step * 365.2425 / 12;
    case STEP_YEARS:
    default:
      return units[unit].step * 365.2425;
    }
}

/**
 * nichiro_timeline_choose_unit:
 * @scale: pixels per day
 * @min_gap: the least space between two labels
 * @measure: (scope call): gives the width of a label
 * @user_data: data for @measure
 *
 * Returns: the finest unit whose labels, each at its widest, fit between
 *   its ticks at their closest; the coarsest when none does
 */
NichiroTimelineUnit
nichiro_timeline_choose_unit (double                      scale,
                              double                      min_gap,
                              NichiroTimelineMeasureFunc  measure,
                              gpointer                    user_data)
{
  double widths[3] = { -1, -1, -1 };

  g_return_val_if_fail (measure != NULL, NICHIRO_TIMELINE_UNIT_YEAR);

  for (NichiroTimelineUnit unit = 0; unit < NICHIRO_TIMELINE_N_UNITS; unit++)
    {
      StepKind kind = units[unit].kind;

      if (widths[kind] < 0)
        widths[kind] = unit_label_width (unit, measure, user_data);

      if (units[unit].min_days * scale >= widths[kind] + min_gap)
        return unit;
    }

  return NICHIRO_TIMELINE_N_UNITS - 1;
}

/* The unit whose starts are marked by longer lines among @unit's. */
static NichiroTimelineUnit
major_unit (NichiroTimelineUnit unit)
{
  switch (unit)
    {
    case NICHIRO_TIMELINE_UNIT_DAY:
    case NICHIRO_TIMELINE_UNIT_5_DAYS:
    case NICHIRO_TIMELINE_UNIT_10_DAYS:
      return NICHIRO_TIMELINE_UNIT_MONTH;
    case NICHIRO_TIMELINE_UNIT_MONTH:
    case NICHIRO_TIMELINE_UNIT_QUARTER:
      return NICHIRO_TIMELINE_UNIT_YEAR;
    case NICHIRO_TIMELINE_UNIT_YEAR:
    case NICHIRO_TIMELINE_UNIT_2_YEARS:
    case NICHIRO_TIMELINE_UNIT_5_YEARS:
      return NICHIRO_TIMELINE_UNIT_DECADE;
    case NICHIRO_TIMELINE_UNIT_DECADE:
    case NICHIRO_TIMELINE_UNIT_20_YEARS:
    case NICHIRO_TIMELINE_UNIT_50_YEARS:
      return NICHIRO_TIMELINE_UNIT_CENTURY;
    case NICHIRO_TIMELINE_UNIT_CENTURY:
    case NICHIRO_TIMELINE_UNIT_200_YEARS:
    case NICHIRO_TIMELINE_UNIT_500_YEARS:
    case NICHIRO_TIMELINE_N_UNITS:
    default:
      return NICHIRO_TIMELINE_UNIT_500_YEARS;
    }
}

typedef void (*BoundaryFunc) (double      time,
                              double      next,
                              int         year,
                              int         month,
                              int         day,
                              gpointer    user_data);

/* Calls @func for each start of @unit from before @from to after @to, with
 * the start of the following one. */
static void
foreach_boundary (NichiroTimelineUnit  unit,
                  double               from,
                  double               to,
                  BoundaryFunc         func,
                  gpointer             user_data)
{
  int step = units[unit].step;
  NichiroDate first = nichiro_timeline_time_to_date (MAX (from, year_time (1)));

  if (first.precision == NICHIRO_DATE_PRECISION_NONE)
    return;

  switch (units[unit].kind)
    {
    case STEP_DAYS:
      for (gint64 d = (gint64) floor (from) - step; d <= (gint64) ceil (to) + step; d++)
        {
          NichiroDate date = day_date (d);
          gint64 next;

          if (date.precision == NICHIRO_DATE_PRECISION_NONE ||
              (date.day - 1) % step != 0 || date.day + step > 32)
            continue;

          /* The next labelled day: step days on, or the 1st of the next
           * month when the month ends first. */
          next = d + step;
          if (date.day + 2 * step > 32 || date.day + step > nichiro_date_days_in_month (date.year, date.month, FALSE))
            next = d + nichiro_date_days_in_month (date.year, date.month, FALSE) - date.day + 1;
          func (d, next, date.year, date.month, date.day, user_data);
        }
      break;

    case STEP_MONTHS:
      {
        int year = first.year;
        int month = ((first.month - 1) / step) * step + 1 - step;

        for (;;)
          {
            double time = month_time (year, month);
            double next = month_time (year, month + step);
            int y = year, m = month;

            while (m < 1)
              {
                m += 12;
                y--;
              }
            if (!isnan (time) && !isnan (next))
              func (time, next, y, m, 1, user_data);
            if ((!isnan (time) && time > to) || year > 9999)
              break;
            month += step;
            while (month > 12)
              {
                month -= 12;
                year++;
              }
          }
      }
      break;

    case STEP_YEARS:
    default:
      {
        int year = (first.year / step) * step - step;

        for (; year <= 9999; year += step)
          {
            double time = year_time (year);
            double next = year_time (year + step);

            if (!isnan (time) && !isnan (next))
              func (time, next, year, 1, 1, user_data);
            if (!isnan (time) && time > to)
              break;
          }
      }
      break;
    }
}

typedef struct
{
  NichiroTimelineTicks *ticks;
  const NichiroTimelineView *view;
  double width;
  double min_gap;
  NichiroTimelineUnit unit;
  guint level;
  NichiroTimelineMeasureFunc measure;
  gpointer user_data;
} TickContext;

static gboolean
starts_major (NichiroTimelineUnit unit,
              int                 year,
              int                 month,
              int                 day)
{
  NichiroTimelineUnit major = major_unit (unit);

  switch (units[major].kind)
    {
    case STEP_MONTHS:
      return day == 1 && (month - 1) % units[major].step == 0;
    case STEP_YEARS:
      return day == 1 && month == 1 && year % units[major].step == 0;
    case STEP_DAYS:
    default:
      return FALSE;
    }
}

static void
add_line_cb (double   time,
             double   next,
             int      year,
             int      month,
             int      day,
             gpointer user_data)
{
  TickContext *context = user_data;
  NichiroTimelineTickLine line;

  line.x = nichiro_timeline_view_time_to_x (context->view, time);
  if (line.x < -1 || line.x > context->width + 1)
    return;

  line.level = context->level;
  if (context->level == 1 && starts_major (context->unit, year, month, day))
    line.level = 2;
  g_array_append_val (context->ticks->lines, line);
}

static void
add_label_cb (double   time,
              double   next,
              int      year,
              int      month,
              int      day,
              gpointer user_data)
{
  TickContext *context = user_data;
  NichiroTimelineLabel label = { 0, };
  double centre;

  switch (units[context->unit].kind)
    {
    case STEP_DAYS:
      g_snprintf (label.text, sizeof label.text, "%d", day);
      break;
    case STEP_MONTHS:
      month_label (year, month, label.text, sizeof label.text);
      break;
    case STEP_YEARS:
    default:
      g_snprintf (label.text, sizeof label.text, "%d", year);
      break;
    }

  label.time = time;
  label.width = context->measure (label.text, context->user_data);
  centre = units[context->unit].label_cell ? (time + next) / 2 : time;
  label.x = nichiro_timeline_view_time_to_x (context->view, centre) - label.width / 2;

  if (label.x + label.width < 0 || label.x > context->width)
    return;

  /* Never reached when the unit was chosen for these widths; kept so that
   * labels cannot collide whatever the measure says. */
  if (context->ticks->labels->len > 0)
    {
      const NichiroTimelineLabel *previous =
        &g_array_index (context->ticks->labels, NichiroTimelineLabel, context->ticks->labels->len - 1);

      if (label.x < previous->x + previous->width + context->min_gap)
        return;
    }

  g_array_append_val (context->ticks->labels, label);
}

static void
add_context_cb (double   time,
                double   next,
                int      year,
                int      month,
                int      day,
                gpointer user_data)
{
  TickContext *context = user_data;
  NichiroTimelineLabel label = { 0, };

  if (units[major_unit (context->unit)].kind == STEP_MONTHS)
    month_context_label (year, month, label.text, sizeof label.text);
  else
    g_snprintf (label.text, sizeof label.text, "%d", year);

  label.time = time;
  label.width = context->measure (label.text, context->user_data);
  label.x = nichiro_timeline_view_time_to_x (context->view, time) + context->min_gap / 2;
  if (nichiro_timeline_view_time_to_x (context->view, next) <= 0 || label.x > context->width)
    return;

  g_array_append_val (context->ticks->context, label);
}

/**
 * nichiro_timeline_ticks_new:
 * @view: where the view is
 * @width: its width
 * @min_gap: the least space between two labels
 * @measure: (scope call): gives the width of a label
 * @user_data: data for @measure
 *
 * Chooses the unit for @view's zoom with nichiro_timeline_choose_unit()
 * and lists its ticks and labels in view, with finer unlabelled ticks when
 * they are at least 6 pixels apart. Below days and months, a second row
 * names the month or year they belong to; its first label stays in view,
 * pushed aside by the next one as the view pans.
 *
 * Returns: (transfer full): the ticks
 */
NichiroTimelineTicks *
nichiro_timeline_ticks_new (const NichiroTimelineView  *view,
                            double                      width,
                            double                      min_gap,
                            NichiroTimelineMeasureFunc  measure,
                            gpointer                    user_data)
{
  NichiroTimelineTicks *ticks;
  TickContext context = { NULL, view, width, min_gap, 0, 0, measure, user_data };
  double from, to;
  static const NichiroTimelineUnit sub_units[] = {
    NICHIRO_TIMELINE_UNIT_DAY,
    NICHIRO_TIMELINE_UNIT_MONTH,
    NICHIRO_TIMELINE_UNIT_YEAR,
    NICHIRO_TIMELINE_UNIT_DECADE,
    NICHIRO_TIMELINE_UNIT_CENTURY,
  };

  g_return_val_if_fail (view != NULL && view->scale > 0, NULL);
  g_return_val_if_fail (measure != NULL, NULL);

  ticks = g_new0 (NichiroTimelineTicks, 1);
  ticks->lines = g_array_new (FALSE, FALSE, sizeof (NichiroTimelineTickLine));
  ticks->labels = g_array_new (FALSE, FALSE, sizeof (NichiroTimelineLabel));
  ticks->context = g_array_new (FALSE, FALSE, sizeof (NichiroTimelineLabel));
  ticks->unit = nichiro_timeline_choose_unit (view->scale, min_gap, measure, user_data);
  context.ticks = ticks;
  context.unit = ticks->unit;

  from = view->start;
  to = view->start + width / view->scale;

  /* Unlabelled subdivisions: the finest that are not crowded. */
  for (guint i = 0; i < G_N_ELEMENTS (sub_units); i++)
    {
      NichiroTimelineUnit sub = sub_units[i];

      if (sub >= ticks->unit)
        break;
      if (units[sub].min_days * view->scale >= 6)
        {
          context.level = 0;
          foreach_boundary (sub, from, to, add_line_cb, &context);
          break;
        }
    }

  context.level = 1;
  foreach_boundary (ticks->unit, from, to, add_line_cb, &context);
  foreach_boundary (ticks->unit, from, to, add_label_cb, &context);

  if (units[ticks->unit].kind != STEP_YEARS)
    {
      NichiroTimelineUnit major = major_unit (ticks->unit);

      foreach_boundary (major, from, to, add_context_cb, &context);

      /* The first stays in view until the next pushes it out; any that
       * would still touch the one before is dropped. */
      for (guint i = 0; i < ticks->context->len; i++)
        {
          NichiroTimelineLabel *label = &g_array_index (ticks->context, NichiroTimelineLabel, i);

          if (i == 0)
            {
              label->x = MAX (label->x, min_gap / 2);
              if (ticks->context->len > 1)
                {
                  const NichiroTimelineLabel *next = &g_array_index (ticks->context, NichiroTimelineLabel, 1);

                  label->x = MIN (label->x, next->x - min_gap - label->width);
                }
            }
          else
            {
              const NichiroTimelineLabel *previous = &g_array_index (ticks->context, NichiroTimelineLabel, i - 1);

              if (label->x < previous->x + previous->width + min_gap)
                {
                  g_array_remove_index (ticks->context, i);
                  i--;
                }
            }
        }
    }

  return ticks;
}

void
nichiro_timeline_ticks_free (NichiroTimelineTicks *ticks)
{
  if (ticks == NULL)
    return;

  g_array_unref (ticks->lines);
  g_array_unref (ticks->labels);
  g_array_unref (ticks->context);
  g_free (ticks);
}
