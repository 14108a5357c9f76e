/* nichiro-date.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NICHIRO_DATE_PRECISION_NONE = 0,
  NICHIRO_DATE_PRECISION_YEAR,
  NICHIRO_DATE_PRECISION_MONTH,
  NICHIRO_DATE_PRECISION_DAY,
} NichiroDatePrecision;

/**
 * NichiroDate:
 * @year: the year (1 to 9999)
 * @month: 1 to 12, or 0 when the precision is the year
 * @day: 1 to 31, or 0 when the precision is the year or month
 * @precision: how much of the date is known
 *
 * A historical date in the proleptic Gregorian calendar (New Style) unless a
 * function says otherwise. A plain value type: copy it by assignment. A date
 * with %NICHIRO_DATE_PRECISION_NONE is "no date" (for absent values).
 */
typedef struct
{
  gint16 year;
  guint8 month;
  guint8 day;
  NichiroDatePrecision precision : 8;
} NichiroDate;

/**
 * NichiroEraScript:
 * @NICHIRO_ERA_SCRIPT_ROMAJI: `Meiji 38`
 * @NICHIRO_ERA_SCRIPT_KANJI: `明治38年`
 * @NICHIRO_ERA_SCRIPT_CYRILLIC: `Мэйдзи 38`
 *
 * How a Japanese era year is written.
 */
typedef enum
{
  NICHIRO_ERA_SCRIPT_ROMAJI,
  NICHIRO_ERA_SCRIPT_KANJI,
  NICHIRO_ERA_SCRIPT_CYRILLIC,
} NichiroEraScript;

#define NICHIRO_DATE_NONE ((NichiroDate) { 0, 0, 0, NICHIRO_DATE_PRECISION_NONE })

/* The day Russia moved to the Gregorian calendar: 1 February 1918 (Julian)
 * was followed by 14 February 1918 (Gregorian). */
#define NICHIRO_RUSSIA_GREGORIAN_YEAR  1918
#define NICHIRO_RUSSIA_GREGORIAN_MONTH 2
#define NICHIRO_RUSSIA_GREGORIAN_DAY   14

gboolean     nichiro_date_parse                 (const char           *text,
                                                 NichiroDate          *out_date);
gboolean     nichiro_date_parse_old_style       (const char           *text,
                                                 NichiroDate          *out_date);
gboolean     nichiro_date_is_valid              (const NichiroDate    *date);
gboolean     nichiro_date_is_set                (const NichiroDate    *date);
int          nichiro_date_compare               (const NichiroDate    *a,
                                                 const NichiroDate    *b);
NichiroDate  nichiro_date_make                  (int                   year,
                                                 int                   month,
                                                 int                   day);
int          nichiro_date_days_in_month         (int                   year,
                                                 int                   month,
                                                 gboolean              julian);
gint64       nichiro_date_to_julian_day         (const NichiroDate    *date);
NichiroDate  nichiro_date_from_julian_day       (gint64                jdn);
char        *nichiro_date_to_iso                (const NichiroDate    *date);
char        *nichiro_date_format                (const NichiroDate    *date);
char        *nichiro_date_format_short          (const NichiroDate    *date);
int          nichiro_date_julian_offset         (const NichiroDate    *date);
gboolean     nichiro_date_to_old_style          (const NichiroDate    *date,
                                                 NichiroDate          *out_old_style);
gboolean     nichiro_date_from_old_style        (const NichiroDate    *old_style,
                                                 NichiroDate          *out_date);
gboolean     nichiro_date_russia_uses_julian    (const NichiroDate    *date);
char        *nichiro_date_format_old_style      (const NichiroDate    *old_style,
                                                 const NichiroDate    *new_style);
char        *nichiro_date_format_japanese_era   (const NichiroDate    *date,
                                                 gboolean              japanese_script);
char        *nichiro_date_format_japanese_era_in (const NichiroDate    *date,
                                                 NichiroEraScript      script);
char        *nichiro_date_format_era_year       (const char           *era_romaji,
                                                 int                   era_year,
                                                 NichiroEraScript      script);
gboolean     nichiro_date_is_japanese_era       (const char           *era_romaji);
gboolean     nichiro_date_era_year_near         (const NichiroDate    *date,
                                                 const char           *era_romaji,
                                                 int                   era_year);
gboolean     nichiro_date_use_japanese_script   (void);
NichiroEraScript nichiro_date_get_era_script    (void);
gboolean     nichiro_date_japanese_era          (const NichiroDate    *date,
                                                 const char          **out_era_romaji,
                                                 const char          **out_era_kanji,
                                                 int                  *out_era_year,
                                                 gboolean             *out_approximate);

G_END_DECLS
