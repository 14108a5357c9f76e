/* nichiro-study-store-import.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-study-store"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-study-store.h"
#include "nichiro-study-store-private.h"
#include "nichiro-file.h"
#include "nichiro-study-file.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* Importing a backup into the store, member by member so that nothing
 * newer is overwritten and nothing is deleted, after keeping a copy of
 * the file as it was; and undoing the last import. The self-test's review
 * log is merged record by record, every review of either kept; of a
 * card's two states, the one reviewed last is kept. */

/* How many copies of the study file from before an import are kept. */
#define PRE_IMPORT_COPIES 5

/* A change an import made, and what was there before, to undo it: @key
 * of the dataset's @container ("entries" or "cards"), or of the dataset
 * itself. */
typedef struct
{
  char *dataset_id;
  const char *container; /* "entries", "cards" or NULL */
  char *key;
  JsonNode *before;      /* NULL: there was nothing */
  JsonNode *after;
  gboolean made_container; /* @container was made for it */
} UndoStep;

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_free (step->dataset_id);
  g_free (step->key);
  g_clear_pointer (&step->before, json_node_unref);
  g_clear_pointer (&step->after, json_node_unref);
  g_free (step);
}

static void
add_undo_step (GPtrArray  *steps,
               const char *dataset_id,
               const char *container,
               const char *key,
               JsonNode   *before,
               JsonNode   *after)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->dataset_id = g_strdup (dataset_id);
  step->container = g_intern_string (container);
  step->key = g_strdup (key);
  step->before = before ? _nichiro_study_node_deep_copy (before) : NULL;
  step->after = _nichiro_study_node_deep_copy (after);
  g_ptr_array_add (steps, step);
}

/* What this store changed, as the merge with another process's save
 * needs to know. */
static void
note_step (NichiroStudyStore *self,
           UndoStep          *step)
{
  GHashTable *changes = g_strcmp0 (step->container, "entries") == 0 ? self->changed_entries
                      : g_strcmp0 (step->container, "cards") == 0 ? self->changed_cards
                      : self->changed_members;

  _nichiro_study_note_change (changes, step->dataset_id, step->key);
}

static gboolean
step_is_self_test (UndoStep *step)
{
  return g_strcmp0 (step->container, "cards") == 0 ||
         (step->container == NULL && g_str_equal (step->key, "reviews"));
}

/* Emits ::changed for each entry @steps changed and ::reviews-changed
 * once for each dataset whose self-test they changed. */
static void
emit_steps (NichiroStudyStore *self,
            GPtrArray         *steps)
{
  g_autoptr(GHashTable) reviewed = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < steps->len; i++)
    {
      UndoStep *step = g_ptr_array_index (steps, i);

      if (g_strcmp0 (step->container, "entries") == 0)
        _nichiro_study_store_emit_changed (self, step->dataset_id, step->key);
      else if (step_is_self_test (step) && g_hash_table_add (reviewed, step->dataset_id))
        _nichiro_study_store_emit_reviews_changed (self, step->dataset_id);
    }
}

/* Counts what changes, by kind, when an entry goes from @before (%NULL:
 * none) to @after. */
static guint
differs (JsonObject *before,
         JsonObject *after,
         const char *member)
{
  return g_strcmp0 (_nichiro_study_object_get_string (before, member),
                    _nichiro_study_object_get_string (after, member)) != 0 ||
         _nichiro_study_object_get_boolean (before, member) != _nichiro_study_object_get_boolean (after, member);
}

static void
count_kinds (JsonObject              *before,
             JsonObject              *after,
             NichiroStudyMergeCounts *counts)
{
  counts->notes += differs (before, after, "note");
  counts->pages += differs (before, after, "page");
  counts->studied += differs (before, after, "studied");
  counts->bookmarks += differs (before, after, "bookmarked");
}

typedef enum
{
  ENTRY_SAME,
  ENTRY_TOOK,
  ENTRY_KEPT,
} EntryMerge;

