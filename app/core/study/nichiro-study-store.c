/* nichiro-study-store.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-study-store"

#include "config.h"

#include <glib/gi18n.h>

#include "nichiro-study-store.h"
#include "nichiro-file.h"
#include "nichiro-study-file.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>

/* The reader's own data: studied marks, bookmarks, notes, page references
 * and where they left off, for every dataset they ever opened, in one JSON
 * file. The document itself is the model: getters read the tree and
 * setters change it, so members this version does not know, and entries
 * a dataset no longer has, are written back exactly as they were read.
 *
 * Nothing the reader wrote is ever thrown away. A file that cannot be
 * understood is renamed aside before a new one is started; a file that may
 * not be read, or that a newer Nichiro wrote, is left alone and the store
 * refuses changes; a save that fails keeps the changes in memory and tries
 * again. Saving is synchronous and only ever happens on the main thread,
 * from this one object per file (nichiro_study_store_new() hands out the
 * same store for the same path), so two saves of one process never
 * overlap.
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

/* How many copies of the study file from before an import are kept. */
#define PRE_IMPORT_COPIES 5

/* A change an import made, and what was there before, to undo it. */
typedef struct
{
  char *dataset_id;
  char *entry_id;     /* NULL: @member of the dataset itself */
  char *member;
  JsonNode *before;   /* NULL: there was nothing */
  JsonNode *after;
} UndoStep;

struct _NichiroStudyStore
{
  GObject parent_instance;

  char *path;

  /* The whole document, an object node, as read and as it will be
   * written. */
  JsonNode *root;

  char *recovery_message;
  char *moved_aside_path;
  GError *save_error;

  NichiroStudyFileStamp disk;

  /* What this store changed since it last read or wrote the file: dataset
   * id → set of entry ids, and dataset id → set of the dataset's own
   * members ("last_entry", …). A merge keeps these as they are here. */
  GHashTable *changed_entries;
  GHashTable *changed_members;

  GPtrArray *undo;
  char *pre_import_path;

  guint save_source;
  guint retry_interval;
  gint64 dirty_since;

  guint read_only : 1;
  guint dirty : 1;
  guint registered : 1;
};

G_DEFINE_FINAL_TYPE (NichiroStudyStore, nichiro_study_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_RECOVERY_MESSAGE,
  PROP_SAVE_ERROR,
  PROP_HAS_UNSAVED_CHANGES,
  PROP_MOVED_ASIDE_PATH,
  PROP_CAN_UNDO_IMPORT,
  N_PROPS
};

enum {
  CHANGED,
  SAVE_FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The live stores by path: one object per file, so one writer. */
static GHashTable *stores;

static const char * const filter_names[] = {
  [NICHIRO_STUDY_FILTER_STUDIED] = "studied",
  [NICHIRO_STUDY_FILTER_UNSTUDIED] = "unstudied",
  [NICHIRO_STUDY_FILTER_BOOKMARKED] = "bookmarked",
  [NICHIRO_STUDY_FILTER_NOTED] = "noted",
};

G_DEFINE_QUARK (nichiro-study-error-quark, nichiro_study_error)

static gboolean save (NichiroStudyStore  *self,
                      GError            **error);

/* Reading the tree. Getters never trust a type, so that even a document
 * from a newer version, opened read-only, is read without surprises. */

static JsonObject *
object_get_object (JsonObject *object,
                   const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static const char *
object_get_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return NULL;
  node = json_object_get_member (object, member);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
object_get_boolean (JsonObject *object,
                    const char *member)
{
  JsonNode *node;

  if (object == NULL)
    return FALSE;
  node = json_object_get_member (object, member);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  return json_node_get_boolean (node);
}

static JsonObject *
root_get_dataset (JsonObject *root,
                  const char *dataset_id,
                  gboolean    create)
{
  JsonObject *datasets = object_get_object (root, "datasets");
  JsonObject *dataset;

  if (datasets == NULL && create)
    {
      datasets = json_object_new ();
      json_object_set_object_member (root, "datasets", datasets);
    }

  dataset = object_get_object (datasets, dataset_id);
  if (dataset == NULL && create)
    {
      dataset = json_object_new ();
      json_object_set_object_member (dataset, "entries", json_object_new ());
      json_object_set_object_member (datasets, dataset_id, dataset);
    }

  return dataset;
}

static JsonObject *
dataset_get_entries (JsonObject *dataset,
                     gboolean    create)
{
  JsonObject *entries = object_get_object (dataset, "entries");

  if (entries == NULL && create && dataset != NULL)
    {
      entries = json_object_new ();
      json_object_set_object_member (dataset, "entries", entries);
    }

  return entries;
}

static JsonObject *
get_datasets (NichiroStudyStore *self)
{
  return object_get_object (json_node_get_object (self->root), "datasets");
}

static JsonObject *
get_dataset (NichiroStudyStore *self,
             const char        *dataset_id,
             gboolean           create)
{
  return root_get_dataset (json_node_get_object (self->root), dataset_id, create);
}

static JsonObject *
get_entries (NichiroStudyStore *self,
             const char        *dataset_id,
             gboolean           create)
{
  return dataset_get_entries (get_dataset (self, dataset_id, create), create);
}

static JsonObject *
get_entry (NichiroStudyStore *self,
           const char        *dataset_id,
           const char        *entry_id,
           gboolean           create)
{
  JsonObject *entries = get_entries (self, dataset_id, create);
  JsonObject *entry = object_get_object (entries, entry_id);

  if (entry == NULL && create)
    {
      entry = json_object_new ();
      json_object_set_object_member (entries, entry_id, entry);
    }

  return entry;
}

/* json_node_copy() shares the objects and arrays of the node it copies;
 * an import merges into a copy it may throw away, and undoing it compares
 * with what it left, so those need copies of their own. */
static JsonNode *
node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_object_new ();
        JsonObjectIter iter;
        const char *member;
        JsonNode *child;

        json_object_iter_init_ordered (&iter, json_node_get_object (node));
        while (json_object_iter_next_ordered (&iter, &member, &child))
          json_object_set_member (object, member, node_deep_copy (child));
        copy = json_node_init_object (json_node_alloc (), object);
        json_object_unref (object);
        return copy;
      }

