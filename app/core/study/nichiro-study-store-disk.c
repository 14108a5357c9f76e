/* nichiro-study-store-disk.c
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

/* What the store does with its file: loading it, saving a change shortly
 * after it is made (and again while saves fail), and before each save
 * merging what another Nichiro saved into the file meanwhile. What
 * happens on disk itself is in nichiro-study-file.c.
 *
 * Other processes may have the same file open (`nichiro --data` starts a
 * second instance on purpose), each with the whole document in memory. So
 * a save never simply writes what this process holds: under a lock on the
 * folder, it looks whether the file changed since this store last read or
 * wrote it, and if it did, reads it again and merges it in first. Entries
 * this store did not change since then are taken from the file as they
 * are; an entry both sides changed goes to the side that changed it last
 * (its "modified" time), this one on a tie; where the reader left off goes
 * the same way. Nothing on either side is ever deleted by a merge. */

/* A save follows the last change by this much, so typing a note writes
 * the file once a pause comes rather than at every key... */
#define SAVE_DELAY_MS 500
/* ...but a stream of changes is saved at least this often. */
#define SAVE_MAX_DELAY_MS 2000
/* A failed save is tried again after this long, doubling each time. */
#define RETRY_FIRST_MS 2000
#define RETRY_MAX_MS 60000

/* How long a save waits for another process to finish its own; a lock
 * that is not given by then is done without, the merge still taking in
 * what the other wrote. */
#define LOCK_WAIT_MS 2000

static JsonNode *
new_empty_document (void)
{
  JsonObject *object = json_object_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "format", NICHIRO_STUDY_FORMAT);
  json_object_set_int_member (object, "version", NICHIRO_STUDY_VERSION);
  json_object_set_object_member (object, "datasets", json_object_new ());
  json_node_take_object (root, object);

  return root;
}

/* Loading. */

static void
set_read_only (NichiroStudyStore *self,
               char              *message)
{
  self->read_only = TRUE;
  g_free (self->recovery_message);
  self->recovery_message = message;
}

static char *
dup_newer_message (const char *target,
                   gint64      version)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, version);

  return g_strdup_printf (_("Your study file “%s” was written by a newer version of Nichiro "
                            "(format version %s). It is left as it is, and nothing can be changed: "
                            "update Nichiro to go on studying."),
                          target, number);
}

/* Keeps the file at @target, which cannot be used, aside and starts
 * afresh, or turns read-only if it cannot be moved. */
static void
recover (NichiroStudyStore *self,
         const char        *target,
         const char        *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *aside = nichiro_study_file_move_aside (target, &error);

  if (aside == NULL)
    {
      set_read_only (self, g_strdup_printf (_("Your study file “%s” could not be read: %s. "
                                              "It could not be moved aside to start a new one either (%s), "
                                              "so Nichiro will not change it: move it away yourself, "
                                              "then open Nichiro again."),
                                            target, reason, error->message));
      return;
    }

  g_free (self->recovery_message);
  self->recovery_message = g_strdup_printf (_("Your study file “%s” could not be read: %s. "
                                              "It was kept unchanged as “%s”, and a new, empty study file "
                                              "was started in its place."),
                                            target, reason, aside);
  g_free (self->moved_aside_path);
  self->moved_aside_path = g_steal_pointer (&aside);
}

void
_nichiro_study_store_load (NichiroStudyStore *self)
{
  g_autofree char *target = nichiro_file_resolve (self->path);
  g_autofree char *reason = NULL;
  JsonNode *root = NULL;
  gint64 version = 0;
  NichiroStudyFileStamp stamp;

  self->root = new_empty_document ();

  /* Taken before reading: a change meanwhile is then seen at the first
   * save, and merged. */
  nichiro_study_file_stamp (target, &stamp);

  switch (nichiro_study_file_read (target, &root, &version, &reason))
    {
    case NICHIRO_STUDY_FILE_MISSING:
      /* The first start: nothing to read, nothing written until a change.
       * A file where a folder should be means no study file either; saving
       * will say what is in the way. */
      break;

    case NICHIRO_STUDY_FILE_UNREADABLE:
      set_read_only (self, g_strdup_printf (_("Your study file “%s” could not be read: %s. "
                                              "Nichiro opened it read-only and will not change it; "
                                              "once it can be read (check its permissions), open Nichiro again."),
                                            target, reason));
      return;

    case NICHIRO_STUDY_FILE_BROKEN:
      recover (self, target, reason);
      break;

    case NICHIRO_STUDY_FILE_NEWER:
      g_clear_pointer (&self->root, json_node_unref);
      self->root = root;
      set_read_only (self, dup_newer_message (target, version));
      return;

    case NICHIRO_STUDY_FILE_OK:
      g_clear_pointer (&self->root, json_node_unref);
      self->root = root;
      self->disk = stamp;
      self->file_version = version;
      _nichiro_study_migrate (self->root, version);
      break;

    default:
      g_assert_not_reached ();
    }

  nichiro_study_file_remove_temporaries (target);
}