/* Merges a backup's entry into ours, member by member: what only the
 * backup has is added, whatever its age; what both have and differ in is
 * the backup's only if it changed the entry more recently. What the backup
 * lacks is never taken as a deletion: a note is not lost because a later
 * backup of the entry holds only a bookmark. */
static EntryMerge
merge_entry (JsonObject *ours,
             JsonObject *theirs)
{
  g_autoptr(GDateTime) our_time = _nichiro_study_entry_get_modified (ours);
  g_autoptr(GDateTime) their_time = _nichiro_study_entry_get_modified (theirs);
  gboolean theirs_newer = their_time != NULL && (our_time == NULL || g_date_time_compare (their_time, our_time) > 0);
  gboolean took = FALSE;
  gboolean differed = FALSE;
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, theirs);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      JsonNode *our_node = json_object_get_member (ours, member);
      gboolean ours_unset = our_node == NULL || JSON_NODE_HOLDS_NULL (our_node);

      if (g_str_equal (member, "modified") || JSON_NODE_HOLDS_NULL (node))
        continue;

      /* An unset mark is the same as false. */
      if (ours_unset && json_node_get_value_type (node) == G_TYPE_BOOLEAN && !json_node_get_boolean (node))
        continue;

      if (!ours_unset && json_node_equal (our_node, node))
        continue;

      if (ours_unset || theirs_newer)
        {
          json_object_set_member (ours, member, json_node_copy (node));
          took = TRUE;
        }
      else
        {
          differed = TRUE;
        }
    }

  /* The entry now holds the later of the two changes. */
  if (took && theirs_newer)
    json_object_set_member (ours, "modified", json_node_copy (json_object_get_member (theirs, "modified")));

  return took ? ENTRY_TOOK : differed ? ENTRY_KEPT : ENTRY_SAME;
}

/* The self-test's log, record by record, and the card states reviewed
 * later in the backup than here. */
static void
import_self_test (JsonObject              *ours,
                  const char              *dataset_id,
                  JsonObject              *theirs,
                  NichiroStudyMergeCounts *counts,
                  GPtrArray               *steps)
{
  JsonObject *their_cards = _nichiro_study_object_get_object (theirs, "cards");
  g_autoptr(JsonNode) before = NULL;
  JsonObjectIter iter;
  const char *card_id;
  JsonNode *node;
  guint added;

  node = json_object_get_member (ours, "reviews");
  before = node != NULL ? _nichiro_study_node_deep_copy (node) : NULL;
  added = _nichiro_study_merge_reviews (ours, theirs);
  if (added > 0)
    {
      add_undo_step (steps, dataset_id, NULL, "reviews", before, json_object_get_member (ours, "reviews"));
      counts->reviews += added;
    }

  if (their_cards == NULL)
    return;

  json_object_iter_init_ordered (&iter, their_cards);
  while (json_object_iter_next_ordered (&iter, &card_id, &node))
    {
      JsonObject *our_cards = _nichiro_study_object_get_object (ours, "cards");
      JsonNode *our_node = our_cards != NULL ? json_object_get_member (our_cards, card_id) : NULL;
      g_autoptr(JsonNode) card_before = our_node != NULL ? _nichiro_study_node_deep_copy (our_node) : NULL;
      gboolean had_cards = our_cards != NULL;

      if (_nichiro_study_take_card (ours, card_id, node, TRUE))
        {
          our_cards = _nichiro_study_object_get_object (ours, "cards");
          add_undo_step (steps, dataset_id, "cards", card_id, card_before, json_object_get_member (our_cards, card_id));
          ((UndoStep *) g_ptr_array_index (steps, steps->len - 1))->made_container = !had_cards;
          counts->cards++;
        }
    }
}