    case JSON_NODE_ARRAY:
      {
        JsonArray *source = json_node_get_array (node);
        JsonArray *array = json_array_sized_new (json_array_get_length (source));

        for (guint i = 0; i < json_array_get_length (source); i++)
          json_array_add_element (array, node_deep_copy (json_array_get_element (source, i)));
        copy = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return copy;
      }

    case JSON_NODE_VALUE:
    case JSON_NODE_NULL:
    default:
      return json_node_copy (node);
    }
}

/* What changed here since the file was last read or written. */

static void
note_change (GHashTable *changes,
             const char *dataset_id,
             const char *key)
{
  GHashTable *keys = g_hash_table_lookup (changes, dataset_id);

  if (keys == NULL)
    {
      keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_hash_table_insert (changes, g_strdup (dataset_id), keys);
    }
  if (!g_hash_table_contains (keys, key))
    g_hash_table_add (keys, g_strdup (key));
}

static gboolean
was_changed (GHashTable *changes,
             const char *dataset_id,
             const char *key)
{
  GHashTable *keys = g_hash_table_lookup (changes, dataset_id);

  return keys != NULL && g_hash_table_contains (keys, key);
}

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
      return object_get_boolean (entry, "studied");

    case NICHIRO_STUDY_FILTER_UNSTUDIED:
      return !object_get_boolean (entry, "studied");

    case NICHIRO_STUDY_FILTER_BOOKMARKED:
      return object_get_boolean (entry, "bookmarked");

    case NICHIRO_STUDY_FILTER_NOTED:
      return !text_is_blank (object_get_string (entry, "note"));

    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Checking a document. */

typedef enum
{
  EXPECT_BOOLEAN,
  EXPECT_STRING,
  EXPECT_STRINGS,
  EXPECT_OBJECT,
} Expectation;

static const char *
node_type_label (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return "an object";
    case JSON_NODE_ARRAY:
      return "an array";
    case JSON_NODE_NULL:
      return "null";
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_BOOLEAN:
          return "a boolean";
        case G_TYPE_STRING:
          return "a string";
        default:
          return "a number";
        }
    }
}

static gboolean
check_member (JsonObject   *object,
              const char   *member,
              Expectation   expectation,
              const char   *display_name,
              const char   *where,
              GError      **error)
{
  static const char * const expected[] = {
    [EXPECT_BOOLEAN] = "true or false",
    [EXPECT_STRING] = "a string",
    [EXPECT_STRINGS] = "an array of strings",
    [EXPECT_OBJECT] = "an object",
  };
  JsonNode *node = json_object_get_member (object, member);
  gboolean ok;

  /* Absent and null both mean "not set". */
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  switch (expectation)
    {
    case EXPECT_BOOLEAN:
      ok = json_node_get_value_type (node) == G_TYPE_BOOLEAN;
      break;

    case EXPECT_STRING:
      ok = json_node_get_value_type (node) == G_TYPE_STRING;
      break;

    case EXPECT_OBJECT:
      ok = JSON_NODE_HOLDS_OBJECT (node);
      break;

    case EXPECT_STRINGS:
      ok = JSON_NODE_HOLDS_ARRAY (node);
      for (guint i = 0; ok && i < json_array_get_length (json_node_get_array (node)); i++)
        ok = json_node_get_value_type (json_array_get_element (json_node_get_array (node), i)) == G_TYPE_STRING;
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                 "%s: %s%s is %s; expected %s",
                 display_name, where, member,
                 JSON_NODE_HOLDS_ARRAY (node) && expectation == EXPECT_STRINGS ? "an array with something else than strings"
                                                                               : node_type_label (node),
                 expected[expectation]);

  return ok;
}

