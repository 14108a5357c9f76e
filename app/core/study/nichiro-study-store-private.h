/* nichiro-study-store-private.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nichiro-study-store.h"
#include "nichiro-study-file.h"

G_BEGIN_DECLS

/* What the files of NichiroStudyStore share: the type is one, split by
 * concern as GNOME Text Editor splits its page: the type and its public
 * basics (nichiro-study-store.c), the document (-document.c), the file on
 * disk (-disk.c), the reader's marks (-marks.c), the self-test's cards and
 * reviews (-reviews.c) and importing (-import.c). */

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
  /* And dataset id → set of card ids whose self-test state it changed. */
  GHashTable *changed_cards;

  /* The version of the file as it was read, and whether a copy of a file
   * of an older version was kept before it was first written as this
   * one. */
  gint64 file_version;

  GPtrArray *undo;
  char *pre_import_path;

  guint save_source;
  guint retry_interval;
  gint64 dirty_since;

  guint read_only : 1;
  guint dirty : 1;
  guint registered : 1;
  guint kept_old_version : 1;
};

typedef enum
{
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_RECOVERY_MESSAGE,
  PROP_SAVE_ERROR,
  PROP_HAS_UNSAVED_CHANGES,
  PROP_MOVED_ASIDE_PATH,
  PROP_CAN_UNDO_IMPORT,
  N_PROPS
} NichiroStudyStoreProp;

/* nichiro-study-store.c */
void        _nichiro_study_store_notify           (NichiroStudyStore     *self,
                                                   NichiroStudyStoreProp  prop);
void        _nichiro_study_store_emit_changed     (NichiroStudyStore     *self,
                                                   const char            *dataset_id,
                                                   const char            *entry_id);
void        _nichiro_study_store_emit_save_failed (NichiroStudyStore     *self,
                                                   const GError          *error);
void        _nichiro_study_store_emit_reviews_changed (NichiroStudyStore *self,
                                                       const char        *dataset_id);

/* nichiro-study-store-document.c: the tree, read without trusting a type */
JsonObject *_nichiro_study_object_get_object      (JsonObject            *object,
                                                   const char            *member);
const char *_nichiro_study_object_get_string      (JsonObject            *object,
                                                   const char            *member);
gboolean    _nichiro_study_object_get_boolean     (JsonObject            *object,
                                                   const char            *member);
JsonObject *_nichiro_study_root_get_dataset       (JsonObject            *root,
                                                   const char            *dataset_id,
                                                   gboolean               create);
JsonObject *_nichiro_study_dataset_get_entries    (JsonObject            *dataset,
                                                   gboolean               create);
JsonObject *_nichiro_study_store_get_datasets     (NichiroStudyStore     *self);
JsonObject *_nichiro_study_store_get_dataset      (NichiroStudyStore     *self,
                                                   const char            *dataset_id,
                                                   gboolean               create);
JsonObject *_nichiro_study_store_get_entries      (NichiroStudyStore     *self,
                                                   const char            *dataset_id,
                                                   gboolean               create);
JsonObject *_nichiro_study_store_get_entry        (NichiroStudyStore     *self,
                                                   const char            *dataset_id,
                                                   const char            *entry_id,
                                                   gboolean               create);
JsonNode   *_nichiro_study_node_deep_copy         (JsonNode              *node);
GDateTime  *_nichiro_study_entry_get_modified     (JsonObject            *entry);
void        _nichiro_study_migrate                (JsonNode              *root,
                                                   gint64                 version);
void        _nichiro_study_note_change            (GHashTable            *changes,
                                                   const char            *dataset_id,
                                                   const char            *key);
gboolean    _nichiro_study_was_changed            (GHashTable            *changes,
                                                   const char            *dataset_id,
                                                   const char            *key);

/* nichiro-study-store-disk.c: loading, saving, merging another's save */
void        _nichiro_study_store_load             (NichiroStudyStore     *self);
gboolean    _nichiro_study_store_check_writable   (NichiroStudyStore     *self,
                                                   GError               **error);
void        _nichiro_study_store_mark_changed     (NichiroStudyStore     *self);
gboolean    _nichiro_study_store_save_now         (NichiroStudyStore     *self,
                                                   gboolean               notify,
                                                   GError               **error);
gboolean    _nichiro_study_store_save             (NichiroStudyStore     *self,
                                                   GError               **error);

/* nichiro-study-store-reviews.c: the self-test's card states and log */
guint       _nichiro_study_merge_reviews          (JsonObject            *ours,
                                                   JsonObject            *theirs);
gboolean    _nichiro_study_take_card              (JsonObject            *ours,
                                                   const char            *card_id,
                                                   JsonNode              *node,
                                                   gboolean               keep_ours);
gboolean    _nichiro_study_store_merge_reviews_from_file (NichiroStudyStore *self,
                                                          const char        *dataset_id,
                                                          JsonObject        *ours,
                                                          JsonObject        *theirs);

G_END_DECLS
