/* nichiro-entry.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-entry-private.h"

/* NichiroEntry is one entry of the dataset: an instrument, a war, an
 * event. Its code is in several files, by concern, that share
 * nichiro-entry-private.h. This one holds the type: its fields, freeing
 * them, its properties, sealing it once the loader has filled it, and
 * the getters; then
 *   -keywords.c  the format's keywords and their labels: kinds, stages,
 *                end statuses, relations and their inverses
 *   -language.c  the three languages and a name given in all three
 *   -dates.c     its dates in words: the list label, Old Style and era,
 *                full and short spans
 *   -json.c      an entry and an end as the command line's JSON */

G_DEFINE_FINAL_TYPE (NichiroEntry, nichiro_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND_LABEL,
  PROP_TITLE,
  PROP_DATE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
signatory_clear (gpointer data)
{
  NichiroSignatory *signatory = data;

  g_clear_pointer (&signatory->person_id, g_free);
  nichiro_names_clear (&signatory->name);
  g_clear_pointer (&signatory->side, g_free);
  g_clear_pointer (&signatory->office, g_free);
}

static void
step_clear (gpointer data)
{
  NichiroLifecycleStep *step = data;

  g_clear_pointer (&step->note, g_free);
}

static void
article_clear (gpointer data)
{
  NichiroArticle *article = data;

  g_clear_pointer (&article->number, g_free);
  g_clear_pointer (&article->text, g_free);
}

static void
related_clear (gpointer data)
{
  NichiroRelated *related = data;

  g_clear_pointer (&related->id, g_free);
}

static void
source_clear (gpointer data)
{
  NichiroSource *source = data;

  g_clear_pointer (&source->title, g_free);
  g_clear_pointer (&source->url, g_free);
}

static void
sources_free (NichiroSource *sources,
              guint          n_sources)
{
  for (guint i = 0; i < n_sources; i++)
    source_clear (&sources[i]);
  g_free (sources);
}

void
_nichiro_end_clear (NichiroEnd *end)
{
  g_clear_pointer (&end->articles, g_strfreev);
  g_clear_pointer (&end->by, g_strfreev);
  g_clear_pointer (&end->note, g_free);
  sources_free (g_steal_pointer (&end->sources), end->n_sources);
  end->n_sources = 0;
  for (guint i = 0; i < end->n_views; i++)
    {
      g_strfreev (end->views[i].parties);
      g_free (end->views[i].note);
    }
  g_clear_pointer (&end->views, g_free);
  end->n_views = 0;
}

static void
end_free (NichiroEnd *end)
{
  _nichiro_end_clear (end);
  g_free (end);
}

static void
partial_end_clear (gpointer data)
{
  _nichiro_end_clear (data);
}

static GArray *
new_array (gsize          element_size,
           GDestroyNotify clear_func)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear_func);
  return array;
}

static void
nichiro_entry_finalize (GObject *object)
{
  NichiroEntry *self = (NichiroEntry *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->former_ids, g_strfreev);
  nichiro_names_clear (&self->title);
  nichiro_names_clear (&self->short_title);
  g_clear_pointer (&self->aliases, g_strfreev);
  g_clear_pointer (&self->era_override, g_free);
  g_clear_pointer (&self->lifecycle, g_array_unref);
  g_clear_pointer (&self->end, end_free);
  g_clear_pointer (&self->partial_ends, g_array_unref);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->places, g_strfreev);
  g_clear_pointer (&self->parties, g_strfreev);
  g_clear_pointer (&self->signatories, g_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->articles, g_array_unref);
  g_clear_pointer (&self->significance, g_free);
  g_clear_pointer (&self->related, g_array_unref);
  g_clear_pointer (&self->threads, g_strfreev);
  g_clear_pointer (&self->part, g_free);
  g_clear_pointer (&self->sources, g_array_unref);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->date_label, g_free);

  G_OBJECT_CLASS (nichiro_entry_parent_class)->finalize (object);
}

