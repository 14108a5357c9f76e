/* nichiro-date.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-date"

#include "config.h"

#include "nichiro-date.h"

#include <string.h>

#include <glib/gi18n.h>

/* Static data */

/* Every word shown to people lives here. The Japanese era suffixes below
 * are not translated: they are Japanese whatever the interface language is.
 * Month names come in three sets because some languages decline them: the
 * month of a day ("5 сентября 1905", genitive in Russian), a month on its
 * own ("сентябрь 1905") and the abbreviation. */
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

/* Romaji era names are the same in every language, and the command line's
 * JSON output carries them, so their one word stays English. */
#define ROMAJI_CIRCA "c."

/* Russian texts write "ок." for circa. */
#define CYRILLIC_CIRCA "ок."

#define KANJI_YEAR       "年"
#define KANJI_FIRST_YEAR "元年"
#define KANJI_CIRCA      "頃"

/* Japan adopted the Gregorian calendar on 1 January of this year (Meiji
 * 6-01-01); before, era years counted lunisolar years. */
#define JAPAN_GREGORIAN_YEAR 1873

typedef struct
{
  const char *romaji;
  const char *kanji;
  /* In Russian, in the Polivanov transcription Russian references use. */
  const char *cyrillic;
  /* The Gregorian date the era name was proclaimed. */
  gint16      year;
  guint8      month;
  guint8      day;
  /* The year that is year 1 of the era: before 1873 the lunisolar year of
   * the proclamation, named by the Gregorian year in which that lunisolar
   * year began. It differs from @year when the proclamation fell in
   * January, before the lunisolar new year (Tenpō, Kōka, Ansei). */
  gint16      first_year;
} JapaneseEra;

/* Proclamation dates as given in the Japanese Wikipedia article of each era
 * (lunisolar date with its Gregorian equivalent), cross-checked against
 * gengou.jpn.com and kotobank.jp. Meiji starts at the lunisolar new year of
 * 1868 because its proclamation (1868-10-23) applied it retroactively to
 * the whole of Keiō 4. */
