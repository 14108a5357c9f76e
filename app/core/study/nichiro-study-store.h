/* nichiro-study-store.h
 *
 * Copyright 2026 The Nichiro authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "nichiro-dataset.h"

G_BEGIN_DECLS

#define NICHIRO_STUDY_FORMAT "nichiro-study"
#define NICHIRO_STUDY_VERSION 1

/* The history keeps this many entries, most recent last. */
#define NICHIRO_STUDY_HISTORY_LENGTH 50

#define NICHIRO_STUDY_ERROR (nichiro_study_error_quark ())

/**
 * NichiroStudyError:
 * @NICHIRO_STUDY_ERROR_READ_ONLY: the study file was written by a newer
 *   Nichiro, or could not be read nor moved aside: nothing may change
 * @NICHIRO_STUDY_ERROR_SAVE: the study file could not be written
 * @NICHIRO_STUDY_ERROR_INVALID: a document is not a Nichiro study file
 * @NICHIRO_STUDY_ERROR_TOO_LARGE: the study file would grow larger than
 *   Nichiro reads, so it is not written (or an import is refused)
 * @NICHIRO_STUDY_ERROR_NOTHING_TO_UNDO: no import can be undone
 *
 * Error codes in the %NICHIRO_STUDY_ERROR domain.
 */
typedef enum
{
  NICHIRO_STUDY_ERROR_READ_ONLY,
  NICHIRO_STUDY_ERROR_SAVE,
  NICHIRO_STUDY_ERROR_INVALID,
  NICHIRO_STUDY_ERROR_TOO_LARGE,
  NICHIRO_STUDY_ERROR_NOTHING_TO_UNDO,
} NichiroStudyError;

/* The most a study file may hold: larger ones are neither read nor
 * written. */
#define NICHIRO_STUDY_MAX_SIZE (64 * 1024 * 1024)

/**
 * NichiroStudyFilter:
 * @NICHIRO_STUDY_FILTER_STUDIED: `is:studied`, marked studied
 * @NICHIRO_STUDY_FILTER_UNSTUDIED: `is:unstudied`, not marked studied
 * @NICHIRO_STUDY_FILTER_BOOKMARKED: `is:bookmarked`
 * @NICHIRO_STUDY_FILTER_NOTED: `is:noted`, with a note that is not blank
 *
 * What the `is:` search terms ask of the study store.
 */
typedef enum
{
  NICHIRO_STUDY_FILTER_STUDIED,
  NICHIRO_STUDY_FILTER_UNSTUDIED,
  NICHIRO_STUDY_FILTER_BOOKMARKED,
  NICHIRO_STUDY_FILTER_NOTED,
} NichiroStudyFilter;

/**
 * NichiroStudyMergeCounts:
 * @added: entries the backup had and the store did not
 * @updated: entries of the store that took something from the backup: what
 *   the backup changed more recently, or what only the backup had
 * @kept: entries the store changed more recently than the backup, kept as
 *   they are although the backup differs
 * @unchanged: entries that were the same in both
 * @notes: notes added or replaced
 * @studied: studied marks set or cleared
 * @bookmarks: bookmarks set or cleared
 * @pages: page references added or replaced
 *
 * What an import did: entry by entry, then what changed by kind.
 */
typedef struct
{
  guint added;
  guint updated;
  guint kept;
  guint unchanged;
  guint notes;
  guint studied;
  guint bookmarks;
  guint pages;
} NichiroStudyMergeCounts;

#define NICHIRO_TYPE_STUDY_STORE (nichiro_study_store_get_type ())

G_DECLARE_FINAL_TYPE (NichiroStudyStore, nichiro_study_store, NICHIRO, STUDY_STORE, GObject)

GQuark             nichiro_study_error_quark                (void);
gboolean           nichiro_study_filter_from_string         (const char              *text,
                                                             NichiroStudyFilter      *out_filter);
