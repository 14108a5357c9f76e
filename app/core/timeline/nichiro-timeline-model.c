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
 * label width; and the conversions between dates and times. What was in
 * force on a day is the core's one answer, nichiro_in_force_on(). It is
 * made once per dataset (and measured again when the fonts or the title
 * language change); the layout (nichiro-timeline-layout.c) places its
 * items at one zoom level at a time. */

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

/* Helpers: the model */

/**
 * nichiro_timeline_category_for_kind:
 * @kind: a kind of entry
 *
 * Returns: the kind a reader groups and filters @kind under
 */
NichiroTimelineCategory
nichiro_timeline_category_for_kind (NichiroEntryKind kind)
{
  if (nichiro_entry_kind_is_instrument (kind))
    return NICHIRO_TIMELINE_CATEGORY_INSTRUMENTS;
  if (kind == NICHIRO_ENTRY_KIND_WAR || kind == NICHIRO_ENTRY_KIND_BATTLE)
    return NICHIRO_TIMELINE_CATEGORY_CONFLICTS;
  return NICHIRO_TIMELINE_CATEGORY_EVENTS;
}

/* What is written beside an entry on the timeline: its short title where
 * the dataset gives one ("Portsmouth 1905"), else its title. */
static const char *
item_label (NichiroEntry    *entry,
            NichiroLanguage  language)
{
  return nichiro_entry_get_short_title (entry, language);
}

/* Words that an era's initials leave out. */
static gboolean
is_minor_word (const char *word,
               gsize       length)
{
  static const char * const minor[] = {
    "and", "of", "the", "in", "on", "at", "to", "for", "a", "an",
    "и", "в", "во", "на", "с", "со", "к", "по",
  };

  for (guint i = 0; i < G_N_ELEMENTS (minor); i++)
    if (strlen (minor[i]) == length && strncmp (minor[i], word, length) == 0)
      return TRUE;

  return FALSE;
}

/* A short name for an era the dataset gives none: the initials of its words
 * ("Russo-Japanese War" gives "RJW"), or %NULL for a name of one word
 * or written without spaces (Japanese), which has no better short form
 * than itself. */
