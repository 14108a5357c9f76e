/* nichiro-study-store-marks.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-study-store"

#include "config.h"

#include "nichiro-study-store.h"
#include "nichiro-study-store-private.h"

/* The reader's marks: studied, bookmarked, notes, page references, the
 * entry and part read last and the history, and what the search and the
 * guide ask of them (the `is:` filters, progress by part). */

static const char * const filter_names[] = {
  [NICHIRO_STUDY_FILTER_STUDIED] = "studied",
  [NICHIRO_STUDY_FILTER_UNSTUDIED] = "unstudied",
  [NICHIRO_STUDY_FILTER_BOOKMARKED] = "bookmarked",
  [NICHIRO_STUDY_FILTER_NOTED] = "noted",
};

static gboolean
text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static gboolean
entry_matches (JsonObject         *entry,
               NichiroStudyFilter  filter)
{
  switch (filter)
    {
    case NICHIRO_STUDY_FILTER_STUDIED:
      return _nichiro_study_object_get_boolean (entry, "studied");

    case NICHIRO_STUDY_FILTER_UNSTUDIED:
      return !_nichiro_study_object_get_boolean (entry, "studied");

    case NICHIRO_STUDY_FILTER_BOOKMARKED:
      return _nichiro_study_object_get_boolean (entry, "bookmarked");

    case NICHIRO_STUDY_FILTER_NOTED:
      return !text_is_blank (_nichiro_study_object_get_string (entry, "note"));

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The time of a change, as written in "modified". */
static char *
dup_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Replaces @member of an entry with @value (transfer full; %NULL removes
 * it), stamps the entry and reports the change. */
static gboolean
set_entry_member (NichiroStudyStore  *self,
                  const char         *dataset_id,
                  const char         *entry_id,
                  const char         *member,
                  JsonNode           *value,
                  GError            **error)
{
  g_autoptr(JsonNode) owned = value;
  g_autofree char *now = NULL;
  JsonObject *entry;
  JsonNode *current;

  if (!_nichiro_study_store_check_writable (self, error))
    return FALSE;

  entry = _nichiro_study_store_get_entry (self, dataset_id, entry_id, FALSE);
  current = entry ? json_object_get_member (entry, member) : NULL;
  if (current != NULL && JSON_NODE_HOLDS_NULL (current))
    current = NULL;
  if ((current == NULL && value == NULL) ||
      (current != NULL && value != NULL && json_node_equal (current, value)))
    return TRUE;

  entry = _nichiro_study_store_get_entry (self, dataset_id, entry_id, TRUE);
  if (value != NULL)
    json_object_set_member (entry, member, g_steal_pointer (&owned));
  else
    json_object_remove_member (entry, member);
  now = dup_now_iso8601 ();
  json_object_set_string_member (entry, "modified", now);
  _nichiro_study_note_change (self->changed_entries, dataset_id, entry_id);

  _nichiro_study_store_mark_changed (self);
  _nichiro_study_store_emit_changed (self, dataset_id, entry_id);

  return TRUE;
}

/**
 * nichiro_study_filter_from_string:
 * @text: what follows `is:` in a query: "studied", "unstudied",
 *   "bookmarked" or "noted"
 * @out_filter: (out): the filter
 *
 * Returns: %TRUE if @text names a filter
 */
gboolean
nichiro_study_filter_from_string (const char         *text,
                                  NichiroStudyFilter *out_filter)
{
  g_return_val_if_fail (out_filter != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (filter_names); i++)
    {
      if (g_ascii_strcasecmp (text, filter_names[i]) == 0)
        {
          *out_filter = i;
          return TRUE;
        }
    }

  return FALSE;
}

#define CHECK_IDS(dataset_id, entry_id, val)                                  \
  G_STMT_START {                                                              \
    g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), val);                \
    g_return_val_if_fail (dataset_id != NULL && dataset_id[0] != '\0', val);  \
    g_return_val_if_fail (entry_id != NULL && entry_id[0] != '\0', val);      \
  } G_STMT_END

gboolean
nichiro_study_store_get_studied (NichiroStudyStore *self,
                                 const char        *dataset_id,
                                 const char        *entry_id)
{
  CHECK_IDS (dataset_id, entry_id, FALSE);

  JsonObject *entry = _nichiro_study_store_get_entry (self, dataset_id, entry_id, FALSE);

  return _nichiro_study_object_get_boolean (entry, "studied");
}

/**
 * nichiro_study_store_set_studied:
 * @self: a store
 * @dataset_id: the dataset's id
 * @entry_id: the entry's id
 * @studied: whether the reader has studied the entry
 * @error: return location for a %NICHIRO_STUDY_ERROR_READ_ONLY error
 *
 * Changes the entry's mark, stamps it with the time and saves shortly.
 * The same goes for the other setters.
 *
 * Returns: %FALSE if the store is read-only
 */
