/* nichiro-in-force.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-in-force"

#include "config.h"

#include "nichiro-in-force.h"

#include <stdio.h>
#include <string.h>

#include "nichiro-error.h"

/* One answer to "what was in force on day D", for the timeline's cursor,
 * the map and `nichiro --in-force`: an instrument is in force from its
 * in-force stage (or its signature, when the dataset gives none) until the
 * day its end took effect. A disputed end is in force until the earliest
 * side's date, disputed until the latest, and over after that; an end with
 * no date (still in force, no formal end) never stops it. Dates known only
 * to the month or year count from their first day. */

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static gint64
first_day (const NichiroDate *date)
{
  return nichiro_date_to_julian_day (date);
}

/* The window of a disputed end: from the earliest side's date, to the
 * latest (unset when a side holds the instrument still in force). */
static void
disputed_window (const NichiroEnd *end,
                 NichiroDate      *out_earliest,
                 NichiroDate      *out_latest)
{
  gboolean open = FALSE;

  *out_earliest = NICHIRO_DATE_NONE;
  *out_latest = NICHIRO_DATE_NONE;

  for (guint i = 0; i < end->n_views; i++)
    {
      const NichiroDate *date = &end->views[i].date;

      if (!nichiro_date_is_set (date))
        {
          open = TRUE;
          continue;
        }
      if (!nichiro_date_is_set (out_earliest) || nichiro_date_compare (date, out_earliest) < 0)
        *out_earliest = *date;
      if (!nichiro_date_is_set (out_latest) || nichiro_date_compare (date, out_latest) > 0)
        *out_latest = *date;
    }

  if (open)
    *out_latest = NICHIRO_DATE_NONE;
}

/* Whether @entry binds on @day, and until when. */
static NichiroForce
force_on (NichiroEntry *entry,
          gint64        day,
          NichiroDate  *out_until)
{
  const NichiroEnd *end;
  const NichiroDate *ended;

  *out_until = NICHIRO_DATE_NONE;

  if (!nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)) ||
      day < first_day (nichiro_entry_get_in_force_date (entry)))
    return NICHIRO_FORCE_NONE;

  end = nichiro_entry_get_end (entry);
  if (end != NULL && end->status == NICHIRO_END_DISPUTED)
    {
      NichiroDate earliest, latest;

      disputed_window (end, &earliest, &latest);
      *out_until = latest;
      if (!nichiro_date_is_set (&earliest) || day < first_day (&earliest))
        return NICHIRO_FORCE_IN_FORCE;
      if (nichiro_date_is_set (&latest) && day >= first_day (&latest))
        return NICHIRO_FORCE_NONE;
      return NICHIRO_FORCE_DISPUTED;
    }

  /* Every other end, and datasets that give only an "ended" stage, stop it
   * on the day of that stage (derived from the end when there is one). */
  ended = nichiro_entry_get_stage_date (entry, NICHIRO_STAGE_ENDED);
  if (!nichiro_date_is_set (ended))
    return NICHIRO_FORCE_IN_FORCE;

  *out_until = *ended;
  return day < first_day (ended) ? NICHIRO_FORCE_IN_FORCE : NICHIRO_FORCE_NONE;
}

const char *
nichiro_force_to_string (NichiroForce force)
{
  switch (force)
    {
    case NICHIRO_FORCE_IN_FORCE:
      return "in-force";
    case NICHIRO_FORCE_DISPUTED:
      return "disputed";
    case NICHIRO_FORCE_NONE:
    default:
      return "none";
    }
}

/**
 * nichiro_entry_get_force:
 * @entry: an entry
 * @day: a New Style day
 *
 * Returns: whether @entry is an instrument that bound its parties on @day,
 *   and whether that is disputed
 */
NichiroForce
nichiro_entry_get_force (NichiroEntry      *entry,
                         const NichiroDate *day)
{
  NichiroDate until;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (entry), NICHIRO_FORCE_NONE);
  g_return_val_if_fail (day != NULL, NICHIRO_FORCE_NONE);

  if (!nichiro_date_is_valid (day))
    return NICHIRO_FORCE_NONE;

  return force_on (entry, first_day (day), &until);
}