static const JapaneseEra japanese_eras[] = {
  { "Genroku", "元禄", "Гэнроку",   1688, 10, 23, 1688 }, /* Jōkyō 5-09-30 */
  { "Hōei",    "宝永", "Хоэй",      1704,  4, 16, 1704 }, /* Genroku 17-03-13 */
  { "Shōtoku", "正徳", "Сётоку",    1711,  6, 11, 1711 }, /* Hōei 8-04-25 */
  { "Kyōhō",   "享保", "Кёхо",      1716,  8,  9, 1716 }, /* Shōtoku 6-06-22 */
  { "Genbun",  "元文", "Гэмбун",    1736,  6,  7, 1736 }, /* Kyōhō 21-04-28 */
  { "Kanpō",   "寛保", "Кампо",     1741,  4, 12, 1741 }, /* Genbun 6-02-27 */
  { "Enkyō",   "延享", "Энкё",      1744,  4,  3, 1744 }, /* Kanpō 4-02-21 */
  { "Kan'en",  "寛延", "Канъэн",    1748,  8,  5, 1748 }, /* Enkyō 5-07-12 */
  { "Hōreki",  "宝暦", "Хорэки",    1751, 12, 14, 1751 }, /* Kan'en 4-10-27 */
  { "Meiwa",   "明和", "Мэйва",     1764,  6, 30, 1764 }, /* Hōreki 14-06-02 */
  { "An'ei",   "安永", "Анъэй",     1772, 12, 10, 1772 }, /* Meiwa 9-11-16 */
  { "Tenmei",  "天明", "Тэммэй",    1781,  4, 25, 1781 }, /* An'ei 10-04-02 */
  { "Kansei",  "寛政", "Кансэй",    1789,  2, 19, 1789 }, /* Tenmei 9-01-25 */
  { "Kyōwa",   "享和", "Кёва",      1801,  3, 19, 1801 }, /* Kansei 13-02-05 */
  { "Bunka",   "文化", "Бунка",     1804,  3, 22, 1804 }, /* Kyōwa 4-02-11 */
  { "Bunsei",  "文政", "Бунсэй",    1818,  5, 26, 1818 }, /* Bunka 15-04-22 */
  { "Tenpō",   "天保", "Тэмпо",     1831,  1, 23, 1830 }, /* Bunsei 13-12-10 */
  { "Kōka",    "弘化", "Кока",      1845,  1,  9, 1844 }, /* Tenpō 15-12-02 */
  { "Kaei",    "嘉永", "Каэй",      1848,  4,  1, 1848 }, /* Kōka 5-02-28 */
  { "Ansei",   "安政", "Ансэй",     1855,  1, 15, 1854 }, /* Kaei 7-11-27 */
  { "Man'en",  "万延", "Манъэн",    1860,  4,  8, 1860 }, /* Ansei 7-03-18 */
  { "Bunkyū",  "文久", "Бункю",     1861,  3, 29, 1861 }, /* Man'en 2-02-19 */
  { "Genji",   "元治", "Гэндзи",    1864,  3, 27, 1864 }, /* Bunkyū 4-02-20 */
  { "Keiō",    "慶応", "Кэйо",      1865,  5,  1, 1865 }, /* Genji 2-04-07 */
  { "Meiji",   "明治", "Мэйдзи",    1868,  1, 25, 1868 }, /* Keiō 4-01-01 */
  { "Taishō",  "大正", "Тайсё",     1912,  7, 30, 1912 },
  { "Shōwa",   "昭和", "Сёва",      1926, 12, 25, 1926 },
  { "Heisei",  "平成", "Хэйсэй",    1989,  1,  8, 1989 },
  { "Reiwa",   "令和", "Рэйва",     2019,  5,  1, 2019 },
};

/* The Gregorian date of each lunisolar new year (the first day of the first
 * month) from 1688 to 1872, and how many days earlier or later it may
 * really have fallen.
 *
 * Computed as the day, in Kyoto time, of the new moon starting the month
 * that contains the solar term Usui (雨水): the true term under the Tenpō
 * calendar (from 1844), the mean term before. New moons and the Sun follow
 * Meeus, Astronomical Algorithms, chapters 25 and 49. The result matches
 * every year we checked against the conversion tables of the Japanese
 * Wikipedia era articles: 1789–1791, 1801–1802, 1830–1833, 1844–1851,
 * 1854–1855, 1860–1861 and 1864–1869. Where the new moon fell within a few
 * hours of midnight, or Usui within about a day of a new moon, or the mean
 * and true terms disagree, the historical calendar may have decided
 * otherwise, so the alternatives are kept as @earliest/@latest offsets. */
typedef struct
{
  guint8 month;
  guint8 day;
  gint8  earliest;
  gint8  latest;
} LunisolarNewYear;

#define LUNISOLAR_FIRST_YEAR 1688

