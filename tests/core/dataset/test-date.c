/* test-date.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-date"

#include "config.h"

#include "nichiro-date.h"

#include <stdio.h>
#include <string.h>

/* Static data */

/* Each table row is registered as its own test case, named after the row,
 * so that a failure names the input. */

typedef struct
{
  const char *text;
  gboolean ok;
  int year;
  int month;
  int day;
  NichiroDatePrecision precision;
} ParseCase;

static const ParseCase parse_cases[] = {
  { "1905",             TRUE,  1905, 0, 0,  NICHIRO_DATE_PRECISION_YEAR },
  { "1905-09",          TRUE,  1905, 9, 0,  NICHIRO_DATE_PRECISION_MONTH },
  { "1905-09-05",       TRUE,  1905, 9, 5,  NICHIRO_DATE_PRECISION_DAY },
  { "0001",             TRUE,  1,    0, 0,  NICHIRO_DATE_PRECISION_YEAR },
  { "0001-01-01",       TRUE,  1,    1, 1,  NICHIRO_DATE_PRECISION_DAY },
  { "9999-12-31",       TRUE,  9999, 12, 31, NICHIRO_DATE_PRECISION_DAY },
  { "2000-02-29",       TRUE,  2000, 2, 29, NICHIRO_DATE_PRECISION_DAY },
  { "1904-02-29",       TRUE,  1904, 2, 29, NICHIRO_DATE_PRECISION_DAY },
  { "1855-02-07",       TRUE,  1855, 2, 7,  NICHIRO_DATE_PRECISION_DAY },
  { "1956-10",          TRUE,  1956, 10, 0, NICHIRO_DATE_PRECISION_MONTH },
  /* Rejected */
  { .text = "" },
  { .text = " 1905" },
  { .text = "1905 " },
  { .text = "1905-09-05 " },
  { .text = "+1905" },
  { .text = "-1905" },
  { .text = "+905" },
  { .text = "0000" },
  { .text = "0000-01-01" },
  { .text = "1905-02-30" },
  { .text = "1900-02-29" },
  { .text = "1905-09-31" },
  { .text = "1905-9-5" },
  { .text = "1905-9" },
  { .text = "1905-13" },
  { .text = "1905-00" },
  { .text = "1905-09-00" },
  { .text = "1905-" },
  { .text = "1905-09-" },
  { .text = "1905/09/05" },
  { .text = "1905.09.05" },
  { .text = "19050905" },
  { .text = "12345" },
  { .text = "905" },
  { .text = "190a" },
  { .text = "1905-0a" },
  { .text = "1905-09-05T00:00" },
  { .text = "１９０５" },
};

/* In sorting order; the first is unset. */
static const char * const compare_order[] = {
  NULL,
  "0001",
  "1855-02-07",
  "1904-12-31",
  "1905",
  "1905-01",
  "1905-01-01",
  "1905-01-02",
  "1905-02",
  "1905-09",
  "1905-09-05",
  "1905-12-31",
  "1906",
  "9999-12-31",
};

typedef struct
{
  const char *iso;
  const char *format;
  const char *format_short;
} FormatCase;

static const FormatCase format_cases[] = {
  { "1905",       "1905",              "1905" },
  { "1905-09",    "September 1905",    "Sep 1905" },
  { "1905-09-05", "5 September 1905",  "5 Sep 1905" },
  { "1855-02-07", "7 February 1855",   "7 Feb 1855" },
  { "1917-11-07", "7 November 1917",   "7 Nov 1917" },
  { "1956-10-19", "19 October 1956",   "19 Oct 1956" },
  { "1904-05",    "May 1904",          "May 1904" },
  { "0476",       "476",               "476" },
  { "0476-07-04", "4 July 476",        "4 Jul 476" },
};

typedef struct
{
  const char *new_style;
  const char *old_style;
  int offset;
} OldStyleCase;

static const OldStyleCase old_style_cases[] = {
  { "1905-09-05", "1905-08-23", 13 }, /* Treaty of Portsmouth */
  { "1855-02-07", "1855-01-26", 12 }, /* Treaty of Shimoda */
  { "1918-02-14", "1918-02-01", 13 }, /* Russia changes calendar */
  { "1917-11-07", "1917-10-25", 13 }, /* October Revolution */
  { "1904-02-08", "1904-01-26", 13 }, /* Port Arthur */
  { "1875-05-07", "1875-04-25", 12 }, /* Treaty of Saint Petersburg */
  { "1956-10-19", "1956-10-06", 13 }, /* Soviet–Japanese Joint Declaration */
  { "1905-01-01", "1904-12-19", 13 },
  { "1700-03-10", "1700-02-28", 10 },
  { "1700-03-11", "1700-02-29", 11 },
  { "1700-03-12", "1700-03-01", 11 },
  { "1800-03-11", "1800-02-28", 11 },
  { "1800-03-12", "1800-02-29", 12 },
  { "1900-03-12", "1900-02-28", 12 },
  { "1900-03-13", "1900-02-29", 13 },
  { "2000-03-01", "2000-02-17", 13 },
  { "2000-03-13", "2000-02-29", 13 },
  { "2100-03-13", "2100-02-28", 13 },
  { "2100-03-14", "2100-02-29", 14 },
  { "1582-10-15", "1582-10-05", 10 },
  { "0001-01-01", "0001-01-03", -2 },
};