static gboolean
check_dataset (JsonObject  *dataset,
               const char  *dataset_id,
               const char  *display_name,
               GError     **error)
{
  g_autofree char *where = g_strdup_printf ("datasets › %s › ", dataset_id);
  JsonObject *entries;
  JsonObjectIter iter;
  const char *entry_id;
  JsonNode *node;

  if (!check_member (dataset, "entries", EXPECT_OBJECT, display_name, where, error) ||
      !check_member (dataset, "last_entry", EXPECT_STRING, display_name, where, error) ||
      !check_member (dataset, "last_part", EXPECT_STRING, display_name, where, error) ||
      !check_member (dataset, "history", EXPECT_STRINGS, display_name, where, error))
    return FALSE;

  entries = object_get_object (dataset, "entries");
  if (entries == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, entries);
  while (json_object_iter_next_ordered (&iter, &entry_id, &node))
    {
      g_autofree char *entry_where = g_strdup_printf ("%sentries › %s › ", where, entry_id);
      JsonObject *entry;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                       "%s: %sentries › %s is %s; expected an object",
                       display_name, where, entry_id, node_type_label (node));
          return FALSE;
        }

      entry = json_node_get_object (node);
      if (!check_member (entry, "studied", EXPECT_BOOLEAN, display_name, entry_where, error) ||
          !check_member (entry, "bookmarked", EXPECT_BOOLEAN, display_name, entry_where, error) ||
          !check_member (entry, "note", EXPECT_STRING, display_name, entry_where, error) ||
          !check_member (entry, "page", EXPECT_STRING, display_name, entry_where, error) ||
          !check_member (entry, "modified", EXPECT_STRING, display_name, entry_where, error))
        return FALSE;
    }

  return TRUE;
}

/* The time of a change, as written in "modified". */
static char *
dup_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static GDateTime *
entry_get_modified (JsonObject *entry)
{
  const char *text = object_get_string (entry, "modified");

  if (text == NULL)
    return NULL;
  return g_date_time_new_from_iso8601 (text, NULL);
}

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

static void
load (NichiroStudyStore *self)
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
      break;

    default:
      g_assert_not_reached ();
    }

  nichiro_study_file_remove_temporaries (target);
}

/* Changing. */

static gboolean
check_writable (NichiroStudyStore  *self,
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVE_ERROR]);
}

static void
set_dirty (NichiroStudyStore *self,
           gboolean           dirty)
{
  if (self->dirty == !!dirty)
    return;

  self->dirty = !!dirty;
  self->dirty_since = dirty ? g_get_monotonic_time () : 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_UNSAVED_CHANGES]);
}

static gboolean
save_timeout_cb (gpointer data)
{
  NichiroStudyStore *self = data;

  self->save_source = 0;
  save (self, NULL);

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
static void
mark_changed (NichiroStudyStore *self)
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

  if (!check_writable (self, error))
    return FALSE;

  entry = get_entry (self, dataset_id, entry_id, FALSE);
  current = entry ? json_object_get_member (entry, member) : NULL;
  if (current != NULL && JSON_NODE_HOLDS_NULL (current))
    current = NULL;
  if ((current == NULL && value == NULL) ||
      (current != NULL && value != NULL && json_node_equal (current, value)))
    return TRUE;

  entry = get_entry (self, dataset_id, entry_id, TRUE);
  if (value != NULL)
    json_object_set_member (entry, member, g_steal_pointer (&owned));
  else
    json_object_remove_member (entry, member);
  now = dup_now_iso8601 ();
  json_object_set_string_member (entry, "modified", now);
  note_change (self->changed_entries, dataset_id, entry_id);

  mark_changed (self);
  g_signal_emit (self, signals[CHANGED], 0, dataset_id, entry_id);

  return TRUE;
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
                         GPtrArray         *changed)
{
  JsonObject *their_entries = object_get_object (theirs, "entries");
  JsonObject *our_entries = dataset_get_entries (ours, TRUE);
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
              was_changed (self->changed_entries, dataset_id, member))
            {
              g_autoptr(GDateTime) our_time = entry_get_modified (json_node_get_object (our_node));
              g_autoptr(GDateTime) their_time = entry_get_modified (json_node_get_object (node));

              /* Both changed it: the later change wins, this one on a tie. */
              if (their_time == NULL || (our_time != NULL && g_date_time_compare (their_time, our_time) <= 0))
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

      if (g_str_equal (member, "entries") || (our_node != NULL && json_node_equal (our_node, node)))
        continue;
      if (our_node != NULL && was_changed (self->changed_members, dataset_id, member))
        continue;

      json_object_set_member (ours, member, json_node_copy (node));
    }
}