gboolean           nichiro_study_check_document             (JsonNode                *root,
                                                             const char              *display_name,
                                                             gint64                  *out_version,
                                                             GError                 **error);

char              *nichiro_study_store_dup_default_path     (void);
NichiroStudyStore *nichiro_study_store_new                  (const char              *path);
const char        *nichiro_study_store_get_path             (NichiroStudyStore       *self);
gboolean           nichiro_study_store_get_read_only        (NichiroStudyStore       *self);
const char        *nichiro_study_store_get_recovery_message (NichiroStudyStore       *self);
const char        *nichiro_study_store_get_read_only_reason (NichiroStudyStore       *self);
const char        *nichiro_study_store_get_moved_aside_path (NichiroStudyStore       *self);
const GError      *nichiro_study_store_get_save_error       (NichiroStudyStore       *self);
gboolean           nichiro_study_store_has_unsaved_changes  (NichiroStudyStore       *self);
gboolean           nichiro_study_store_flush                (NichiroStudyStore       *self,
                                                             GError                 **error);

gboolean           nichiro_study_store_get_studied          (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id);
gboolean           nichiro_study_store_set_studied          (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id,
                                                             gboolean                 studied,
                                                             GError                 **error);
gboolean           nichiro_study_store_get_bookmarked       (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id);
gboolean           nichiro_study_store_set_bookmarked       (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id,
                                                             gboolean                 bookmarked,
                                                             GError                 **error);
const char        *nichiro_study_store_get_note             (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id);
gboolean           nichiro_study_store_set_note             (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id,
                                                             const char              *note,
                                                             GError                 **error);
const char        *nichiro_study_store_get_page             (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id);
gboolean           nichiro_study_store_set_page             (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id,
                                                             const char              *page,
                                                             GError                 **error);
GDateTime         *nichiro_study_store_get_modified         (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id);

const char        *nichiro_study_store_get_last_entry       (NichiroStudyStore       *self,
                                                             const char              *dataset_id);
gboolean           nichiro_study_store_set_last_entry       (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id,
                                                             GError                 **error);
const char        *nichiro_study_store_get_last_part        (NichiroStudyStore       *self,
                                                             const char              *dataset_id);
gboolean           nichiro_study_store_set_last_part        (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *part_id,
                                                             GError                 **error);
GStrv              nichiro_study_store_dup_history          (NichiroStudyStore       *self,
                                                             const char              *dataset_id);

gboolean           nichiro_study_store_matches              (NichiroStudyStore       *self,
                                                             const char              *dataset_id,
                                                             const char              *entry_id,
                                                             NichiroStudyFilter       filter);
GPtrArray         *nichiro_study_store_filter               (NichiroStudyStore       *self,
                                                             NichiroDataset          *dataset,
                                                             NichiroStudyFilter       filter);
void               nichiro_study_store_count_part           (NichiroStudyStore       *self,
                                                             NichiroDataset          *dataset,
                                                             const char              *part_id,
                                                             guint                   *out_studied,
                                                             guint                   *out_total);
double             nichiro_study_store_get_progress         (NichiroStudyStore       *self,
                                                             NichiroDataset          *dataset,
                                                             guint                   *out_studied,
                                                             guint                   *out_total);

JsonNode          *nichiro_study_store_dup_dataset_json     (NichiroStudyStore       *self,
                                                             const char              *dataset_id);
gboolean           nichiro_study_store_merge_document       (NichiroStudyStore       *self,
                                                             JsonNode                *root,
                                                             NichiroStudyMergeCounts *counts,
                                                             GError                 **error);
gboolean           nichiro_study_store_can_undo_import      (NichiroStudyStore       *self);
const char        *nichiro_study_store_get_pre_import_path  (NichiroStudyStore       *self);
gboolean           nichiro_study_store_undo_import          (NichiroStudyStore       *self,
                                                             guint                   *out_kept,
                                                             GError                 **error);

G_END_DECLS
