/* nichiro-timeline-model.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-timeline-model"

#include "config.h"

#include "nichiro-timeline-model-private.h"

#include <math.h>
#include <string.h>

/* The timeline's model: the dataset's entries and eras as times, in time
 * order, each entry an item with its marker, colour family, lifecycle and
 * label width; the conversions between dates and times; and what was in
 * force on a day. It is made once per dataset (and measured again when the
 * fonts or the title language change); the layout
 * (nichiro-timeline-layout.c) places its items at one zoom level at a
 * time. */

/* Helpers: dates */

/**
 * nichiro_timeline_date_to_time:
 * @date: a New Style date
 *
 * Returns: the Julian day of its first day (of its year or month for lower
 *   precisions), or 0 when it is not set
 */
double
nichiro_timeline_date_to_time (const NichiroDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  if (!nichiro_date_is_set (date))
    return 0;

  return nichiro_date_to_julian_day (date);
}

/**
 * nichiro_timeline_date_end:
 * @date: a New Style date
 *
 * Returns: the Julian day after the last day @date can mean: the next day,
 *   the first day of the next month or year; 0 when it is not set
 */
double
nichiro_timeline_date_end (const NichiroDate *date)
{
  NichiroDate next;

  g_return_val_if_fail (date != NULL, 0);

  if (!nichiro_date_is_set (date))
    return 0;

  switch (date->precision)
    {
    case NICHIRO_DATE_PRECISION_YEAR:
      next = (NichiroDate) { date->year + 1, 0, 0, NICHIRO_DATE_PRECISION_YEAR };
      break;

    case NICHIRO_DATE_PRECISION_MONTH:
      if (date->month == 12)
        next = (NichiroDate) { date->year + 1, 1, 0, NICHIRO_DATE_PRECISION_MONTH };
      else
        next = (NichiroDate) { date->year, date->month + 1, 0, NICHIRO_DATE_PRECISION_MONTH };
      break;

    case NICHIRO_DATE_PRECISION_DAY:
    case NICHIRO_DATE_PRECISION_NONE:
    default:
      return nichiro_date_to_julian_day (date) + 1;
    }

  return nichiro_date_to_julian_day (&next);
}

/**
 * nichiro_timeline_time_to_date:
 * @time: a Julian day, possibly with a fraction
 *
 * Returns: the day @time falls in, or %NICHIRO_DATE_NONE outside years 1
 *   to 9999
 */
NichiroDate
nichiro_timeline_time_to_date (double time)
{
  if (!isfinite (time))
    return NICHIRO_DATE_NONE;

  return nichiro_date_from_julian_day ((gint64) floor (time));
}

/* Helpers: in force */

/**
 * nichiro_timeline_entry_in_force_span:
 * @entry: an entry
 * @out_from: (out): the first day it was in force
 * @out_until: (out): the day it ended, or %G_MAXINT64 if it did not
 *
 * An instrument is in force from its in-force stage, or from its signature
 * when the dataset gives no such stage, until its ended stage if it has
 * one. A notice of denunciation does not end it. Dates known only to the
 * month or year count from their first day.
 *
 * Returns: %FALSE if @entry is not an instrument
 */
gboolean
nichiro_timeline_entry_in_force_span (NichiroEntry *entry,
                                      gint64       *out_from,
                                      gint64       *out_until)
{
  const NichiroDate *in_force, *ended;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (out_from != NULL, FALSE);
  g_return_val_if_fail (out_until != NULL, FALSE);

  if (!nichiro_entry_kind_is_instrument (nichiro_entry_get_kind (entry)))
    return FALSE;

  in_force = nichiro_entry_get_stage_date (entry, NICHIRO_STAGE_IN_FORCE);
  if (!nichiro_date_is_set (in_force))
    in_force = nichiro_entry_get_date (entry);
  ended = nichiro_entry_get_stage_date (entry, NICHIRO_STAGE_ENDED);

  *out_from = nichiro_date_to_julian_day (in_force);
  *out_until = nichiro_date_is_set (ended) ? nichiro_date_to_julian_day (ended) : G_MAXINT64;
  return TRUE;
}

/**
 * nichiro_timeline_entry_in_force:
 * @entry: an entry
 * @date: a New Style date (its first day counts for lower precisions)
 *
 * Returns: whether @entry is an instrument in force on @date, as
 *   nichiro_timeline_entry_in_force_span() defines it
 */