static const LunisolarNewYear lunisolar_new_years[] = {
  /* 1688 */ { 2,  2,   0,  0 }, { 2, 20, -30,  0 }, { 2,  9,   0,  0 }, { 1, 29,   0,  0 }, { 2, 17,   0,  0 },
  /* 1693 */ { 2,  5,   0,  0 }, { 1, 25,   0,  1 }, { 2, 13,   0,  1 }, { 2,  3,   0,  0 }, { 1, 23,   0,  0 },
  /* 1698 */ { 2, 11,   0,  0 }, { 1, 31,   0,  0 }, { 2, 19, -30,  0 }, { 2,  8,   0,  0 }, { 1, 28,   0,  0 },
  /* 1703 */ { 2, 16,   0,  0 }, { 2,  5,   0,  1 }, { 1, 25,   0,  0 }, { 2, 13,   0,  0 }, { 2,  3,  -1,  0 },
  /* 1708 */ { 1, 23,   0, 30 }, { 2, 10,  -1,  0 }, { 1, 30,  -1,  0 }, { 2, 17,   0,  1 }, { 2,  7,   0,  0 },
  /* 1713 */ { 1, 26,   0,  1 }, { 2, 14,   0,  1 }, { 2,  4,   0,  0 }, { 1, 25,  -1,  0 }, { 2, 11,   0,  1 },
  /* 1718 */ { 1, 31,   0,  1 }, { 2, 19,   0,  0 }, { 2,  8,   0,  0 }, { 1, 28,   0,  0 }, { 2, 16,   0,  0 },
  /* 1723 */ { 2,  5,   0,  1 }, { 1, 26,   0,  0 }, { 2, 13,   0,  0 }, { 2,  2,   0,  0 }, { 2, 21, -30,  0 },
  /* 1728 */ { 2, 10,   0,  0 }, { 1, 29,   0,  0 }, { 2, 17,   0,  0 }, { 2,  7,   0,  0 }, { 1, 27,   0,  1 },
  /* 1733 */ { 2, 14,   0,  1 }, { 2,  4,   0,  0 }, { 1, 24,   0,  0 }, { 2, 12,   0,  0 }, { 1, 31,   0,  0 },
  /* 1738 */ { 2, 19,  -1,  0 }, { 2,  8,   0,  0 }, { 1, 29,   0,  0 }, { 2, 16,   0,  0 }, { 2,  5,   0,  1 },
  /* 1743 */ { 1, 26,  -1,  0 }, { 2, 14,  -1,  0 }, { 2,  1,   0,  1 }, { 2, 20, -29,  0 }, { 2,  9,   0,  1 },
  /* 1748 */ { 1, 30,   0,  0 }, { 2, 17,   0,  0 }, { 2,  7,   0,  0 }, { 1, 27,   0,  0 }, { 2, 15,   0,  0 },
  /* 1753 */ { 2,  3,   0,  0 }, { 1, 23,   0,  0 }, { 2, 11,   0,  0 }, { 1, 31,   0,  1 }, { 2, 18,   0,  1 },
  /* 1758 */ { 2,  8,   0,  0 }, { 1, 29,   0,  0 }, { 2, 17,   0,  0 }, { 2,  5,   0,  0 }, { 1, 25,   0,  0 },
  /* 1763 */ { 2, 13,   0,  0 }, { 2,  2,   0,  0 }, { 2, 20, -30,  0 }, { 2,  9,   0,  1 }, { 1, 30,   0,  0 },
  /* 1768 */ { 2, 18,   0,  0 }, { 2,  7,  -1,  0 }, { 1, 27,   0,  0 }, { 2, 15,  -1,  0 }, { 2,  4,  -1,  0 },
  /* 1773 */ { 1, 23,   0, 29 }, { 2, 11,   0,  0 }, { 1, 31,   0,  1 }, { 2, 19,   0,  1 }, { 2,  8,   0,  0 },
  /* 1778 */ { 1, 29,  -1,  0 }, { 2, 16,   0,  1 }, { 2,  5,   0,  1 }, { 1, 24,   0,  1 }, { 2, 12,   0,  0 },
  /* 1783 */ { 2,  2,  -1,  0 }, { 2, 21, -30,  0 }, { 2,  9,   0,  1 }, { 1, 30,   0,  0 }, { 2, 18,   0,  0 },
  /* 1788 */ { 2,  7,   0,  0 }, { 1, 26,   0,  0 }, { 2, 14,   0,  0 }, { 2,  3,   0,  0 }, { 1, 24,  -1,  0 },
  /* 1793 */ { 2, 11,  -1,  0 }, { 1, 31,   0,  1 }, { 2, 19, -29,  1 }, { 2,  9,   0,  0 }, { 1, 28,   0,  0 },
  /* 1798 */ { 2, 16,   0,  0 }, { 2,  5,   0,  0 }, { 1, 25,   0,  0 }, { 2, 13,   0,  0 }, { 2,  3,   0,  0 },
  /* 1803 */ { 1, 23,   0, 30 }, { 2, 11,   0,  1 }, { 1, 31,  -1,  0 }, { 2, 19,  -1,  0 }, { 2,  7,   0,  1 },
  /* 1808 */ { 1, 28,  -1,  0 }, { 2, 14,   0,  1 }, { 2,  4,   0,  0 }, { 1, 25,  -1,  0 }, { 2, 13,   0,  0 },
  /* 1813 */ { 2,  1,   0,  0 }, { 2, 20, -30,  0 }, { 2,  9,   0,  0 }, { 1, 29,   0,  0 }, { 2, 16,   0,  0 },
  /* 1818 */ { 2,  5,   0,  1 }, { 1, 26,   0,  0 }, { 2, 14,   0,  0 }, { 2,  3,  -1,  0 }, { 1, 23,   0, 30 },
  /* 1823 */ { 2, 11,   0,  0 }, { 1, 31,   0,  0 }, { 2, 18,   0,  0 }, { 2,  7,   0,  0 }, { 1, 27,   0,  0 },
  /* 1828 */ { 2, 15,   0,  1 }, { 2,  4,   0,  0 }, { 1, 25,   0,  0 }, { 2, 13,   0,  0 }, { 2,  2,   0,  0 },
  /* 1833 */ { 2, 20,   0,  0 }, { 2,  9,  -1,  0 }, { 1, 29,   0,  0 }, { 2, 17,   0,  0 }, { 2,  5,   0,  0 },
  /* 1838 */ { 1, 26,   0,  0 }, { 2, 14,   0,  0 }, { 2,  3,   0,  1 }, { 1, 23,  -1, 29 }, { 2, 10,   0,  1 },
  /* 1843 */ { 1, 30,   0,  1 }, { 2, 18,   0,  0 }, { 2,  7,   0,  0 }, { 1, 27,   0,  0 }, { 2, 15,   0,  0 },
  /* 1848 */ { 2,  5,   0,  0 }, { 1, 24,   0,  0 }, { 2, 12,   0,  0 }, { 2,  1,   0,  0 }, { 1, 21,   0, 30 },
  /* 1853 */ { 2,  8,   0,  0 }, { 1, 29,   0,  0 }, { 2, 17,   0,  0 }, { 2,  6,   0,  0 }, { 1, 26,   0,  0 },
  /* 1858 */ { 2, 14,   0,  0 }, { 2,  3,   0,  0 }, { 1, 23,   0,  0 }, { 2, 10,   0,  0 }, { 1, 30,   0,  0 },
  /* 1863 */ { 2, 18,   0,  0 }, { 2,  8,   0,  0 }, { 1, 27,   0,  0 }, { 2, 15,   0,  0 }, { 2,  5,   0,  0 },
  /* 1868 */ { 1, 25,   0,  0 }, { 2, 11,   0,  0 }, { 2,  1,  -1,  0 }, { 2, 19, -29,  1 }, { 2,  9,   0,  0 },
};

