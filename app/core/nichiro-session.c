/* nichiro-session.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-session"

#include "config.h"

#include "nichiro-session.h"

#include <math.h>

/* The state every view shares: which dataset is open, which entry is
 * selected, what is being searched for. Views observe it through
 * notify:: and write to it; none of them reaches into another. */

struct _NichiroSession
{
  GObject parent_instance;

  NichiroDataset *dataset;
  NichiroSearch *search;
  NichiroEntry *selected;
  char *query;
  NichiroLanguage title_language;

  /* The timeline's view, as Julian days (both 0 until it is first shown),
   * and its date cursor (0 when there is none). */
  double visible_start;
  double visible_end;
  gint64 cursor;

  /* What was read before and after the selection, most recent last. */
  GPtrArray *back;
  GPtrArray *forward;
};

G_DEFINE_FINAL_TYPE (NichiroSession, nichiro_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_SELECTED,
  PROP_QUERY,
  PROP_CAN_GO_BACK,
  PROP_CAN_GO_FORWARD,
  PROP_VISIBLE_START,
  PROP_VISIBLE_END,
  PROP_CURSOR,
  PROP_TITLE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
nichiro_session_dispose (GObject *object)
{
  NichiroSession *self = (NichiroSession *)object;

  g_clear_object (&self->selected);
  g_clear_pointer (&self->back, g_ptr_array_unref);
  g_clear_pointer (&self->forward, g_ptr_array_unref);
  g_clear_pointer (&self->search, nichiro_search_free);
  g_clear_object (&self->dataset);

  G_OBJECT_CLASS (nichiro_session_parent_class)->dispose (object);
}

static void
nichiro_session_finalize (GObject *object)
{
  NichiroSession *self = (NichiroSession *)object;

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (nichiro_session_parent_class)->finalize (object);
}

static void
nichiro_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  NichiroSession *self = NICHIRO_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_object (value, self->dataset);
      break;

    case PROP_SELECTED:
      g_value_set_object (value, self->selected);
      break;

    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    case PROP_CAN_GO_BACK:
      g_value_set_boolean (value, nichiro_session_can_go_back (self));
      break;

    case PROP_CAN_GO_FORWARD:
      g_value_set_boolean (value, nichiro_session_can_go_forward (self));
      break;

    case PROP_VISIBLE_START:
      g_value_set_double (value, self->visible_start);
      break;

    case PROP_VISIBLE_END:
      g_value_set_double (value, self->visible_end);
      break;

    case PROP_CURSOR:
      g_value_set_int64 (value, self->cursor);
      break;

    case PROP_TITLE_LANGUAGE:
      g_value_set_enum (value, self->title_language);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  NichiroSession *self = NICHIRO_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      self->dataset = g_value_dup_object (value);
      break;

    case PROP_SELECTED:
      nichiro_session_set_selected (self, g_value_get_object (value));
      break;

    case PROP_QUERY:
      nichiro_session_set_query (self, g_value_get_string (value));
      break;

    case PROP_VISIBLE_START:
      nichiro_session_set_visible_range (self, g_value_get_double (value), self->visible_end);
      break;

    case PROP_VISIBLE_END:
      nichiro_session_set_visible_range (self, self->visible_start, g_value_get_double (value));
      break;

    case PROP_CURSOR:
      nichiro_session_set_cursor (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE_LANGUAGE:
      nichiro_session_set_title_language (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_session_class_init (NichiroSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nichiro_session_dispose;
  object_class->finalize = nichiro_session_finalize;
  object_class->get_property = nichiro_session_get_property;
  object_class->set_property = nichiro_session_set_property;

  properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         NICHIRO_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         NICHIRO_TYPE_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_GO_FORWARD] =
    g_param_spec_boolean ("can-go-forward", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSession:visible-start:
   *
   * The time at the timeline's left edge, as a Julian day with a fraction
   * (2451545.0 is the start of 1 January 2000), or 0 before the timeline
   * has chosen a view. With #NichiroSession:visible-end it keeps the zoom
   * and position for the session; bind both to settings to keep them
   * across runs.
   */
  properties[PROP_VISIBLE_START] =
    g_param_spec_double ("visible-start", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSession:visible-end:
   *
   * The time at the timeline's right edge, as #NichiroSession:visible-start.
   */
  properties[PROP_VISIBLE_END] =
    g_param_spec_double ("visible-end", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSession:cursor:
   *
   * The day the timeline's date cursor is on, as a Julian Day Number
   * (nichiro_date_to_julian_day()), or 0 when there is no cursor. The
   * timeline lists what was in force on that day.
   */
  properties[PROP_CURSOR] =
    g_param_spec_int64 ("cursor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSession:title-language:
   *
   * The language of the title that leads wherever an entry is named. The
   * window binds it to the title-language setting.
   */
  properties[PROP_TITLE_LANGUAGE] =
    g_param_spec_enum ("title-language", NULL, NULL,
                       NICHIRO_TYPE_LANGUAGE, NICHIRO_LANGUAGE_EN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nichiro_session_init (NichiroSession *self)
{
  self->query = g_strdup ("");
  self->back = g_ptr_array_new_with_free_func (g_object_unref);
  self->forward = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Selects @entry without touching the history. */
static void
select_entry (NichiroSession *self,
              NichiroEntry   *entry)
{
  if (g_set_object (&self->selected, entry))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

static void
notify_history (NichiroSession *self,
                gboolean        could_go_back,
                gboolean        could_go_forward)
{
  if (could_go_back != nichiro_session_can_go_back (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_BACK]);
  if (could_go_forward != nichiro_session_can_go_forward (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_GO_FORWARD]);
}

/* Moves the selection one step from @from to @to. */
static void
travel (NichiroSession *self,
        GPtrArray      *from,
        GPtrArray      *to)
{
  gboolean could_go_back = nichiro_session_can_go_back (self);
  gboolean could_go_forward = nichiro_session_can_go_forward (self);
  g_autoptr(NichiroEntry) entry = NULL;

  if (from->len == 0)
    return;

  entry = g_ptr_array_steal_index (from, from->len - 1);
  if (self->selected != NULL)
    g_ptr_array_add (to, g_object_ref (self->selected));
  select_entry (self, entry);
  notify_history (self, could_go_back, could_go_forward);
}

NichiroSession *
nichiro_session_new (NichiroDataset *dataset)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  return g_object_new (NICHIRO_TYPE_SESSION, "dataset", dataset, NULL);
}

/**
 * nichiro_session_get_dataset:
 * @self: a session
 *
 * Returns: (transfer none): the open dataset
 */
NichiroDataset *
nichiro_session_get_dataset (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return self->dataset;
}

/**
 * nichiro_session_get_search:
 * @self: a session
 *
 * The search over the open dataset, prepared on first use so that start-up
 * does not pay for it.
 *
 * Returns: (transfer none): the search
 */
NichiroSearch *
nichiro_session_get_search (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  if (self->search == NULL)
    {
      self->search = nichiro_search_new (self->dataset);
      nichiro_search_set_title_language (self->search, self->title_language);
    }

  return self->search;
}

/**
 * nichiro_session_get_selected:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): the selected entry
 */
NichiroEntry *
nichiro_session_get_selected (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return self->selected;
}

void
nichiro_session_set_selected (NichiroSession *self,
                              NichiroEntry   *entry)
{
  gboolean could_go_back, could_go_forward;

  g_return_if_fail (NICHIRO_IS_SESSION (self));
  g_return_if_fail (entry == NULL || NICHIRO_IS_ENTRY (entry));

  if (self->selected == entry)
    return;

  could_go_back = nichiro_session_can_go_back (self);
  could_go_forward = nichiro_session_can_go_forward (self);

  /* A new step in reading: what was read can be gone back to, and the
   * way forward branches off. */
  if (self->selected != NULL && entry != NULL)
    {
      g_ptr_array_add (self->back, g_object_ref (self->selected));
      g_ptr_array_set_size (self->forward, 0);
    }

  select_entry (self, entry);
  notify_history (self, could_go_back, could_go_forward);
}

gboolean
nichiro_session_can_go_back (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), FALSE);

  return self->back->len > 0;
}

gboolean
nichiro_session_can_go_forward (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), FALSE);

  return self->forward->len > 0;
}

/**
 * nichiro_session_go_back:
 * @self: a session
 *
 * Selects the entry read before this one, as a browser's Back does.
 */
void
nichiro_session_go_back (NichiroSession *self)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));

  travel (self, self->back, self->forward);
}

void
nichiro_session_go_forward (NichiroSession *self)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));

  travel (self, self->forward, self->back);
}