static void
import_dataset (JsonObject              *root,
                const char              *dataset_id,
                JsonObject              *theirs,
                NichiroStudyMergeCounts *counts,
                GPtrArray               *steps)
{
  JsonObject *ours = _nichiro_study_root_get_dataset (root, dataset_id, TRUE);
  JsonObject *our_entries = _nichiro_study_dataset_get_entries (ours, TRUE);
  JsonObject *their_entries = _nichiro_study_object_get_object (theirs, "entries");
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (their_entries != NULL)
    {
      json_object_iter_init_ordered (&iter, their_entries);
      while (json_object_iter_next_ordered (&iter, &member, &node))
        {
          JsonObject *their_entry = json_node_get_object (node);
          JsonNode *our_node = json_object_get_member (our_entries, member);
          g_autoptr(JsonNode) before = NULL;

          if (our_node == NULL || !JSON_NODE_HOLDS_OBJECT (our_node))
            {
              add_undo_step (steps, dataset_id, "entries", member, our_node, node);
              json_object_set_member (our_entries, member, json_node_copy (node));
              count_kinds (NULL, their_entry, counts);
              counts->added++;
              continue;
            }

          before = _nichiro_study_node_deep_copy (our_node);
          switch (merge_entry (json_node_get_object (our_node), their_entry))
            {
            case ENTRY_TOOK:
              add_undo_step (steps, dataset_id, "entries", member, before, our_node);
              count_kinds (json_node_get_object (before), json_node_get_object (our_node), counts);
              counts->updated++;
              break;

            case ENTRY_KEPT:
              counts->kept++;
              break;

            case ENTRY_SAME:
              counts->unchanged++;
              break;

            default:
              g_assert_not_reached ();
            }
        }
    }

  /* Where the reader left off is ours if we know it; members of the
   * dataset this version does not know are added if missing. */
  json_object_iter_init_ordered (&iter, theirs);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      JsonNode *our_node = json_object_get_member (ours, member);

      if (g_str_equal (member, "entries") || g_str_equal (member, "cards") || g_str_equal (member, "reviews") ||
          JSON_NODE_HOLDS_NULL (node))
        continue;
      if (our_node != NULL && !JSON_NODE_HOLDS_NULL (our_node) &&
          !(JSON_NODE_HOLDS_ARRAY (our_node) && json_array_get_length (json_node_get_array (our_node)) == 0))
        continue;

      add_undo_step (steps, dataset_id, NULL, member, our_node, node);
      json_object_set_member (ours, member, json_node_copy (node));
    }

  import_self_test (ours, dataset_id, theirs, counts, steps);
}

/* Removes the oldest copies kept before imports beside @target, so that
 * PRE_IMPORT_COPIES are left. */
static void
prune_pre_import_copies (const char *target)
{
  g_autofree char *folder = g_path_get_dirname (target);
  g_autofree char *basename = g_path_get_basename (target);
  g_autofree char *prefix = g_strconcat (basename, ".pre-import-", NULL);
  g_autoptr(GPtrArray) copies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix) && !nichiro_study_file_is_temporary (name, basename))
      g_ptr_array_add (copies, g_strdup (name));

  /* The names hold the time, so they sort from the oldest. */
  g_ptr_array_sort (copies, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i + PRE_IMPORT_COPIES < copies->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (copies, i), NULL);

      g_unlink (path);
    }
}

/* Writes what the store holds now beside the study file, as
 * "study.json.pre-import-<time>", to go back to by hand. */