static void
nichiro_entry_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NichiroEntry *self = NICHIRO_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_KIND_LABEL:
      g_value_set_string (value, nichiro_entry_kind_get_label (self->kind));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title.en);
      break;

    case PROP_DATE_LABEL:
      g_value_set_string (value, self->date_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_entry_class_init (NichiroEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nichiro_entry_finalize;
  object_class->get_property = nichiro_entry_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND_LABEL] =
    g_param_spec_string ("kind-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DATE_LABEL] =
    g_param_spec_string ("date-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nichiro_entry_init (NichiroEntry *self)
{
  self->lifecycle = new_array (sizeof (NichiroLifecycleStep), step_clear);
  self->partial_ends = new_array (sizeof (NichiroEnd), partial_end_clear);
  self->signatories = new_array (sizeof (NichiroSignatory), signatory_clear);
  self->articles = new_array (sizeof (NichiroArticle), article_clear);
  self->related = new_array (sizeof (NichiroRelated), related_clear);
  self->sources = new_array (sizeof (NichiroSource), source_clear);
}

NichiroEntry *
_nichiro_entry_new (void)
{
  return g_object_new (NICHIRO_TYPE_ENTRY, NULL);
}

/* Called by the loader once every field is filled. */
void
_nichiro_entry_seal (NichiroEntry *self)
{
  g_autofree char *start = nichiro_date_format_short (&self->date);

  g_clear_pointer (&self->date_label, g_free);
  if (nichiro_date_is_set (&self->end_date) && nichiro_date_compare (&self->date, &self->end_date) != 0)
    {
      g_autofree char *end = nichiro_date_format_short (&self->end_date);

      /* Translators: a range of dates, e.g. "8 Feb 1904 – 5 Sep 1905" */
      self->date_label = g_strdup_printf (_("%s – %s"), start, end);
    }
  else
    {
      self->date_label = g_steal_pointer (&start);
    }
}

const char *
nichiro_entry_get_id (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->id;
}

NichiroEntryKind
nichiro_entry_get_kind (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NICHIRO_ENTRY_KIND_EVENT);

  return self->kind;
}

/**
 * nichiro_entry_get_title:
 * @self: an entry
 *
 * Returns: the English title
 */
const char *
nichiro_entry_get_title (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->title.en;
}

const NichiroNames *
nichiro_entry_get_titles (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->title;
}

/**
 * nichiro_entry_get_display_title:
 * @self: an entry
 * @language: the language the reader chose for titles
 *
 * The title that leads wherever the entry is named: in lists, on the
 * timeline, at the top of the detail view.
 *
 * Returns: the title in @language, or the English one when there is none
 */
const char *
nichiro_entry_get_display_title (NichiroEntry    *self,
                                 NichiroLanguage  language)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return nichiro_names_get (&self->title, language);
}

/**
 * nichiro_entry_get_short_titles:
 * @self: an entry
 *
 * Returns: the short titles given for crowded places such as the timeline
 *   ("Portsmouth 1905"); every member is %NULL when the dataset gives none
 */
const NichiroNames *
nichiro_entry_get_short_titles (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->short_title;
}

/**
 * nichiro_entry_get_short_title:
 * @self: an entry
 * @language: the language the reader chose for titles
 *
 * Returns: the short title in @language, else the English short title,
 *   else the display title (nichiro_entry_get_display_title())
 */
const char *
nichiro_entry_get_short_title (NichiroEntry    *self,
                               NichiroLanguage  language)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  if (self->short_title.en == NULL)
    return nichiro_entry_get_display_title (self, language);

  return nichiro_names_get (&self->short_title, language);
}

/**
 * nichiro_entry_get_former_ids:
 * @self: an entry
 *
 * Returns: (array zero-terminated=1): ids the entry had in earlier versions
 *   of its dataset, which nichiro_dataset_lookup_entry() still accepts
 */
const char * const *
nichiro_entry_get_former_ids (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->former_ids;
}

const char * const *
nichiro_entry_get_aliases (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->aliases;
}

/**
 * nichiro_entry_get_date:
 * @self: an entry
 *
 * The entry's date, New Style: the signing date for an instrument, the
 * start for a range such as a war.
 */
const NichiroDate *
nichiro_entry_get_date (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->date;
}

const NichiroDate *
nichiro_entry_get_date_old_style (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->date_old_style;
}

const NichiroDate *
nichiro_entry_get_end_date (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->end_date;
}

const NichiroDate *
nichiro_entry_get_end_date_old_style (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return &self->end_date_old_style;
}

/**
 * nichiro_entry_get_stage_date:
 * @self: an entry
 * @stage: a lifecycle stage
 *
 * Returns: the date @stage was reached, or a date that is not set
 */