gboolean
nichiro_timeline_entry_in_force (NichiroEntry      *entry,
                                 const NichiroDate *date)
{
  gint64 from, until, day;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (entry), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  if (!nichiro_date_is_set (date) ||
      !nichiro_timeline_entry_in_force_span (entry, &from, &until))
    return FALSE;

  day = nichiro_date_to_julian_day (date);
  return from <= day && day < until;
}

static int
compare_entry_dates (gconstpointer a,
                     gconstpointer b)
{
  NichiroEntry *entry_a = *(NichiroEntry **) a;
  NichiroEntry *entry_b = *(NichiroEntry **) b;

  return nichiro_date_compare (nichiro_entry_get_date (entry_a), nichiro_entry_get_date (entry_b));
}

/**
 * nichiro_timeline_in_force:
 * @dataset: a dataset
 * @date: a New Style date
 *
 * Lists the instruments in force on @date, in the order they were signed.
 * The widget answers the same question from its model
 * (nichiro_timeline_model_in_force()) without walking the entries.
 *
 * Returns: (transfer full) (element-type NichiroEntry): the entries
 */
GPtrArray *
nichiro_timeline_in_force (NichiroDataset    *dataset,
                           const NichiroDate *date)
{
  GListModel *entries;
  GPtrArray *in_force;
  guint n_entries;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  in_force = g_ptr_array_new_with_free_func (g_object_unref);
  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      if (nichiro_timeline_entry_in_force (entry, date))
        g_ptr_array_add (in_force, g_steal_pointer (&entry));
    }

  /* Stable, so entries signed the same day keep the dataset's order. */
  g_ptr_array_sort (in_force, compare_entry_dates);
  return in_force;
}

/* Helpers: the model */

static NichiroTimelineGroup
group_for_kind (NichiroEntryKind kind)
{
  if (nichiro_entry_kind_is_instrument (kind))
    return NICHIRO_TIMELINE_GROUP_INSTRUMENT;

  switch (kind)
    {
    case NICHIRO_ENTRY_KIND_WAR:
    case NICHIRO_ENTRY_KIND_BATTLE:
      return NICHIRO_TIMELINE_GROUP_CONFLICT;

    case NICHIRO_ENTRY_KIND_CONFERENCE:
    case NICHIRO_ENTRY_KIND_MISSION:
      return NICHIRO_TIMELINE_GROUP_MEETING;

    case NICHIRO_ENTRY_KIND_INCIDENT:
      return NICHIRO_TIMELINE_GROUP_INCIDENT;

    case NICHIRO_ENTRY_KIND_TREATY:
    case NICHIRO_ENTRY_KIND_AGREEMENT:
    case NICHIRO_ENTRY_KIND_CONVENTION:
    case NICHIRO_ENTRY_KIND_PROTOCOL:
    case NICHIRO_ENTRY_KIND_DECLARATION:
    case NICHIRO_ENTRY_KIND_PACT:
    case NICHIRO_ENTRY_KIND_EVENT:
    case NICHIRO_N_ENTRY_KINDS:
    default:
      return NICHIRO_TIMELINE_GROUP_EVENT;
    }
}

static void
item_init (NichiroTimelineItem *item,
           NichiroEntry        *entry)
{
  NichiroEntryKind kind = nichiro_entry_get_kind (entry);
  const NichiroDate *end_date = nichiro_entry_get_end_date (entry);
  const NichiroLifecycleStep *steps;
  guint n_steps;

  memset (item, 0, sizeof *item);
  item->entry = entry;
  item->title = nichiro_entry_get_title (entry);
  item->group = group_for_kind (kind);
  item->start = nichiro_timeline_date_to_time (nichiro_entry_get_date (entry));
  item->end = item->start + 1;

  if (nichiro_entry_kind_is_instrument (kind))
    item->marker = NICHIRO_TIMELINE_MARKER_DIAMOND;
  else if (kind == NICHIRO_ENTRY_KIND_BATTLE || kind == NICHIRO_ENTRY_KIND_WAR)
    item->marker = NICHIRO_TIMELINE_MARKER_TRIANGLE;
  else
    item->marker = NICHIRO_TIMELINE_MARKER_CIRCLE;

  if (nichiro_date_is_set (end_date))
    {
      item->is_range = TRUE;
      item->end = MAX (nichiro_timeline_date_end (end_date), item->start + 1);
      return;
    }

  steps = nichiro_entry_get_lifecycle (entry, &n_steps);
  for (guint i = 0; i < n_steps; i++)
    {
      double when = nichiro_timeline_date_to_time (&steps[i].date);

      item->stages[steps[i].stage] = when;
      /* The line stops where the instrument ended, and runs through the
       * last day of any other stage. */
      item->end = MAX (item->end, steps[i].stage == NICHIRO_STAGE_ENDED ? when : when + 1);
    }

  item->is_open = item->stages[NICHIRO_STAGE_IN_FORCE] != 0 && item->stages[NICHIRO_STAGE_ENDED] == 0;
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const NichiroTimelineItem *item_a = a;
  const NichiroTimelineItem *item_b = b;

  if (item_a->start != item_b->start)
    return item_a->start < item_b->start ? -1 : 1;

  /* The longer first, so that what starts together nests. */
  if (item_a->end != item_b->end)
    return item_a->end > item_b->end ? -1 : 1;

  return 0;
}