typedef struct
{
  const char *old_style;
  const char *new_style;
  const char *expected;
} FormatOldStyleCase;

static const FormatOldStyleCase format_old_style_cases[] = {
  { "1905-08-23", "1905-09-05", "23 August O.S." },
  { "1904-12-19", "1905-01-01", "19 December 1904 O.S." },
  { "1904-12-19", NULL,         "19 December 1904 O.S." },
  { "1905-08-23", NULL,         "23 August 1905 O.S." },
  { "1905-08-23", "",           "23 August 1905 O.S." },
  { "1905-08-23", "1905",       "23 August O.S." },
  { "1900-02-29", "1900-03-13", "29 February O.S." },
  { "1905-08",    "1905-09",    NULL },
  { "1905",       "1905",       NULL },
  { "",           "1905-09-05", NULL },
};

typedef struct
{
  const char *iso;
  gboolean julian;
} RussiaCase;

static const RussiaCase russia_cases[] = {
  { "1918-02-13", TRUE },
  { "1918-02-14", FALSE },
  { "1917-12-31", TRUE },
  { "1918-01-31", TRUE },
  { "1918-03-01", FALSE },
  { "1918-01",    TRUE },
  { "1918-02",    FALSE },
  { "1917",       TRUE },
  { "1918",       FALSE },
  { "1855-02-07", TRUE },
  { "1956-10-19", FALSE },
  { "",           FALSE },
};

typedef struct
{
  const char *iso;
  gboolean ok;
  const char *romaji;
  const char *kanji;
  int year;
  gboolean approximate;
  const char *format_romaji;
  const char *format_kanji;
} EraCase;