/* Changing. */

gboolean
_nichiro_study_store_check_writable (NichiroStudyStore  *self,
                                     GError            **error)
{
  if (!self->read_only)
    return TRUE;

  g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY,
               _("Nothing can be changed while your study file is open read-only. %s"),
               self->recovery_message ? self->recovery_message : "");
  return FALSE;
}

static void
set_save_error (NichiroStudyStore *self,
                const GError      *error)
{
  if (self->save_error == NULL && error == NULL)
    return;

  g_clear_error (&self->save_error);
  if (error != NULL)
    self->save_error = g_error_copy (error);
  _nichiro_study_store_notify (self, PROP_SAVE_ERROR);
}

static void
set_dirty (NichiroStudyStore *self,
           gboolean           dirty)
{
  if (self->dirty == !!dirty)
    return;

  self->dirty = !!dirty;
  self->dirty_since = dirty ? g_get_monotonic_time () : 0;
  _nichiro_study_store_notify (self, PROP_HAS_UNSAVED_CHANGES);
}

static gboolean
save_timeout_cb (gpointer data)
{
  NichiroStudyStore *self = data;

  self->save_source = 0;
  _nichiro_study_store_save (self, NULL);

  return G_SOURCE_REMOVE;
}

static void
schedule_save (NichiroStudyStore *self,
               guint              delay_ms)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add_full (G_PRIORITY_DEFAULT, delay_ms, save_timeout_cb, self, NULL);
  g_source_set_name_by_id (self->save_source, "[nichiro] save study file");
}

/* Records that the document changed and arranges for it to be saved. */
void
_nichiro_study_store_mark_changed (NichiroStudyStore *self)
{
  gint64 now = g_get_monotonic_time ();
  gint64 delay;

  set_dirty (self, TRUE);

  /* While saves fail, a change is a reason to try again, no sooner than a
   * pause in typing; otherwise a stream of changes is saved regularly. */
  if (self->save_error != NULL)
    delay = SAVE_DELAY_MS;
  else
    delay = CLAMP ((self->dirty_since - now) / 1000 + SAVE_MAX_DELAY_MS, 0, SAVE_DELAY_MS);

  schedule_save (self, delay);
}

/* Merging what another process saved. */

/* Takes into the store what the file @theirs holds that this store did
 * not change itself since they last met, and what both changed but the
 * file more recently; adds "dataset\nentry" to @changed for each entry
 * taken. */
static void
merge_dataset_from_file (NichiroStudyStore *self,
                         const char        *dataset_id,
                         JsonObject        *ours,
                         JsonObject        *theirs,
                         GPtrArray         *changed,
                         GPtrArray         *reviews_changed)
{
  JsonObject *their_entries = _nichiro_study_object_get_object (theirs, "entries");
  JsonObject *our_entries = _nichiro_study_dataset_get_entries (ours, TRUE);
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  if (their_entries != NULL)
    {
      json_object_iter_init_ordered (&iter, their_entries);
      while (json_object_iter_next_ordered (&iter, &member, &node))
        {
          JsonNode *our_node = json_object_get_member (our_entries, member);

          if (!JSON_NODE_HOLDS_OBJECT (node) || (our_node != NULL && json_node_equal (our_node, node)))
            continue;

          if (our_node != NULL && JSON_NODE_HOLDS_OBJECT (our_node) &&
              _nichiro_study_was_changed (self->changed_entries, dataset_id, member))
            {
              JsonObject *our_entry = json_node_get_object (our_node);
              JsonObject *their_entry = json_node_get_object (node);
              g_autoptr(GDateTime) our_time = _nichiro_study_entry_get_modified (our_entry);
              g_autoptr(GDateTime) their_time = _nichiro_study_entry_get_modified (their_entry);
              JsonNode *taken;

              /* Both changed it: the later change wins, this one on a tie. */
              if (their_time == NULL || (our_time != NULL && g_date_time_compare (their_time, our_time) <= 0))
                continue;

              /* But a note written here stays, when the other side's
               * later record has none: a note is never lost to a merge. */
              taken = json_node_copy (node);
              if (!json_object_has_member (their_entry, "note") && json_object_has_member (our_entry, "note"))
                json_object_set_member (json_node_get_object (taken), "note",
                                        json_node_copy (json_object_get_member (our_entry, "note")));
              json_object_set_member (our_entries, member, taken);
              g_ptr_array_add (changed, g_strconcat (dataset_id, "\n", member, NULL));
              continue;
            }

          json_object_set_member (our_entries, member, json_node_copy (node));
          g_ptr_array_add (changed, g_strconcat (dataset_id, "\n", member, NULL));
        }
    }

  json_object_iter_init_ordered (&iter, theirs);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      JsonNode *our_node = json_object_get_member (ours, member);

      if (g_str_equal (member, "entries") || g_str_equal (member, "cards") || g_str_equal (member, "reviews") ||
          (our_node != NULL && json_node_equal (our_node, node)))
        continue;
      if (our_node != NULL && _nichiro_study_was_changed (self->changed_members, dataset_id, member))
        continue;

      json_object_set_member (ours, member, json_node_copy (node));
    }

  /* The self-test's reviews record by record, never losing one. */
  if (_nichiro_study_store_merge_reviews_from_file (self, dataset_id, ours, theirs))
    g_ptr_array_add (reviews_changed, g_strdup (dataset_id));
}