/**
 * nichiro_timeline_model_new:
 * @dataset: a dataset
 *
 * Returns: (transfer full): the dataset's entries and eras on the timeline
 */
NichiroTimelineModel *
nichiro_timeline_model_new (NichiroDataset *dataset)
{
  NichiroTimelineModel *self;
  GListModel *entries;
  const NichiroEra *eras;
  guint n_entries, n_eras;

  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  self = g_new0 (NichiroTimelineModel, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dataset = g_object_ref (dataset);

  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);
  self->items = g_array_sized_new (FALSE, FALSE, sizeof (NichiroTimelineItem), n_entries);
  g_array_set_size (self->items, n_entries);

  for (guint i = 0; i < n_entries; i++)
    {
      /* The dataset holds its entries for as long as we hold it. */
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      item_init (&g_array_index (self->items, NichiroTimelineItem, i), entry);
    }

  /* g_array_sort() is a stable merge sort: equal items keep the dataset's
   * order, so the layout is the same from run to run. */
  g_array_sort (self->items, compare_items);

  self->positions = g_hash_table_new (NULL, NULL);
  self->start = G_MAXDOUBLE;
  self->end = -G_MAXDOUBLE;
  for (guint i = 0; i < n_entries; i++)
    {
      const NichiroTimelineItem *item = &g_array_index (self->items, NichiroTimelineItem, i);

      g_hash_table_insert (self->positions, item->entry, GUINT_TO_POINTER (i + 1));
      self->start = MIN (self->start, item->start);
      self->end = MAX (self->end, item->end);
    }

  eras = nichiro_dataset_get_eras (dataset, &n_eras);
  self->eras = g_array_sized_new (FALSE, TRUE, sizeof (NichiroTimelineEra), n_eras);
  for (guint i = 0; i < n_eras; i++)
    {
      NichiroTimelineEra era = {
        .era = &eras[i],
        .start = nichiro_timeline_date_to_time (&eras[i].start),
        .end = nichiro_timeline_date_end (&eras[i].end),
      };

      era.end = MAX (era.end, era.start + 1);
      g_array_append_val (self->eras, era);
      self->start = MIN (self->start, era.start);
      self->end = MAX (self->end, era.end);
    }

  if (self->start > self->end)
    {
      /* Nothing to show: a century around 1900 rather than nothing. */
      NichiroDate from = { 1850, 0, 0, NICHIRO_DATE_PRECISION_YEAR };
      NichiroDate to = { 1950, 0, 0, NICHIRO_DATE_PRECISION_YEAR };

      self->start = nichiro_timeline_date_to_time (&from);
      self->end = nichiro_timeline_date_to_time (&to);
    }

  return self;
}

NichiroTimelineModel *
nichiro_timeline_model_ref (NichiroTimelineModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nichiro_timeline_model_unref (NichiroTimelineModel *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->items, g_array_unref);
  g_clear_pointer (&self->eras, g_array_unref);
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_clear_object (&self->dataset);
  g_free (self);
}

/**
 * nichiro_timeline_model_get_dataset:
 * @self: a model
 *
 * Returns: (transfer none): the dataset it shows
 */
NichiroDataset *
nichiro_timeline_model_get_dataset (NichiroTimelineModel *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->dataset;
}

guint
nichiro_timeline_model_get_n_items (NichiroTimelineModel *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->items->len;
}

/**
 * nichiro_timeline_model_get_item:
 * @self: a model
 * @index: a position in time order
 *
 * Returns: (transfer none): the item
 */
const NichiroTimelineItem *
nichiro_timeline_model_get_item (NichiroTimelineModel *self,
                                 guint                 index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return &g_array_index (self->items, NichiroTimelineItem, index);
}