static char *
dup_initials (const char *name)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  guint n_words = 0;
  const char *p = name;

  while (*p != '\0')
    {
      const char *word_end = p;
      gunichar first;

      while (*word_end != '\0')
        {
          gunichar c = g_utf8_get_char (word_end);

          if (g_unichar_isspace (c) || c == '-' || c == 0x2013 /* – */ || c == '(' || c == ')')
            break;
          word_end = g_utf8_next_char (word_end);
        }

      if (word_end > p)
        {
          first = g_utf8_get_char (p);
          n_words++;
          if (g_unichar_isalnum (first) && !is_minor_word (p, word_end - p))
            g_string_append_unichar (initials, g_unichar_toupper (first));
        }

      p = *word_end != '\0' ? g_utf8_next_char (word_end) : word_end;
    }

  if (n_words < 2 || initials->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

/* Eras are named in the interface's language, as the rest of the
 * interface (the items' labels follow the title language). */
static void
name_eras (NichiroTimelineModel *self)
{
  NichiroLanguage language = nichiro_language_get_interface ();

  g_ptr_array_set_size (self->era_initials, 0);

  for (guint i = 0; i < self->eras->len; i++)
    {
      NichiroTimelineEra *era = &g_array_index (self->eras, NichiroTimelineEra, i);
      const char *name = nichiro_era_get_name (era->era, language);
      const char *short_name = nichiro_era_get_short_name (era->era, language);
      char *initials = dup_initials (name);

      era->names[NICHIRO_TIMELINE_ERA_NAME] = name;
      era->names[NICHIRO_TIMELINE_ERA_SHORT] = short_name != NULL ? short_name : name;
      era->names[NICHIRO_TIMELINE_ERA_INITIALS] = initials != NULL ? initials : era->names[NICHIRO_TIMELINE_ERA_SHORT];
      if (initials != NULL)
        g_ptr_array_add (self->era_initials, initials);
    }
}

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
  item->label = item_label (entry, NICHIRO_LANGUAGE_EN);
  item->group = group_for_kind (kind);
  item->category = nichiro_timeline_category_for_kind (kind);
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
  self->entries_start = self->start;
  self->entries_end = self->end;
  for (guint i = 0; i < n_entries; i++)
    g_array_index (self->items, NichiroTimelineItem, i).tail =
      g_array_index (self->items, NichiroTimelineItem, n_entries - 1).start + 1;

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
  self->era_initials = g_ptr_array_new_with_free_func (g_free);
  name_eras (self);

  if (self->start > self->end)
    {
      /* Nothing to show: a century around 1900 rather than nothing. */
      NichiroDate from = { 1850, 0, 0, NICHIRO_DATE_PRECISION_YEAR };
      NichiroDate to = { 1950, 0, 0, NICHIRO_DATE_PRECISION_YEAR };

      self->start = nichiro_timeline_date_to_time (&from);
      self->end = nichiro_timeline_date_to_time (&to);
    }

  if (self->entries_start > self->entries_end)
    {
      self->entries_start = self->start;
      self->entries_end = self->end;
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
  g_clear_pointer (&self->era_initials, g_ptr_array_unref);
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
 * nichiro_timeline_model_get_period:
 * @self: a model
 * @out_start: (out): the first day of the period the dataset is about
 * @out_end: (out): the day after its last day
 *
 * The time the timeline opens on: the dataset's period of interest, or
 * the time its entries span when it names none.
 */
void
nichiro_timeline_model_get_period (NichiroTimelineModel *self,
                                   double               *out_start,
                                   double               *out_end)
{
  NichiroDate start, end;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out_start != NULL);
  g_return_if_fail (out_end != NULL);

  if (nichiro_dataset_get_period (self->dataset, &start, &end))
    {
      *out_start = nichiro_timeline_date_to_time (&start);
      *out_end = nichiro_timeline_date_end (&end);
      return;
    }

  *out_start = self->entries_start;
  *out_end = self->entries_end;
}

/**
 * nichiro_timeline_model_first_at_or_after:
 * @self: a model
 * @time: a time
 *
 * Returns: the position of the first item that starts at or after @time,
 *   or the number of items when none does
 */
guint
nichiro_timeline_model_first_at_or_after (NichiroTimelineModel *self,
                                          double                time)
{
  guint low = 0, high;

  g_return_val_if_fail (self != NULL, 0);

  high = self->items->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (g_array_index (self->items, NichiroTimelineItem, middle).start < time)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * nichiro_timeline_model_measure:
 * @self: a model
 * @measure: (scope call): gives the width of an item's label
 * @measure_era: (scope call) (nullable): gives the width of an era's name,
 *   when it is drawn in another font
 * @user_data: data for both
 *
 * Sets the label widths of the items (their labels, in the language of
 * nichiro_timeline_model_set_title_language()) and of the eras' names,
 * full and short. Make layouts again afterwards: they read the widths.
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

  self->widest_label = 0;
  for (guint i = 0; i < self->items->len; i++)
    {
      NichiroTimelineItem *item = &g_array_index (self->items, NichiroTimelineItem, i);

      item->label_width = ceil (measure (item->label, user_data));
      self->widest_label = MAX (self->widest_label, item->label_width);
    }

  for (guint i = 0; i < self->eras->len; i++)
    {
      NichiroTimelineEra *era = &g_array_index (self->eras, NichiroTimelineEra, i);

      for (guint form = 0; form < NICHIRO_TIMELINE_ERA_N_FORMS; form++)
        era->widths[form] = ceil (measure_era (era->names[form], user_data));
    }
}

/**
 * nichiro_timeline_model_set_title_language:
 * @self: a model
 * @language: the language of the items' labels
 *
 * Changes each item's title and label and each era's names; measure the
 * model again before the next layout, since the widths belong to the old
 * ones.
 */
void
nichiro_timeline_model_set_title_language (NichiroTimelineModel *self,
                                           NichiroLanguage       language)
{
  g_return_if_fail (self != NULL);

  self->language = language;
  for (guint i = 0; i < self->items->len; i++)
    {
      NichiroTimelineItem *item = &g_array_index (self->items, NichiroTimelineItem, i);

      item->title = nichiro_entry_get_display_title (item->entry, language);
      item->label = item_label (item->entry, language);
    }

}

NichiroLanguage
nichiro_timeline_model_get_title_language (NichiroTimelineModel *self)
{
  g_return_val_if_fail (self != NULL, NICHIRO_LANGUAGE_EN);

  return self->language;
}