static void
merge_from_file (NichiroStudyStore *self,
                 JsonNode          *their_root,
                 GPtrArray         *changed)
{
  JsonObject *ours = json_node_get_object (self->root);
  JsonObject *theirs = json_node_get_object (their_root);
  JsonObject *their_datasets = object_get_object (theirs, "datasets");
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
      merge_dataset_from_file (self, member, root_get_dataset (ours, member, TRUE),
                               json_node_get_object (node), changed);
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
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_MESSAGE]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVED_ASIDE_PATH]);
        }
      if (self->read_only)
        {
          if (notify)
            g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
          g_set_error_literal (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY, self->recovery_message);
          return FALSE;
        }
      return TRUE;

    case NICHIRO_STUDY_FILE_NEWER:
      set_read_only (self, dup_newer_message (target, version));
      if (notify)
        {
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERY_MESSAGE]);
        }
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_READ_ONLY,
                   _("Your latest study notes could not be saved: %s Your changes are kept while "
                     "Nichiro is open."),
                   self->recovery_message);
      return FALSE;

    case NICHIRO_STUDY_FILE_OK:
      merge_from_file (self, theirs, changed);
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
  return TRUE;
}

static void
emit_changed (NichiroStudyStore *self,
              GPtrArray         *changed)
{
  for (guint i = 0; i < changed->len; i++)
    {
      char *dataset_id = g_ptr_array_index (changed, i);
      char *newline = strchr (dataset_id, '\n');

      *newline = '\0';
      g_signal_emit (self, signals[CHANGED], 0, dataset_id, newline + 1);
      *newline = '\n';
    }
}

/* Merges what other processes saved meanwhile, then writes the file.
 * Signals are emitted only if @notify (not at dispose). */
static gboolean
save_now (NichiroStudyStore  *self,
          gboolean            notify,
          GError            **error)
{
  g_autofree char *target = nichiro_file_resolve (self->path);
  g_autofree char *folder = g_path_get_dirname (target);
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_free);
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
  saved = sync_with_file (self, target, changed, notify, error) &&
          write_document (self, target, error);
  nichiro_study_file_unlock_folder (lock);

  if (notify)
    emit_changed (self, changed);

  return saved;
}