/**
 * nichiro_session_select_id:
 * @self: a session
 * @id: an entry id
 *
 * Returns: %TRUE if the dataset has an entry with @id, now selected
 */
gboolean
nichiro_session_select_id (NichiroSession *self,
                           const char     *id)
{
  NichiroEntry *entry;

  g_return_val_if_fail (NICHIRO_IS_SESSION (self), FALSE);

  entry = nichiro_dataset_lookup_entry (self->dataset, id);
  if (entry == NULL)
    return FALSE;

  nichiro_session_set_selected (self, entry);
  return TRUE;
}

const char *
nichiro_session_get_query (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return self->query;
}

void
nichiro_session_set_query (NichiroSession *self,
                           const char     *query)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));

  if (query == NULL)
    query = "";

  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * nichiro_session_get_visible_range:
 * @self: a session
 * @out_start: (out) (optional): the time at the timeline's left edge
 * @out_end: (out) (optional): the time at its right edge
 *
 * Gets the timeline's view as Julian days; both are 0 until it has one.
 */
void
nichiro_session_get_visible_range (NichiroSession *self,
                                   double         *out_start,
                                   double         *out_end)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));

  if (out_start != NULL)
    *out_start = self->visible_start;
  if (out_end != NULL)
    *out_end = self->visible_end;
}

