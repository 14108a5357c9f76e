/* nichiro-entry-dates.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry"

#include "config.h"

#include "nichiro-entry-private.h"

#include <glib/gi18n.h>

/* An entry's dates written for people: the short label lists show, a date
 * with its Old Style day and Japanese era year, the dataset's own naming
 * of that era year, a start and end in full or in words. */

/**
 * nichiro_entry_dup_date_label:
 * @self: an entry
 *
 * Returns: (transfer full): the entry's date or date range, short, for lists
 */
char *
nichiro_entry_dup_date_label (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return g_strdup (self->date_label);
}

static char *
format_date_with_era (const NichiroDate *date,
                      const NichiroDate *old_style,
                      const char        *era_text)
{
  g_autofree char *new_text = NULL;
  g_autofree char *old_text = NULL;
  GString *text;

  new_text = nichiro_date_format (date);
  if (new_text == NULL)
    return g_strdup ("");

  text = g_string_new (new_text);
  if (old_style != NULL && nichiro_date_is_set (old_style))
    old_text = nichiro_date_format_old_style (old_style, date);
  if (old_text != NULL)
    g_string_append_printf (text, " (%s)", old_text);
  if (era_text != NULL)
    g_string_append_printf (text, " — %s", era_text);

  return g_string_free (text, FALSE);
}

/**
 * nichiro_entry_format_date:
 * @date: a New Style date
 * @old_style: (nullable): the same day Old Style, if it applies
 * @with_era: whether to add the Japanese era year
 *
 * Writes a date the way the detail view and the command line show it:
 * "5 September 1905 (23 August O.S.) — Meiji 38", the era in the script
 * the interface's language uses (nichiro_date_get_era_script()).
 *
 * Returns: (transfer full): the text
 */
char *
nichiro_entry_format_date (const NichiroDate *date,
                           const NichiroDate *old_style,
                           gboolean           with_era)
{
  g_autofree char *era_text = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  if (with_era)
    era_text = nichiro_date_format_japanese_era_in (date, nichiro_date_get_era_script ());

  return format_date_with_era (date, old_style, era_text);
}

/**
 * nichiro_entry_get_era_override:
 * @self: an entry
 * @out_era_romaji: (out) (optional) (transfer none): the era's name
 * @out_era_year: (out) (optional): the year of that era
 *
 * Some Japanese chronologies name the year of an entry differently from
 * the era computed for its date: they apply an era proclaimed later in the
 * lunisolar year to the whole year. The dataset can say so.
 *
 * Returns: whether the dataset gives the era year of the entry's date
 */
gboolean
nichiro_entry_get_era_override (NichiroEntry  *self,
                                const char   **out_era_romaji,
                                int           *out_era_year)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), FALSE);

  if (self->era_override == NULL)
    return FALSE;

  if (out_era_romaji != NULL)
    *out_era_romaji = self->era_override;
  if (out_era_year != NULL)
    *out_era_year = self->era_override_year;
  return TRUE;
}

/**
 * nichiro_entry_dup_japanese_era:
 * @self: an entry
 * @script: how to write it
 *
 * Returns: (transfer full) (nullable): the Japanese era year of the entry's
 *   date as Japanese sources name it: the dataset's own naming if it gives
 *   one (nichiro_entry_get_era_override()), else the computed one
 */
char *
nichiro_entry_dup_japanese_era (NichiroEntry     *self,
                                NichiroEraScript  script)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  if (self->era_override != NULL)
    return nichiro_date_format_era_year (self->era_override, self->era_override_year, script);

  return nichiro_date_format_japanese_era_in (&self->date, script);
}

/**
 * nichiro_entry_dup_dates_text:
 * @self: an entry
 *
 * Returns: (transfer full): the entry's date, or its start and end, in full
 */
char *
nichiro_entry_dup_dates_text (NichiroEntry *self)
{
  NichiroEraScript script = nichiro_date_get_era_script ();
  g_autofree char *start_era = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  start_era = nichiro_entry_dup_japanese_era (self, script);
  start = format_date_with_era (&self->date, &self->date_old_style, start_era);
  if (!nichiro_date_is_set (&self->end_date) || nichiro_date_compare (&self->date, &self->end_date) == 0)
    return g_steal_pointer (&start);

  end = nichiro_entry_format_date (&self->end_date, &self->end_date_old_style, TRUE);
  /* Translators: a start and an end date written in full */
  return g_strdup_printf (_("%s to %s"), start, end);
}

/**
 * nichiro_entry_dup_date_span:
 * @self: an entry
 *
 * Returns: (transfer full): the entry's date, or its start and end, in words
 *   but without Old Style or era: "8 February 1904 – 5 September 1905"
 */
char *
nichiro_entry_dup_date_span (NichiroEntry *self)
{
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  start = nichiro_date_format (&self->date);
  if (!nichiro_date_is_set (&self->end_date) || nichiro_date_compare (&self->date, &self->end_date) == 0)
    return g_steal_pointer (&start);

  end = nichiro_date_format (&self->end_date);
  return g_strdup_printf (_("%s – %s"), start, end);
}
