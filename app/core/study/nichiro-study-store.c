/* nichiro-study-store.c
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nichiro-study-store"

#include "config.h"

#include "nichiro-study-store.h"
#include "nichiro-study-store-private.h"

/* The reader's own data: studied marks, bookmarks, notes, page references
 * and where they left off, and the self-test's card states and review log,
 * for every dataset they ever opened, in one JSON file. The document itself is the model: getters read the tree and
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
 * The type is one, in several files that share
 * nichiro-study-store-private.h: this one holds the object and the public
 * basics; -document.c the tree and its checking; -disk.c loading, saving
 * and merging what another process saved; -marks.c the reader's marks;
 * -reviews.c the self-test's card states and review log; -import.c
 * importing a backup and undoing it. */

G_DEFINE_FINAL_TYPE (NichiroStudyStore, nichiro_study_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  SAVE_FAILED,
  REVIEWS_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The live stores by path: one object per file, so one writer. */
static GHashTable *stores;

G_DEFINE_QUARK (nichiro-study-error-quark, nichiro_study_error)

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

  _nichiro_study_store_load (self);
}

static void
nichiro_study_store_dispose (GObject *object)
{
  NichiroStudyStore *self = (NichiroStudyStore *)object;

  /* The last chance to keep what was changed since the last save. */
  if (self->dirty && !self->read_only)
    {
      g_autoptr(GError) error = NULL;

      if (!_nichiro_study_store_save_now (self, FALSE, &error))
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
  g_clear_pointer (&self->changed_cards, g_hash_table_unref);
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

  /**
   * NichiroStudyStore::reviews-changed:
   * @self: the store
   * @dataset_id: the dataset
   *
   * Emitted when the self-test's card states or review log of the dataset
   * changed: a review was kept, or came in from another process's save
   * or an import, or an import was undone.
   */
  signals[REVIEWS_CHANGED] =
    g_signal_new ("reviews-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
nichiro_study_store_init (NichiroStudyStore *self)
{
  self->changed_entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);
  self->changed_members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) g_hash_table_unref);
  self->changed_cards = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) g_hash_table_unref);
}

/* Internals. */

void
_nichiro_study_store_notify (NichiroStudyStore     *self,
                            NichiroStudyStoreProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
_nichiro_study_store_emit_changed (NichiroStudyStore *self,
                                  const char        *dataset_id,
                                  const char        *entry_id)
{
  g_signal_emit (self, signals[CHANGED], 0, dataset_id, entry_id);
}

void
_nichiro_study_store_emit_save_failed (NichiroStudyStore *self,
                                      const GError      *error)
{
  g_signal_emit (self, signals[SAVE_FAILED], 0, error);
}

void
_nichiro_study_store_emit_reviews_changed (NichiroStudyStore *self,
                                           const char        *dataset_id)
{
  g_signal_emit (self, signals[REVIEWS_CHANGED], 0, dataset_id);
}

/* Public API. */

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

  return _nichiro_study_store_save (self, error);
}