static gboolean
save (NichiroStudyStore  *self,
      GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean first_failure;

  g_clear_handle_id (&self->save_source, g_source_remove);

  if (!self->dirty)
    return TRUE;

  /* Changes made before the store turned read-only stay in memory. */
  if (self->read_only)
    return check_writable (self, error);

  if (save_now (self, TRUE, &local_error))
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
    g_signal_emit (self, signals[SAVE_FAILED], 0, local_error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* GObject. */

static void
nichiro_study_store_constructed (GObject *object)
{
  NichiroStudyStore *self = (NichiroStudyStore *)object;

  G_OBJECT_CLASS (nichiro_study_store_parent_class)->constructed (object);

  g_assert (self->path != NULL);

  if (stores == NULL)
    stores = g_hash_table_new (g_str_hash, g_str_equal);
  if (!g_hash_table_contains (stores, self->path))
    {
      g_hash_table_insert (stores, self->path, self);
      self->registered = TRUE;
    }

  load (self);
}

static void
nichiro_study_store_dispose (GObject *object)
{
  NichiroStudyStore *self = (NichiroStudyStore *)object;

  /* The last chance to keep what was changed since the last save. */
  if (self->dirty && !self->read_only)
    {
      g_autoptr(GError) error = NULL;

      if (!save_now (self, FALSE, &error))
        g_debug ("Study changes lost at exit: %s", error->message);
      else
        self->dirty = FALSE;
    }
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->registered)
    {
      g_hash_table_remove (stores, self->path);
      self->registered = FALSE;
    }

  G_OBJECT_CLASS (nichiro_study_store_parent_class)->dispose (object);
}

static void
nichiro_study_store_finalize (GObject *object)
{
  NichiroStudyStore *self = (NichiroStudyStore *)object;

  g_clear_pointer (&self->root, json_node_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovery_message, g_free);
  g_clear_pointer (&self->moved_aside_path, g_free);
  g_clear_pointer (&self->pre_import_path, g_free);
  g_clear_pointer (&self->changed_entries, g_hash_table_unref);
  g_clear_pointer (&self->changed_members, g_hash_table_unref);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_error (&self->save_error);

  G_OBJECT_CLASS (nichiro_study_store_parent_class)->finalize (object);
}

static void
nichiro_study_store_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  NichiroStudyStore *self = NICHIRO_STUDY_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    case PROP_RECOVERY_MESSAGE:
      g_value_set_string (value, self->recovery_message);
      break;

    case PROP_SAVE_ERROR:
      g_value_set_boxed (value, self->save_error);
      break;

    case PROP_HAS_UNSAVED_CHANGES:
      g_value_set_boolean (value, self->dirty);
      break;

    case PROP_MOVED_ASIDE_PATH:
      g_value_set_string (value, self->moved_aside_path);
      break;

    case PROP_CAN_UNDO_IMPORT:
      g_value_set_boolean (value, nichiro_study_store_can_undo_import (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_study_store_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  NichiroStudyStore *self = NICHIRO_STUDY_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_canonicalize_filename (g_value_get_string (value), NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nichiro_study_store_class_init (NichiroStudyStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nichiro_study_store_constructed;
  object_class->dispose = nichiro_study_store_dispose;
  object_class->finalize = nichiro_study_store_finalize;
  object_class->get_property = nichiro_study_store_get_property;
  object_class->set_property = nichiro_study_store_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroStudyStore:read-only:
   *
   * Whether every change is refused: the file may not be read, was
   * written by a newer Nichiro, or could not be read and could not be
   * moved aside. nichiro_study_store_get_read_only_reason() says which.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroStudyStore:recovery-message:
   *
   * What happened to the study file, if anything did, for a person to
   * read, in full sentences with the full paths: where a file that could
   * not be read was kept, or why the store is read-only. Set when the
   * store opens the file, or when a save finds it broken or written by a
   * newer Nichiro.
   */
  properties[PROP_RECOVERY_MESSAGE] =
    g_param_spec_string ("recovery-message", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroStudyStore:save-error:
   *
   * Why the last save failed, or %NULL once a save succeeds.
   */
  properties[PROP_SAVE_ERROR] =
    g_param_spec_boxed ("save-error", NULL, NULL, G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_UNSAVED_CHANGES] =
    g_param_spec_boolean ("has-unsaved-changes", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroStudyStore:moved-aside-path:
   *
   * The full path a study file that could not be read was renamed to,
   * or %NULL.
   */
  properties[PROP_MOVED_ASIDE_PATH] =
    g_param_spec_string ("moved-aside-path", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * NichiroStudyStore:can-undo-import:
   *
   * Whether nichiro_study_store_undo_import() has an import to undo.
   */
  properties[PROP_CAN_UNDO_IMPORT] =
    g_param_spec_boolean ("can-undo-import", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NichiroStudyStore::changed:
   * @self: the store
   * @dataset_id: the dataset
   * @entry_id: the entry whose studied mark, bookmark, note or page changed
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  /**
   * NichiroStudyStore::save-failed:
   * @self: the store
   * @error: why, in words a person can act on
   *
   * Emitted when a save fails, and again only when a later one fails for
   * another reason. The changes are kept and saved once it works.
   */
  signals[SAVE_FAILED] =
    g_signal_new ("save-failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
nichiro_study_store_init (NichiroStudyStore *self)
{
  self->changed_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);
  self->changed_members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);
}

/* Public API. */

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

/**
 * nichiro_study_check_document:
 * @root: a parsed JSON document
 * @display_name: how to name the document in messages
 * @out_version: (out) (optional): its format version
 * @error: return location for a %NICHIRO_STUDY_ERROR_INVALID error
 *
 * Checks that @root is a Nichiro study file, and if it is of this version
 * or older, that every member Nichiro reads has the right type. A newer
 * version passes as long as it says what it is.
 *
 * Returns: %TRUE if @root may be read
 */
gboolean
nichiro_study_check_document (JsonNode    *root,
                              const char  *display_name,
                              gint64      *out_version,
                              GError     **error)
{
  JsonObject *object;
  JsonObject *datasets;
  JsonNode *version;
  JsonObjectIter iter;
  const char *dataset_id;
  JsonNode *node;

  g_return_val_if_fail (root != NULL, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   "%s: the document is %s; expected a Nichiro study file, an object",
                   display_name, node_type_label (root));
      return FALSE;
    }

  object = json_node_get_object (root);
  if (g_strcmp0 (object_get_string (object, "format"), NICHIRO_STUDY_FORMAT) != 0)
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   "%s: “format” is not “%s”; this is not a Nichiro study file",
                   display_name, NICHIRO_STUDY_FORMAT);
      return FALSE;
    }

  version = json_object_get_member (object, "version");
  if (version == NULL || json_node_get_value_type (version) != G_TYPE_INT64 || json_node_get_int (version) < 1)
    {
      g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                   "%s: “version” is not a whole number from 1 up", display_name);
      return FALSE;
    }

  if (out_version != NULL)
    *out_version = json_node_get_int (version);

  /* A newer version may have changed anything else. */
  if (json_node_get_int (version) > NICHIRO_STUDY_VERSION)
    return TRUE;

  if (!check_member (object, "datasets", EXPECT_OBJECT, display_name, "", error))
    return FALSE;

  datasets = object_get_object (object, "datasets");
  if (datasets == NULL)
    return TRUE;

  json_object_iter_init_ordered (&iter, datasets);
  while (json_object_iter_next_ordered (&iter, &dataset_id, &node))
    {
      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, NICHIRO_STUDY_ERROR, NICHIRO_STUDY_ERROR_INVALID,
                       "%s: datasets › %s is %s; expected an object",
                       display_name, dataset_id, node_type_label (node));
          return FALSE;
        }

      if (!check_dataset (json_node_get_object (node), dataset_id, display_name, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * nichiro_study_store_dup_default_path:
 *
 * Returns: (transfer full): where the reader's study file lives:
 *   `$XDG_DATA_HOME/nichiro/study.json`
 */
char *
nichiro_study_store_dup_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "nichiro", "study.json", NULL);
}

/**
 * nichiro_study_store_new:
 * @path: the study file; it need not exist yet
 *
 * Opens the study file at @path, or returns the store that already has it
 * open: one object per file, so that saves never race. Opening never
 * fails and never loses data: see #NichiroStudyStore:recovery-message and
 * #NichiroStudyStore:read-only for what happened to a file that could not
 * be used.
 *
 * Returns: (transfer full): the store
 */
NichiroStudyStore *
nichiro_study_store_new (const char *path)
{
  g_autofree char *canonical = NULL;
  NichiroStudyStore *store;

  g_return_val_if_fail (path != NULL && path[0] != '\0', NULL);

  canonical = g_canonicalize_filename (path, NULL);
  if (stores != NULL && (store = g_hash_table_lookup (stores, canonical)) != NULL)
    return g_object_ref (store);

  return g_object_new (NICHIRO_TYPE_STUDY_STORE, "path", canonical, NULL);
}

const char *
nichiro_study_store_get_path (NichiroStudyStore *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);

  return self->path;
}

gboolean
nichiro_study_store_get_read_only (NichiroStudyStore *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), FALSE);

  return self->read_only;
}

/**
 * nichiro_study_store_get_recovery_message:
 * @self: a store
 *
 * Returns: (nullable): what happened to the file when it was opened, for
 *   a person to read, or %NULL if it opened normally
 */
const char *
nichiro_study_store_get_recovery_message (NichiroStudyStore *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);

  return self->recovery_message;
}