static void
merge_from_file (NichiroStudyStore *self,
                 JsonNode          *their_root,
                 GPtrArray         *changed,
                 GPtrArray         *reviews_changed)
{
  JsonObject *ours = json_node_get_object (self->root);
  JsonObject *theirs = json_node_get_object (their_root);
  JsonObject *their_datasets = _nichiro_study_object_get_object (theirs, "datasets");
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  /* Members of the file this version does not know about. */
  json_object_iter_init_ordered (&iter, theirs);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    if (!g_str_equal (member, "datasets") && !json_object_has_member (ours, member))
      json_object_set_member (ours, member, json_node_copy (node));

  if (their_datasets == NULL)
    return;

  json_object_iter_init_ordered (&iter, their_datasets);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      merge_dataset_from_file (self, member, _nichiro_study_root_get_dataset (ours, member, TRUE),
                               json_node_get_object (node), changed, reviews_changed);
    }
}

/* Saving. */

/* Before writing: if the file changed since this store last read or wrote
 * it, reads it and merges it in. Returns %FALSE when the file must not be
 * replaced. */
static gboolean
sync_with_file (NichiroStudyStore  *self,
                const char         *target,
                GPtrArray          *changed,
                GPtrArray          *reviews_changed,
                gboolean            notify,
                GError            **error)
{
  g_autoptr(JsonNode) theirs = NULL;
  g_autofree char *reason = NULL;
  gint64 version = 0;
  NichiroStudyFileStamp now;

  nichiro_study_file_stamp (target, &now);
  if (!now.exists || nichiro_study_file_stamps_equal (&now, &self->disk))
    return TRUE;

  switch (nichiro_study_file_read (target, &theirs, &version, &reason))
    {
    case NICHIRO_STUDY_FILE_MISSING:
      return TRUE;

    case NICHIRO_STUDY_FILE_UNREADABLE:
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_SAVE,
                   _("Your study notes could not be saved: the study file “%s” was changed by another program "
                     "and can no longer be read (%s). Your changes are kept while Nichiro is open and will be "
                     "saved once it can be read again."),
                   target, reason);
      return FALSE;

    case NICHIRO_STUDY_FILE_BROKEN:
      recover (self, target, reason);
      if (notify)
        {
          _nichiro_study_store_notify (self, PROP_RECOVERY_MESSAGE);
          _nichiro_study_store_notify (self, PROP_MOVED_ASIDE_PATH);
        }
      if (self->read_only)
        {
          if (notify)
            _nichiro_study_store_notify (self, PROP_READ_ONLY);
          g_set_error_literal (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY, self->recovery_message);
          return FALSE;
        }
      return TRUE;

    case NICHIRO_STUDY_FILE_NEWER:
      set_read_only (self, dup_newer_message (target, version));
      if (notify)
        {
          _nichiro_study_store_notify (self, PROP_READ_ONLY);
          _nichiro_study_store_notify (self, PROP_RECOVERY_MESSAGE);
        }
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY,
                   _("Your latest study notes could not be saved: %s Your changes are kept while "
                     "Nichiro is open."),
                   self->recovery_message);
      return FALSE;

    case NICHIRO_STUDY_FILE_OK:
      merge_from_file (self, theirs, changed, reviews_changed);
      return TRUE;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