static gboolean
keep_pre_import_copy (NichiroStudyStore  *self,
                      GError            **error)
{
  g_autofree char *target = nichiro_file_resolve (self->path);
  g_autofree char *folder = g_path_get_dirname (target);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *copy = g_strdup_printf ("%s.pre-import-%s", target, stamp);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  NichiroStudyFileStamp unused;
  GStatBuf buf;
  gsize length;

  for (guint i = 2; g_lstat (copy, &buf) == 0; i++)
    {
      g_free (copy);
      copy = g_strdup_printf ("%s.pre-import-%s-%u", target, stamp, i);
    }

  data = nichiro_study_file_dup_text (self->root, &length);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error_literal (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                           g_strerror (saved_errno));
    }

  if (local_error != NULL || !nichiro_study_file_write (copy, data, length, &unused, &local_error))
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_SAVE,
                   _("Nothing was imported: a copy of your study file could not be kept first as “%s” (%s)."),
                   copy, local_error->message);
      return FALSE;
    }

  g_free (self->pre_import_path);
  self->pre_import_path = g_steal_pointer (&copy);
  prune_pre_import_copies (target);
  return TRUE;
}

/**
 * nichiro_study_store_merge_document:
 * @self: a store
 * @root: a study file, as a backup holds it
 * @counts: (out caller-allocates): what was merged, entry by entry and
 *   by kind
 * @error: return location for a %NICHIRO_STUDY_ERROR error
 *
 * Merges a backup into the store, entry by entry and member by member: an
 * entry the store lacks is added; in one both have, what only the backup
 * has is added, and what both have but differ in is taken from the backup
 * only if the backup changed the entry more recently, so newer notes are
 * never overwritten. What the backup lacks is never deleted.
 *
 * Before anything changes, the study file as it is (with any unsaved
 * changes) is copied beside it as "study.json.pre-import-<time>" (the
 * last few copies are kept; see
 * nichiro_study_store_get_pre_import_path()), and the import can be
 * undone with nichiro_study_store_undo_import() while the store is open.
 *
 * Returns: %FALSE if @root is not a study file this version can read, the
 *   store is read-only, the result would be larger than a study file may
 *   be, or the copy could not be written; nothing is changed then
 */
gboolean
nichiro_study_store_merge_document (NichiroStudyStore        *self,
                                    JsonNode                 *root,
                                    NichiroStudyMergeCounts  *counts,
                                    GError                  **error)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(JsonNode) work = NULL;
  g_autofree char *data = NULL;
  JsonObject *datasets;
  JsonObjectIter iter;
  const char *dataset_id;
  JsonNode *node;
  gint64 version;
  gsize length;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), FALSE);
  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);

  if (!_nichiro_study_store_check_writable (self, error))
    return FALSE;
  if (!nichiro_study_check_document (root, "The backup", &version, error))
    return FALSE;
  if (version > NICHIRO_STUDY_VERSION)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   _("The backup was written by a newer version of Nichiro (format version %s); "
                     "update Nichiro to import it."), number);
      return FALSE;
    }

  datasets = _nichiro_study_object_get_object (json_node_get_object (root), "datasets");
  if (datasets == NULL)
    return TRUE;

  /* Merged into a copy, so that a refused import changes nothing. */
  work = _nichiro_study_node_deep_copy (self->root);
  steps = g_ptr_array_new_with_free_func (undo_step_free);
  json_object_iter_init_ordered (&iter, datasets);
  while (json_object_iter_next_ordered (&iter, &dataset_id, &node))
    import_dataset (json_node_get_object (work), dataset_id, json_node_get_object (node), counts, steps);

  if (steps->len == 0)
    return TRUE;

  data = nichiro_study_file_dup_text (work, &length);
  if (length > NICHIRO_STUDY_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (NICHIRO_STUDY_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *target = nichiro_file_resolve (self->path);

      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_TOO_LARGE,
                   _("Nothing was imported: with the backup, your study file “%s” would grow to %s, "
                     "more than the %s Nichiro can read back."),
                   target, size, limit);
      memset (counts, 0, sizeof *counts);
      return FALSE;
    }

  if (!keep_pre_import_copy (self, error))
    {
      memset (counts, 0, sizeof *counts);
      return FALSE;
    }

  g_clear_pointer (&self->root, json_node_unref);
  self->root = g_steal_pointer (&work);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  self->undo = g_ptr_array_ref (steps);

  for (guint i = 0; i < steps->len; i++)
    note_step (self, g_ptr_array_index (steps, i));

  _nichiro_study_store_mark_changed (self);
  _nichiro_study_store_notify (self, PROP_CAN_UNDO_IMPORT);
  emit_steps (self, steps);

  return TRUE;
}