static const EraCase era_cases[] = {
  /* Gregorian Japan: exact. */
  { "1905-09-05", TRUE, "Meiji",   "明治", 38, FALSE, "Meiji 38",  "明治38年" },
  { "1912-07-29", TRUE, "Meiji",   "明治", 45, FALSE, "Meiji 45",  "明治45年" },
  { "1912-07-30", TRUE, "Taishō",  "大正", 1,  FALSE, "Taishō 1",  "大正元年" },
  { "1926-12-24", TRUE, "Taishō",  "大正", 15, FALSE, "Taishō 15", "大正15年" },
  { "1926-12-25", TRUE, "Shōwa",   "昭和", 1,  FALSE, "Shōwa 1",   "昭和元年" },
  { "1956-10-19", TRUE, "Shōwa",   "昭和", 31, FALSE, "Shōwa 31",  "昭和31年" },
  { "1989-01-07", TRUE, "Shōwa",   "昭和", 64, FALSE, "Shōwa 64",  "昭和64年" },
  { "1989-01-08", TRUE, "Heisei",  "平成", 1,  FALSE, "Heisei 1",  "平成元年" },
  { "2019-04-30", TRUE, "Heisei",  "平成", 31, FALSE, "Heisei 31", "平成31年" },
  { "2019-05-01", TRUE, "Reiwa",   "令和", 1,  FALSE, "Reiwa 1",   "令和元年" },
  { "1873-01-01", TRUE, "Meiji",   "明治", 6,  FALSE, "Meiji 6",   "明治6年" },
  { "1904-02-08", TRUE, "Meiji",   "明治", 37, FALSE, "Meiji 37",  "明治37年" },
  /* Lunisolar Japan. */
  { "1872-12-31", TRUE, "Meiji",   "明治", 5,  FALSE, "Meiji 5",   "明治5年" },
  { "1875-05-07", TRUE, "Meiji",   "明治", 8,  FALSE, "Meiji 8",   "明治8年" },
  { "1855-06-01", TRUE, "Ansei",   "安政", 2,  FALSE, "Ansei 2",   "安政2年" },
  { "1855-02-07", TRUE, "Ansei",   "安政", 1,  FALSE, "Ansei 1",   "安政元年" }, /* Shimoda */
  { "1855-02-16", TRUE, "Ansei",   "安政", 1,  FALSE, "Ansei 1",   "安政元年" },
  { "1855-02-17", TRUE, "Ansei",   "安政", 2,  FALSE, "Ansei 2",   "安政2年" },
  { "1855-01-15", TRUE, "Ansei",   "安政", 1,  FALSE, "Ansei 1",   "安政元年" },
  { "1855-01-14", TRUE, "Kaei",    "嘉永", 7,  FALSE, "Kaei 7",    "嘉永7年" },
  { "1868-01-10", TRUE, "Keiō",    "慶応", 3,  FALSE, "Keiō 3",    "慶応3年" },
  { "1868-01-24", TRUE, "Keiō",    "慶応", 3,  FALSE, "Keiō 3",    "慶応3年" },
  { "1868-01-25", TRUE, "Meiji",   "明治", 1,  FALSE, "Meiji 1",   "明治元年" },
  { "1868-02-01", TRUE, "Meiji",   "明治", 1,  FALSE, "Meiji 1",   "明治元年" },
  { "1868-10-23", TRUE, "Meiji",   "明治", 1,  FALSE, "Meiji 1",   "明治元年" },
  { "1867-11-09", TRUE, "Keiō",    "慶応", 3,  FALSE, "Keiō 3",    "慶応3年" },
  { "1853-07-08", TRUE, "Kaei",    "嘉永", 6,  FALSE, "Kaei 6",    "嘉永6年" },
  { "1831-01-22", TRUE, "Bunsei",  "文政", 13, FALSE, "Bunsei 13", "文政13年" },
  { "1831-01-23", TRUE, "Tenpō",   "天保", 1,  FALSE, "Tenpō 1",   "天保元年" },
  { "1831-02-12", TRUE, "Tenpō",   "天保", 1,  FALSE, "Tenpō 1",   "天保元年" },
  { "1831-02-13", TRUE, "Tenpō",   "天保", 2,  FALSE, "Tenpō 2",   "天保2年" },
  { "1831-03-01", TRUE, "Tenpō",   "天保", 2,  FALSE, "Tenpō 2",   "天保2年" },
  { "1789-02-19", TRUE, "Kansei",  "寛政", 1,  FALSE, "Kansei 1",  "寛政元年" },
  { "1792-01-01", TRUE, "Kansei",  "寛政", 3,  FALSE, "Kansei 3",  "寛政3年" },
  /* Days on which the lunisolar new year is uncertain. */
  { "1870-01-30", TRUE, "Meiji",   "明治", 2,  FALSE, "Meiji 2",   "明治2年" },
  { "1870-01-31", TRUE, "Meiji",   "明治", 2,  TRUE,  "c. Meiji 2", "明治2年頃" },
  { "1870-02-01", TRUE, "Meiji",   "明治", 3,  FALSE, "Meiji 3",   "明治3年" },
  { "1871-01-20", TRUE, "Meiji",   "明治", 3,  FALSE, "Meiji 3",   "明治3年" },
  { "1871-02-01", TRUE, "Meiji",   "明治", 3,  TRUE,  "c. Meiji 3", "明治3年頃" },
  { "1871-02-19", TRUE, "Meiji",   "明治", 4,  TRUE,  "c. Meiji 4", "明治4年頃" },
  { "1871-02-20", TRUE, "Meiji",   "明治", 4,  FALSE, "Meiji 4",   "明治4年" },
  { .iso = "1688-10-22" },
  { "1688-10-23", TRUE, "Genroku", "元禄", 1,  FALSE, "Genroku 1", "元禄元年" },
  { "1700-03-11", TRUE, "Genroku", "元禄", 13, FALSE, "Genroku 13", "元禄13年" },
  /* Year precision: as in conversion tables. */
  { "1701",       TRUE, "Genroku", "元禄", 14, TRUE,  "c. Genroku 14", "元禄14年頃" },
  { "1854",       TRUE, "Ansei",   "安政", 1,  TRUE,  "c. Ansei 1", "安政元年頃" },
  { "1855",       TRUE, "Ansei",   "安政", 2,  TRUE,  "c. Ansei 2", "安政2年頃" },
  { "1868",       TRUE, "Meiji",   "明治", 1,  TRUE,  "c. Meiji 1", "明治元年頃" },
  { "1873",       TRUE, "Meiji",   "明治", 6,  FALSE, "Meiji 6",   "明治6年" },
  { "1905",       TRUE, "Meiji",   "明治", 38, FALSE, "Meiji 38",  "明治38年" },
  { "1912",       TRUE, "Taishō",  "大正", 1,  TRUE,  "c. Taishō 1", "大正元年頃" },
  { "1956",       TRUE, "Shōwa",   "昭和", 31, FALSE, "Shōwa 31",  "昭和31年" },
  { "1688",       TRUE, "Genroku", "元禄", 1,  TRUE,  "c. Genroku 1", "元禄元年頃" },
  { .iso = "1687" },
  /* Month precision: the first day, approximate if anything changes. */
  { "1905-09",    TRUE, "Meiji",   "明治", 38, FALSE, "Meiji 38",  "明治38年" },
  { "1912-07",    TRUE, "Meiji",   "明治", 45, TRUE,  "c. Meiji 45", "明治45年頃" },
  { "2019-05",    TRUE, "Reiwa",   "令和", 1,  FALSE, "Reiwa 1",   "令和元年" },
  { "1855-01",    TRUE, "Kaei",    "嘉永", 7,  TRUE,  "c. Kaei 7", "嘉永7年頃" },
  { "1855-02",    TRUE, "Ansei",   "安政", 1,  TRUE,  "c. Ansei 1", "安政元年頃" },
  { "1855-03",    TRUE, "Ansei",   "安政", 2,  FALSE, "Ansei 2",   "安政2年" },
  { "1856-01",    TRUE, "Ansei",   "安政", 2,  FALSE, "Ansei 2",   "安政2年" },
  { "1872-12",    TRUE, "Meiji",   "明治", 5,  FALSE, "Meiji 5",   "明治5年" },
  { "1688-10",    TRUE, "Genroku", "元禄", 1,  TRUE,  "c. Genroku 1", "元禄元年頃" },
  { .iso = "1688-09" },
  { .iso = "" },
};

/* Lunisolar new years as given by the conversion tables of the Japanese
 * Wikipedia era articles. */
