/* nichiro-date.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-date"

#include "config.h"

#include "nichiro-date-private.h"

#include <string.h>

/* NichiroDate is a day, month or year in the Gregorian calendar. It is one
 * type in several files, by concern, that share nichiro-date-private.h.
 * This one holds the calendars: parsing, checking and comparing dates,
 * Julian day numbers, ISO 8601, and Russia's Old Style (Julian) dates;
 * then
 *   -format.c  a date written for people: the month names, a year, month
 *              or day, abbreviated, an Old Style day beside the New Style
 *   -era.c     the Japanese eras: their tables, lunisolar years, the era
 *              of a day, month or year, writing it in three scripts */

/* Helpers */

static gboolean
is_leap_year (int      year,
              gboolean julian)
{
  if (julian)
    return year % 4 == 0;

  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month (int      year,
               int      month,
               gboolean julian)
{
  static const int lengths[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (month < 1 || month > 12)
    return 0;

  if (month == 2 && is_leap_year (year, julian))
    return 29;

  return lengths[month - 1];
}

/* Checks fields against precision; @julian selects the month lengths. */
gboolean
_nichiro_date_is_valid_in (const NichiroDate *date,
                           gboolean           julian)
{
  if (date->year < 1 || date->year > 9999)
    return FALSE;

  switch (date->precision)
    {
    case NICHIRO_DATE_PRECISION_YEAR:
      return date->month == 0 && date->day == 0;

    case NICHIRO_DATE_PRECISION_MONTH:
      return date->month >= 1 && date->month <= 12 && date->day == 0;

    case NICHIRO_DATE_PRECISION_DAY:
      return date->month >= 1 && date->month <= 12 &&
             date->day >= 1 && date->day <= days_in_month (date->year, date->month, julian);

    case NICHIRO_DATE_PRECISION_NONE:
    default:
      return FALSE;
    }
}

/* Fliegel & Van Flandern style conversions, counting from March so that the
 * leap day is the last day of the year. Valid for every JDN >= 0, which
 * covers years 1 to 9999 of both calendars. */
gint64
_nichiro_date_gregorian_to_jdn (gint64 year,
                                gint64 month,
                                gint64 day)
{
  gint64 a = (14 - month) / 12;
  gint64 y = year + 4800 - a;
  gint64 m = month + 12 * a - 3;

  return day + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045;
}

static gint64
julian_to_jdn (gint64 year,
               gint64 month,
               gint64 day)
{
  gint64 a = (14 - month) / 12;
  gint64 y = year + 4800 - a;
  gint64 m = month + 12 * a - 3;

  return day + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
}

static void
jdn_to_gregorian (gint64  jdn,
                  int    *out_year,
                  int    *out_month,
                  int    *out_day)
{
  gint64 a = jdn + 32044;
  gint64 b = (4 * a + 3) / 146097;
  gint64 c = a - 146097 * b / 4;
  gint64 d = (4 * c + 3) / 1461;
  gint64 e = c - 1461 * d / 4;
  gint64 m = (5 * e + 2) / 153;

  *out_day = (int) (e - (153 * m + 2) / 5 + 1);
  *out_month = (int) (m + 3 - 12 * (m / 10));
  *out_year = (int) (100 * b + d - 4800 + m / 10);
}

static void
jdn_to_julian (gint64  jdn,
               int    *out_year,
               int    *out_month,
               int    *out_day)
{
  gint64 c = jdn + 32082;
  gint64 d = (4 * c + 3) / 1461;
  gint64 e = c - 1461 * d / 4;
  gint64 m = (5 * e + 2) / 153;

  *out_day = (int) (e - (153 * m + 2) / 5 + 1);
  *out_month = (int) (m + 3 - 12 * (m / 10));
  *out_year = (int) (d - 4800 + m / 10);
}

static NichiroDate
make_day (int year,
          int month,
          int day)
{
  return (NichiroDate) { year, month, day, NICHIRO_DATE_PRECISION_DAY };
}

/* Returns NONE when the date falls outside years 1 to 9999. */
static NichiroDate
date_from_fields (int year,
                  int month,
                  int day)
{
  if (year < 1 || year > 9999)
    return NICHIRO_DATE_NONE;

  return make_day (year, month, day);
}

/* The first day of a valid date's period, as a JDN. */
static gint64
first_day_jdn (const NichiroDate *date)
{
  int month = date->precision >= NICHIRO_DATE_PRECISION_MONTH ? date->month : 1;
  int day = date->precision >= NICHIRO_DATE_PRECISION_DAY ? date->day : 1;

  return _nichiro_date_gregorian_to_jdn (date->year, month, day);
}

/* How many days the Julian calendar lags behind the Gregorian one on the
 * given Julian calendar date. The lag grows on each Julian 29 February of a
 * century year that is not a Gregorian leap year, so that day already
 * counts with the new lag. */
static int
julian_lag (int julian_year,
            int julian_month,
            int julian_day)
{
  int y = julian_year;

  if (julian_month < 2 || (julian_month == 2 && julian_day < 29))
    y--;

  return y / 100 - y / 400 - 2;
}

static gboolean
parse_digits (const char *text,
              gsize       n_digits,
              int        *out_value)
{
  int value = 0;

  for (gsize i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + g_ascii_digit_value (text[i]);
    }

  *out_value = value;
  return TRUE;
}

/* Public API */

static gboolean
parse_date (const char  *text,
            gboolean     julian,
            NichiroDate *out_date)
{
  NichiroDate date = NICHIRO_DATE_NONE;
  gsize len;
  int year = 0;
  int month = 0;
  int day = 0;

  g_return_val_if_fail (out_date != NULL, FALSE);

  *out_date = NICHIRO_DATE_NONE;

  g_return_val_if_fail (text != NULL, FALSE);

  len = strlen (text);

  switch (len)
    {
    case 10:
      if (text[7] != '-' || !parse_digits (text + 8, 2, &day))
        return FALSE;
      G_GNUC_FALLTHROUGH;

    case 7:
      if (text[4] != '-' || !parse_digits (text + 5, 2, &month))
        return FALSE;
      G_GNUC_FALLTHROUGH;

    case 4:
      if (!parse_digits (text, 4, &year))
        return FALSE;
      break;

    default:
      return FALSE;
    }

  date.year = year;
  date.month = month;
  date.day = day;
  date.precision = len == 10 ? NICHIRO_DATE_PRECISION_DAY :
                   len == 7 ? NICHIRO_DATE_PRECISION_MONTH :
                   NICHIRO_DATE_PRECISION_YEAR;

  if (!_nichiro_date_is_valid_in (&date, julian))
    return FALSE;

  *out_date = date;
  return TRUE;
}

/**
 * nichiro_date_parse:
 * @text: an ISO 8601 calendar date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
 * @out_date: (out): return location for the date
 *
 * Parses a Gregorian date of year, month or day precision. The year has
 * exactly four digits (0001 to 9999), the month and day exactly two, and the
 * day must exist in that month. Nothing else is accepted: no whitespace,
 * signs, or other separators.
 *
 * Returns: %TRUE on success; on failure @out_date is set to
 *   %NICHIRO_DATE_NONE
 */
gboolean
nichiro_date_parse (const char  *text,
                    NichiroDate *out_date)
{
  return parse_date (text, FALSE, out_date);
}

/**
 * nichiro_date_parse_old_style:
 * @text: an Old Style date written YYYY, YYYY-MM or YYYY-MM-DD
 * @out_date: (out): the date, in the Julian calendar
 *
 * Like nichiro_date_parse(), but the day is checked against the Julian
 * calendar, where 1900-02-29 exists.
 *
 * Returns: %TRUE if @text is a valid Julian date
 */
gboolean
nichiro_date_parse_old_style (const char  *text,
                              NichiroDate *out_date)
{
  return parse_date (text, TRUE, out_date);
}

/**
 * nichiro_date_is_valid:
 * @date: a date
 *
 * Checks that @date is a real Gregorian date: the year is 1 to 9999, the
 * fields below the precision are 0 and those within it are in range.
 * %NICHIRO_DATE_NONE is not valid.
 *
 * Returns: %TRUE if @date is valid
 */
gboolean
nichiro_date_is_valid (const NichiroDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return _nichiro_date_is_valid_in (date, FALSE);
}

/**
 * nichiro_date_is_set:
 * @date: a date
 *
 * Returns: %TRUE unless @date has %NICHIRO_DATE_PRECISION_NONE
 */
gboolean
nichiro_date_is_set (const NichiroDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  return date->precision != NICHIRO_DATE_PRECISION_NONE;
}

/**
 * nichiro_date_compare:
 * @a: a date
 * @b: another date
 *
 * A total order for sorting: by year, then month, then day, a missing month
 * or day counting as 0. So `1905` < `1905-01` < `1905-01-01` < `1905-09-05`.
 * Unset dates sort before all others.
 *
 * Returns: negative if @a sorts before @b, 0 if equal, positive if after
 */
int
nichiro_date_compare (const NichiroDate *a,
                      const NichiroDate *b)
{
  int a_month, b_month, a_day, b_day;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  if (a->precision == NICHIRO_DATE_PRECISION_NONE ||
      b->precision == NICHIRO_DATE_PRECISION_NONE)
    return (b->precision == NICHIRO_DATE_PRECISION_NONE) -
           (a->precision == NICHIRO_DATE_PRECISION_NONE);

  if (a->year != b->year)
    return a->year < b->year ? -1 : 1;

  a_month = a->precision >= NICHIRO_DATE_PRECISION_MONTH ? a->month : 0;
  b_month = b->precision >= NICHIRO_DATE_PRECISION_MONTH ? b->month : 0;
  if (a_month != b_month)
    return a_month < b_month ? -1 : 1;

  a_day = a->precision >= NICHIRO_DATE_PRECISION_DAY ? a->day : 0;
  b_day = b->precision >= NICHIRO_DATE_PRECISION_DAY ? b->day : 0;
  if (a_day != b_day)
    return a_day < b_day ? -1 : 1;

  /* Only reachable for malformed dates (say month 0 at month precision);
   * keeps the order total. */
  if (a->precision != b->precision)
    return a->precision < b->precision ? -1 : 1;

  return 0;
}

/**
 * nichiro_date_make:
 * @year: the year
 * @month: the month, or 0 for a date of year precision
 * @day: the day, or 0 for a date of month precision
 *
 * Builds a date whose precision follows from the parts given: @month 0
 * gives year precision (and @day is ignored), @day 0 month precision,
 * otherwise day precision. All three 0 gives %NICHIRO_DATE_NONE.
 *
 * The result is not validated; use nichiro_date_is_valid(). Parts too large
 * for the structure are stored as values that it rejects rather than being
 * truncated into valid ones.
 *
 * Returns: the date
 */
NichiroDate
nichiro_date_make (int year,
                   int month,
                   int day)
{
  NichiroDate date = NICHIRO_DATE_NONE;

  if (year == 0 && month == 0 && day == 0)
    return date;

  date.year = CLAMP (year, G_MININT16, G_MAXINT16);

  if (month == 0)
    {
      date.precision = NICHIRO_DATE_PRECISION_YEAR;
      return date;
    }

  date.month = (month < 0 || month > 12) ? G_MAXUINT8 : month;

  if (day == 0)
    {
      date.precision = NICHIRO_DATE_PRECISION_MONTH;
      return date;
    }

  date.day = (day < 0 || day > 31) ? G_MAXUINT8 : day;
  date.precision = NICHIRO_DATE_PRECISION_DAY;
  return date;
}

/**
 * nichiro_date_days_in_month:
 * @year: the year
 * @month: the month, 1 to 12
 * @julian: %TRUE for the Julian calendar (every fourth year is a leap
 *   year), %FALSE for the Gregorian one (1900 is not, 2000 is)
 *
 * Returns: the number of days in the month, or 0 if @month is out of range
 */
int
nichiro_date_days_in_month (int      year,
                            int      month,
                            gboolean julian)
{
  return days_in_month (year, month, julian);
}

/**
 * nichiro_date_to_julian_day:
 * @date: a Gregorian date
 *
 * Computes the Julian Day Number (the count of days since 1 January 4713 BC
 * in the proleptic Julian calendar; 2000-01-01 is 2451545) of @date, or of
 * the first day of its year or month for lower precisions.
 *
 * Returns: the Julian Day Number, or 0 if @date is not valid
 */
gint64
nichiro_date_to_julian_day (const NichiroDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  if (!_nichiro_date_is_valid_in (date, FALSE))
    return 0;

  return first_day_jdn (date);
}

/**
 * nichiro_date_from_julian_day:
 * @jdn: a Julian Day Number
 *
 * The inverse of nichiro_date_to_julian_day().
 *
 * Returns: the Gregorian date of day precision, or %NICHIRO_DATE_NONE when
 *   it would fall outside years 1 to 9999
 */
NichiroDate
nichiro_date_from_julian_day (gint64 jdn)
{
  int year, month, day;

  if (jdn < _nichiro_date_gregorian_to_jdn (1, 1, 1) || jdn > _nichiro_date_gregorian_to_jdn (9999, 12, 31))
    return NICHIRO_DATE_NONE;

  jdn_to_gregorian (jdn, &year, &month, &day);
  return make_day (year, month, day);
}

/**
 * nichiro_date_to_iso:
 * @date: a date
 *
 * Formats @date as ISO 8601: `1905`, `1905-09` or `1905-09-05`. Old Style
 * dates are accepted too, so 1900-02-29 (a Julian date only) is written.
 *
 * Returns: (transfer full) (nullable): the string, or %NULL if @date is
 *   unset or invalid in both calendars
 */
char *
nichiro_date_to_iso (const NichiroDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Julian month lengths, so that Old Style dates can be written too. */
  if (!_nichiro_date_is_valid_in (date, TRUE))
    return NULL;

  switch (date->precision)
    {
    case NICHIRO_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);

    case NICHIRO_DATE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);

    case NICHIRO_DATE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);

    case NICHIRO_DATE_PRECISION_NONE:
    default:
      g_assert_not_reached ();
    }

  return NULL;
}