/**
 * nichiro_timeline_model_find:
 * @self: a model
 * @entry: an entry
 * @out_index: (out) (optional): its position in time order
 *
 * Returns: whether @entry is one of the model's
 */
gboolean
nichiro_timeline_model_find (NichiroTimelineModel *self,
                             NichiroEntry         *entry,
                             guint                *out_index)
{
  guint position;

  g_return_val_if_fail (self != NULL, FALSE);

  position = GPOINTER_TO_UINT (g_hash_table_lookup (self->positions, entry));
  if (position == 0)
    return FALSE;

  if (out_index != NULL)
    *out_index = position - 1;
  return TRUE;
}

const NichiroTimelineEra *
nichiro_timeline_model_get_eras (NichiroTimelineModel *self,
                                 guint                *n_eras)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (n_eras != NULL, NULL);

  *n_eras = self->eras->len;
  return (const NichiroTimelineEra *) (gpointer) self->eras->data;
}

/**
 * nichiro_timeline_model_get_bounds:
 * @self: a model
 * @out_start: (out): the first day of the first entry or era
 * @out_end: (out): the day after the last one ends
 */
void
nichiro_timeline_model_get_bounds (NichiroTimelineModel *self,
                                   double               *out_start,
                                   double               *out_end)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (out_start != NULL);
  g_return_if_fail (out_end != NULL);

  *out_start = self->start;
  *out_end = self->end;
}

/**
 * nichiro_timeline_model_measure:
 * @self: a model
 * @measure: (scope call): gives the width of an item's label
 * @measure_era: (scope call) (nullable): gives the width of an era's name,
 *   when it is drawn in another font
 * @user_data: data for both
 *
 * Sets the label widths of the items (their titles, in the language of
 * nichiro_timeline_model_set_title_language()) and of the eras. Layouts
 * made before keep the widths they were made with.
 */
void
nichiro_timeline_model_measure (NichiroTimelineModel       *self,
                                NichiroTimelineMeasureFunc  measure,
                                NichiroTimelineMeasureFunc  measure_era,
                                gpointer                    user_data)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (measure != NULL);

  if (measure_era == NULL)
    measure_era = measure;

  for (guint i = 0; i < self->items->len; i++)
    {
      NichiroTimelineItem *item = &g_array_index (self->items, NichiroTimelineItem, i);

      item->label_width = ceil (measure (item->title, user_data));
    }

  for (guint i = 0; i < self->eras->len; i++)
    {
      NichiroTimelineEra *era = &g_array_index (self->eras, NichiroTimelineEra, i);

      era->label_width = ceil (measure_era (nichiro_era_get_name (era->era, nichiro_language_get_interface ()), user_data));
    }
}

/**
 * nichiro_timeline_model_set_title_language:
 * @self: a model
 * @language: the language of the items' labels
 *
 * Changes each item's title; measure the model again before the next
 * layout, since the widths belong to the old titles.
 */
void
nichiro_timeline_model_set_title_language (NichiroTimelineModel *self,
                                           NichiroLanguage       language)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      NichiroTimelineItem *item = &g_array_index (self->items, NichiroTimelineItem, i);

      item->title = nichiro_entry_get_display_title (item->entry, language);
    }
}

/**
 * nichiro_timeline_model_in_force:
 * @self: a model
 * @julian_day: a day
 *
 * Like nichiro_timeline_in_force(), from the model's times.
 *
 * Returns: (transfer full) (element-type NichiroEntry): the instruments in
 *   force on @julian_day, in the order they were signed
 */
GPtrArray *
nichiro_timeline_model_in_force (NichiroTimelineModel *self,
                                 gint64                julian_day)
{
  GPtrArray *in_force;
  double day = julian_day;

  g_return_val_if_fail (self != NULL, NULL);

  in_force = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < self->items->len; i++)
    {
      const NichiroTimelineItem *item = &g_array_index (self->items, NichiroTimelineItem, i);
      double from, until;

      if (item->start > day)
        break;
      if (item->group != NICHIRO_TIMELINE_GROUP_INSTRUMENT)
        continue;

      from = item->stages[NICHIRO_STAGE_IN_FORCE] != 0 ? item->stages[NICHIRO_STAGE_IN_FORCE] : item->start;
      until = item->stages[NICHIRO_STAGE_ENDED] != 0 ? item->stages[NICHIRO_STAGE_ENDED] : G_MAXDOUBLE;
      if (from <= day && day < until)
        g_ptr_array_add (in_force, g_object_ref (item->entry));
    }

  return in_force;
}