static const struct
{
  int year;
  int month;
  int day;
} lunisolar_new_year_cases[] = {
  { 1789, 1, 26 }, { 1790, 2, 14 }, { 1791, 2, 3 },  { 1801, 2, 13 },
  { 1802, 2, 3 },  { 1830, 1, 25 }, { 1831, 2, 13 }, { 1832, 2, 2 },
  { 1833, 2, 20 }, { 1844, 2, 18 }, { 1845, 2, 7 },  { 1846, 1, 27 },
  { 1848, 2, 5 },  { 1849, 1, 24 }, { 1850, 2, 12 }, { 1851, 2, 1 },
  { 1854, 1, 29 }, { 1855, 2, 17 }, { 1860, 1, 23 }, { 1861, 2, 10 },
  { 1864, 2, 8 },  { 1865, 1, 27 }, { 1866, 2, 15 }, { 1867, 2, 5 },
  { 1868, 1, 25 }, { 1869, 2, 11 },
};

typedef struct
{
  int year;
  int month;
  gboolean julian;
  int days;
} DaysInMonthCase;

static const DaysInMonthCase days_in_month_cases[] = {
  { 1905, 1,  FALSE, 31 },
  { 1905, 2,  FALSE, 28 },
  { 1904, 2,  FALSE, 29 },
  { 1900, 2,  FALSE, 28 },
  { 1900, 2,  TRUE,  29 },
  { 2000, 2,  FALSE, 29 },
  { 2000, 2,  TRUE,  29 },
  { 1905, 2,  TRUE,  28 },
  { 1700, 2,  TRUE,  29 },
  { 1905, 9,  FALSE, 30 },
  { 1905, 12, TRUE,  31 },
  { 1905, 0,  FALSE, 0 },
  { 1905, 13, FALSE, 0 },
};

typedef struct
{
  int year;
  int month;
  int day;
  NichiroDatePrecision precision;
  gboolean valid;
} MakeCase;

static const MakeCase make_cases[] = {
  { 1905, 0,   0,  NICHIRO_DATE_PRECISION_YEAR,  TRUE },
  { 1905, 9,   0,  NICHIRO_DATE_PRECISION_MONTH, TRUE },
  { 1905, 9,   5,  NICHIRO_DATE_PRECISION_DAY,   TRUE },
  { 1905, 0,   5,  NICHIRO_DATE_PRECISION_YEAR,  TRUE },
  { 0,    0,   0,  NICHIRO_DATE_PRECISION_NONE,  FALSE },
  { 0,    1,   1,  NICHIRO_DATE_PRECISION_DAY,   FALSE },
  { 1905, 13,  1,  NICHIRO_DATE_PRECISION_DAY,   FALSE },
  { 1905, 2,   29, NICHIRO_DATE_PRECISION_DAY,   FALSE },
  { 1905, 257, 5,  NICHIRO_DATE_PRECISION_DAY,   FALSE },
  { 1905, -1,  5,  NICHIRO_DATE_PRECISION_DAY,   FALSE },
  { 1905, 9,   -5, NICHIRO_DATE_PRECISION_DAY,   FALSE },
  { 10000, 1,  1,  NICHIRO_DATE_PRECISION_DAY,   FALSE },
  { 67441, 1,  1,  NICHIRO_DATE_PRECISION_DAY,   FALSE }, /* 1905 mod 2^16 */
};

typedef struct
{
  const char *iso;
  gint64 jdn;
} JulianDayCase;

static const JulianDayCase julian_day_cases[] = {
  { "2000-01-01", 2451545 },
  { "1858-11-17", 2400001 }, /* Modified Julian Day 0 */
  { "1582-10-15", 2299161 },
  { "0001-01-01", 1721426 },
  { "9999-12-31", 5373484 },
  { "1905",       2416847 },
  { "1905-09",    2417090 },
  { "1905-09-05", 2417094 },
};

/* Helpers */

static NichiroDate
date_from_iso (const char *iso)
{
  NichiroDate date = NICHIRO_DATE_NONE;

  if (iso != NULL && *iso != '\0')
    g_assert_true (nichiro_date_parse (iso, &date));

  return date;
}

/* Parses YYYY-MM-DD without checking month lengths, for Julian dates. */
static NichiroDate
julian_date_from_iso (const char *iso)
{
  int year, month, day;

  g_assert_cmpint (sscanf (iso, "%d-%d-%d", &year, &month, &day), ==, 3);
  return nichiro_date_make (year, month, day);
}

static char *
date_to_string (const NichiroDate *date)
{
  if (date->precision == NICHIRO_DATE_PRECISION_NONE)
    return g_strdup ("(none)");

  return g_strdup_printf ("%04d-%02d-%02d/%d", date->year, date->month, date->day, date->precision);
}

static void
assert_dates_equal (const NichiroDate *a,
                    const NichiroDate *b)
{
  g_autofree char *a_string = date_to_string (a);
  g_autofree char *b_string = date_to_string (b);

  g_assert_cmpstr (a_string, ==, b_string);
}

/* Independent of the code under test: plain day counting from 1 January
 * of year 1 (JDN 1721426 in the Gregorian calendar, 1721424 in the
 * Julian one). */
static gint64
count_jdn (const NichiroDate *date,
           gboolean           julian)
{
  static const int days_before_month[] = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334 };
  gint64 y = date->year - 1;
  gint64 days = 365 * y + y / 4;
  gboolean leap = date->year % 4 == 0;

  if (!julian)
    {
      days += y / 400 - y / 100;
      leap = leap && (date->year % 100 != 0 || date->year % 400 == 0);
    }

  days += days_before_month[date->month - 1];
  if (leap && date->month > 2)
    days++;

  return days + date->day - 1 + (julian ? 1721424 : 1721426);
}

