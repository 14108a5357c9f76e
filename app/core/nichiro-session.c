/* nichiro-session.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-session"

#include "config.h"

#include "nichiro-session-private.h"

#include <math.h>

/* The state every view shares, and the one place it is computed: which
 * dataset is open, where the reader's own data is kept, which entry is
 * selected, what is being searched for and what that search found. Views
 * observe it through notify:: and its signals (with a GSignalGroup) and
 * write to it; none of them reaches into another, and none computes what
 * another also needs. The selection and its history are in
 * nichiro-session-history.c; the struct is in nichiro-session-private.h. */

G_DEFINE_FINAL_TYPE (NichiroSession, nichiro_session, G_TYPE_OBJECT)

enum {
  STUDY_CHANGED,
  RESULTS_CHANGED,
  N_SIGNALS
};

GParamSpec *_nichiro_session_properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
study_is_cb (NichiroEntry *entry,
             const char   *what,
             gpointer      user_data)
{
  NichiroSession *self = user_data;
  NichiroStudyFilter filter;

  if (self->store == NULL || !nichiro_study_filter_from_string (what, &filter))
    return FALSE;

  return nichiro_study_store_matches (self->store, nichiro_session_get_dataset_id (self),
                                      nichiro_entry_get_id (entry), filter);
}

static const char *
study_note_cb (NichiroEntry *entry,
               gpointer      user_data)
{
  NichiroSession *self = user_data;

  if (self->store == NULL)
    return NULL;

  return nichiro_study_store_get_note (self->store, nichiro_session_get_dataset_id (self),
                                       nichiro_entry_get_id (entry));
}

static const NichiroSearchStudy search_study = { study_is_cb, study_note_cb };

static gboolean
same_entries (const NichiroSearchResults *a,
              const NichiroSearchResults *b)
{
  guint n_a = a ? a->items->len : 0;
  guint n_b = b ? b->items->len : 0;

  if (n_a != n_b)
    return FALSE;

  for (guint i = 0; i < n_a; i++)
    {
      const NichiroSearchResult *result_a = g_ptr_array_index (a->items, i);
      const NichiroSearchResult *result_b = g_ptr_array_index (b->items, i);

      if (result_a->entry != result_b->entry)
        return FALSE;
    }

  return TRUE;
}

/* Runs the query once for every view. When only the reader's data has
 * changed, a search that finds the same entries leaves the lists alone, so
 * that a note being typed does not rebuild the results under the reader. */
static void
update_results (NichiroSession *self,
                gboolean        keep_same)
{
  NichiroSearchResults *results = NULL;

  if (self->query[0] != '\0')
    results = nichiro_search_run (nichiro_session_get_search (self), self->query);

  if (keep_same && same_entries (nichiro_results_model_get_results (self->results), results))
    {
      g_clear_pointer (&results, nichiro_search_results_free);
      return;
    }

  nichiro_results_model_set_results (self->results, results);
  g_signal_emit (self, signals[RESULTS_CHANGED], 0);
}

static void
store_changed_cb (NichiroSession    *self,
                  const char        *dataset_id,
                  const char        *entry_id,
                  NichiroStudyStore *store)
{
  if (g_strcmp0 (dataset_id, nichiro_session_get_dataset_id (self)) != 0)
    return;

  g_signal_emit (self, signals[STUDY_CHANGED], 0, entry_id);

  /* is: terms and notes are part of what a query matches. */
  if (self->query[0] != '\0')
    update_results (self, TRUE);
}