gboolean
nichiro_study_store_set_studied (NichiroStudyStore  *self,
                                 const char         *dataset_id,
                                 const char         *entry_id,
                                 gboolean            studied,
                                 GError            **error)
{
  CHECK_IDS (dataset_id, entry_id, FALSE);

  if (nichiro_study_store_get_studied (self, dataset_id, entry_id) == !!studied && !self->read_only)
    return TRUE;

  return set_entry_member (self, dataset_id, entry_id, "studied",
                           json_node_init_boolean (json_node_alloc (), !!studied), error);
}

gboolean
nichiro_study_store_get_bookmarked (NichiroStudyStore *self,
                                    const char        *dataset_id,
                                    const char        *entry_id)
{
  CHECK_IDS (dataset_id, entry_id, FALSE);

  JsonObject *entry = _nichiro_study_store_get_entry (self, dataset_id, entry_id, FALSE);

  return _nichiro_study_object_get_boolean (entry, "bookmarked");
}

gboolean
nichiro_study_store_set_bookmarked (NichiroStudyStore  *self,
                                    const char         *dataset_id,
                                    const char         *entry_id,
                                    gboolean            bookmarked,
                                    GError            **error)
{
  CHECK_IDS (dataset_id, entry_id, FALSE);

  if (nichiro_study_store_get_bookmarked (self, dataset_id, entry_id) == !!bookmarked && !self->read_only)
    return TRUE;

  return set_entry_member (self, dataset_id, entry_id, "bookmarked",
                           json_node_init_boolean (json_node_alloc (), !!bookmarked), error);
}

/**
 * nichiro_study_store_get_note:
 * @self: a store
 * @dataset_id: the dataset's id
 * @entry_id: the entry's id
 *
 * Returns: (nullable): the reader's note on the entry
 */
const char *
nichiro_study_store_get_note (NichiroStudyStore *self,
                              const char        *dataset_id,
                              const char        *entry_id)
{
  CHECK_IDS (dataset_id, entry_id, NULL);

  JsonObject *entry = _nichiro_study_store_get_entry (self, dataset_id, entry_id, FALSE);

  return _nichiro_study_object_get_string (entry, "note");
}

/**
 * nichiro_study_store_set_note:
 * @self: a store
 * @dataset_id: the dataset's id
 * @entry_id: the entry's id
 * @note: (nullable): the note; %NULL or empty removes it
 * @error: return location for a %NICHIRO_STUDY_ERROR_READ_ONLY error
 *
 * Returns: %FALSE if the store is read-only
 */
gboolean
nichiro_study_store_set_note (NichiroStudyStore  *self,
                              const char         *dataset_id,
                              const char         *entry_id,
                              const char         *note,
                              GError            **error)
{
  CHECK_IDS (dataset_id, entry_id, FALSE);
  g_return_val_if_fail (note == NULL || g_utf8_validate (note, -1, NULL), FALSE);

  return set_entry_member (self, dataset_id, entry_id, "note",
                           note != NULL && note[0] != '\0' ? json_node_init_string (json_node_alloc (), note) : NULL,
                           error);
}

/**
 * nichiro_study_store_get_page:
 * @self: a store
 * @dataset_id: the dataset's id
 * @entry_id: the entry's id
 *
 * Returns: (nullable): where the book deals with the entry, as the reader
 *   wrote it ("p. 47")
 */
const char *
nichiro_study_store_get_page (NichiroStudyStore *self,
                              const char        *dataset_id,
                              const char        *entry_id)
{
  CHECK_IDS (dataset_id, entry_id, NULL);

  JsonObject *entry = _nichiro_study_store_get_entry (self, dataset_id, entry_id, FALSE);

  return _nichiro_study_object_get_string (entry, "page");
}

gboolean
nichiro_study_store_set_page (NichiroStudyStore  *self,
                              const char         *dataset_id,
                              const char         *entry_id,
                              const char         *page,
                              GError            **error)
{
  CHECK_IDS (dataset_id, entry_id, FALSE);
  g_return_val_if_fail (page == NULL || g_utf8_validate (page, -1, NULL), FALSE);

  return set_entry_member (self, dataset_id, entry_id, "page",
                           page != NULL && page[0] != '\0' ? json_node_init_string (json_node_alloc (), page) : NULL,
                           error);
}

/**
 * nichiro_study_store_get_modified:
 * @self: a store
 * @dataset_id: the dataset's id
 * @entry_id: the entry's id
 *
 * Returns: (transfer full) (nullable): when the reader last changed
 *   anything about the entry
 */