static char *
make_test_path (const char *prefix,
                guint       index,
                const char *name)
{
  g_autoptr(GString) path = g_string_new (prefix);

  g_string_append_printf (path, "/%02u", index);

  if (name != NULL && *name != '\0')
    {
      g_string_append_c (path, '-');
      for (const char *p = name; *p != '\0'; p++)
        g_string_append_c (path, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
    }

  return g_string_free (g_steal_pointer (&path), FALSE);
}

#define ADD_TABLE_TESTS(prefix, table, name_field, func)                          \
  G_STMT_START {                                                                  \
    for (guint i_ = 0; i_ < G_N_ELEMENTS (table); i_++)                           \
      {                                                                           \
        g_autofree char *path_ = make_test_path (prefix, i_, (table)[i_].name_field); \
        g_test_add_data_func (path_, &(table)[i_], func);                         \
      }                                                                           \
  } G_STMT_END

/* Table tests */

static void
test_parse (gconstpointer data)
{
  const ParseCase *c = data;
  NichiroDate date = nichiro_date_make (1234, 5, 6);
  gboolean ok = nichiro_date_parse (c->text, &date);

  g_assert_cmpint (ok, ==, c->ok);

  if (c->ok)
    {
      NichiroDate expected = { c->year, c->month, c->day, c->precision };
      g_autofree char *iso = nichiro_date_to_iso (&date);

      assert_dates_equal (&date, &expected);
      g_assert_true (nichiro_date_is_valid (&date));
      g_assert_true (nichiro_date_is_set (&date));
      g_assert_cmpstr (iso, ==, c->text);
    }
  else
    {
      g_assert_false (nichiro_date_is_set (&date));
      g_assert_false (nichiro_date_is_valid (&date));
    }
}

static void
test_format (gconstpointer data)
{
  const FormatCase *c = data;
  NichiroDate date = date_from_iso (c->iso);
  g_autofree char *iso = nichiro_date_to_iso (&date);
  g_autofree char *format = nichiro_date_format (&date);
  g_autofree char *format_short = nichiro_date_format_short (&date);

  g_assert_cmpstr (iso, ==, c->iso);
  g_assert_cmpstr (format, ==, c->format);
  g_assert_cmpstr (format_short, ==, c->format_short);
}

static void
test_old_style (gconstpointer data)
{
  const OldStyleCase *c = data;
  NichiroDate new_style = date_from_iso (c->new_style);
  NichiroDate expected_old = julian_date_from_iso (c->old_style);
  NichiroDate old_style;
  NichiroDate back;

  g_assert_true (nichiro_date_to_old_style (&new_style, &old_style));
  assert_dates_equal (&old_style, &expected_old);

  g_assert_true (nichiro_date_from_old_style (&expected_old, &back));
  assert_dates_equal (&back, &new_style);

  g_assert_cmpint (nichiro_date_julian_offset (&new_style), ==, c->offset);
}

static void
test_format_old_style (gconstpointer data)
{
  const FormatOldStyleCase *c = data;
  NichiroDate old_style = NICHIRO_DATE_NONE;
  NichiroDate new_style = date_from_iso (c->new_style);
  g_autofree char *text = NULL;

  if (c->old_style[0] != '\0')
    old_style = strlen (c->old_style) == 10 ? julian_date_from_iso (c->old_style)
                                            : date_from_iso (c->old_style);

  text = nichiro_date_format_old_style (&old_style, c->new_style != NULL ? &new_style : NULL);
  g_assert_cmpstr (text, ==, c->expected);
}

static void
test_russia (gconstpointer data)
{
  const RussiaCase *c = data;
  NichiroDate date = date_from_iso (c->iso);

  g_assert_cmpint (nichiro_date_russia_uses_julian (&date), ==, c->julian);
}

static void
test_japanese_era (gconstpointer data)
{
  const EraCase *c = data;
  NichiroDate date = date_from_iso (c->iso);
  const char *romaji = "untouched";
  const char *kanji = "untouched";
  int year = -1;
  gboolean approximate = -1;
  g_autofree char *format_romaji = nichiro_date_format_japanese_era (&date, FALSE);
  g_autofree char *format_kanji = nichiro_date_format_japanese_era (&date, TRUE);
  gboolean ok = nichiro_date_japanese_era (&date, &romaji, &kanji, &year, &approximate);

  g_assert_cmpint (ok, ==, c->ok);

  if (!c->ok)
    {
      g_assert_cmpstr (romaji, ==, "untouched");
      g_assert_cmpint (year, ==, -1);
      g_assert_null (format_romaji);
      g_assert_null (format_kanji);
      return;
    }

  g_assert_cmpstr (romaji, ==, c->romaji);
  g_assert_cmpstr (kanji, ==, c->kanji);
  g_assert_cmpint (year, ==, c->year);
  g_assert_cmpint (approximate, ==, c->approximate);
  g_assert_cmpstr (format_romaji, ==, c->format_romaji);
  g_assert_cmpstr (format_kanji, ==, c->format_kanji);

  /* Every out argument is optional. */
  g_assert_true (nichiro_date_japanese_era (&date, NULL, NULL, NULL, NULL));
}

static void
test_days_in_month (gconstpointer data)
{
  const DaysInMonthCase *c = data;

  g_assert_cmpint (nichiro_date_days_in_month (c->year, c->month, c->julian), ==, c->days);
}

static void
test_make (gconstpointer data)
{
  const MakeCase *c = data;
  NichiroDate date = nichiro_date_make (c->year, c->month, c->day);

  g_assert_cmpint (date.precision, ==, c->precision);
  g_assert_cmpint (nichiro_date_is_valid (&date), ==, c->valid);
  g_assert_cmpint (nichiro_date_is_set (&date), ==, c->precision != NICHIRO_DATE_PRECISION_NONE);

  if (c->valid)
    {
      g_assert_cmpint (date.year, ==, c->year);
      g_assert_cmpint (date.month, ==, c->month);
      g_assert_cmpint (date.day, ==, c->precision == NICHIRO_DATE_PRECISION_DAY ? c->day : 0);
    }
}

static void
test_julian_day (gconstpointer data)
{
  const JulianDayCase *c = data;
  NichiroDate date = date_from_iso (c->iso);
  NichiroDate back;

  g_assert_cmpint (nichiro_date_to_julian_day (&date), ==, c->jdn);

  back = nichiro_date_from_julian_day (c->jdn);
  g_assert_cmpint (back.precision, ==, NICHIRO_DATE_PRECISION_DAY);
  g_assert_cmpint (back.year, ==, date.year);
  g_assert_cmpint (back.month, ==, MAX (date.month, 1));
  g_assert_cmpint (back.day, ==, MAX (date.day, 1));
}

/* Other tests */

static void
test_compare (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (compare_order); i++)
    {
      NichiroDate a = date_from_iso (compare_order[i]);

      for (guint j = 0; j < G_N_ELEMENTS (compare_order); j++)
        {
          NichiroDate b = date_from_iso (compare_order[j]);
          int result = nichiro_date_compare (&a, &b);
          int expected = (i > j) - (i < j);

          g_assert_cmpint ((result > 0) - (result < 0), ==, expected);
        }
    }
}