/**
 * nichiro_study_store_can_undo_import:
 * @self: a store
 *
 * Returns: whether the last import since the store was opened can be
 *   undone
 */
gboolean
nichiro_study_store_can_undo_import (NichiroStudyStore *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), FALSE);

  return self->undo != NULL && self->undo->len > 0;
}

/**
 * nichiro_study_store_get_pre_import_path:
 * @self: a store
 *
 * Returns: (nullable): the full path of the copy of the study file kept
 *   before the last import, or %NULL if there was none since the store
 *   was opened
 */
const char *
nichiro_study_store_get_pre_import_path (NichiroStudyStore *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);

  return self->pre_import_path;
}

static JsonObject *
undo_step_get_parent (NichiroStudyStore *self,
                      UndoStep          *step)
{
  JsonObject *dataset = _nichiro_study_store_get_dataset (self, step->dataset_id, TRUE);
  JsonObject *container;

  if (step->container == NULL)
    return dataset;

  container = _nichiro_study_object_get_object (dataset, step->container);
  if (container == NULL)
    {
      container = json_object_new ();
      json_object_set_object_member (dataset, step->container, container);
    }
  return container;
}

/**
 * nichiro_study_store_undo_import:
 * @self: a store
 * @out_kept: (out) (optional): how many of the import's changes were
 *   kept because they were changed again since
 * @error: return location for a %NICHIRO_STUDY_ERROR error
 *
 * Undoes the last import: each entry it added or changed goes back to
 * what it was, unless it was changed again since the import (by the
 * reader, or by another Nichiro whose save was merged), and is kept then.
 * The same goes for the self-test's card states, and for its review log
 * as a whole: reviews made since the import keep the imported ones.
 *
 * Returns: %FALSE if there is no import to undo
 *   (%NICHIRO_STUDY_ERROR_NOTHING_TO_UNDO) or the store is read-only
 */
gboolean
nichiro_study_store_undo_import (NichiroStudyStore  *self,
                                 guint              *out_kept,
                                 GError            **error)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) reverted = g_ptr_array_new ();
  guint kept = 0;

  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), FALSE);

  if (!nichiro_study_store_can_undo_import (self))
    {
      g_set_error_literal (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_NOTHING_TO_UNDO,
                           _("There is no import to undo."));
      return FALSE;
    }
  if (!_nichiro_study_store_check_writable (self, error))
    return FALSE;

  steps = g_steal_pointer (&self->undo);
  for (guint i = steps->len; i > 0; i--)
    {
      UndoStep *step = g_ptr_array_index (steps, i - 1);
      JsonObject *parent = undo_step_get_parent (self, step);
      JsonNode *current = json_object_get_member (parent, step->key);

      if (current == NULL || !json_node_equal (current, step->after))
        {
          kept++;
          continue;
        }

      if (step->before != NULL)
        json_object_set_member (parent, step->key, _nichiro_study_node_deep_copy (step->before));
      else
        json_object_remove_member (parent, step->key);

      /* The container the import made goes with its last member. */
      if (step->made_container && json_object_get_size (parent) == 0)
        json_object_remove_member (_nichiro_study_store_get_dataset (self, step->dataset_id, TRUE),
                                   step->container);

      note_step (self, step);
      g_ptr_array_add (reverted, step);
    }

  _nichiro_study_store_mark_changed (self);
  _nichiro_study_store_notify (self, PROP_CAN_UNDO_IMPORT);
  emit_steps (self, reverted);

  if (out_kept != NULL)
    *out_kept = kept;
  return TRUE;
}