void
nichiro_in_force_free (NichiroInForce *item)
{
  if (item == NULL)
    return;

  g_clear_object (&item->entry);
  g_clear_pointer (&item->partial_ends, g_ptr_array_unref);
  g_free (item);
}

static NichiroInForce *
in_force_new (NichiroEntry *entry,
              NichiroForce  force,
              gint64        day,
              NichiroDate  *until)
{
  NichiroInForce *item = g_new0 (NichiroInForce, 1);
  const NichiroLifecycleStep *steps;
  const NichiroEnd *partial_ends;
  const NichiroDate *latest = NULL;
  guint n;

  item->entry = g_object_ref (entry);
  item->force = force;
  item->since = *nichiro_entry_get_in_force_date (entry);
  item->until = *until;
  item->end = nichiro_entry_get_end (entry);
  item->signed_only = TRUE;

  steps = nichiro_entry_get_lifecycle (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      if (steps[i].stage == NICHIRO_STAGE_ENDED || !nichiro_date_is_set (&steps[i].date) ||
          first_day (&steps[i].date) > day)
        continue;
      if (latest == NULL || nichiro_date_compare (&steps[i].date, latest) >= 0)
        {
          latest = &steps[i].date;
          item->stage = steps[i].stage;
          item->signed_only = FALSE;
        }
    }

  item->partial_ends = g_ptr_array_new ();
  partial_ends = nichiro_entry_get_partial_ends (entry, &n);
  for (guint i = 0; i < n; i++)
    {
      if (first_day (&partial_ends[i].date) <= day)
        g_ptr_array_add (item->partial_ends, (gpointer) &partial_ends[i]);
    }

  return item;
}

/**
 * nichiro_in_force_on:
 * @dataset: a dataset
 * @day: a New Style day (a date of lower precision counts from its first
 *   day)
 *
 * Lists the instruments that bound their parties on @day, and those whose
 * force on that day the parties dispute, in the order they were signed.
 * This is the one answer the program gives to the question: the timeline's
 * cursor, the map and `nichiro --in-force` all ask it here.
 *
 * Returns: (transfer full) (element-type NichiroInForce): the instruments,
 *   possibly none
 */
GPtrArray *
nichiro_in_force_on (NichiroDataset    *dataset,
                     const NichiroDate *day)
{
  GPtrArray *items;
  GListModel *entries;
  guint n_entries;
  gint64 jdn;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (day != NULL, NULL);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) nichiro_in_force_free);
  if (!nichiro_date_is_valid (day))
    return items;

  jdn = first_day (day);
  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);

  /* The entries are in order of date, which for instruments is the day
   * they were signed; entries of the same day keep the dataset's order. */
  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
      NichiroDate until;
      NichiroForce force;

      if (first_day (nichiro_entry_get_date (entry)) > jdn)
        break;

      force = force_on (entry, jdn, &until);
      if (force != NICHIRO_FORCE_NONE)
        g_ptr_array_add (items, in_force_new (entry, force, jdn, &until));
    }

  return items;
}