static int
compare_func (gconstpointer a,
              gconstpointer b)
{
  return nichiro_date_compare (a, b);
}

static void
test_compare_sort (void)
{
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (NichiroDate));

  for (guint i = G_N_ELEMENTS (compare_order); i > 0; i--)
    {
      NichiroDate date = date_from_iso (compare_order[i - 1]);
      g_array_append_val (dates, date);
    }

  g_array_sort (dates, compare_func);

  for (guint i = 0; i < dates->len; i++)
    {
      NichiroDate expected = date_from_iso (compare_order[i]);
      assert_dates_equal (&g_array_index (dates, NichiroDate, i), &expected);
    }
}

static void
test_unset (void)
{
  NichiroDate none = NICHIRO_DATE_NONE;
  NichiroDate out;

  g_assert_false (nichiro_date_is_set (&none));
  g_assert_false (nichiro_date_is_valid (&none));
  g_assert_null (nichiro_date_to_iso (&none));
  g_assert_null (nichiro_date_format (&none));
  g_assert_null (nichiro_date_format_short (&none));
  g_assert_null (nichiro_date_format_old_style (&none, NULL));
  g_assert_null (nichiro_date_format_japanese_era (&none, FALSE));
  g_assert_cmpint (nichiro_date_to_julian_day (&none), ==, 0);
  g_assert_cmpint (nichiro_date_julian_offset (&none), ==, 0);
  g_assert_false (nichiro_date_russia_uses_julian (&none));
  g_assert_false (nichiro_date_japanese_era (&none, NULL, NULL, NULL, NULL));
  g_assert_cmpint (nichiro_date_compare (&none, &none), ==, 0);

  out = nichiro_date_make (1, 1, 1);
  g_assert_false (nichiro_date_to_old_style (&none, &out));
  g_assert_false (nichiro_date_is_set (&out));

  out = nichiro_date_make (1, 1, 1);
  g_assert_false (nichiro_date_from_old_style (&none, &out));
  g_assert_false (nichiro_date_is_set (&out));
}

/* Old Style dates that are not Gregorian dates can still be written. */
static void
test_format_julian_only (void)
{
  NichiroDate date = nichiro_date_make (1900, 2, 29);
  g_autofree char *iso = nichiro_date_to_iso (&date);
  g_autofree char *format = nichiro_date_format (&date);
  g_autofree char *format_short = nichiro_date_format_short (&date);

  g_assert_false (nichiro_date_is_valid (&date));
  g_assert_cmpstr (iso, ==, "1900-02-29");
  g_assert_cmpstr (format, ==, "29 February 1900");
  g_assert_cmpstr (format_short, ==, "29 Feb 1900");

  date = nichiro_date_make (1900, 2, 30);
  g_assert_null (nichiro_date_to_iso (&date));
  g_assert_null (nichiro_date_format (&date));
  date = nichiro_date_make (1905, 13, 0);
  g_assert_null (nichiro_date_to_iso (&date));
}

