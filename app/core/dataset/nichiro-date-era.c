/* nichiro-date-era.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-date"

#include "config.h"

#include "nichiro-date-private.h"

#include <glib/gi18n.h>

/* Japanese eras: which era and era year a Gregorian date falls in, from
 * Genroku (1688) on, counting lunisolar years before 1873, and how the
 * era is written in kanji, romaji or Cyrillic. */

/* Static data */

/* Romaji era names are the same in every language, and the command line's
 * JSON output carries them, so their one word stays English. */
#define ROMAJI_CIRCA "c."

/* Russian texts write "ок." for circa. */
#define CYRILLIC_CIRCA "ок."

/* The Japanese era suffixes are not translated: they are Japanese
 * whatever the interface language is. */
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

/* Index of the era in force on @jdn, or -1 before the first era. */
static int
era_index_for_jdn (gint64 jdn)
{
  for (int i = G_N_ELEMENTS (japanese_eras) - 1; i >= 0; i--)
    {
      const JapaneseEra *era = &japanese_eras[i];

      if (_nichiro_date_gregorian_to_jdn (era->year, era->month, era->day) <= jdn)
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
      gint64 start = _nichiro_date_gregorian_to_jdn (era->year, era->month, era->day);

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
  gint64 jdn = _nichiro_date_gregorian_to_jdn (year, month, day);
  gint64 likeliest;

  g_assert (year >= LUNISOLAR_FIRST_YEAR && year < JAPAN_GREGORIAN_YEAR);

  new_year = &lunisolar_new_years[year - LUNISOLAR_FIRST_YEAR];
  likeliest = _nichiro_date_gregorian_to_jdn (year, new_year->month, new_year->day);

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
  int index = era_index_for_jdn (_nichiro_date_gregorian_to_jdn (year, month, day));
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
                         era_begins_within (_nichiro_date_gregorian_to_jdn (year, 1, 1),
                                            _nichiro_date_gregorian_to_jdn (year, 12, 31));
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
  int last_day = nichiro_date_days_in_month (year, month, FALSE);
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

  if (!_nichiro_date_is_valid_in (date, FALSE))
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

  if (!_nichiro_date_is_valid_in (date, FALSE) || lookup_era (era_romaji) == NULL)
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