write_document (NichiroStudyStore  *self,
                const char         *target,
                GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  NichiroStudyFileStamp stamp;
  gsize length;

  data = nichiro_study_file_dup_text (self->root, &length);

  /* What would be refused at the next start is not written. */
  if (length > NICHIRO_STUDY_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (NICHIRO_STUDY_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_TOO_LARGE,
                   _("Your study notes could not be saved: the study file “%s” would grow to %s, more than "
                     "the %s Nichiro can read back. Your changes are kept while Nichiro is open; shorten "
                     "or remove a very long note and they will be saved."),
                   target, size, limit);
      return FALSE;
    }

  if (!nichiro_study_file_write (target, data, length, &stamp, &local_error))
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_SAVE,
                   _("Your study notes could not be saved to “%s” (%s). They are kept while Nichiro is open "
                     "and will be saved once there is space on the disk and the folder can be written to."),
                   target, local_error->message);
      return FALSE;
    }

  self->disk = stamp;
  g_hash_table_remove_all (self->changed_entries);
  g_hash_table_remove_all (self->changed_members);
  g_hash_table_remove_all (self->changed_cards);
  return TRUE;
}

static void
emit_changed (NichiroStudyStore *self,
              GPtrArray         *changed,
              GPtrArray         *reviews_changed)
{
  for (guint i = 0; i < changed->len; i++)
    {
      char *dataset_id = g_ptr_array_index (changed, i);
      char *newline = strchr (dataset_id, '\n');

      *newline = '\0';
      _nichiro_study_store_emit_changed (self, dataset_id, newline + 1);
      *newline = '\n';
    }

  for (guint i = 0; i < reviews_changed->len; i++)
    _nichiro_study_store_emit_reviews_changed (self, g_ptr_array_index (reviews_changed, i));
}

/* Before a file an older Nichiro wrote is first replaced by one of this
 * version, which that Nichiro cannot open, it is copied beside itself as
 * "study.json.version-N", once, for a reader who goes back to it. Nothing
 * is lost without the copy (this version's file holds all of the older
 * one), so a copy that cannot be made does not stop the save; it is tried
 * again at the next one. */
static void
keep_old_version (NichiroStudyStore *self,
                  const char        *target)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *data = NULL;
  NichiroStudyFileStamp unused;
  gsize length;

  if (self->kept_old_version || self->file_version < 1 || self->file_version >= NICHIRO_STUDY_VERSION)
    return;

  copy = g_strdup_printf ("%s.version-%" G_GINT64_FORMAT, target, self->file_version);
  if (!g_file_test (copy, G_FILE_TEST_EXISTS) &&
      (!g_file_get_contents (target, &data, &length, &error) ||
       !nichiro_study_file_write (copy, data, length, &unused, &error)))
    {
      g_debug ("The study file of version %" G_GINT64_FORMAT " could not be copied to %s: %s",
               self->file_version, copy, error->message);
      return;
    }

  self->kept_old_version = TRUE;
}

/* Merges what other processes saved meanwhile, then writes the file.
 * Signals are emitted only if @notify (not at dispose). */
gboolean
_nichiro_study_store_save_now (NichiroStudyStore  *self,
                               gboolean            notify,
                               GError            **error)
{
  g_autofree char *target = nichiro_file_resolve (self->path);
  g_autofree char *folder = g_path_get_dirname (target);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) reviews_changed = g_ptr_array_new_with_free_func (g_free);
  gboolean saved;
  int lock;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_SAVE,
                   _("Your study notes could not be saved: the folder “%s” could not be created (%s). "
                     "They are kept while Nichiro is open and will be saved once the folder can be made."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  lock = nichiro_study_file_lock_folder (folder, LOCK_WAIT_MS);
  saved = sync_with_file (self, target, changed, reviews_changed, notify, error);
  if (saved)
    {
      keep_old_version (self, target);
      saved = write_document (self, target, error);
    }
  nichiro_study_file_unlock_folder (lock);

  if (notify)
    emit_changed (self, changed, reviews_changed);

  return saved;
}

gboolean
_nichiro_study_store_save (NichiroStudyStore  *self,
                           GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean first_failure;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty)
    return TRUE;

  /* Changes made before the store turned read-only stay in memory. */
  if (self->read_only)
    return _nichiro_study_store_check_writable (self, error);

  if (_nichiro_study_store_save_now (self, TRUE, &local_error))
    {
      self->retry_interval = 0;
      set_dirty (self, FALSE);
      set_save_error (self, NULL);
      return TRUE;
    }

  /* The changes stay in memory and the save is tried again, later or at
   * the next change. A person hears about a failure once, not at every
   * retry, unless it turns into another one. A file too large waits for
   * a change: trying again would only fail again. */
  first_failure = self->save_error == NULL ||
                  g_strcmp0 (self->save_error->message, local_error->message) != 0;
  self->retry_interval = self->retry_interval == 0 ? RETRY_FIRST_MS
                                                   : MIN (self->retry_interval * 2, RETRY_MAX_MS);
  if (!self->read_only && !g_error_matches (local_error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_TOO_LARGE))
    schedule_save (self, self->retry_interval);
  set_save_error (self, local_error);
  if (first_failure)
    _nichiro_study_store_emit_save_failed (self, local_error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