static void
test_old_style_invalid (void)
{
  const char * const not_day[] = { "1905", "1905-09" };
  NichiroDate out;
  NichiroDate date;

  for (guint i = 0; i < G_N_ELEMENTS (not_day); i++)
    {
      date = date_from_iso (not_day[i]);
      g_assert_false (nichiro_date_to_old_style (&date, &out));
      g_assert_false (nichiro_date_is_set (&out));
      g_assert_false (nichiro_date_from_old_style (&date, &out));
      g_assert_false (nichiro_date_is_set (&out));
    }

  /* Not a day in the Julian calendar either. */
  date = nichiro_date_make (1900, 2, 30);
  g_assert_false (nichiro_date_from_old_style (&date, &out));
  date = nichiro_date_make (1900, 13, 1);
  g_assert_false (nichiro_date_from_old_style (&date, &out));

  /* Julian 0001-01-01 is Gregorian 30 December of year 0. */
  date = nichiro_date_make (1, 1, 1);
  g_assert_false (nichiro_date_from_old_style (&date, &out));
  g_assert_false (nichiro_date_is_set (&out));
  date = nichiro_date_make (1, 1, 3);
  g_assert_true (nichiro_date_from_old_style (&date, &out));
  g_assert_cmpint (nichiro_date_to_julian_day (&out), ==, 1721426);

  /* Invalid Gregorian input. */
  date = nichiro_date_make (1900, 2, 29);
  g_assert_false (nichiro_date_to_old_style (&date, &out));
}

static void
test_julian_offset_periods (void)
{
  static const struct
  {
    const char *iso;
    int offset;
  } cases[] = {
    { "1700",    10 },
    { "1701",    11 },
    { "1700-03", 10 },
    { "1700-04", 11 },
    { "1900-03", 12 },
    { "1900-04", 13 },
    { "1918-02", 13 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      NichiroDate date = date_from_iso (cases[i].iso);

      g_assert_cmpint (nichiro_date_julian_offset (&date), ==, cases[i].offset);
    }
}

static void
test_julian_day_range (void)
{
  NichiroDate date;

  date = nichiro_date_from_julian_day (1721425);
  g_assert_false (nichiro_date_is_set (&date));
  date = nichiro_date_from_julian_day (5373485);
  g_assert_false (nichiro_date_is_set (&date));
  date = nichiro_date_from_julian_day (0);
  g_assert_false (nichiro_date_is_set (&date));
  date = nichiro_date_from_julian_day (G_MININT64);
  g_assert_false (nichiro_date_is_set (&date));
  date = nichiro_date_from_julian_day (G_MAXINT64);
  g_assert_false (nichiro_date_is_set (&date));

  date = nichiro_date_make (1905, 2, 29);
  g_assert_cmpint (nichiro_date_to_julian_day (&date), ==, 0);
}

/* Every day from 1700 to 1920: JDN and Old Style conversions round-trip and
 * agree with plain day counting, and the lag only grows, on the expected
 * days. */
static void
test_old_style_round_trip (void)
{
  NichiroDate first = nichiro_date_make (1700, 1, 1);
  NichiroDate last = nichiro_date_make (1920, 12, 31);
  gint64 first_jdn = nichiro_date_to_julian_day (&first);
  gint64 last_jdn = nichiro_date_to_julian_day (&last);
  int previous_offset = 10;
  guint n_changes = 0;

  g_assert_cmpint (first_jdn, ==, count_jdn (&first, FALSE));

  for (gint64 jdn = first_jdn; jdn <= last_jdn; jdn++)
    {
      NichiroDate date = nichiro_date_from_julian_day (jdn);
      NichiroDate old_style;
      NichiroDate back;
      int offset;

      g_assert_true (nichiro_date_is_valid (&date));
      g_assert_cmpint (nichiro_date_to_julian_day (&date), ==, jdn);
      g_assert_cmpint (count_jdn (&date, FALSE), ==, jdn);

      g_assert_true (nichiro_date_to_old_style (&date, &old_style));
      g_assert_cmpint (count_jdn (&old_style, TRUE), ==, jdn);
      g_assert_cmpint (old_style.day, <=, nichiro_date_days_in_month (old_style.year, old_style.month, TRUE));

      g_assert_true (nichiro_date_from_old_style (&old_style, &back));
      assert_dates_equal (&back, &date);

      offset = nichiro_date_julian_offset (&date);
      if (date.year == 1700 && (date.month < 3 || (date.month == 3 && date.day < 11)))
        g_assert_cmpint (offset, ==, 10);
      else
        g_assert_cmpint (offset, >=, 11);
      g_assert_cmpint (offset, <=, 13);

      /* Within one month the lag is the difference of the day numbers. */
      if (old_style.year == date.year && old_style.month == date.month)
        g_assert_cmpint (date.day - old_style.day, ==, offset);

      if (offset != previous_offset)
        {
          g_autofree char *iso = nichiro_date_to_iso (&date);
          const char *expected[] = { "1700-03-11", "1800-03-12", "1900-03-13" };

          g_assert_cmpint (offset, ==, previous_offset + 1);
          g_assert_cmpuint (n_changes, <, G_N_ELEMENTS (expected));
          g_assert_cmpstr (iso, ==, expected[n_changes]);
          n_changes++;
          previous_offset = offset;
        }

      g_assert_cmpint (nichiro_date_russia_uses_julian (&date), ==, jdn < 2421639);
    }

  g_assert_cmpuint (n_changes, ==, 3);
}

/* Eras never run backwards over a long stretch of days. */
static void
test_japanese_era_monotonic (void)
{
  NichiroDate first = nichiro_date_make (1688, 10, 23);
  NichiroDate last = nichiro_date_make (2030, 12, 31);
  const char *previous_romaji = NULL;
  int previous_year = 0;
  guint n_eras = 0;

  for (gint64 jdn = nichiro_date_to_julian_day (&first);
       jdn <= nichiro_date_to_julian_day (&last);
       jdn++)
    {
      NichiroDate date = nichiro_date_from_julian_day (jdn);
      const char *romaji;
      int year;
      gboolean approximate;

      g_assert_true (nichiro_date_japanese_era (&date, &romaji, NULL, &year, &approximate));
      g_assert_cmpint (year, >=, 1);

      if (romaji != previous_romaji)
        {
          n_eras++;
          previous_romaji = romaji;
          previous_year = 0;
        }
      else if (!approximate)
        {
          g_assert_cmpint (year, >=, previous_year);
        }

      if (!approximate)
        previous_year = year;
      if (date.year >= 1873)
        g_assert_false (approximate);
    }

  g_assert_cmpuint (n_eras, ==, 29);
}

/* The era year moves on exactly on the sourced new years. */
static void
test_lunisolar_new_years (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (lunisolar_new_year_cases); i++)
    {
      NichiroDate new_year = nichiro_date_make (lunisolar_new_year_cases[i].year,
                                                lunisolar_new_year_cases[i].month,
                                                lunisolar_new_year_cases[i].day);
      gint64 jdn = nichiro_date_to_julian_day (&new_year);
      NichiroDate eve = nichiro_date_from_julian_day (jdn - 1);
      const char *era, *eve_era;
      int year, eve_year;
      gboolean approximate, eve_approximate;

      g_assert_true (nichiro_date_japanese_era (&new_year, &era, NULL, &year, &approximate));
      g_assert_true (nichiro_date_japanese_era (&eve, &eve_era, NULL, &eve_year, &eve_approximate));
      g_assert_false (approximate);
      g_assert_false (eve_approximate);

      /* Meiji replaced Keiō at the new year of 1868. */
      if (era == eve_era)
        g_assert_cmpint (year, ==, eve_year + 1);
      else
        g_assert_cmpint (year, ==, 1);
    }
}