/**
 * nichiro_in_force_to_json:
 * @item: an instrument in force
 *
 * The item as `nichiro --in-force --json` prints it; HACKING.md documents
 * the members.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
nichiro_in_force_to_json (const NichiroInForce *item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  const NichiroNames *titles;

  g_return_val_if_fail (item != NULL, NULL);

  titles = nichiro_entry_get_titles (item->entry);

  json_builder_begin_object (builder);
  nichiro_json_add_string (builder, "id", nichiro_entry_get_id (item->entry));
  nichiro_json_add_string (builder, "kind", nichiro_entry_kind_to_string (nichiro_entry_get_kind (item->entry)));
  nichiro_json_add_string (builder, "title", titles->en);
  json_builder_set_member_name (builder, "titles");
  json_builder_begin_object (builder);
  nichiro_json_add_string (builder, "en", titles->en);
  nichiro_json_add_string (builder, "ja", titles->ja);
  nichiro_json_add_string (builder, "ru", titles->ru);
  json_builder_end_object (builder);
  nichiro_json_add_date (builder, "signed", nichiro_entry_get_date (item->entry));
  nichiro_json_add_string (builder, "force", nichiro_force_to_string (item->force));
  nichiro_json_add_date (builder, "since", &item->since);
  nichiro_json_add_date (builder, "until", &item->until);
  nichiro_json_add_string (builder, "stage", item->signed_only ? "signed" : nichiro_stage_to_string (item->stage));

  json_builder_set_member_name (builder, "end");
  json_builder_add_value (builder, nichiro_end_to_json (item->end));

  json_builder_set_member_name (builder, "partial_ends");
  json_builder_begin_array (builder);
  for (guint i = 0; i < item->partial_ends->len; i++)
    json_builder_add_value (builder, nichiro_end_to_json (g_ptr_array_index (item->partial_ends, i)));
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* Strips a trailing Old Style mark: "O.S.", "OS", "(O.S.)", any case. */
static gboolean
strip_old_style_mark (char *text)
{
  gsize length = strlen (text);
  char *end = text + length;
  char *p = end;
  gboolean parenthesis = FALSE;
  int letters = 0;

  if (p > text && p[-1] == ')')
    {
      parenthesis = TRUE;
      p--;
    }

  /* Read "s", "s.", "o.s", "o. s." backwards. */
  while (p > text && letters < 2)
    {
      char c = g_ascii_tolower (p[-1]);

      if (c == '.' || c == ' ')
        p--;
      else if ((letters == 0 && c == 's') || (letters == 1 && c == 'o'))
        {
          p--;
          letters++;
        }
      else
        break;
    }

  if (letters != 2)
    return FALSE;

  if (parenthesis)
    {
      if (p == text || p[-1] != '(')
        return FALSE;
      p--;
    }

  while (p > text && p[-1] == ' ')
    p--;
  *p = '\0';
  return TRUE;
}

/**
 * nichiro_in_force_parse_day:
 * @text: what a person typed: `1905-09-05`, or `1905-08-23 O.S.` for a day
 *   of Russia's Julian calendar
 * @out_day: (out): the day, New Style
 * @out_old_style: (out) (optional): whether @text was Old Style
 * @error: return location for a %NICHIRO_ERROR_INVALID error that says what
 *   is wrong
 *
 * Reads the day of an in-force question.
 *
 * Returns: whether @text is a real day
 */
gboolean
nichiro_in_force_parse_day (const char   *text,
                            NichiroDate  *out_day,
                            gboolean     *out_old_style,
                            GError      **error)
{
  g_autofree char *copy = NULL;
  gboolean old_style;
  NichiroDate date;
  int year, month, day;
  char tail;

  g_return_val_if_fail (out_day != NULL, FALSE);

  copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (copy[0] == '\0')
    {
      g_set_error_literal (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                           "give a day, written YYYY-MM-DD");
      return FALSE;
    }

  old_style = strip_old_style_mark (copy);

  if (old_style ? nichiro_date_parse_old_style (copy, &date) : nichiro_date_parse (copy, &date))
    {
      if (date.precision != NICHIRO_DATE_PRECISION_DAY)
        {
          g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                       "“%s” is not a single day; give one, written YYYY-MM-DD (such as %04d-%02d-01)",
                       copy, date.year, date.month > 0 ? date.month : 1);
          return FALSE;
        }

      if (old_style)
        {
          NichiroDate julian = date;

          if (!nichiro_date_from_old_style (&julian, &date))
            {
              g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                           "“%s” O.S. has no New Style day Nichiro can count", copy);
              return FALSE;
            }
        }

      *out_day = date;
      if (out_old_style != NULL)
        *out_old_style = old_style;
      return TRUE;
    }

  if (strlen (copy) == 10 &&
      sscanf (copy, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3 &&
      year >= 1 && month >= 1 && month <= 12 && day >= 1)
    {
      g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
                   "“%s” is not a real date: %s %d has %d days%s",
                   copy, month_names[month - 1], year,
                   nichiro_date_days_in_month (year, month, old_style),
                   old_style ? " in the Julian calendar" : "");
      return FALSE;
    }

  g_set_error (error, NICHIRO_ERROR, NICHIRO_ERROR_INVALID,
               "“%s” is not a day; write it YYYY-MM-DD, or YYYY-MM-DD O.S. for a day of "
               "Russia's Old Style calendar", text);
  return FALSE;
}