/**
 * nichiro_date_julian_offset:
 * @date: a Gregorian date
 *
 * How many days the Julian calendar lags behind the Gregorian one on @date
 * (on the first day of its year or month for lower precisions): 10 until
 * Gregorian 1700-03-10, 11 from 1700-03-11 (Julian 1700-02-29), 12 from
 * 1800-03-12, 13 from 1900-03-13, 14 from 2100-03-14. Negative before
 * the third century.
 *
 * Returns: the lag in days, or 0 if @date is unset or invalid
 */
int
nichiro_date_julian_offset (const NichiroDate *date)
{
  int year, month, day;

  g_return_val_if_fail (date != NULL, 0);

  if (!_nichiro_date_is_valid_in (date, FALSE))
    return 0;

  jdn_to_julian (first_day_jdn (date), &year, &month, &day);
  return julian_lag (year, month, day);
}

/**
 * nichiro_date_to_old_style:
 * @date: a Gregorian date of day precision
 * @out_old_style: (out): return location for the same day in the Julian
 *   calendar
 *
 * Converts a New Style date to Old Style. The result is a Julian calendar
 * date, so it may be one nichiro_date_is_valid() rejects (1900-02-29).
 *
 * Returns: %TRUE on success; %FALSE (and @out_old_style set to
 *   %NICHIRO_DATE_NONE) if @date is not a valid date of day precision
 */
