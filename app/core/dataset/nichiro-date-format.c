/* nichiro-date-format.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-date"

#include "config.h"

#include "nichiro-date-private.h"

#include <glib/gi18n.h>

/* Dates written for people, in the interface's language: a year, a month
 * and year, a day; with abbreviated months; an Old Style day beside the
 * New Style one. */

/* Static data */

/* Month names come in four sets because some languages decline them: the
 * month of a day ("5 сентября 1905", genitive in Russian), a month on its
 * own ("сентябрь 1905"), and the abbreviation of each ("5 сент. 1905",
 * "Сент. 1905"). */
static const char * const month_long[12] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

static const char * const month_standalone[12] = {
  NC_("standalone month", "January"), NC_("standalone month", "February"),
  NC_("standalone month", "March"), NC_("standalone month", "April"),
  NC_("standalone month", "May"), NC_("standalone month", "June"),
  NC_("standalone month", "July"), NC_("standalone month", "August"),
  NC_("standalone month", "September"), NC_("standalone month", "October"),
  NC_("standalone month", "November"), NC_("standalone month", "December"),
};

static const char * const month_short[12] = {
  NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
  NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
  NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
  NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
  NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
  NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
};

static const char * const month_short_standalone[12] = {
  NC_("abbreviated standalone month", "Jan"), NC_("abbreviated standalone month", "Feb"),
  NC_("abbreviated standalone month", "Mar"), NC_("abbreviated standalone month", "Apr"),
  NC_("abbreviated standalone month", "May"), NC_("abbreviated standalone month", "Jun"),
  NC_("abbreviated standalone month", "Jul"), NC_("abbreviated standalone month", "Aug"),
  NC_("abbreviated standalone month", "Sep"), NC_("abbreviated standalone month", "Oct"),
  NC_("abbreviated standalone month", "Nov"), NC_("abbreviated standalone month", "Dec"),
};

/* Helpers */

static const char *
month_name (const NichiroDate *date,
            gboolean           abbreviated,
            gboolean           with_day)
{
  if (abbreviated && with_day)
    return g_dpgettext2 (NULL, "abbreviated month", month_short[date->month - 1]);
  if (abbreviated)
    return g_dpgettext2 (NULL, "abbreviated standalone month", month_short_standalone[date->month - 1]);
  if (with_day)
    return g_dpgettext2 (NULL, "month", month_long[date->month - 1]);

  return g_dpgettext2 (NULL, "standalone month", month_standalone[date->month - 1]);
}

/* Formatting accepts Old Style dates too (1900-02-29): Julian month
 * lengths are never shorter than Gregorian ones. */
static char *
format_human (const NichiroDate *date,
              gboolean           abbreviated)
{
  if (!_nichiro_date_is_valid_in (date, TRUE))
    return NULL;

  switch (date->precision)
    {
    case NICHIRO_DATE_PRECISION_YEAR:
      /* Translators: a date that is only a year, such as "1905" */
      return g_strdup_printf (C_("date", "%d"), date->year);

    case NICHIRO_DATE_PRECISION_MONTH:
      /* Translators: a month and year, such as "September 1905": %1$s is
       * the month (from the "standalone month" names), %2$d the year */
      return g_strdup_printf (C_("date", "%1$s %2$d"),
                              month_name (date, abbreviated, FALSE), date->year);

    case NICHIRO_DATE_PRECISION_DAY:
      /* Translators: a day, such as "5 September 1905": %1$d is the day,
       * %2$s the month (from the "month" names), %3$d the year */
      return g_strdup_printf (C_("date", "%1$d %2$s %3$d"),
                              date->day, month_name (date, abbreviated, TRUE), date->year);

    case NICHIRO_DATE_PRECISION_NONE:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/* Public API */

/**
 * nichiro_date_format:
 * @date: a date
 *
 * Formats @date for people: `1905`, `September 1905`, `5 September 1905`.
 * Like nichiro_date_to_iso(), it accepts Old Style dates.
 *
 * Returns: (transfer full) (nullable): the string, or %NULL if @date is
 *   unset or invalid in both calendars
 */
char *
nichiro_date_format (const NichiroDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return format_human (date, FALSE);
}

/**
 * nichiro_date_format_short:
 * @date: a date
 *
 * Like nichiro_date_format() with abbreviated months: `Sep 1905`,
 * `5 Sep 1905`.
 *
 * Returns: (transfer full) (nullable): the string, or %NULL if @date is
 *   unset or invalid in both calendars
 */
char *
nichiro_date_format_short (const NichiroDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  return format_human (date, TRUE);
}

/**
 * nichiro_date_format_old_style:
 * @old_style: a Julian calendar date of day precision
 * @new_style: (nullable): the Gregorian date it accompanies
 *
 * Formats an Old Style date the way it is written next to the New Style
 * one: `23 August O.S.` when the years agree, `19 December 1904 O.S.` when
 * they differ or @new_style is %NULL or unset.
 *
 * Returns: (transfer full) (nullable): the string, or %NULL if @old_style
 *   is not a valid Julian date of day precision
 */
char *
nichiro_date_format_old_style (const NichiroDate *old_style,
                               const NichiroDate *new_style)
{
  const char *month;

  g_return_val_if_fail (old_style != NULL, NULL);

  if (old_style->precision != NICHIRO_DATE_PRECISION_DAY || !_nichiro_date_is_valid_in (old_style, TRUE))
    return NULL;

  month = month_name (old_style, FALSE, TRUE);

  if (new_style != NULL &&
      nichiro_date_is_set (new_style) &&
      new_style->year == old_style->year)
    /* Translators: an Old Style (Julian calendar) day written next to the
     * New Style date of the same year, such as "23 August O.S.": %1$d is
     * the day, %2$s the month (from the "month" names) */
    return g_strdup_printf (C_("date", "%1$d %2$s O.S."), old_style->day, month);

  /* Translators: an Old Style (Julian calendar) day, such as
   * "19 December 1904 O.S.": %1$d is the day, %2$s the month (from the
   * "month" names), %3$d the year */
  return g_strdup_printf (C_("date", "%1$d %2$s %3$d O.S."), old_style->day, month, old_style->year);
}