G_STATIC_ASSERT (LUNISOLAR_FIRST_YEAR + G_N_ELEMENTS (lunisolar_new_years) == JAPAN_GREGORIAN_YEAR);

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
static gboolean
date_is_valid (const NichiroDate *date,
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
static gint64
gregorian_to_jdn (gint64 year,
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

  return gregorian_to_jdn (date->year, month, day);
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

static const char *
month_name (const NichiroDate *date,
            gboolean           abbreviated,
            gboolean           with_day)
{
  if (abbreviated)
    return g_dpgettext2 (NULL, "abbreviated month", month_short[date->month - 1]);
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
  if (!date_is_valid (date, TRUE))
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

/* Index of the era in force on @jdn, or -1 before the first era. */
static int
era_index_for_jdn (gint64 jdn)
{
  for (int i = G_N_ELEMENTS (japanese_eras) - 1; i >= 0; i--)
    {
      const JapaneseEra *era = &japanese_eras[i];

      if (gregorian_to_jdn (era->year, era->month, era->day) <= jdn)
        return i;
    }

  return -1;
}

/* Whether an era begins after @first and on or before @last (JDNs). */
static gboolean
era_begins_within (gint64 first,
                   gint64 last)
{
  for (guint i = 0; i < G_N_ELEMENTS (japanese_eras); i++)
    {
      const JapaneseEra *era = &japanese_eras[i];
      gint64 start = gregorian_to_jdn (era->year, era->month, era->day);

      if (start > first && start <= last)
        return TRUE;
    }

  return FALSE;
}

/* The lunisolar year (named by the Gregorian year in which it began) that
 * contains a Gregorian date from 1688 to 1872. When the table is unsure of
 * the new year and the date falls among its possible days, we guess by the
 * likeliest day and say the answer is approximate. */
static int
lunisolar_year (int       year,
                int       month,
                int       day,
                gboolean *out_approximate)
{
  const LunisolarNewYear *new_year;
  gint64 jdn = gregorian_to_jdn (year, month, day);
  gint64 likeliest;

  g_assert (year >= LUNISOLAR_FIRST_YEAR && year < JAPAN_GREGORIAN_YEAR);

  new_year = &lunisolar_new_years[year - LUNISOLAR_FIRST_YEAR];
  likeliest = gregorian_to_jdn (year, new_year->month, new_year->day);

  *out_approximate = jdn >= likeliest + new_year->earliest &&
                     jdn < likeliest + new_year->latest;

  return jdn >= likeliest ? year : year - 1;
}

/* Era and era year on one Gregorian day. FALSE before the first era. */
static gboolean
japanese_era_for_day (int       year,
                      int       month,
                      int       day,
                      int      *out_index,
                      int      *out_era_year,
                      gboolean *out_approximate)
{
  int index = era_index_for_jdn (gregorian_to_jdn (year, month, day));
  gboolean approximate = FALSE;
  int era_year;

  if (index < 0)
    return FALSE;

  if (year >= JAPAN_GREGORIAN_YEAR)
    era_year = year - japanese_eras[index].first_year + 1;
  else
    era_year = lunisolar_year (year, month, day, &approximate) - japanese_eras[index].first_year + 1;

  /* Only a wrong guess of an uncertain new year can land a date just after
   * a proclamation in the lunisolar year before the era's year 1. */
  if (era_year < 1)
    {
      era_year = 1;
      approximate = TRUE;
    }

  *out_index = index;
  *out_era_year = era_year;
  *out_approximate = approximate;
  return TRUE;
}

/* Era of a whole Gregorian year, as in the usual conversion tables: the
 * latest era whose year 1 began by that year (1854 is Ansei 1, 1912 is
 * Taishō 1). Before 1873 a Gregorian year straddles two lunisolar years,
 * so the result is always approximate. */
static gboolean
japanese_era_for_year (int       year,
                       int      *out_index,
                       int      *out_era_year,
                       gboolean *out_approximate)
{
  for (int i = G_N_ELEMENTS (japanese_eras) - 1; i >= 0; i--)
    {
      const JapaneseEra *era = &japanese_eras[i];

      if (era->first_year > year)
        continue;

      *out_index = i;
      *out_era_year = year - era->first_year + 1;
      *out_approximate = year < JAPAN_GREGORIAN_YEAR ||
                         era_begins_within (gregorian_to_jdn (year, 1, 1),
                                            gregorian_to_jdn (year, 12, 31));
      return TRUE;
    }

  return FALSE;
}

/* Era of a Gregorian month: that of its first day (or of the first era's
 * start, if the month contains it), approximate unless the era and era
 * year hold, certainly, for the whole month. Both only ever move forward,
 * so comparing the first and last days is enough. */
static gboolean
japanese_era_for_month (int       year,
                        int       month,
                        int      *out_index,
                        int      *out_era_year,
                        gboolean *out_approximate)
{
  int last_day = days_in_month (year, month, FALSE);
  int index, era_year, last_index, last_era_year;
  gboolean approximate, last_approximate;

  if (!japanese_era_for_day (year, month, last_day, &last_index, &last_era_year, &last_approximate))
    return FALSE;

  if (!japanese_era_for_day (year, month, 1, &index, &era_year, &approximate))
    {
      const JapaneseEra *first_era = &japanese_eras[0];

      japanese_era_for_day (first_era->year, first_era->month, first_era->day,
                            &index, &era_year, &approximate);
      approximate = TRUE;
    }

  *out_index = index;
  *out_era_year = era_year;
  *out_approximate = approximate || last_approximate ||
                     index != last_index || era_year != last_era_year;
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

  if (!date_is_valid (&date, julian))
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

  return date_is_valid (date, FALSE);
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

  if (!date_is_valid (date, FALSE))
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

  if (jdn < gregorian_to_jdn (1, 1, 1) || jdn > gregorian_to_jdn (9999, 12, 31))
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
  if (!date_is_valid (date, TRUE))
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

  if (!date_is_valid (date, FALSE))
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

  if (date->precision != NICHIRO_DATE_PRECISION_DAY || !date_is_valid (date, FALSE))
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

  if (old_style->precision != NICHIRO_DATE_PRECISION_DAY || !date_is_valid (old_style, TRUE))
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

  if (!date_is_valid (date, FALSE))
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

  if (old_style->precision != NICHIRO_DATE_PRECISION_DAY || !date_is_valid (old_style, TRUE))
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

/**
 * nichiro_date_japanese_era:
 * @date: a Gregorian date
 * @out_era_romaji: (out) (optional) (transfer none): the era name in
 *   romaji with macrons, such as `Meiji` or `Taishō`
 * @out_era_kanji: (out) (optional) (transfer none): the era name in kanji
 * @out_era_year: (out) (optional): the year of the era, from 1
 * @out_approximate: (out) (optional): whether the era or its year is
 *   uncertain
 *
 * Finds the Japanese era name and year of @date, for eras from Genroku
 * (1688) on.
 *
 * From 1873, when Japan adopted the Gregorian calendar, era years are
 * Gregorian years. Before, they counted lunisolar years, whose new year
 * fell between about 21 January and 21 February; a table of those new years
 * makes the answer exact except on the few days where the table is unsure
 * of the new year, which are marked approximate. Meiji counts from the lunisolar
 * new year of 1868, to which it was applied retroactively.
 *
 * A date of month precision is evaluated on its first day and marked
 * approximate unless the era and era year hold for the whole month. A date
 * of year precision follows the usual conversion tables: the era whose
 * year 1 is the latest to begin by that year (so 1701 is Genroku 14, 1854
 * Ansei 1, 1912 Taishō 1), approximate for every year before 1873 and for
 * years in which an era changed.
 *
 * Returns: %TRUE if @date has an era; %FALSE (leaving the out arguments
 *   untouched) for unset or invalid dates and dates before Genroku
 */
gboolean
nichiro_date_japanese_era (const NichiroDate  *date,
                           const char        **out_era_romaji,
                           const char        **out_era_kanji,
                           int                *out_era_year,
                           gboolean           *out_approximate)
{
  int index = -1;
  int era_year = 0;
  gboolean approximate = FALSE;
  gboolean found = FALSE;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!date_is_valid (date, FALSE))
    return FALSE;

  switch (date->precision)
    {
    case NICHIRO_DATE_PRECISION_YEAR:
      found = japanese_era_for_year (date->year, &index, &era_year, &approximate);
      break;

    case NICHIRO_DATE_PRECISION_MONTH:
      found = japanese_era_for_month (date->year, date->month, &index, &era_year, &approximate);
      break;

    case NICHIRO_DATE_PRECISION_DAY:
      found = japanese_era_for_day (date->year, date->month, date->day,
                                    &index, &era_year, &approximate);
      break;

    case NICHIRO_DATE_PRECISION_NONE:
    default:
      g_assert_not_reached ();
    }

  if (!found)
    return FALSE;

  if (out_era_romaji != NULL)
    *out_era_romaji = japanese_eras[index].romaji;
  if (out_era_kanji != NULL)
    *out_era_kanji = japanese_eras[index].kanji;
  if (out_era_year != NULL)
    *out_era_year = era_year;
  if (out_approximate != NULL)
    *out_approximate = approximate;

  return TRUE;
}

static char *
format_era (const JapaneseEra *era,
            int                era_year,
            gboolean           approximate,
            NichiroEraScript   script)
{
  switch (script)
    {
    case NICHIRO_ERA_SCRIPT_KANJI:
      {
        const char *circa = approximate ? KANJI_CIRCA : "";

        if (era_year == 1)
          return g_strconcat (era->kanji, KANJI_FIRST_YEAR, circa, NULL);

        return g_strdup_printf ("%s%d%s%s", era->kanji, era_year, KANJI_YEAR, circa);
      }

    case NICHIRO_ERA_SCRIPT_CYRILLIC:
      if (approximate)
        return g_strdup_printf ("%s %s %d", CYRILLIC_CIRCA, era->cyrillic, era_year);
      return g_strdup_printf ("%s %d", era->cyrillic, era_year);

    case NICHIRO_ERA_SCRIPT_ROMAJI:
    default:
      if (approximate)
        return g_strdup_printf ("%s %s %d", ROMAJI_CIRCA, era->romaji, era_year);
      return g_strdup_printf ("%s %d", era->romaji, era_year);
    }
}

static const JapaneseEra *
lookup_era (const char *romaji)
{
  for (guint i = 0; romaji != NULL && i < G_N_ELEMENTS (japanese_eras); i++)
    {
      if (g_str_equal (japanese_eras[i].romaji, romaji))
        return &japanese_eras[i];
    }

  return NULL;
}

/**
 * nichiro_date_format_japanese_era:
 * @date: a Gregorian date
 * @japanese_script: %TRUE for kanji, %FALSE for romaji
 *
 * Formats the Japanese era of @date (see nichiro_date_japanese_era()):
 * `Meiji 38` or `明治38年`; the first year is `明治元年`; an approximate
 * answer reads `c. Ansei 1` or `安政元年頃`.
 *
 * Returns: (transfer full) (nullable): the string, or %NULL if @date has no
 *   era
 */
char *
nichiro_date_format_japanese_era (const NichiroDate *date,
                                  gboolean           japanese_script)
{
  g_return_val_if_fail (date != NULL, NULL);

  return nichiro_date_format_japanese_era_in (date, japanese_script ? NICHIRO_ERA_SCRIPT_KANJI
                                                                    : NICHIRO_ERA_SCRIPT_ROMAJI);
}

/**
 * nichiro_date_format_japanese_era_in:
 * @date: a Gregorian date
 * @script: how to write the era's name
 *
 * Like nichiro_date_format_japanese_era(), in any script: `Meiji 38`,
 * `明治38年` or `Мэйдзи 38`.
 *
 * Returns: (transfer full) (nullable): the string, or %NULL if @date has no
 *   era
 */
char *
nichiro_date_format_japanese_era_in (const NichiroDate *date,
                                     NichiroEraScript   script)
{
  const char *romaji;
  int era_year;
  gboolean approximate;

  g_return_val_if_fail (date != NULL, NULL);

  if (!nichiro_date_japanese_era (date, &romaji, NULL, &era_year, &approximate))
    return NULL;

  return format_era (lookup_era (romaji), era_year, approximate, script);
}

/**
 * nichiro_date_format_era_year:
 * @era_romaji: an era's name in romaji with macrons, such as `Bunkyū`
 * @era_year: the year of the era, from 1
 * @script: how to write the era's name
 *
 * Writes an era year given by name rather than computed from a date, the
 * way nichiro_date_format_japanese_era_in() writes it.
 *
 * Returns: (transfer full) (nullable): the string, or %NULL if Nichiro does
 *   not know the era (see nichiro_date_is_japanese_era())
 */
char *
nichiro_date_format_era_year (const char       *era_romaji,
                              int               era_year,
                              NichiroEraScript  script)
{
  const JapaneseEra *era = lookup_era (era_romaji);

  if (era == NULL || era_year < 1)
    return NULL;

  return format_era (era, era_year, FALSE, script);
}

/**
 * nichiro_date_is_japanese_era:
 * @era_romaji: (nullable): a name
 *
 * Returns: whether @era_romaji names one of the eras Nichiro knows, from
 *   Genroku (1688) on, written in romaji with macrons
 */
gboolean
nichiro_date_is_japanese_era (const char *era_romaji)
{
  return lookup_era (era_romaji) != NULL;
}

/**
 * nichiro_date_era_year_near:
 * @date: a Gregorian date of day precision
 * @era_romaji: an era's name in romaji
 * @era_year: a year of that era
 *
 * Whether @era_romaji @era_year was the era year on some day within about
 * a year of @date. Japanese chronologies often name a year by the era
 * proclaimed later in it (an event of 14 March 1861 is dated Bunkyū 1,
 * though Bunkyū was proclaimed on 29 March); this tells such a naming from
 * a mistake.
 */
gboolean
nichiro_date_era_year_near (const NichiroDate *date,
                            const char        *era_romaji,
                            int                era_year)
{
  gint64 jdn;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!date_is_valid (date, FALSE) || lookup_era (era_romaji) == NULL)
    return FALSE;

  jdn = nichiro_date_to_julian_day (date);
  for (gint64 day = jdn - 400; day <= jdn + 400; day++)
    {
      NichiroDate near = nichiro_date_from_julian_day (day);
      const char *romaji;
      int year;

      if (nichiro_date_japanese_era (&near, &romaji, NULL, &year, NULL) &&
          year == era_year && g_str_equal (romaji, era_romaji))
        return TRUE;
    }

  return FALSE;
}

/**
 * nichiro_date_use_japanese_script:
 *
 * Whether Japanese eras should be written in kanji (`明治38年`) rather than
 * romaji (`Meiji 38`) in the interface: decided by the translation, so
 * that a Japanese interface shows kanji.
 *
 * Returns: %TRUE for kanji
 */
gboolean
nichiro_date_use_japanese_script (void)
{
  return nichiro_date_get_era_script () == NICHIRO_ERA_SCRIPT_KANJI;
}

/**
 * nichiro_date_get_era_script:
 *
 * How the interface writes Japanese era names: decided by the translation,
 * so that a Japanese interface shows `明治38年`, a Russian one `Мэйдзи 38`
 * and any other `Meiji 38`.
 *
 * Returns: the script
 */
NichiroEraScript
nichiro_date_get_era_script (void)
{
  /* Translators: how Japanese era names are written in the interface:
   * translate as "kanji" to get 明治38年, as "cyrillic" to get Мэйдзи 38,
   * keep "romaji" to get Meiji 38. Any other translation counts as
   * "romaji". */
  const char *style = C_("era-style", "romaji");

  if (g_str_equal (style, "kanji"))
    return NICHIRO_ERA_SCRIPT_KANJI;
  if (g_str_equal (style, "cyrillic"))
    return NICHIRO_ERA_SCRIPT_CYRILLIC;
  return NICHIRO_ERA_SCRIPT_ROMAJI;
}