/**
 * nichiro_study_store_get_read_only_reason:
 * @self: a store
 *
 * Returns: (nullable): why the store is read-only, in full sentences for a
 *   person to read, or %NULL if it is not
 */
const char *
nichiro_study_store_get_read_only_reason (NichiroStudyStore *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);

  return self->read_only ? self->recovery_message : NULL;
}

/**
 * nichiro_study_store_get_moved_aside_path:
 * @self: a store
 *
 * Returns: (nullable): the full path of the file a study file that could
 *   not be read was kept as, or %NULL if none was
 */
const char *
nichiro_study_store_get_moved_aside_path (NichiroStudyStore *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);

  return self->moved_aside_path;
}

/**
 * nichiro_study_store_get_save_error:
 * @self: a store
 *
 * Returns: (nullable): why the last save failed, or %NULL
 */
const GError *
nichiro_study_store_get_save_error (NichiroStudyStore *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);

  return self->save_error;
}

/**
 * nichiro_study_store_has_unsaved_changes:
 * @self: a store
 *
 * Returns: %TRUE if changes have not reached the disk yet: a save is
 *   pending, or the last one failed
 */
gboolean
nichiro_study_store_has_unsaved_changes (NichiroStudyStore *self)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), FALSE);

  return self->dirty;
}