GDateTime *
nichiro_study_store_get_modified (NichiroStudyStore *self,
                                  const char        *dataset_id,
                                  const char        *entry_id)
{
  CHECK_IDS (dataset_id, entry_id, NULL);

  JsonObject *entry = _nichiro_study_store_get_entry (self, dataset_id, entry_id, FALSE);

  return _nichiro_study_entry_get_modified (entry);
}

/**
 * nichiro_study_store_get_last_entry:
 * @self: a store
 * @dataset_id: the dataset's id
 *
 * Returns: (nullable): the id of the entry read last, to open it again
 */
const char *
nichiro_study_store_get_last_entry (NichiroStudyStore *self,
                                    const char        *dataset_id)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (dataset_id != NULL, NULL);

  JsonObject *dataset = _nichiro_study_store_get_dataset (self, dataset_id, FALSE);

  return _nichiro_study_object_get_string (dataset, "last_entry");
}

/**
 * nichiro_study_store_set_last_entry:
 * @self: a store
 * @dataset_id: the dataset's id
 * @entry_id: the entry being read
 * @error: return location for a %NICHIRO_STUDY_ERROR_READ_ONLY error
 *
 * Remembers @entry_id as the entry read last, and adds it to the end of
 * the history (once: an earlier visit moves to the end).
 *
 * Returns: %FALSE if the store is read-only
 */
gboolean
nichiro_study_store_set_last_entry (NichiroStudyStore  *self,
                                    const char         *dataset_id,
                                    const char         *entry_id,
                                    GError            **error)
{
  JsonObject *dataset;
  JsonArray *history;
  JsonNode *node;

  CHECK_IDS (dataset_id, entry_id, FALSE);

  if (!_nichiro_study_store_check_writable (self, error))
    return FALSE;
  if (g_strcmp0 (nichiro_study_store_get_last_entry (self, dataset_id), entry_id) == 0)
    return TRUE;

  dataset = _nichiro_study_store_get_dataset (self, dataset_id, TRUE);
  json_object_set_string_member (dataset, "last_entry", entry_id);

  node = json_object_get_member (dataset, "history");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (dataset, "history", json_array_new ());
      node = json_object_get_member (dataset, "history");
    }
  history = json_node_get_array (node);

  for (guint i = json_array_get_length (history); i > 0; i--)
    if (g_strcmp0 (json_node_get_string (json_array_get_element (history, i - 1)), entry_id) == 0)
      json_array_remove_element (history, i - 1);
  json_array_add_string_element (history, entry_id);
  while (json_array_get_length (history) > NICHIRO_STUDY_HISTORY_LENGTH)
    json_array_remove_element (history, 0);

  _nichiro_study_note_change (self->changed_members, dataset_id, "last_entry");
  _nichiro_study_note_change (self->changed_members, dataset_id, "history");
  _nichiro_study_store_mark_changed (self);
  return TRUE;
}

const char *
nichiro_study_store_get_last_part (NichiroStudyStore *self,
                                   const char        *dataset_id)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (dataset_id != NULL, NULL);

  JsonObject *dataset = _nichiro_study_store_get_dataset (self, dataset_id, FALSE);

  return _nichiro_study_object_get_string (dataset, "last_part");
}

gboolean
nichiro_study_store_set_last_part (NichiroStudyStore  *self,
                                   const char         *dataset_id,
                                   const char         *part_id,
                                   GError            **error)
{
  JsonObject *dataset;

  CHECK_IDS (dataset_id, part_id, FALSE);

  if (!_nichiro_study_store_check_writable (self, error))
    return FALSE;
  if (g_strcmp0 (nichiro_study_store_get_last_part (self, dataset_id), part_id) == 0)
    return TRUE;

  dataset = _nichiro_study_store_get_dataset (self, dataset_id, TRUE);
  json_object_set_string_member (dataset, "last_part", part_id);
  _nichiro_study_note_change (self->changed_members, dataset_id, "last_part");
  _nichiro_study_store_mark_changed (self);
  return TRUE;
}

/**
 * nichiro_study_store_dup_history:
 * @self: a store
 * @dataset_id: the dataset's id
 *
 * Returns: (transfer full): the ids of the entries read, most recent last
 */
GStrv
nichiro_study_store_dup_history (NichiroStudyStore *self,
                                 const char        *dataset_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonObject *dataset;
  JsonNode *node;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (dataset_id != NULL, NULL);

  dataset = _nichiro_study_store_get_dataset (self, dataset_id, FALSE);
  node = dataset ? json_object_get_member (dataset, "history") : NULL;
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *history = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (history); i++)
        {
          JsonNode *element = json_array_get_element (history, i);

          if (json_node_get_value_type (element) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (element));
        }
    }

  return g_strv_builder_end (builder);
}