/**
 * nichiro_session_set_visible_range:
 * @self: a session
 * @start: the time at the timeline's left edge, a Julian day
 * @end: the time at its right edge
 *
 * Sets both ends at once, so that observers see one change of view.
 */
void
nichiro_session_set_visible_range (NichiroSession *self,
                                   double          start,
                                   double          end)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));
  g_return_if_fail (isfinite (start) && isfinite (end));

  start = MAX (start, 0);
  end = MAX (end, 0);
  if (start == self->visible_start && end == self->visible_end)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (start != self->visible_start)
    {
      self->visible_start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_START]);
    }
  if (end != self->visible_end)
    {
      self->visible_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_END]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * nichiro_session_get_cursor:
 * @self: a session
 *
 * Returns: the Julian Day Number of the timeline's date cursor, or 0
 */
gint64
nichiro_session_get_cursor (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), 0);

  return self->cursor;
}

/**
 * nichiro_session_set_cursor:
 * @self: a session
 * @julian_day: a Julian Day Number, or 0 to remove the cursor
 */
void
nichiro_session_set_cursor (NichiroSession *self,
                            gint64          julian_day)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));
  g_return_if_fail (julian_day >= 0);

  if (self->cursor == julian_day)
    return;

  self->cursor = julian_day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURSOR]);
}

NichiroLanguage
nichiro_session_get_title_language (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NICHIRO_LANGUAGE_EN);

  return self->title_language;
}

/**
 * nichiro_session_set_title_language:
 * @self: a session
 * @language: the language of the titles that lead
 *
 * Views redraw their titles on notify::title-language; searches run after
 * it highlight the title in @language.
 */
void
nichiro_session_set_title_language (NichiroSession  *self,
                                    NichiroLanguage  language)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));
  g_return_if_fail (language < NICHIRO_N_LANGUAGES);

  if (self->title_language == language)
    return;

  self->title_language = language;
  if (self->search != NULL)
    nichiro_search_set_title_language (self->search, language);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE_LANGUAGE]);
}

/**
 * nichiro_session_get_title:
 * @self: a session
 * @entry: an entry
 *
 * Returns: @entry's title in the session's title language
 */
const char *
nichiro_session_get_title (NichiroSession *self,
                           NichiroEntry   *entry)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return nichiro_entry_get_display_title (entry, self->title_language);
}