static void
nichiro_session_dispose (GObject *object)
{
  NichiroSession *self = (NichiroSession *)object;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_object (&self->results);
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

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RESULTS:
      g_value_set_object (value, self->results);
      break;

    case PROP_PART:
      g_value_set_string (value, nichiro_session_get_part (self));
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

    case PROP_STORE:
      nichiro_session_set_store (self, g_value_get_object (value));
      break;

    case PROP_PART:
      nichiro_session_set_part (self, g_value_get_string (value));
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

  _nichiro_session_properties[PROP_DATASET] =
    g_param_spec_object ("dataset", NULL, NULL,
                         NICHIRO_TYPE_DATASET,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  _nichiro_session_properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL,
                         NICHIRO_TYPE_ENTRY,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _nichiro_session_properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  _nichiro_session_properties[PROP_CAN_GO_BACK] =
    g_param_spec_boolean ("can-go-back", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  _nichiro_session_properties[PROP_CAN_GO_FORWARD] =
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
  _nichiro_session_properties[PROP_VISIBLE_START] =
    g_param_spec_double ("visible-start", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSession:visible-end:
   *
   * The time at the timeline's right edge, as #NichiroSession:visible-start.
   */
  _nichiro_session_properties[PROP_VISIBLE_END] =
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
  _nichiro_session_properties[PROP_CURSOR] =
    g_param_spec_int64 ("cursor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSession:title-language:
   *
   * The language of the title that leads wherever an entry is named. The
   * window binds it to the title-language setting.
   */
  _nichiro_session_properties[PROP_TITLE_LANGUAGE] =
    g_param_spec_enum ("title-language", NULL, NULL,
                       NICHIRO_TYPE_LANGUAGE, NICHIRO_LANGUAGE_EN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSession:store:
   *
   * Where the reader's marks, notes and history are kept, or %NULL when
   * the study tools are off. The session plugs it into the search (is:
   * terms, notes) and repeats its changes for this dataset as
   * #NichiroSession::study-changed.
   */
  _nichiro_session_properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         NICHIRO_TYPE_STUDY_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSession:results:
   *
   * What #NichiroSession:query found, best first: one model for every view
   * that shows it, recomputed once per change of query, study data or
   * title language. Empty while there is no query.
   */
  _nichiro_session_properties[PROP_RESULTS] =
    g_param_spec_object ("results", NULL, NULL,
                         NICHIRO_TYPE_RESULTS_MODEL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroSession:part:
   *
   * The id of the chapter part whose page the reader chose to see, or
   * %NULL. Selecting an entry, the same one again included, leaves the
   * part's page for the entry's.
   */
  _nichiro_session_properties[PROP_PART] =
    g_param_spec_string ("part", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, _nichiro_session_properties);

  /**
   * NichiroSession::study-changed:
   * @self: the session
   * @entry_id: (nullable): the entry whose marks or note changed, or %NULL
   *   when the whole store changed (an import, another store)
   *
   * The reader's data for the open dataset changed.
   */
  signals[STUDY_CHANGED] =
    g_signal_new ("study-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * NichiroSession::results-changed:
   * @self: the session
   *
   * #NichiroSession:results holds a new answer to the query; its warnings
   * and suggestion may have changed with it.
   */
  signals[RESULTS_CHANGED] =
    g_signal_new ("results-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
nichiro_session_init (NichiroSession *self)
{
  self->query = g_strdup ("");
  self->results = nichiro_results_model_new ();
  self->back = g_ptr_array_new_with_free_func (g_object_unref);
  self->forward = g_ptr_array_new_with_free_func (g_object_unref);
}

void
_nichiro_session_show_part (NichiroSession    *self,
                            const NichiroPart *part)
{
  if (self->part == part)
    return;

  self->part = part;
  g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_PART]);
}

/**
 * nichiro_session_new:
 * @dataset: the dataset to read
 * @store: (nullable): where the reader's own data is kept
 *
 * Returns: (transfer full): a new session
 */
NichiroSession *
nichiro_session_new (NichiroDataset    *dataset,
                     NichiroStudyStore *store)
{
  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (store == NULL || NICHIRO_IS_STUDY_STORE (store), NULL);

  return g_object_new (NICHIRO_TYPE_SESSION,
                       "dataset", dataset,
                       "store", store,
                       NULL);
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
 * nichiro_session_get_dataset_id:
 * @self: a session
 *
 * Returns: the open dataset's id, which keys the reader's data in the store
 */
const char *
nichiro_session_get_dataset_id (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return nichiro_dataset_get_id (self->dataset);
}

/**
 * nichiro_session_get_store:
 * @self: a session
 *
 * Returns: (transfer none) (nullable): where the reader's data is kept
 */
NichiroStudyStore *
nichiro_session_get_store (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return self->store;
}

/**
 * nichiro_session_set_store:
 * @self: a session
 * @store: (nullable): where the reader's data is kept
 *
 * The search sees @store at once: the next results, computed here before
 * anyone is told, already filter by it.
 */
void
nichiro_session_set_store (NichiroSession    *self,
                           NichiroStudyStore *store)
{
  g_return_if_fail (NICHIRO_IS_SESSION (self));
  g_return_if_fail (store == NULL || NICHIRO_IS_STUDY_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  if (self->query[0] != '\0')
    update_results (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_STORE]);
  g_signal_emit (self, signals[STUDY_CHANGED], 0, NULL);
}

/**
 * nichiro_session_get_results:
 * @self: a session
 *
 * Returns: (transfer none): what the query found; see #NichiroSession:results
 */
NichiroResultsModel *
nichiro_session_get_results (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return self->results;
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
      nichiro_search_set_study (self->search, &search_study, self);
    }

  return self->search;
}

/**
 * nichiro_session_get_part:
 * @self: a session
 *
 * Returns: (nullable): the id of the part whose page is shown; see
 *   #NichiroSession:part
 */
const char *
nichiro_session_get_part (NichiroSession *self)
{
  g_return_val_if_fail (NICHIRO_IS_SESSION (self), NULL);

  return self->part != NULL ? self->part->id : NULL;
}

/**
 * nichiro_session_set_part:
 * @self: a session
 * @part_id: (nullable): a part of the dataset, or %NULL to show the
 *   selected entry again
 *
 * Shows the page of a chapter part. The selection stays: it is shown
 * again when the part's page is left.
 *
 * Returns: %TRUE if the dataset has that part (or @part_id is %NULL)
 */
gboolean
nichiro_session_set_part (NichiroSession *self,
                          const char     *part_id)
{
  const NichiroPart *part = NULL;

  g_return_val_if_fail (NICHIRO_IS_SESSION (self), FALSE);

  if (part_id != NULL)
    {
      part = nichiro_dataset_lookup_part (self->dataset, part_id);
      if (part == NULL)
        return FALSE;
    }

  _nichiro_session_show_part (self, part);
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
  update_results (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_QUERY]);
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
      g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_VISIBLE_START]);
    }
  if (end != self->visible_end)
    {
      self->visible_end = end;
      g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_VISIBLE_END]);
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
  g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_CURSOR]);
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
  /* The results name their entries in the language that leads. */
  if (self->query[0] != '\0')
    update_results (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), _nichiro_session_properties[PROP_TITLE_LANGUAGE]);
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

/**
 * nichiro_session_follow:
 * @view: the object that shows a session
 * @pspec: @view's property that holds it
 * @slot: where @view keeps it
 * @handlers: @view's handlers on its session
 * @session: (nullable): the session to follow from now on
 *
 * What every view does when it is given a session, in one place: keep it,
 * move its handlers over to it, and say so.
 *
 * Returns: %TRUE if @session is new to @view, which should then show it
 */
gboolean
nichiro_session_follow (GObject         *view,
                        GParamSpec      *pspec,
                        NichiroSession **slot,
                        GSignalGroup    *handlers,
                        NichiroSession  *session)
{
  g_return_val_if_fail (G_IS_OBJECT (view), FALSE);
  g_return_val_if_fail (session == NULL || NICHIRO_IS_SESSION (session), FALSE);

  if (!g_set_object (slot, session))
    return FALSE;

  g_signal_group_set_target (handlers, session);
  g_object_notify_by_pspec (view, pspec);
  return TRUE;
}