gboolean
nichiro_date_to_old_style (const NichiroDate *date,
                           NichiroDate       *out_old_style)
{
  int year, month, day;

  g_return_val_if_fail (out_old_style != NULL, FALSE);

  *out_old_style = NICHIRO_DATE_NONE;

  g_return_val_if_fail (date != NULL, FALSE);

  if (date->precision != NICHIRO_DATE_PRECISION_DAY || !_nichiro_date_is_valid_in (date, FALSE))
    return FALSE;

  jdn_to_julian (first_day_jdn (date), &year, &month, &day);
  *out_old_style = date_from_fields (year, month, day);
  return nichiro_date_is_set (out_old_style);
}

/**
 * nichiro_date_from_old_style:
 * @old_style: a Julian calendar date of day precision (checked against
 *   Julian month lengths, so 1900-02-29 is accepted)
 * @out_date: (out): return location for the Gregorian date
 *
 * The inverse of nichiro_date_to_old_style().
 *
 * Returns: %TRUE on success; %FALSE (and @out_date set to
 *   %NICHIRO_DATE_NONE) if @old_style is not a valid Julian date of day
 *   precision or the result falls outside years 1 to 9999
 */
gboolean
nichiro_date_from_old_style (const NichiroDate *old_style,
                             NichiroDate       *out_date)
{
  int year, month, day;

  g_return_val_if_fail (out_date != NULL, FALSE);

  *out_date = NICHIRO_DATE_NONE;

  g_return_val_if_fail (old_style != NULL, FALSE);

  if (old_style->precision != NICHIRO_DATE_PRECISION_DAY || !_nichiro_date_is_valid_in (old_style, TRUE))
    return FALSE;

  jdn_to_gregorian (julian_to_jdn (old_style->year, old_style->month, old_style->day),
                    &year, &month, &day);
  *out_date = date_from_fields (year, month, day);
  return nichiro_date_is_set (out_date);
}