const NichiroDate *
nichiro_entry_get_stage_date (NichiroEntry *self,
                              NichiroStage  stage)
{
  static const NichiroDate none = { 0, 0, 0, NICHIRO_DATE_PRECISION_NONE };

  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  for (guint i = 0; i < self->lifecycle->len; i++)
    {
      const NichiroLifecycleStep *step = &g_array_index (self->lifecycle, NichiroLifecycleStep, i);

      if (step->stage == stage)
        return &step->date;
    }

  return &none;
}

const NichiroLifecycleStep *
nichiro_entry_get_lifecycle (NichiroEntry *self,
                             guint        *n_steps)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_steps != NULL, NULL);

  *n_steps = self->lifecycle->len;
  return (const NichiroLifecycleStep *) (gpointer) self->lifecycle->data;
}

/**
 * nichiro_entry_get_in_force_date:
 * @self: an entry
 *
 * Returns: the day an instrument came into force: its in-force stage, or
 *   its date of signature when the dataset gives no such stage
 */
const NichiroDate *
nichiro_entry_get_in_force_date (NichiroEntry *self)
{
  const NichiroDate *in_force;

  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  in_force = nichiro_entry_get_stage_date (self, NICHIRO_STAGE_IN_FORCE);
  return nichiro_date_is_set (in_force) ? in_force : &self->date;
}

/**
 * nichiro_entry_get_end:
 * @self: an entry
 *
 * Returns: (nullable): how the instrument ended, or %NULL when the dataset
 *   does not say (entries that are not instruments never have one)
 */
const NichiroEnd *
nichiro_entry_get_end (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->end;
}

/**
 * nichiro_entry_get_partial_ends:
 * @self: an entry
 * @n_ends: (out): the number of partial ends
 *
 * Returns: (array length=n_ends): the articles that ended while the rest of
 *   the instrument stayed in force, in the dataset's order
 */
const NichiroEnd *
nichiro_entry_get_partial_ends (NichiroEntry *self,
                                guint        *n_ends)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_ends != NULL, NULL);

  *n_ends = self->partial_ends->len;
  return (const NichiroEnd *) (gpointer) self->partial_ends->data;
}

/**
 * nichiro_entry_get_place:
 * @self: an entry
 *
 * Returns: (nullable): where it happened, in words
 */
const char *
nichiro_entry_get_place (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->place;
}

/**
 * nichiro_entry_get_places:
 * @self: an entry
 *
 * Returns: (array zero-terminated=1): ids of the dataset's places where it
 *   happened, for the map (nichiro_dataset_lookup_place())
 */
const char * const *
nichiro_entry_get_places (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->places;
}

const char * const *
nichiro_entry_get_parties (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->parties;
}

const NichiroSignatory *
nichiro_entry_get_signatories (NichiroEntry *self,
                               guint        *n_signatories)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_signatories != NULL, NULL);

  *n_signatories = self->signatories->len;
  return (const NichiroSignatory *) (gpointer) self->signatories->data;
}

const char *
nichiro_entry_get_summary (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->summary;
}

const NichiroArticle *
nichiro_entry_get_articles (NichiroEntry *self,
                            guint        *n_articles)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_articles != NULL, NULL);

  *n_articles = self->articles->len;
  return (const NichiroArticle *) (gpointer) self->articles->data;
}

const char *
nichiro_entry_get_significance (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->significance;
}

const NichiroRelated *
nichiro_entry_get_related (NichiroEntry *self,
                           guint        *n_related)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_related != NULL, NULL);

  *n_related = self->related->len;
  return (const NichiroRelated *) (gpointer) self->related->data;
}

const char * const *
nichiro_entry_get_threads (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return (const char * const *) self->threads;
}

const char *
nichiro_entry_get_part (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->part;
}

const NichiroSource *
nichiro_entry_get_sources (NichiroEntry *self,
                           guint        *n_sources)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);
  g_return_val_if_fail (n_sources != NULL, NULL);

  *n_sources = self->sources->len;
  return (const NichiroSource *) (gpointer) self->sources->data;
}

const char *
nichiro_entry_get_notes (NichiroEntry *self)
{
  g_return_val_if_fail (NICHIRO_IS_ENTRY (self), NULL);

  return self->notes;
}