static void
test_null_arguments (void)
{
  NichiroDate date = nichiro_date_make (1905, 9, 5);

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*text != NULL*");
  g_assert_false (nichiro_date_parse (NULL, &date));
  g_test_assert_expected_messages ();
  g_assert_false (nichiro_date_is_set (&date));

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*out_date != NULL*");
  g_assert_false (nichiro_date_parse ("1905", NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*date != NULL*");
  g_assert_false (nichiro_date_is_valid (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*date != NULL*");
  g_assert_null (nichiro_date_format (NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*old_style != NULL*");
  g_assert_null (nichiro_date_format_old_style (NULL, &date));
  g_test_assert_expected_messages ();

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*a != NULL*");
  g_assert_cmpint (nichiro_date_compare (NULL, &date), ==, 0);
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TABLE_TESTS ("/nichiro/date/parse", parse_cases, text, test_parse);
  ADD_TABLE_TESTS ("/nichiro/date/format", format_cases, iso, test_format);
  ADD_TABLE_TESTS ("/nichiro/date/old-style", old_style_cases, new_style, test_old_style);
  ADD_TABLE_TESTS ("/nichiro/date/format-old-style", format_old_style_cases, old_style, test_format_old_style);
  ADD_TABLE_TESTS ("/nichiro/date/russia-uses-julian", russia_cases, iso, test_russia);
  ADD_TABLE_TESTS ("/nichiro/date/japanese-era", era_cases, iso, test_japanese_era);
  ADD_TABLE_TESTS ("/nichiro/date/julian-day", julian_day_cases, iso, test_julian_day);

  for (guint i = 0; i < G_N_ELEMENTS (days_in_month_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/date/days-in-month/%02u-%d-%02d-%s", i,
                                               days_in_month_cases[i].year,
                                               days_in_month_cases[i].month,
                                               days_in_month_cases[i].julian ? "julian" : "gregorian");
      g_test_add_data_func (path, &days_in_month_cases[i], test_days_in_month);
    }

  for (guint i = 0; i < G_N_ELEMENTS (make_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/nichiro/date/make/%02u", i);
      g_test_add_data_func (path, &make_cases[i], test_make);
    }

  g_test_add_func ("/nichiro/date/compare/pairs", test_compare);
  g_test_add_func ("/nichiro/date/compare/sort", test_compare_sort);
  g_test_add_func ("/nichiro/date/unset", test_unset);
  g_test_add_func ("/nichiro/date/format-julian-only", test_format_julian_only);
  g_test_add_func ("/nichiro/date/old-style-invalid", test_old_style_invalid);
  g_test_add_func ("/nichiro/date/julian-offset-periods", test_julian_offset_periods);
  g_test_add_func ("/nichiro/date/julian-day-range", test_julian_day_range);
  g_test_add_func ("/nichiro/date/old-style-round-trip", test_old_style_round_trip);
  g_test_add_func ("/nichiro/date/japanese-era-monotonic", test_japanese_era_monotonic);
  g_test_add_func ("/nichiro/date/lunisolar-new-years", test_lunisolar_new_years);
  g_test_add_func ("/nichiro/date/null-arguments", test_null_arguments);

  return g_test_run ();
}