/**
 * nichiro_date_russia_uses_julian:
 * @date: a Gregorian date
 *
 * Whether Russia still used the Julian calendar on @date, that is whether
 * it is before 14 February 1918. A month counts only if all of it is
 * before, so 1918-01 is %TRUE and 1918-02 (which straddles the change) is
 * %FALSE; a year counts if it is before 1918.
 *
 * Returns: %TRUE if Russia used the Julian calendar; %FALSE otherwise and
 *   for unset or invalid dates
 */
gboolean
nichiro_date_russia_uses_julian (const NichiroDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);

  if (!_nichiro_date_is_valid_in (date, FALSE))
    return FALSE;

  if (date->year != NICHIRO_RUSSIA_GREGORIAN_YEAR)
    return date->year < NICHIRO_RUSSIA_GREGORIAN_YEAR;

  switch (date->precision)
    {
    case NICHIRO_DATE_PRECISION_MONTH:
      return date->month < NICHIRO_RUSSIA_GREGORIAN_MONTH;

    case NICHIRO_DATE_PRECISION_DAY:
      return date->month < NICHIRO_RUSSIA_GREGORIAN_MONTH ||
             (date->month == NICHIRO_RUSSIA_GREGORIAN_MONTH &&
              date->day < NICHIRO_RUSSIA_GREGORIAN_DAY);

    case NICHIRO_DATE_PRECISION_YEAR:
    case NICHIRO_DATE_PRECISION_NONE:
    default:
      return FALSE;
    }
}