/**
 * nichiro_study_store_flush:
 * @self: a store
 * @error: return location for a %NICHIRO_STUDY_ERROR_SAVE error
 *
 * Saves pending changes now, rather than after the usual short delay,
 * merging first what other processes saved into the file meanwhile. The
 * application calls it whenever it is about to end.
 *
 * Returns: %TRUE if nothing is left unsaved; otherwise @error says why,
 *   in sentences a person can act on (%NICHIRO_STUDY_ERROR_SAVE,
 *   %NICHIRO_STUDY_ERROR_TOO_LARGE, or %NICHIRO_STUDY_ERROR_READ_ONLY
 *   if the file turned out to be a newer Nichiro's)
 */
gboolean
nichiro_study_store_flush (NichiroStudyStore  *self,
                           GError            **error)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), FALSE);

  return save (self, error);
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

  return object_get_boolean (get_entry (self, dataset_id, entry_id, FALSE), "studied");
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

  return object_get_boolean (get_entry (self, dataset_id, entry_id, FALSE), "bookmarked");
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

  return object_get_string (get_entry (self, dataset_id, entry_id, FALSE), "note");
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

  return object_get_string (get_entry (self, dataset_id, entry_id, FALSE), "page");
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

  return entry_get_modified (get_entry (self, dataset_id, entry_id, FALSE));
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

  return object_get_string (get_dataset (self, dataset_id, FALSE), "last_entry");
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

  if (!check_writable (self, error))
    return FALSE;
  if (g_strcmp0 (nichiro_study_store_get_last_entry (self, dataset_id), entry_id) == 0)
    return TRUE;

  dataset = get_dataset (self, dataset_id, TRUE);
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

  note_change (self->changed_members, dataset_id, "last_entry");
  note_change (self->changed_members, dataset_id, "history");
  mark_changed (self);
  return TRUE;
}

const char *
nichiro_study_store_get_last_part (NichiroStudyStore *self,
                                   const char        *dataset_id)
{
  g_return_val_if_fail (NICHIRO_IS_STUDY_STORE (self), NULL);
  g_return_val_if_fail (dataset_id != NULL, NULL);

  return object_get_string (get_dataset (self, dataset_id, FALSE), "last_part");
}

gboolean
nichiro_study_store_set_last_part (NichiroStudyStore  *self,
                                   const char         *dataset_id,
                                   const char         *part_id,
                                   GError            **error)
{
  CHECK_IDS (dataset_id, part_id, FALSE);

  if (!check_writable (self, error))
    return FALSE;
  if (g_strcmp0 (nichiro_study_store_get_last_part (self, dataset_id), part_id) == 0)
    return TRUE;

  json_object_set_string_member (get_dataset (self, dataset_id, TRUE), "last_part", part_id);
  note_change (self->changed_members, dataset_id, "last_part");
  mark_changed (self);
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

  dataset = get_dataset (self, dataset_id, FALSE);
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

  return entry_matches (get_entry (self, dataset_id, entry_id, FALSE), filter);
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
  study = get_entries (self, dataset_id, FALSE);
  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);
  matches = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      if (entry_matches (object_get_object (study, nichiro_entry_get_id (entry)), filter))
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

  study = get_entries (self, nichiro_dataset_get_id (dataset), FALSE);
  entries = nichiro_dataset_get_entries (dataset);
  n_entries = g_list_model_get_n_items (entries);

  for (guint i = 0; i < n_entries; i++)
    {
      g_autoptr(NichiroEntry) entry = g_list_model_get_item (entries, i);

      if (part_id != NULL && g_strcmp0 (nichiro_entry_get_part (entry), part_id) != 0)
        continue;

      total++;
      if (object_get_boolean (object_get_object (study, nichiro_entry_get_id (entry)), "studied"))
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

  datasets = get_datasets (self);
  node = datasets ? json_object_get_member (datasets, dataset_id) : NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_copy (node);
}

/* Importing a backup. */

static void
undo_step_free (gpointer data)
{
  UndoStep *step = data;

  g_free (step->dataset_id);
  g_free (step->entry_id);
  g_free (step->member);
  g_clear_pointer (&step->before, json_node_unref);
  g_clear_pointer (&step->after, json_node_unref);
  g_free (step);
}

static void
add_undo_step (GPtrArray  *steps,
               const char *dataset_id,
               const char *entry_id,
               const char *member,
               JsonNode   *before,
               JsonNode   *after)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->dataset_id = g_strdup (dataset_id);
  step->entry_id = g_strdup (entry_id);
  step->member = g_strdup (member);
  step->before = before ? node_deep_copy (before) : NULL;
  step->after = node_deep_copy (after);
  g_ptr_array_add (steps, step);
}