/**
 * nichiro_study_store_matches:
 * @self: a store
 * @dataset_id: the dataset's id
 * @entry_id: the entry's id
 * @filter: what to ask
 *
 * Returns: whether the entry passes @filter (`is:noted` and friends)
 */
gboolean
nichiro_study_store_matches (NichiroStudyStore  *self,
                             const char         *dataset_id,
                             const char         *entry_id,
                             NichiroStudyFilter  filter)
{
  CHECK_IDS (dataset_id, entry_id, FALSE);

  return entry_matches (_nichiro_study_store_get_entry (self, dataset_id, entry_id, FALSE), filter);
}

/**
 * nichiro_study_store_filter:
 * @self: a store
 * @dataset: a dataset
 * @filter: what to ask
 *
 * The search calls this for `is:studied`, `is:unstudied`, `is:bookmarked`
 * and `is:noted`.
 *
 * Returns: (transfer container) (element-type NichiroEntry): the entries
 *   of @dataset that pass @filter, in the dataset's order
 */
GPtrArray *
nichiro_study_store_filter (NichiroStudyStore  *self,
                            NichiroDataset     *dataset,
                            NichiroStudyFilter  filter)
{
  GListModel *entries;
  JsonObject *study;
  const char *dataset_id;
  GPtrArray *matches;
  guint n_entries;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), NULL);

  dataset_id = nichiro_dataset_get_id (dataset);
  study = _nichiro_study_store_get_entries (self, dataset_id, FALSE);
  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);
  matches = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      if (entry_matches (_nichiro_study_object_get_object (study, nichiro_entry_get_id (entry)), filter))
        g_ptr_array_add (matches, g_steal_pointer (&entry));
    }

  return matches;
}

/**
 * nichiro_study_store_count_part:
 * @self: a store
 * @dataset: a dataset
 * @part_id: (nullable): one of its parts, or %NULL for all of them
 * @out_studied: (out) (optional): how many of the part's entries are studied
 * @out_total: (out) (optional): how many entries the part has
 */
void
nichiro_study_store_count_part (NichiroStudyStore *self,
                                NichiroDataset    *dataset,
                                const char        *part_id,
                                guint             *out_studied,
                                guint             *out_total)
{
  GListModel *entries;
  JsonObject *study;
  guint n_entries;
  guint studied = 0;
  guint total = 0;

  g_return_if_fail (NICHIRO_IS_STUDY_STORE (self));
  g_return_if_fail (NICHIRO_IS_DATASET (dataset));

  study = _nichiro_study_store_get_entries (self, nichiro_dataset_get_id (dataset), FALSE);
  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);
      JsonObject *marks;

      if (part_id != NULL && g_strcmp0 (nichiro_entry_get_part (entry), part_id) != 0)
        continue;

      total++;
      marks = _nichiro_study_object_get_object (study, nichiro_entry_get_id (entry));
      if (_nichiro_study_object_get_boolean (marks, "studied"))
        studied++;
    }

  if (out_studied != NULL)
    *out_studied = studied;
  if (out_total != NULL)
    *out_total = total;
}

/**
 * nichiro_study_store_get_progress:
 * @self: a store
 * @dataset: a dataset
 * @out_studied: (out) (optional): how many entries are studied
 * @out_total: (out) (optional): how many entries @dataset has
 *
 * Returns: the share of @dataset's entries studied, from 0 to 1
 */
double
nichiro_study_store_get_progress (NichiroStudyStore *self,
                                  NichiroDataset    *dataset,
                                  guint             *out_studied,
                                  guint             *out_total)
{
  guint studied, total;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), 0.0);
  g_return_val_if_fail (NICHIRO_IS_DATASET (dataset), 0.0);

  nichiro_study_store_count_part (self, dataset, NULL, &studied, &total);
  if (out_studied != NULL)
    *out_studied = studied;
  if (out_total != NULL)
    *out_total = total;

  return total > 0 ? (double) studied / total : 0.0;
}

/**
 * nichiro_study_store_dup_dataset_json:
 * @self: a store
 * @dataset_id: the dataset's id
 *
 * Returns: (transfer full) (nullable): a copy of what the store holds for
 *   the dataset, as written in the file, or %NULL if it holds nothing
 */
JsonNode *
nichiro_study_store_dup_dataset_json (NichiroStudyStore *self,
                                      const char        *dataset_id)
{
  JsonObject *datasets;
  JsonNode *node;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (dataset_id != NULL, NULL);

  datasets = _nichiro_study_store_get_datasets (self);
  node = datasets ? json_object_get_member (datasets, dataset_id) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_copy (node);
}