/* Counts what changes, by kind, when an entry goes from @before (%NULL:
 * none) to @after. */
static void
count_kinds (JsonObject              *before,
             JsonObject              *after,
             NichiroStudyMergeCounts *counts)
{
  counts->notes += g_strcmp0 (object_get_string (before, "note"), object_get_string (after, "note")) != 0;
  counts->pages += g_strcmp0 (object_get_string (before, "page"), object_get_string (after, "page")) != 0;
  counts->studied += object_get_boolean (before, "studied") != object_get_boolean (after, "studied");
  counts->bookmarks += object_get_boolean (before, "bookmarked") != object_get_boolean (after, "bookmarked");
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
  g_autoptr(GDateTime) our_time = entry_get_modified (ours);
  g_autoptr(GDateTime) their_time = entry_get_modified (theirs);
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

static void
import_dataset (JsonObject              *root,
                const char              *dataset_id,
                JsonObject              *theirs,
                NichiroStudyMergeCounts *counts,
                GPtrArray               *steps)
{
  JsonObject *ours = root_get_dataset (root, dataset_id, TRUE);
  JsonObject *our_entries = dataset_get_entries (ours, TRUE);
  JsonObject *their_entries = object_get_object (theirs, "entries");
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
              add_undo_step (steps, dataset_id, member, NULL, our_node, node);
              json_object_set_member (our_entries, member, json_node_copy (node));
              count_kinds (NULL, their_entry, counts);
              counts->added++;
              continue;
            }

          before = node_deep_copy (our_node);
          switch (merge_entry (json_node_get_object (our_node), their_entry))
            {
            case ENTRY_TOOK:
              add_undo_step (steps, dataset_id, member, NULL, before, our_node);
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

      if (g_str_equal (member, "entries") || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (our_node != NULL && !JSON_NODE_HOLDS_NULL (our_node) &&
          !(JSON_NODE_HOLDS_ARRAY (our_node) && json_array_get_length (json_node_get_array (our_node)) == 0))
        continue;

      add_undo_step (steps, dataset_id, NULL, member, our_node, node);
      json_object_set_member (ours, member, json_node_copy (node));
    }
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

  if (!check_writable (self, error))
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

  datasets = object_get_object (json_node_get_object (root), "datasets");
  if (datasets == NULL)
    return TRUE;

  /* Merged into a copy, so that a refused import changes nothing. */
  work = node_deep_copy (self->root);
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
    {
      UndoStep *step = g_ptr_array_index (steps, i);

      if (step->entry_id != NULL)
        note_change (self->changed_entries, step->dataset_id, step->entry_id);
      else
        note_change (self->changed_members, step->dataset_id, step->member);
    }

  mark_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO_IMPORT]);
  for (guint i = 0; i < steps->len; i++)
    {
      UndoStep *step = g_ptr_array_index (steps, i);

      if (step->entry_id != NULL)
        g_signal_emit (self, signals[CHANGED], 0, step->dataset_id, step->entry_id);
    }

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
  if (step->entry_id != NULL)
    return get_entries (self, step->dataset_id, TRUE);
  return get_dataset (self, step->dataset_id, TRUE);
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
  if (!check_writable (self, error))
    return FALSE;

  steps = g_steal_pointer (&self->undo);
  for (guint i = steps->len; i > 0; i--)
    {
      UndoStep *step = g_ptr_array_index (steps, i - 1);
      const char *key = step->entry_id != NULL ? step->entry_id : step->member;
      JsonObject *parent = undo_step_get_parent (self, step);
      JsonNode *current = json_object_get_member (parent, key);

      if (current == NULL || !json_node_equal (current, step->after))
        {
          kept++;
          continue;
        }

      if (step->before != NULL)
        json_object_set_member (parent, key, node_deep_copy (step->before));
      else
        json_object_remove_member (parent, key);

      if (step->entry_id != NULL)
        {
          note_change (self->changed_entries, step->dataset_id, step->entry_id);
          g_ptr_array_add (reverted, step);
        }
      else
        {
          note_change (self->changed_members, step->dataset_id, step->member);
        }
    }

  mark_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO_IMPORT]);
  for (guint i = 0; i < reverted->len; i++)
    {
      UndoStep *step = g_ptr_array_index (reverted, i);

      g_signal_emit (self, signals[CHANGED], 0, step->dataset_id, step->entry_id);
    }

  if (out_kept != NULL)
    *out_kept = kept;
  return TRUE;
}
